from django.apps import AppConfig


class LeadershipConfig(AppConfig):
    name = "twinschools.leadership"
    label = "leadership"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from twinschools.leadership import demo, records
        from twinschools.leadership.notices import register_notices
        from twinschools.mission.registry import (
            Section,
            register_demo_seeder,
            register_records,
            register_section,
        )

        register_section(
            Section("team", 20, "leadership:team", _("Team and responsibilities"), "workspace.view", group=1)
        )
        register_section(
            Section(
                "decisions",
                30,
                "leadership:decisions",
                _("Proposals and decisions"),
                "workspace.view",
                group=1,
            )
        )
        register_records(records.PROVIDER)
        from twinschools.leadership import activity

        activity.register()
        register_demo_seeder(demo.seed, order=20)
        from twinschools.leadership.evidence import candidates as evidence_candidates
        from twinschools.mission.registry import register_evidence

        register_evidence(evidence_candidates)
        register_notices()
        from twinschools.accounts.home import register_todos
        from twinschools.leadership.home import todos as home_todos

        register_todos(home_todos)
