from django.apps import AppConfig


class InteractionsConfig(AppConfig):
    name = "quire.interactions"
    label = "interactions"

    def ready(self):
        # `works` tells of what happened through its own signals and never imports this app.
        from quire.works import events

        from . import hooks, tracking

        events.chapter_published.connect(hooks.on_chapter_published, dispatch_uid="interactions_chapter_published")
        events.series_grew.connect(hooks.on_series_grew, dispatch_uid="interactions_series_grew")
        events.work_viewed.connect(tracking.on_work_viewed, dispatch_uid="interactions_work_viewed")
