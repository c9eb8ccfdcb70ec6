"""What moderators do. Every change writes an audit log entry in the same transaction."""

from django.db import transaction
from django.utils import timezone

from quire.interactions.feedback import set_hidden_by_moderator
from quire.search import changes as search_changes
from quire.works.models import Work

from .models import LogAction, ModerationLogEntry, Report, ReportStatus


class NotAllowed(Exception):
    pass


def _check(moderator) -> None:
    if not (moderator and moderator.is_authenticated and moderator.can_moderate):
        raise NotAllowed("Only moderators can do that.")


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
    search_changes.log([work.pk])
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
