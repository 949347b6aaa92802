from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class LabelsConfig(AppConfig):
    """eTwinning School label rounds, form versions and the automatic eligibility check."""

    name = "twinschools.labels"
    label = "labels"

    def ready(self) -> None:
        from twinschools.labels import notices
        from twinschools.labels.demo import seed_demo_round
        from twinschools.mission.registry import LABEL_GROUP, Section, register_demo_seeder, register_section

        notices.register()
        # The eligibility check runs as a background job with its own page (core/jobs.py).
        from twinschools.core import jobs
        from twinschools.labels import services

        jobs.register(
            jobs.Kind(
                name=services.ELIGIBILITY_JOB,
                title=_("Eligibility check"),
                work=services.eligibility_job,
                result_template="labels/eligibility_job_result.html",
                result_context=services.eligibility_job_context,
                # The round's page, where its check is run.
                start_again_url=lambda job: reverse("labels:round_edit", args=[job.params["round_id"]]),
            )
        )
        # The school's label page sits in its workspace navigation, where staff look.
        register_section(
            Section(
                key="label",
                order=95,
                url_name="labels:school",
                label=_("eTwinning School label"),
                permission="labels.view_school",
                group=LABEL_GROUP,
            )
        )
        # After the workspace seeders (the check reads the activities they add, up to 80) and
        # before the application (90) and evaluation (95) seeders, which need the open round.
        register_demo_seeder(seed_demo_round, order=85)
