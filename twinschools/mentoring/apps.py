from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class MentoringConfig(AppConfig):
    """Mentoring between schools: offers, requests, matching by the NSO and the programme."""

    name = "twinschools.mentoring"
    label = "mentoring"

    def ready(self) -> None:
        from twinschools.core import jobs
        from twinschools.mentoring import services

        jobs.register(
            jobs.Kind(
                name=services.MATCHING_JOB,
                title=_("Mentor matching"),
                work=services.matching_job,
                result_template="mentoring/matching_job_result.html",
                start_again_url=lambda job: reverse("mentoring:nso_matching"),
            )
        )
        from twinschools.mentoring.demo import seed_demo_mentoring
        from twinschools.mentoring.records import PROVIDER as records_provider
        from twinschools.mission.registry import (
            Section,
            register_demo_seeder,
            register_records,
            register_section,
        )

        register_section(
            Section(
                key="mentoring",
                order=68,
                url_name="mentoring:school_mentoring",
                label=_("Mentoring"),
                permission="workspace.view",
                commitment=4,
            )
        )
        register_records(records_provider)
        from twinschools.mentoring import activity

        activity.register()
        register_demo_seeder(seed_demo_mentoring, order=68)
        from twinschools.mentoring.evidence import candidates as evidence_candidates
        from twinschools.mission.registry import register_evidence

        register_evidence(evidence_candidates)
        from twinschools.accounts.home import register_todos
        from twinschools.mentoring.home import todos as home_todos

        register_todos(home_todos)
