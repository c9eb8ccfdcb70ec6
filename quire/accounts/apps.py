from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "quire.accounts"
    label = "accounts"
