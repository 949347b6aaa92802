from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class PlanningConfig(AppConfig):
    """The eTwinning action plan and the co-planned activity calendar."""

    name = "twinschools.planning"
    label = "planning"

    def ready(self) -> None:
        from twinschools.mission.registry import (
            Section,
            register_demo_seeder,
            register_records,
            register_section,
        )
        from twinschools.planning import demo, records

        register_section(
            Section(
                "plan",
                40,
                "planning:plan",
                pgettext_lazy("workspace section", "Action plan"),
                "workspace.view",
                group=2,
            )
        )
        register_section(
            Section(
                "calendar",
                50,
                "planning:calendar",
                pgettext_lazy("workspace section", "Calendar"),
                "workspace.view",
                group=2,
            )
        )
        register_records(records.PROVIDER)
        from twinschools.planning import activity

        activity.register()
        register_demo_seeder(demo.seed, order=40)
        from twinschools.mission.registry import register_evidence
        from twinschools.planning.evidence import candidates as evidence_candidates

        register_evidence(evidence_candidates)
        from twinschools.accounts.home import register_todos
        from twinschools.planning.home import todos as home_todos

        register_todos(home_todos)
        from twinschools.planning.notices import register_notices

        register_notices()
