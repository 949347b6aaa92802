from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "twinschools.network"
    label = "network"
