"""Notification emails: plain text and HTML, each with a one-click unsubscribe
(RFC 8058: List-Unsubscribe with an https URL plus List-Unsubscribe-Post)."""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from quire.accounts.language import speaking

from .models import Kudos, Notification, NotificationKind

UNSUBSCRIBE_SALT = "quire.interactions.unsubscribe"


def unsubscribe_token(user_id: int, subscription_id: int | None = None) -> str:
    """Signed, so the link works without logging in and can't be forged for someone else."""
    return signing.dumps({"u": user_id, "s": subscription_id or 0}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> dict | None:
    try:
        return signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None


def unsubscribe_url(user_id: int, subscription_id: int | None = None) -> str:
    return settings.SITE_URL + reverse("interactions:unsubscribe", args=[unsubscribe_token(user_id, subscription_id)])


def _kudos_headline(n: Notification, title: str) -> str:
    """Who left kudos on the day of this item: it was made by the day's first kudos and
    counts the rest as they come, so the creator gets one item, not one per click."""
    day = timezone.localtime(n.created_at).date()
    given = list(Kudos.objects.filter(work_id=n.work_id, created_at__date=day).select_related("user"))
    names = [k.user.username for k in given if k.user_id]
    guests = len(given) - len(names)
    parts = names[:5]
    if len(names) > 5:
        parts.append(ngettext("%(count)d more", "%(count)d more", len(names) - 5) % {"count": len(names) - 5})
    if guests:
        parts.append(ngettext("%(count)d guest", "%(count)d guests", guests) % {"count": guests})
    if len(parts) > 1:
        who = _("%(names)s and %(last)s") % {"names": ", ".join(parts[:-1]), "last": parts[-1]}
    else:
        who = parts[0] if parts else _("readers")
    # "j M Y" in the reader's language: the month's short name is translated.
    day_shown = format_date(day, "j M Y")
    return _("Kudos on %(title)s from %(who)s (%(day)s)") % {"title": title, "who": who, "day": day_shown}


def describe(n: Notification, viewer=None) -> dict:
    """A headline, a link and an excerpt for one notification, in the inbox and in email.
    `viewer` is who reads it on the site; email passes None (it can be forwarded or
    read by anyone), so a creator's comment on their anonymous work stays anonymous."""
    work = n.work
    title = work.title if work else ""
    if n.kind == NotificationKind.COLLECTION:
        return {"headline": n.headline, "path": n.link or "/", "excerpt": ""}
    if n.kind in (NotificationKind.COMMENT, NotificationKind.REPLY, NotificationKind.PENDING) and n.comment_id:
        c = n.comment
        name = c.display_name_for(viewer)
        if c.work.chapter_count > 1:
            where = _("%(title)s, chapter %(number)s") % {"title": title, "number": c.chapter.position}
        else:
            where = title
        headline = {
            NotificationKind.COMMENT: _("%(name)s commented on %(where)s"),
            NotificationKind.REPLY: _("%(name)s replied to your comment on %(where)s"),
            NotificationKind.PENDING: _("%(name)s commented on %(where)s (awaiting your approval)"),
        }[n.kind] % {"name": name, "where": where}
        return {"headline": headline, "path": c.get_absolute_url(), "excerpt": c.text_html, "author_name": name}
    if n.kind == NotificationKind.CHAPTER and n.chapter_id:
        return {
            "headline": _("New chapter of %(title)s: %(chapter)s")
            % {"title": title, "chapter": n.chapter.display_title},
            "path": n.chapter.get_absolute_url(),
            "excerpt": work.summary_html,
        }
    if n.kind == NotificationKind.ACCOUNT and n.event_key.startswith("export:"):
        # Reversed by name: the export pages belong to downloads, above this app.
        path = reverse("downloads:data_export")
        return {"headline": _("Your data is ready to download"), "path": path, "excerpt": ""}
    if n.kind == NotificationKind.KUDOS and work:
        return {"headline": _kudos_headline(n, title), "path": work.get_absolute_url() + "#kudos", "excerpt": ""}
    if n.kind == NotificationKind.SERIES and n.series_id:
        return {
            "headline": _("New work in the series %(series)s: %(title)s") % {"series": n.series.title, "title": title},
            "path": work.get_absolute_url(),
            "excerpt": work.summary_html,
        }
    return {
        "headline": _("New work: %(title)s") % {"title": title},
        "path": work.get_absolute_url() if work else "/",
        "excerpt": work.summary_html if work else "",
    }


def _send(user, subject: str, template: str, context: dict, subscription_id: int | None) -> None:
    unsubscribe = unsubscribe_url(user.pk, subscription_id)
    context = {
        **context,
        "user": user,
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        "unsubscribe_url": unsubscribe,
        "settings_url": settings.SITE_URL + reverse("interactions:settings"),
    }
    message = EmailMultiAlternatives(
        subject=f"[{settings.SITE_NAME}] {subject}",
        body=render_to_string(f"interactions/email/{template}.txt", context),
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(render_to_string(f"interactions/email/{template}.html", context), "text/html")
    message.send()


def send_notification_email(n: Notification) -> None:
    # Written in the recipient's language, whoever's request or task sends it.
    with speaking(n.user):
        item = describe(n)
        item["url"] = settings.SITE_URL + item["path"]
        _send(n.user, item["headline"], "notification", {"item": item, "notification": n}, n.subscription_id)


def send_digest_email(user, notifications: list[Notification]) -> None:
    with speaking(user):
        items = []
        for n in notifications:
            item = describe(n)
            item["url"] = settings.SITE_URL + item["path"]
            items.append(item)
        count = len(items)
        subject = ngettext("Your daily digest: %(count)d update", "Your daily digest: %(count)d updates", count) % {
            "count": count
        }
        _send(user, subject, "digest", {"items": items}, None)
