from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from quire.works import events, form_sections


class CollectionsConfig(AppConfig):
    # The package is quire/collections; its label must not be "collections",
    # which would read like Python's own module in migrations and admin.
    name = "quire.collections"
    label = "quire_collections"
    verbose_name = _("Collections")

    def ready(self):
        from . import forms, hooks

        form_sections.register(forms.WorkCollectionsSection)
        events.chapter_published.connect(hooks.on_chapter_published, dispatch_uid="collections-gifts")
