"""Hits, reading history, marked for later, bookmarks, and the author's stats."""

from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q
from django.db.models.functions import ExtractYear
from django.utils import timezone

from quire.lib.busy import skipped_when_busy
from quire.works.models import Work

from .keys import visitor_key
from .models import Bookmark, Comment, Hit, Kudos, ReaderSettings, Reading, Subscription, WorkStats


def on_work_viewed(sender, request, work, chapter=None, **kwargs) -> None:
    record_visit(request, work, chapter)


def record_visit(request, work, chapter=None) -> None:
    """On every work or chapter page (works.events.work_viewed): one hit per visitor
    per work per day (creators' own visits don't count), and the signed-in reader's
    history if they keep one."""
    user = request.user
    if work.is_draft or work.is_creator(user):
        return
    # Counting is bookkeeping: while another writer holds SQLite's lock the reader
    # gets the page at once, uncounted, rather than waiting and a "busy" page.
    with skipped_when_busy(f"counting a visit to work {work.pk}"):
        _count_visit(request, work, chapter)


def _count_visit(request, work, chapter) -> None:
    user = request.user
    try:
        with transaction.atomic():
            Hit.objects.create(work=work, visitor_key=visitor_key(request), day=timezone.localdate())
            WorkStats.bump(work.pk, "hits")
    except IntegrityError:
        pass  # already counted today
    if user.is_authenticated and ReaderSettings.for_user(user).keep_history:
        now = timezone.now()
        updated = Reading.objects.filter(user=user, work=work).update(
            visits=F("visits") + 1, last_read_at=now, in_history=True, chapter=chapter
        )
        if not updated:
            try:
                with transaction.atomic():
                    Reading.objects.create(
                        user=user, work=work, chapter=chapter, visits=1, last_read_at=now, in_history=True
                    )
            except IntegrityError:
                pass  # a parallel request from the same reader recorded it


def set_marked_for_later(user, work, marked: bool) -> None:
    Reading.objects.update_or_create(user=user, work=work, defaults={"marked_for_later": marked})


def clear_history(user) -> None:
    Reading.objects.filter(user=user, marked_for_later=False).delete()
    Reading.objects.filter(user=user).update(in_history=False, visits=0, last_read_at=None)


def set_keep_history(user, keep: bool) -> None:
    ReaderSettings.objects.update_or_create(user=user, defaults={"keep_history": keep})
    if not keep:
        clear_history(user)


# --- bookmarks ------------------------------------------------------------------------


def save_bookmark(user, *, work=None, series=None, notes="", tags="", rec=False, private=False) -> Bookmark:
    """Create or update `user`'s bookmark; the public bookmark count moves with it."""
    with transaction.atomic():
        lookup = {"work": work} if work is not None else {"series": series}
        existing = Bookmark.objects.select_for_update().filter(user=user, **lookup).first()
        was_public = existing is not None and not existing.private
        bookmark = existing or Bookmark(user=user, **lookup)
        bookmark.notes, bookmark.tags, bookmark.rec, bookmark.private = notes, tags, rec, private
        if rec:
            bookmark.private = False  # a recommendation is public by nature
        try:
            with transaction.atomic():
                bookmark.save()
        except IntegrityError:  # a double submit created it in between
            bookmark = Bookmark.objects.get(user=user, **lookup)
            return bookmark
        if work is not None:
            WorkStats.bump(work.pk, "bookmarks", int(not bookmark.private) - int(was_public))
    return bookmark


def delete_bookmark(bookmark: Bookmark) -> None:
    with transaction.atomic():
        deleted, _ = Bookmark.objects.filter(pk=bookmark.pk).delete()
        if deleted and bookmark.work_id and not bookmark.private:
            WorkStats.bump(bookmark.work_id, "bookmarks", -1)


# --- the author's stats page ---------------------------------------------------------


def author_stats(user, year: int | None) -> dict:
    """Per work credited to `user`: hits, kudos, comments, bookmarks and subscribers,
    for one year, or all time when `year` is None or not one of the years offered."""
    works = list(
        Work.objects.filter(creatorships__pseud__user=user, creatorships__accepted=True, is_draft=False)
        .distinct()
        .order_by("-published_at", "-pk")
    )
    ids = [w.pk for w in works]
    years = sorted(
        set(Hit.objects.filter(work_id__in=ids).annotate(y=ExtractYear("day")).values_list("y", flat=True))
        | set(Kudos.objects.filter(work_id__in=ids).annotate(y=ExtractYear("created_at")).values_list("y", flat=True))
        | {timezone.localdate().year},
        reverse=True,
    )
    if year not in years:
        year = None

    def per_work(qs, date_field):
        if year is not None:
            qs = qs.filter(**{f"{date_field}__year": year})
        return dict(qs.filter(work_id__in=ids).values_list("work_id").annotate(n=Count("pk")))

    hits = per_work(Hit.objects.all(), "day")
    kudos = per_work(Kudos.objects.all(), "created_at")
    comments = per_work(Comment.objects.shown().exclude(user=user), "created_at")
    bookmarks = per_work(Bookmark.objects.filter(private=False, work__isnull=False), "created_at")
    subscribers = per_work(Subscription.objects.filter(work__isnull=False), "created_at")
    rows = [
        {
            "work": w,
            "hits": hits.get(w.pk, 0),
            "kudos": kudos.get(w.pk, 0),
            "comments": comments.get(w.pk, 0),
            "bookmarks": bookmarks.get(w.pk, 0),
            "subscribers": subscribers.get(w.pk, 0),
        }
        for w in works
    ]
    totals = {k: sum(r[k] for r in rows) for k in ("hits", "kudos", "comments", "bookmarks", "subscribers")}
    return {"rows": rows, "totals": totals, "years": years, "year": year}


def visible_bookmark_count(work, viewer) -> int:
    return Bookmark.objects.visible_to(viewer).filter(work=work).filter(Q(private=False)).count()
