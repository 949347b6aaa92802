from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "twinschools.accounts"
    label = "accounts"

    def ready(self) -> None:
        from twinschools.accounts.home import invitation_todos, register_todos

        register_todos(invitation_todos)

        from twinschools.accounts.mfa import connect_audit

        connect_audit()
