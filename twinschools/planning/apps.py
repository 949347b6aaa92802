from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "twinschools.planning"
    label = "planning"
