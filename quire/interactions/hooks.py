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


def kudos_event_key(work_id: int, day) -> str:
    """Kudos are told in one inbox item (and at most one email) per work per day."""
    return f"kudos:{work_id}:{day.isoformat()}"


def kudos_left(work_id: int) -> None:
    """Kudos were left: the creators hear of it once a day per work, so only the day's
    first kudos starts a task; the item itself counts the day's kudos when read."""
    from django.utils import timezone

    from .models import Notification
    from .tasks import notify_kudos

    key = kudos_event_key(work_id, timezone.localdate())
    if not Notification.objects.filter(event_key=key).exists():
        transaction.on_commit(partial(notify_kudos.enqueue, work_id, key))
