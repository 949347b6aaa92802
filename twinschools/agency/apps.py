from django.apps import AppConfig


class AgencyConfig(AppConfig):
    """Students as agents of change: ambassadors, initiatives and student voice."""

    name = "twinschools.agency"
    label = "agency"
