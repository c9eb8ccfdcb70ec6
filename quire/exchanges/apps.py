from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class ExchangesConfig(AppConfig):
    name = "quire.exchanges"
    label = "exchanges"
    verbose_name = gettext_lazy("Gift exchanges")
