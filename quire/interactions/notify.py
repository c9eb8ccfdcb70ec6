"""Turning events into inbox items and emails.

Each event has a key ("chapter:12", "comment:40", ...). A notification is unique
per (user, event key), so delivering an event twice (a retried task, a worker that
died mid-batch) adds nothing. Emails are claimed one by one with a conditional
UPDATE (pending → sending) before they are sent, so no event is emailed twice;
the price is that an email whose worker dies between claim and send is not sent.
"""

from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone

from quire.accounts.models import Mute, User
from quire.works.models import Chapter, ChapterState, Series, Work

from .models import Comment, EmailFrequency, Notification, NotificationKind, ReaderSettings, Subscription
from .models.notifications import EmailState


def _can_see(user, work) -> bool:
    return Work.objects.visible_to(user).filter(pk=work.pk).exists()


def _creator_ids(work) -> set[int]:
    return {p.user_id for p in work.accepted_pseuds()}


def _subscriptions_for_work(work, *, include_work: bool, include_creators: bool, include_series: bool):
    """Subscriptions that follow `work`, a creator of it (unless anonymous), or a series it is in."""
    rule = Q(pk__in=[])
    if include_work:
        rule |= Q(work=work)
    if include_creators and not work.anonymous:
        pseuds = work.accepted_pseuds()
        rule |= Q(author_id__in=[p.user_id for p in pseuds]) | Q(pseud_id__in=[p.pk for p in pseuds])
    if include_series:
        rule |= Q(series__memberships__work=work)
    return Subscription.objects.filter(rule).select_related("user").order_by("pk")


def _notify(event_key: str, kind: str, recipients: dict, *, about_work=None, **targets) -> list[Notification]:
    """Create the event's notifications for `recipients` ({user: subscription or None})
    and email those who want it now. Returns the notifications created this time."""
    wanted = []
    for user, subscription in recipients.items():
        if not user.is_active:
            continue
        if about_work is not None and not _can_see(user, about_work):
            continue  # drafts, hidden, restricted-to-guests, muted: nobody who can't read it hears of it
        wanted.append(Notification(user=user, kind=kind, event_key=event_key, subscription=subscription, **targets))
    if not wanted:
        return []
    existing = set(
        Notification.objects.filter(event_key=event_key, user__in=[n.user for n in wanted]).values_list(
            "user_id", flat=True
        )
    )
    Notification.objects.bulk_create([n for n in wanted if n.user_id not in existing], ignore_conflicts=True)
    created = list(
        Notification.objects.filter(event_key=event_key, user__in=[n.user for n in wanted]).select_related("user")
    )
    _dispatch_email(created)
    return [n for n in created if n.user_id not in existing]


def _dispatch_email(notifications) -> None:
    from .emails import send_notification_email

    for n in notifications:
        if n.email_state != EmailState.PENDING:
            continue
        settings_row = ReaderSettings.for_user(n.user)
        if settings_row.email_frequency == EmailFrequency.NEVER or not n.user.email:
            Notification.objects.filter(pk=n.pk, email_state=EmailState.PENDING).update(email_state=EmailState.SKIPPED)
        elif settings_row.email_frequency == EmailFrequency.DAILY:
            _schedule_digest(n.user)
        elif _claim(n.pk):
            try:
                send_notification_email(n)
            except Exception:
                Notification.objects.filter(pk=n.pk).update(email_state=EmailState.PENDING)
                raise
            Notification.objects.filter(pk=n.pk).update(email_state=EmailState.SENT, emailed_at=timezone.now())


def _claim(pk: int) -> bool:
    return bool(
        Notification.objects.filter(pk=pk, email_state=EmailState.PENDING).update(email_state=EmailState.SENDING)
    )


# --- events ------------------------------------------------------------------------------------


def deliver_chapter_event(chapter_id: int) -> int:
    """A chapter went up. Posting a new work publishes its first chapters at the
    work's own publication time: that is one "new work" event, not one per chapter."""
    chapter = Chapter.objects.select_related("work").filter(pk=chapter_id).first()
    if chapter is None or chapter.state != ChapterState.PUBLISHED:
        return 0
    work = chapter.work
    if work.is_draft or work.hidden_by_moderator:
        return 0
    creators = _creator_ids(work)
    if chapter.published_at == work.published_at:
        subs = _subscriptions_for_work(work, include_work=False, include_creators=True, include_series=True)
        recipients = {s.user: s for s in subs if s.user_id not in creators}
        # A series subscriber may already have heard of this work joining the series.
        already = set(
            Notification.objects.filter(work=work, kind=NotificationKind.SERIES).values_list("user_id", flat=True)
        )
        recipients = {u: s for u, s in recipients.items() if u.pk not in already}
        return len(_notify(f"work:{work.pk}", NotificationKind.WORK, recipients, about_work=work, work=work))
    subs = _subscriptions_for_work(work, include_work=True, include_creators=True, include_series=False)
    recipients = {s.user: s for s in subs if s.user_id not in creators}
    return len(
        _notify(
            f"chapter:{chapter.pk}", NotificationKind.CHAPTER, recipients, about_work=work, work=work, chapter=chapter
        )
    )


def deliver_series_event(series_id: int, work_id: int) -> int:
    series = Series.objects.filter(pk=series_id).first()
    work = Work.objects.filter(pk=work_id).first()
    if series is None or work is None or work.is_draft or work.hidden_by_moderator:
        return 0  # a draft joining a series is announced when it is posted
    creators = _creator_ids(work)
    already = set(Notification.objects.filter(work=work, kind=NotificationKind.WORK).values_list("user_id", flat=True))
    recipients = {
        s.user: s
        for s in Subscription.objects.filter(series=series).select_related("user")
        if s.user_id not in creators and s.user_id not in already
    }
    return len(
        _notify(f"series:{series.pk}:work:{work.pk}", NotificationKind.SERIES, recipients, about_work=work,
                work=work, series=series)
    )  # fmt: skip


def deliver_comment_event(comment_id: int) -> int:
    comment = Comment.objects.select_related("work", "user", "parent").filter(pk=comment_id).first()
    if comment is None or comment.deleted or comment.hidden_by_moderator:
        return 0
    work = comment.work
    # A mute from an anonymous work's page covers that one work only.
    mutes = Mute.objects.filter(Q(via_work__isnull=True) | Q(via_work=work), muted_id=comment.user_id)
    muted_by = set(mutes.values_list("muter_id", flat=True)) if comment.user_id else set()
    creators = _creator_ids(work) - {comment.user_id} - muted_by
    kind = NotificationKind.COMMENT if comment.approved else NotificationKind.PENDING
    count = len(
        _notify(f"comment:{comment.pk}", kind, {u: None for u in User.objects.filter(pk__in=creators)},
                work=work, chapter_id=comment.chapter_id, comment=comment)
    )  # fmt: skip
    parent = comment.parent
    if comment.is_shown and parent and parent.user_id and parent.user_id not in creators | {comment.user_id} | muted_by:
        count += len(
            _notify(f"comment:{comment.pk}", NotificationKind.REPLY, {parent.user: None}, about_work=work,
                    work=work, chapter_id=comment.chapter_id, comment=comment)
        )  # fmt: skip
    return count


def deliver_kudos_event(work_id: int, event_key: str) -> int:
    """Tell a work's creators it got kudos: one item per work per day (the event key
    carries the day), emailed or put in the digest as each creator chose."""
    work = Work.objects.filter(pk=work_id, is_draft=False).first()
    if work is None:
        return 0
    creators = User.objects.filter(pk__in=_creator_ids(work))
    return len(_notify(event_key, NotificationKind.KUDOS, {u: None for u in creators}, work=work))


# --- daily digests ----------------------------------------------------------------------------


def next_digest_time(now: datetime | None = None) -> datetime:
    """The next midnight in the site's time zone."""
    now = timezone.localtime(now or timezone.now())
    return (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)


def _schedule_digest(user) -> None:
    from .tasks import send_digest as send_digest_task

    due = next_digest_time()
    # Only the first pending item of the day enqueues the digest.
    if ReaderSettings.objects.filter(user=user, digest_due_at__isnull=True).update(digest_due_at=due):
        send_digest_task.using(run_after=due).enqueue(user.pk)


def send_digest(user_id: int) -> int:
    from .emails import send_digest_email

    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return 0
    ReaderSettings.objects.filter(user=user).update(digest_due_at=None)
    pending = Notification.objects.filter(user=user, email_state=EmailState.PENDING).order_by("created_at")
    if ReaderSettings.for_user(user).email_frequency == EmailFrequency.NEVER:
        pending.update(email_state=EmailState.SKIPPED)
        return 0
    claimed = [n for n in pending.select_related("work", "chapter", "comment") if _claim(n.pk)]
    if not claimed:
        return 0
    try:
        send_digest_email(user, claimed)
    except Exception:
        Notification.objects.filter(pk__in=[n.pk for n in claimed]).update(email_state=EmailState.PENDING)
        raise
    Notification.objects.filter(pk__in=[n.pk for n in claimed]).update(
        email_state=EmailState.SENT, emailed_at=timezone.now()
    )
    return len(claimed)
