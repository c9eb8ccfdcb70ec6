from django.apps import AppConfig
from django.db.models import signals

from quire.tags import events as tag_events


class WorksConfig(AppConfig):
    name = "quire.works"
    label = "works"

    def ready(self):
        # Index freshness for saves no workflow names (see freshness.py).

        from . import filing, freshness

        tag_events.canon_changed.connect(filing.on_canon_changed, dispatch_uid="works_refile_on_canon_change")

        for name, model, receiver in freshness.SIGNALS:
            getattr(signals, name).connect(receiver, sender=model, dispatch_uid=f"freshness_{name}_{model.__name__}")
