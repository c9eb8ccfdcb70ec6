"""Notification emails: plain text and HTML, each with a one-click unsubscribe
(RFC 8058: List-Unsubscribe with an https URL plus List-Unsubscribe-Post)."""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

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
    parts = names[:5] + ([f"{len(names) - 5} more"] if len(names) > 5 else [])
    if guests:
        parts.append(f"{guests} guest{'s' if guests != 1 else ''}")
    who = ", ".join(parts[:-1]) + f" and {parts[-1]}" if len(parts) > 1 else (parts[0] if parts else "readers")
    return f"Kudos on {title} from {who} ({day.day} {day:%b %Y})"


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
        where = f"{title}" + (f", chapter {c.chapter.position}" if c.work.chapter_count > 1 else "")
        headline = {
            NotificationKind.COMMENT: f"{name} commented on {where}",
            NotificationKind.REPLY: f"{name} replied to your comment on {where}",
            NotificationKind.PENDING: f"{name} commented on {where} (awaiting your approval)",
        }[n.kind]
        return {"headline": headline, "path": c.get_absolute_url(), "excerpt": c.text_html, "author_name": name}
    if n.kind == NotificationKind.CHAPTER and n.chapter_id:
        return {
            "headline": f"New chapter of {title}: {n.chapter.display_title}",
            "path": n.chapter.get_absolute_url(),
            "excerpt": work.summary_html,
        }
    if n.kind == NotificationKind.ACCOUNT and n.event_key.startswith("export:"):
        # Reversed by name: the export pages belong to downloads, above this app.
        return {"headline": "Your data is ready to download", "path": reverse("downloads:data_export"), "excerpt": ""}
    if n.kind == NotificationKind.KUDOS and work:
        return {"headline": _kudos_headline(n, title), "path": work.get_absolute_url() + "#kudos", "excerpt": ""}
    if n.kind == NotificationKind.SERIES and n.series_id:
        return {
            "headline": f"New work in the series {n.series.title}: {title}",
            "path": work.get_absolute_url(),
            "excerpt": work.summary_html,
        }
    return {
        "headline": f"New work: {title}",
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
    item = describe(n)
    item["url"] = settings.SITE_URL + item["path"]
    _send(n.user, item["headline"], "notification", {"item": item, "notification": n}, n.subscription_id)


def send_digest_email(user, notifications: list[Notification]) -> None:
    items = []
    for n in notifications:
        item = describe(n)
        item["url"] = settings.SITE_URL + item["path"]
        items.append(item)
    count = len(items)
    _send(user, f"Your daily digest: {count} update{'s' if count != 1 else ''}", "digest", {"items": items}, None)
