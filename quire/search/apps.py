from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class SearchConfig(AppConfig):
    name = "quire.search"
    label = "search"

    def ready(self):
        # The search text follows every change to what it is built from; see indexing.py.
        from quire.accounts.models import Pseud
        from quire.works import events
        from quire.works.models import Chapter, Creatorship, Work

        from . import indexing
        from .backends import narrow_listed_works

        events.works_listed.connect(narrow_listed_works, dispatch_uid="search_series_exclusions")

        post_save.connect(indexing.on_work_saved, sender=Work, dispatch_uid="search_work_saved")
        post_delete.connect(indexing.on_work_deleted, sender=Work, dispatch_uid="search_work_deleted")
        post_save.connect(indexing.on_chapter_changed, sender=Chapter, dispatch_uid="search_chapter_saved")
        post_delete.connect(indexing.on_chapter_changed, sender=Chapter, dispatch_uid="search_chapter_deleted")
        post_save.connect(indexing.on_creatorship_changed, sender=Creatorship, dispatch_uid="search_credit_saved")
        post_delete.connect(indexing.on_creatorship_changed, sender=Creatorship, dispatch_uid="search_credit_deleted")
        post_save.connect(indexing.on_pseud_saved, sender=Pseud, dispatch_uid="search_pseud_saved")
