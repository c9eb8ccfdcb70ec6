from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class EfictionConfig(AppConfig):
    name = "quire.efiction"
    label = "efiction"
    verbose_name = gettext_lazy("eFiction migration")
