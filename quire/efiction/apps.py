from django.apps import AppConfig


class EfictionConfig(AppConfig):
    name = "quire.efiction"
    label = "efiction"
    verbose_name = "eFiction migration"
