from django.apps import AppConfig

from quire.works import events


class SearchConfig(AppConfig):
    name = "quire.search"
    label = "search"

    def ready(self):
        from . import indexing
        from .backends import narrow_listed_works

        events.works_listed.connect(narrow_listed_works, dispatch_uid="search_series_exclusions")
        # The search text follows every change to what it is built from (works/freshness.py).
        events.works_changed.connect(indexing.on_works_changed, dispatch_uid="search_works_changed")
