from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    """The label application, co-written by the school's staff, signed and submitted in the platform."""

    name = "twinschools.applications"
    label = "applications"

    def ready(self) -> None:
        from twinschools.applications.demo import seed_application
        from twinschools.mission.registry import LABEL_GROUP, Section, register_demo_seeder, register_section

        register_section(
            Section(
                key="applications",
                order=95,
                url_name="applications:school",
                label=_("Label application"),
                permission="applications.view_school",
                group=LABEL_GROUP,
            )
        )
        # After the labels app's seeder, which opens the demo round and checks eligibility.
        register_demo_seeder(seed_application, order=90)
        from twinschools.accounts.home import register_todos
        from twinschools.applications.home import todos as home_todos

        register_todos(home_todos)
        from twinschools.applications import notices

        notices.register()
