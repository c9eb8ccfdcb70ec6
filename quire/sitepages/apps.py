from django.apps import AppConfig


class SitepagesConfig(AppConfig):
    name = "quire.sitepages"
    label = "sitepages"
    verbose_name = "Site pages and news"
