from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "twinschools.network"
    label = "network"

    def ready(self) -> None:
        from twinschools.network.importing import jobs

        jobs.register()  # the web import runs as a background job (core/jobs.py)
