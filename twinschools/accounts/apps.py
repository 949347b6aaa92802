from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "twinschools.accounts"
    label = "accounts"
