"""What other apps call when something readers follow happens. Each hook only
enqueues a task once the current transaction commits: a rolled-back change
notifies nobody, and the request never waits for delivery.

The works app reaches the first two through its signals (quire/works/events.py)."""

from functools import partial

from django.db import transaction


def _has_followers(work_id: int) -> bool:
    """Is anyone subscribed to this work, its creators or its series? Most works
    have nobody yet: they get no task at all."""
    from django.db.models import Q

    from .models import Subscription

    return Subscription.objects.filter(
        Q(work_id=work_id)
        | Q(author__pseuds__creatorships__work_id=work_id, author__pseuds__creatorships__accepted=True)
        | Q(pseud__creatorships__work_id=work_id, pseud__creatorships__accepted=True)
        | Q(series__memberships__work_id=work_id)
    ).exists()


def _enqueue_if_followed(work_id: int, task, *args) -> None:
    if _has_followers(work_id):
        task.enqueue(*args)


def chapter_published(chapter) -> None:
    """A chapter went up (posting a work publishes its first chapters through here too)."""
    from .tasks import notify_chapter_published

    transaction.on_commit(partial(_enqueue_if_followed, chapter.work_id, notify_chapter_published, chapter.pk))


def series_grew(series, work) -> None:
    from .tasks import notify_series_grew

    transaction.on_commit(partial(_enqueue_if_followed, work.pk, notify_series_grew, series.pk, work.pk))


def on_chapter_published(sender, chapter, **kwargs) -> None:
    chapter_published(chapter)


def on_series_grew(sender, series, work, **kwargs) -> None:
    series_grew(series, work)


def comment_posted(comment) -> None:
    """A comment was posted, or approved (which may now notify the person replied to)."""
    from .tasks import notify_comment

    transaction.on_commit(partial(notify_comment.enqueue, comment.pk))
