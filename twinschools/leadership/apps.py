from django.apps import AppConfig


class LeadershipConfig(AppConfig):
    name = "twinschools.leadership"
    label = "leadership"
