from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import pgettext_lazy


class MissionConfig(AppConfig):
    """The school's mission overview, inclusion, innovation and the OECD view."""

    name = "twinschools.mission"
    label = "mission"

    def ready(self) -> None:
        post_migrate.connect(_sync_approaches, sender=self)
        _join_the_workspace()


def _join_the_workspace() -> None:
    from twinschools.mission.demo import seed_inclusion
    from twinschools.mission.records import PROVIDER as records_provider
    from twinschools.mission.registry import (
        Section,
        register_demo_seeder,
        register_records,
        register_section,
    )

    # The innovation record and the OECD view are the "innovative learning organisation" of
    # commitment 5, without being where its work starts.
    for key, order, url_name, label, commitment, group in (
        (
            "overview",
            10,
            "mission:overview",
            pgettext_lazy("workspace section", "Mission overview"),
            None,
            None,
        ),
        ("inclusion", 80, "mission:inclusion", pgettext_lazy("workspace section", "Inclusion"), 5, None),
        ("innovation", 90, "mission:innovation", pgettext_lazy("workspace section", "Innovation"), None, 5),
        (
            "oecd",
            100,
            "mission:learning_organisation",
            pgettext_lazy("workspace section", "Learning organisation"),
            None,
            5,
        ),
    ):
        register_section(
            Section(
                key=key,
                order=order,
                url_name=url_name,
                label=label,
                permission="workspace.view",
                commitment=commitment,
                group=group,
            )
        )
    register_records(records_provider)
    from twinschools.mission import activity

    activity.register()
    register_demo_seeder(seed_inclusion, order=80)


def _sync_approaches(sender: object, using: str = "default", **kwargs: object) -> None:
    """Keep one Approach row per code of the vocabulary (new codes need no data migration)."""
    from twinschools.mission.approaches import ApproachCode
    from twinschools.mission.models import Approach

    Approach.objects.using(using).bulk_create(
        [Approach(code=code) for code in ApproachCode.values], ignore_conflicts=True
    )
