from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    name = "quire.imports"
    verbose_name = _("Imports")
    default_auto_field = "django.db.models.BigAutoField"
