from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "twinschools.core"
    label = "core"

    def ready(self) -> None:
        from twinschools.core import checks  # noqa: F401  (registers the deploy checks)
