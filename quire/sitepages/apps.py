from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class SitepagesConfig(AppConfig):
    name = "quire.sitepages"
    label = "sitepages"
    verbose_name = gettext_lazy("Site pages and news")
