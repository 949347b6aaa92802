from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "twinschools.notifications"
    label = "notifications"

    def ready(self) -> None:
        from twinschools.accounts.home import register_changes
        from twinschools.notifications.home import changes_since

        register_changes(changes_since)
        from twinschools.notifications.personal_data import register_personal_data

        register_personal_data()
