from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "twinschools.core"
    label = "core"
