"""Kudos and comments: check, then change. Every change keeps WorkStats in step
inside the same transaction, with F() updates, so counts survive concurrency."""

import ipaddress
import re

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from quire.lib import text as textlib
from quire.works.models import CommentPermission

from . import hooks, spam
from .models import Comment, CommentSettings, Kudos, WorkStats
from .safety import Refused, check_not_blocked_on_work, is_blocked_by

_LOOKS_LIKE_HTML = re.compile(r"<[a-zA-Z/!]")


def render_comment(text: str) -> str:
    """Sanitised with the chapters' allow-list; plain text keeps its paragraphs."""
    fmt = textlib.HTML if _LOOKS_LIKE_HTML.search(text) else textlib.PLAIN
    return textlib.render(text, fmt)


# --- kudos -----------------------------------------------------------------------------


def leave_kudos(work, user=None, guest_key: str = "") -> bool:
    """Record kudos; False when this person already left some (nothing changes then)."""
    signed_in = bool(user and user.is_authenticated)
    if not signed_in and work.restricted:
        raise Refused(_("Only registered users can leave kudos on this work. Log in to leave kudos."), log_in=True)
    if work.is_creator(user):
        raise Refused(_("You can't leave kudos on your own work."))
    check_not_blocked_on_work(user, work, _("You can't leave kudos on this work: its creator has blocked you."))
    try:
        with transaction.atomic():
            if signed_in:
                Kudos.objects.create(work=work, user=user)
            else:
                Kudos.objects.create(work=work, guest_key=guest_key, day=timezone.localdate())
            WorkStats.bump(work.pk, "kudos")
    except IntegrityError:
        return False
    hooks.kudos_left(work.pk)
    return True


def kudos_summary(work) -> dict:
    users = list(Kudos.objects.filter(work=work, user__isnull=False).select_related("user").order_by("created_at"))
    guests = Kudos.objects.filter(work=work, user__isnull=True).count()
    return {"users": [k.user for k in users], "guests": guests}


# --- comments --------------------------------------------------------------------------


def check_can_comment(work, user, parent: Comment | None = None) -> None:
    """Raise Refused with the reason this person may not comment here."""
    signed_in = bool(user and user.is_authenticated)
    if work.comment_permission == CommentPermission.NOBODY:
        raise Refused(_("The creator of this work has turned off comments."))
    if not signed_in and (work.comment_permission == CommentPermission.REGISTERED or work.restricted):
        raise Refused(_("Only registered users can comment on this work. Log in to comment."), log_in=True)
    check_not_blocked_on_work(user, work, _("You can't comment on this work: its creator has blocked you."))
    if parent is not None:
        if parent.thread_is_frozen():
            raise Refused(_("This thread is frozen: no new replies can be added."))
        if not parent.is_shown and not work.is_creator(user):
            raise Refused(_("You can't reply to this comment."))
        if is_blocked_by(user, parent.user_id):
            raise Refused(_("You can't reply to this comment: its writer has blocked you."))


def post_comment(
    work, chapter, text: str, *, user=None, guest_name: str = "", guest_email: str = "", guest_key: str = "",
    parent: Comment | None = None, actor_key: str, ip_address: str | None = None,
) -> Comment:  # fmt: skip
    """Post a comment or reply, after permissions, blocks, the rate limit and the spam filter."""
    # Checks and rendering happen before the transaction: on SQLite a write transaction
    # holds the one write lock from its BEGIN, and every other writer waits meanwhile.
    check_can_comment(work, user, parent)
    signed_in = bool(user and user.is_authenticated)
    text = (text or "").strip()
    if not text:
        raise Refused(_("Your comment is empty: write something first."), status=400)
    if not signed_in and not (guest_name.strip() and guest_email.strip()):
        raise Refused(_("Guests need to give a name and an email address to comment."), status=400)
    wait = spam.seconds_until_allowed(actor_key)
    if wait:
        raise Refused(spam.rate_message(wait), status=429)
    reason = spam.spam_reason(text, f"{actor_key}:{work.pk}")
    if reason:
        raise Refused(reason, status=400)
    is_creator = work.is_creator(user)
    moderated = CommentSettings.objects.filter(work=work, moderated=True).exists()
    comment = Comment(
        work=work,
        chapter=chapter,
        parent=parent,
        thread=parent.root if parent else None,
        user=user if signed_in else None,
        guest_name="" if signed_in else guest_name.strip()[:60],
        guest_email="" if signed_in else guest_email.strip(),
        guest_key="" if signed_in else guest_key,
        text=text,
        text_html=render_comment(text),
        approved=is_creator or not moderated,
        ip_address=_valid_ip(ip_address),
    )
    with transaction.atomic():
        comment.save(force_insert=True)
        if comment.is_shown:
            WorkStats.bump(work.pk, "comments")
        hooks.comment_posted(comment)  # the notification is queued once the comment is committed
    spam.record_comment(actor_key)
    spam.remember_text(text, f"{actor_key}:{work.pk}")
    return comment


def _valid_ip(value: str | None) -> str | None:
    try:
        return str(ipaddress.ip_address(value or ""))
    except ValueError:
        return None


def _set_flags(comment: Comment, **flags) -> Comment:
    """Change a comment's flags under a row lock and move the count by what changed."""
    with transaction.atomic():
        fresh = Comment.objects.select_for_update().get(pk=comment.pk)
        was_shown = fresh.is_shown
        for name, value in flags.items():
            setattr(fresh, name, value)
        fresh.save(update_fields=list(flags))
        WorkStats.bump(fresh.work_id, "comments", int(fresh.is_shown) - int(was_shown))
    return fresh


def edit_comment(comment: Comment, user, text: str) -> Comment:
    if not comment.can_edit(user):
        raise Refused(_("You can only edit your own comments, within the first minutes after posting."))
    text = (text or "").strip()
    if not text:
        raise Refused(_("Your comment is empty: write something first."), status=400)
    comment.text = text
    comment.text_html = render_comment(text)
    comment.edited_at = timezone.now()
    comment.save(update_fields=["text", "text_html", "edited_at"])
    return comment


def delete_comment(comment: Comment, user) -> None:
    """A comment with replies stays as a placeholder so its thread still reads."""
    if not comment.can_delete(user):
        raise Refused(_("You can't delete this comment."))
    with transaction.atomic():
        if comment.replies.exists():
            _set_flags(comment, deleted=True)
            Comment.objects.filter(pk=comment.pk).update(text="", text_html="")
        else:
            fresh = Comment.objects.select_for_update().filter(pk=comment.pk).first()
            if fresh is None:
                return
            if fresh.is_shown:
                WorkStats.bump(fresh.work_id, "comments", -1)
            fresh.delete()


def _check_work_creator(comment: Comment, user) -> None:
    if not comment.work.is_creator(user):
        raise Refused(_("Only the creators of this work can do that."))


def approve_comment(comment: Comment, user) -> Comment:
    _check_work_creator(comment, user)
    return _set_flags(comment, approved=True)


def hide_comment_as_creator(comment: Comment, user, hidden: bool = True) -> Comment:
    _check_work_creator(comment, user)
    return _set_flags(comment, hidden_by_creator=hidden)


def freeze_thread(comment: Comment, user, frozen: bool = True) -> Comment:
    if not (comment.work.is_creator(user) or (user.is_authenticated and user.can_moderate)):
        raise Refused(_("Only the creators of this work can freeze a thread."))
    root = comment.root
    root.frozen = frozen
    root.save(update_fields=["frozen"])
    return root


def set_hidden_by_moderator(comment: Comment, hidden: bool) -> Comment:
    return _set_flags(comment, hidden_by_moderator=hidden)


def set_moderated(work, moderated: bool) -> None:
    CommentSettings.objects.update_or_create(work=work, defaults={"moderated": moderated})


def comment_tree(comments) -> list[tuple[Comment, list]]:
    """[(comment, [(reply, [...]), ...]), ...] from a flat list. Replies whose parent
    the viewer can't see are left out, with their whole branch."""
    children: dict[int | None, list[Comment]] = {}
    for c in comments:
        children.setdefault(c.parent_id, []).append(c)

    def build(parent_id):
        return [(c, build(c.pk)) for c in children.get(parent_id, [])]

    return build(None)
