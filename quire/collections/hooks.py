"""Receivers for works' signals (works sits below collections and can't call it)."""

from django.db import transaction

from quire.works.models import Work


def on_chapter_published(sender, chapter, **kwargs):
    # A gift saved as a draft tells its recipients when the work goes up.
    from .services import notify_gifts_posted

    work_id = chapter.work_id

    def deliver():
        work = Work.objects.filter(pk=work_id).first()
        if work is not None:
            notify_gifts_posted(work)

    transaction.on_commit(deliver)
