from django.apps import AppConfig


class MentoringConfig(AppConfig):
    """Mentoring between schools: offers, requests, matching by the NSO and the programme."""

    name = "twinschools.mentoring"
    label = "mentoring"
