from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "twinschools.notifications"
    label = "notifications"
