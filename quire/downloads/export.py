""""Download my data": one zip with every work a person created as EPUB and HTML
(the same writers as the download buttons, drafts included since they are theirs),
and JSON of their profile, bookmarks, comments, kudos given, subscriptions and
reading history.

Built by the worker (a big account means many books); the person gets an email
with a link when it is ready. Works named in their bookmarks, kudos or history
are looked up through the visibility rule, so a work that has since become a
draft or been hidden by a moderator shows as unavailable, with no title.
"""

import io
import json
import logging
import zipfile
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from quire.accounts.language import speaking
from quire.accounts.models import User
from quire.interactions.models import Bookmark, Comment, Kudos, Notification, Reading, Subscription
from quire.interactions.models.notifications import EmailState, NotificationKind
from quire.works.models import Creatorship, Series, Work

from . import book as books
from .models import DataExport, FileStatus
from .writers import epub, html

logger = logging.getLogger(__name__)


def _when(value) -> str | None:
    return value.isoformat() if value else None


def own_works(user: User):
    mine = Creatorship.objects.filter(pseud__user=user, accepted=True).values("work_id")
    return Work.objects.visible_to(user).filter(pk__in=mine).order_by("pk")


def _work_ref(work_id, titles: dict[int, str]) -> dict:
    return {
        "id": work_id,
        "title": titles.get(work_id),
        "url": books.site_url(reverse("works:detail", args=[work_id])) if work_id in titles else None,
        "available": work_id in titles,
    }


def _titles(user: User, ids) -> dict[int, str]:
    return dict(Work.objects.visible_to(user).filter(pk__in=set(ids) - {None}).values_list("pk", "title"))


def collect(user: User) -> dict:
    """Everything the account made, as plain data."""
    bookmarks = list(Bookmark.objects.filter(user=user).select_related("series").order_by("pk"))
    comments = list(Comment.objects.filter(user=user).select_related("chapter").order_by("pk"))
    kudos = list(Kudos.objects.filter(user=user).order_by("pk"))
    subscriptions = list(Subscription.objects.filter(user=user).select_related("author", "pseud", "series"))
    readings = list(Reading.objects.filter(user=user).order_by("pk"))
    titles = _titles(
        user,
        [b.work_id for b in bookmarks] + [c.work_id for c in comments] + [k.work_id for k in kudos]
        + [s.work_id for s in subscriptions] + [r.work_id for r in readings],
    )
    return {
        "profile": {
            "username": user.username,
            "email": user.email,
            "joined": _when(user.date_joined),
            "bio": user.bio,
            "pseuds": [
                {"name": p.name, "description": p.description, "default": p.is_default}
                for p in user.pseuds.all()
            ],
            "preferences": {
                "show_adult": user.show_adult,
                "view_full_work": user.view_full_work,
                "hide_creator_style": user.hide_creator_style,
            },
            "policies_accepted": [
                {"document": a.document, "version": a.version, "accepted_at": _when(a.accepted_at)}
                for a in user.policy_acceptances.order_by("accepted_at")
            ],
            "former_usernames": [c.old_username for c in user.username_changes.all()],
        },
        "works": [
            {
                "id": w.pk,
                "title": w.title,
                "draft": w.is_draft,
                "anonymous": w.anonymous,
                "words": w.word_count,
                "files": [f"works/{_stem(w)}.epub", f"works/{_stem(w)}.html"],
            }
            for w in own_works(user)
        ],
        "series": [
            {"id": s.pk, "title": s.title, "summary": s.summary, "complete": s.complete}
            for s in Series.objects.filter(creators__user=user).distinct().order_by("pk")
        ],
        "bookmarks": [
            {
                "work": _work_ref(b.work_id, titles) if b.work_id else None,
                "series": {"id": b.series.pk, "title": b.series.title} if b.series is not None else None,
                "notes": b.notes,
                "tags": b.tags,
                "rec": b.rec,
                "private": b.private,
                "created_at": _when(b.created_at),
            }
            for b in bookmarks
        ],
        "comments": [
            {
                "work": _work_ref(c.work_id, titles),
                "chapter": c.chapter.position if c.chapter_id else None,
                "reply_to": c.parent_id,
                "text": c.text,
                "deleted": c.deleted,
                "created_at": _when(c.created_at),
                "edited_at": _when(c.edited_at),
            }
            for c in comments
        ],
        "kudos": [{"work": _work_ref(k.work_id, titles), "created_at": _when(k.created_at)} for k in kudos],
        "subscriptions": [
            {
                "work": _work_ref(s.work_id, titles) if s.work_id else None,
                "author": s.author.username if s.author is not None else None,
                "pseud": s.pseud.name if s.pseud is not None else None,
                "series": {"id": s.series.pk, "title": s.series.title} if s.series is not None else None,
                "created_at": _when(s.created_at),
            }
            for s in subscriptions
        ],
        "history": [
            {
                "work": _work_ref(r.work_id, titles),
                "visits": r.visits,
                "last_read_at": _when(r.last_read_at),
                "in_history": r.in_history,
                "marked_for_later": r.marked_for_later,
            }
            for r in readings
        ],
    }


def _stem(work: Work) -> str:
    return books._stem(work.title, work.pk)  # the name a work's own download has


def build_zip(user: User) -> bytes:
    data = collect(user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for work in own_works(user):
            book = books.work_book(work, include_drafts=True)
            if not book.chapters:
                continue  # a work always has a chapter; this guards a half-saved one
            # Written like every download, in the archive's language (see services.generate).
            with translation.override(settings.LANGUAGE_CODE):
                archive.writestr(f"works/{_stem(work)}.epub", epub.write(book))
                archive.writestr(f"works/{_stem(work)}.html", html.write(book))
        for name in ("profile", "works", "series", "bookmarks", "comments", "kudos", "subscriptions", "history"):
            archive.writestr(f"{name}.json", json.dumps(data[name], ensure_ascii=False, indent=2))
        with speaking(user):
            readme = render_to_string("downloads/export_readme.txt", {"SITE_NAME": settings.SITE_NAME})
        archive.writestr("README.txt", readme)
    return buffer.getvalue()


def request_export(user: User) -> DataExport:
    """Start an export in the worker, or return the one already being made."""
    from .tasks import build_data_export

    pending = DataExport.objects.filter(user=user, status=FileStatus.PENDING).first()
    if pending is not None:
        return pending
    export = DataExport.objects.create(user=user)
    transaction.on_commit(lambda: build_data_export.enqueue(export.pk))
    return export


def build(export_id: int) -> None:
    """Write the zip, store it, and email its owner the link."""
    export = DataExport.objects.select_related("user").defer("content").filter(pk=export_id).first()
    if export is None or export.status != FileStatus.PENDING:
        return
    try:
        content = build_zip(export.user)
    except Exception as error:  # stored for the person; the traceback goes to the log
        logger.exception("data export %s failed", export_id)
        DataExport.objects.filter(pk=export.pk).update(
            status=FileStatus.FAILED, error=f"We couldn't build your data export ({type(error).__name__}).",
            finished_at=timezone.now(),
        )
        return
    now = timezone.now()
    expires = now + timedelta(days=settings.EXPORT_KEEP_DAYS)
    DataExport.objects.filter(pk=export.pk).update(
        status=FileStatus.READY, content=content, size=len(content), finished_at=now, expires_at=expires
    )
    # In the inbox too; this email is the only one sent about it (not in digests).
    Notification.objects.get_or_create(
        user=export.user,
        event_key=f"export:{export.pk}",
        defaults={"kind": NotificationKind.ACCOUNT, "email_state": EmailState.SKIPPED},
    )
    link = f"{settings.SITE_URL}{reverse('downloads:data_export')}"
    with speaking(export.user):
        body = render_to_string(
            "downloads/email/export_ready.txt",
            {"user": export.user, "link": link, "expires_at": expires, "SITE_NAME": settings.SITE_NAME},
        )
        subject = _("[%(site)s] Your data is ready to download") % {"site": settings.SITE_NAME}
    send_mail(subject, body, None, [export.user.email])


def prune_expired(now=None) -> int:
    deleted, _ = DataExport.objects.filter(expires_at__lt=now or timezone.now()).delete()
    return deleted
