from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgencyConfig(AppConfig):
    """Students as agents of change: ambassadors, initiatives and student voice."""

    name = "twinschools.agency"
    label = "agency"

    def ready(self) -> None:
        from twinschools.agency.demo import seed_demo_agency
        from twinschools.agency.evidence import candidates as evidence_candidates
        from twinschools.agency.records import PROVIDER as records_provider
        from twinschools.mission.registry import (
            Section,
            register_demo_seeder,
            register_evidence,
            register_records,
            register_section,
        )

        register_section(
            Section(
                key="students",
                order=70,
                url_name="agency:school_students",
                label=_("Student agency"),
                permission="workspace.view",
                group=3,
            )
        )
        register_records(records_provider)
        from twinschools.agency import activity

        activity.register()
        register_evidence(evidence_candidates)
        register_demo_seeder(seed_demo_agency, order=70)
        from twinschools.accounts.home import register_todos
        from twinschools.agency.home import todos as home_todos

        register_todos(home_todos)
        from twinschools.agency.personal_data import register_personal_data

        register_personal_data()
