from django.apps import AppConfig


class ExchangesConfig(AppConfig):
    name = "quire.exchanges"
    label = "exchanges"
    verbose_name = "Gift exchanges"
