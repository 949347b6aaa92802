from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Outreach events: open days, information sessions, workshops and courses for other schools."""

    name = "twinschools.events"
    label = "events"

    def ready(self) -> None:
        from twinschools.events.personal_data import register_personal_data

        register_personal_data()
        from twinschools.events.demo import seed_demo_events
        from twinschools.events.records import PROVIDER as records_provider
        from twinschools.mission.registry import (
            Section,
            register_demo_seeder,
            register_records,
            register_section,
        )

        register_section(
            Section(
                key="events",
                order=65,
                url_name="events:school_events",
                label=_("Outreach events"),
                permission="workspace.view",
                commitment=4,
            )
        )
        register_records(records_provider)
        from twinschools.events import activity

        activity.register()
        register_demo_seeder(seed_demo_events, order=65)
        from twinschools.events.evidence import candidates as evidence_candidates
        from twinschools.mission.registry import register_evidence

        register_evidence(evidence_candidates)
        from twinschools.accounts.home import register_todos
        from twinschools.events.home import todos as home_todos

        register_todos(home_todos)
