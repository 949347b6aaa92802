from django.apps import AppConfig


class PracticesConfig(AppConfig):
    name = "twinschools.practices"
    label = "practices"
