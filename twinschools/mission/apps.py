from django.apps import AppConfig
from django.db.models.signals import post_migrate


class MissionConfig(AppConfig):
    """The school's mission overview, inclusion, innovation and the OECD view."""

    name = "twinschools.mission"
    label = "mission"

    def ready(self) -> None:
        post_migrate.connect(_sync_approaches, sender=self)


def _sync_approaches(sender: object, using: str = "default", **kwargs: object) -> None:
    """Keep one Approach row per code of the vocabulary (new codes need no data migration)."""
    from twinschools.mission.approaches import ApproachCode
    from twinschools.mission.models import Approach

    Approach.objects.using(using).bulk_create(
        [Approach(code=code) for code in ApproachCode.values], ignore_conflicts=True
    )
