"""Background work: delivering notifications and digests. Every task is safe to
run twice (after a worker restart, or a duplicate enqueue): notifications are
unique per (user, event) and each email is claimed before it is sent."""

from django_tasks import task


@task()
def notify_chapter_published(chapter_id: int) -> int:
    from .notify import deliver_chapter_event

    return deliver_chapter_event(chapter_id)


@task()
def notify_series_grew(series_id: int, work_id: int) -> int:
    from .notify import deliver_series_event

    return deliver_series_event(series_id, work_id)


@task()
def notify_comment(comment_id: int) -> int:
    from .notify import deliver_comment_event

    return deliver_comment_event(comment_id)


@task()
def notify_kudos(work_id: int, event_key: str) -> int:
    from .notify import deliver_kudos_event

    return deliver_kudos_event(work_id, event_key)


@task()
def send_digest(user_id: int) -> int:
    from .notify import send_digest as _send

    return _send(user_id)
