from django.apps import AppConfig

from quire.works import events


class InteractionsConfig(AppConfig):
    name = "quire.interactions"
    label = "interactions"

    def ready(self):
        # `works` tells of what happened through its own signals and never imports this app.
        from . import accounts, hooks, tracking

        events.chapter_published.connect(hooks.on_chapter_published, dispatch_uid="interactions_chapter_published")
        events.series_grew.connect(hooks.on_series_grew, dispatch_uid="interactions_series_grew")
        events.account_claimed.connect(accounts.on_account_claimed, dispatch_uid="interactions_account_claimed")
        events.account_leaving.connect(accounts.on_account_leaving, dispatch_uid="interactions_account_leaving")
        events.work_viewed.connect(tracking.on_work_viewed, dispatch_uid="interactions_work_viewed")
