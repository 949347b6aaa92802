from django.apps import AppConfig


class CredentialsConfig(AppConfig):
    """Verifiable credentials of the eTwinning School label (Open Badges 3.0, Data Integrity)."""

    name = "twinschools.credentials"
    label = "credentials"
