from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    """The practice library: practices shared, commented, tried and adapted across schools."""

    name = "twinschools.practices"
    label = "practices"

    def ready(self) -> None:
        from twinschools.practices.personal_data import register_personal_data

        register_personal_data()
        from twinschools.mission.registry import (
            Section,
            register_demo_seeder,
            register_records,
            register_section,
        )
        from twinschools.practices import records
        from twinschools.practices.demo import seed_practices
        from twinschools.practices.services import ADAPTED_KIND, ADAPTED_SENTENCE

        register_section(
            Section(
                key="practices",
                order=60,
                url_name="practices:school_library",
                label=_("Practice library"),
                permission="workspace.view",
                group=2,
            )
        )
        register_records(records.PROVIDER)
        from twinschools.practices import activity

        activity.register()
        register_demo_seeder(seed_practices, order=60)
        from twinschools.mission.registry import register_evidence
        from twinschools.practices.evidence import candidates as evidence_candidates

        register_evidence(evidence_candidates)
        from twinschools.notifications.kinds import register_kind

        register_kind(ADAPTED_KIND, ADAPTED_SENTENCE, label=_("Someone adapted your practice"))
