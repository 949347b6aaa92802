from django.apps import AppConfig


class LabelsConfig(AppConfig):
    """eTwinning School label rounds, form versions and the automatic eligibility check."""

    name = "twinschools.labels"
    label = "labels"

    def ready(self) -> None:
        from twinschools.labels import notices

        notices.register()
