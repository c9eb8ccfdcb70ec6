"""What moderators do. Every change writes an audit log entry in the same transaction."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from quire.accounts import allowances
from quire.accounts.sanctions import BlockedAddress, MemberWarning, Suspension
from quire.interactions.feedback import set_hidden_by_moderator
from quire.interactions.models import Comment, WorkStats
from quire.works import freshness
from quire.works.models import Work

from .models import LogAction, ModerationLogEntry, Report, ReportStatus


class NotAllowed(Exception):
    pass


def _check(moderator) -> None:
    if not (moderator and moderator.is_authenticated and moderator.can_moderate):
        raise NotAllowed(_("Only moderators can do that."))


def file_report(*, reporter, reason: str, details: str, work=None, comment=None, user=None, email: str = "") -> Report:
    return Report.objects.create(
        reporter=reporter if reporter and reporter.is_authenticated else None,
        reporter_email=email,
        work=work,
        comment=comment,
        user=user,
        reason=reason,
        details=details,
    )


@transaction.atomic
def hide_work(moderator, work: Work, *, hidden: bool = True, report: Report | None = None, note: str = "") -> None:
    _check(moderator)
    Work.objects.filter(pk=work.pk).update(hidden_by_moderator=hidden)
    freshness.works_changed([work.pk], text=False)
    work.hidden_by_moderator = hidden
    ModerationLogEntry.objects.create(
        moderator=moderator, action=LogAction.HIDE_WORK if hidden else LogAction.UNHIDE_WORK,
        work=work, report=report, note=note,
    )  # fmt: skip
    if report is not None:
        _close(report, moderator, ReportStatus.RESOLVED)


@transaction.atomic
def hide_comment(moderator, comment, *, hidden: bool = True, report: Report | None = None, note: str = "") -> None:
    _check(moderator)
    set_hidden_by_moderator(comment, hidden)
    ModerationLogEntry.objects.create(
        moderator=moderator, action=LogAction.HIDE_COMMENT if hidden else LogAction.UNHIDE_COMMENT,
        comment=comment, work_id=comment.work_id, report=report, note=note,
    )  # fmt: skip
    if report is not None:
        _close(report, moderator, ReportStatus.RESOLVED)


def _close(report: Report, moderator, status: str) -> None:
    Report.objects.filter(pk=report.pk).update(status=status, handled_by=moderator, handled_at=timezone.now())


@transaction.atomic
def close_report(moderator, report: Report, *, dismiss: bool = False, note: str = "") -> None:
    _check(moderator)
    _close(report, moderator, ReportStatus.DISMISSED if dismiss else ReportStatus.RESOLVED)
    ModerationLogEntry.objects.create(
        moderator=moderator, action=LogAction.DISMISS if dismiss else LogAction.RESOLVE, report=report,
        work_id=report.work_id, comment_id=report.comment_id, note=note,
    )  # fmt: skip


# --- People ------------------------------------------------------------------------
def _log(moderator, action: str, *, report: Report | None = None, **fields) -> ModerationLogEntry:
    entry = ModerationLogEntry.objects.create(moderator=moderator, action=action, report=report, **fields)
    if report is not None:
        _close(report, moderator, ReportStatus.RESOLVED)
    return entry


def _check_target(moderator, user) -> None:
    if user == moderator:
        raise NotAllowed(_("You can't do that to your own account."))
    if user.can_moderate or user.is_staff:
        raise NotAllowed(
            _("Moderators and staff can't be warned, suspended or banned from the console; ask an admin.")
        )


@transaction.atomic
def warn(moderator, user, *, reason: str, report: Report | None = None) -> MemberWarning:
    _check(moderator)
    _check_target(moderator, user)
    warning = MemberWarning.objects.create(user=user, reason=reason, created_by=moderator)
    _log(moderator, LogAction.WARN, user=user, subject=f"user {user}", note=reason, report=report)
    return warning


@transaction.atomic
def suspend(moderator, user, *, reason: str, until: datetime | None, report: Report | None = None) -> Suspension:
    """A suspension until `until`; None is a ban (no log-in until lifted)."""
    _check(moderator)
    _check_target(moderator, user)
    if until is not None and until <= timezone.now():
        raise NotAllowed(_("A suspension must end in the future."))
    suspension = Suspension.objects.create(user=user, reason=reason, ends_at=until, created_by=moderator)
    action = LogAction.BAN if until is None else LogAction.SUSPEND
    detail = reason if until is None else f"until {until:%Y-%m-%d %H:%M} UTC: {reason}"
    _log(moderator, action, user=user, subject=f"user {user}", note=detail, report=report)
    return suspension


@transaction.atomic
def lift(moderator, suspension: Suspension, *, note: str = "") -> None:
    _check(moderator)
    Suspension.objects.filter(pk=suspension.pk).update(lifted_at=timezone.now())
    _log(moderator, LogAction.LIFT, user=suspension.user, subject=str(suspension), note=note)


@transaction.atomic
def delete_spam(moderator, *, work: Work | None = None, comment: Comment | None = None,
                report: Report | None = None, note: str = "") -> None:
    """Delete a spam work or comment for good; the log keeps its title and poster."""
    _check(moderator)
    if work is not None:
        poster = next((p.user for p in work.accepted_pseuds()), None)
        _log(moderator, LogAction.DELETE_SPAM, user=poster, subject=f"work “{work.title}”", note=note, report=report)
        freshness.works_changed([work.pk], text=False)
        work.delete()
    elif comment is not None:
        _log(moderator, LogAction.DELETE_SPAM, user=comment.user, work_id=comment.work_id,
             subject=f"comment #{comment.pk}: {comment.text[:200]}", note=note, report=report)  # fmt: skip
        if comment.is_shown:
            WorkStats.bump(comment.work_id, "comments", -1)
        if comment.replies.exists():  # the thread still reads: a placeholder, as when a writer deletes
            Comment.objects.filter(pk=comment.pk).update(deleted=True, text="", text_html="")
        else:
            comment.delete()
    else:
        raise NotAllowed(_("There is nothing left to delete."))


@transaction.atomic
def block_address(moderator, pattern: str, *, note: str = "") -> BlockedAddress:
    _check(moderator)
    blocked, _created = BlockedAddress.objects.get_or_create(
        pattern=pattern.strip().lower().lstrip("@"), defaults={"note": note, "created_by": moderator}
    )
    _log(moderator, LogAction.BLOCK_ADDRESS, subject=blocked.pattern, note=note)
    return blocked


@transaction.atomic
def unblock_address(moderator, blocked: BlockedAddress) -> None:
    _check(moderator)
    _log(moderator, LogAction.UNBLOCK_ADDRESS, subject=blocked.pattern)
    blocked.delete()


@transaction.atomic
def grant_invitations(admin, user, count: int) -> int:
    if not (admin.is_staff or admin.is_superuser):
        raise NotAllowed(_("Only admins can grant invitations."))
    total = allowances.grant(user, count)
    _log(admin, LogAction.GRANT_INVITES, user=user, subject=f"user {user}", note=f"+{count} (now {total})")
    return total


def log_policy_change(moderator, summary: str) -> None:
    ModerationLogEntry.objects.create(
        moderator=moderator, action=LogAction.POLICY, subject="archive policy", note=summary
    )
