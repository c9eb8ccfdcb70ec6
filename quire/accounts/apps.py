from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "quire.accounts"
    label = "accounts"

    def ready(self):
        # Connects the log-in message that tells a suspended member why.
        from . import suspension  # noqa: F401
