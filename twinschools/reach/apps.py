from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReachConfig(AppConfig):
    """Regional reach: which schools a school's outreach reached, and where the network has gaps."""

    name = "twinschools.reach"
    label = "reach"

    def ready(self) -> None:
        from twinschools.mission.registry import Section, register_records, register_section
        from twinschools.reach.records import PROVIDER as records_provider

        register_section(
            Section(
                key="reach",
                order=69,
                url_name="reach:school_reach",
                label=_("Regional reach"),
                permission="workspace.view",
                commitment=4,
            )
        )
        register_records(records_provider)
        # The CSV exports are background jobs (core/jobs.py).
        from twinschools.reach import exports

        exports.register()
