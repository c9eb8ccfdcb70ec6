"""Holding new works and comments for review: spam above the threshold, and every
new work when the archive approves works before they are public (quire/policy).

A held work has `held_for_review` set, which the one visibility rule treats like
hidden: only its creators and moderators see it. A held comment is hidden by a
moderator until approved. Creators are emailed when their work is held, approved
or rejected; the email goes through a task once the transaction commits."""

from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from quire.interactions.feedback import set_hidden_by_moderator
from quire.interactions.models import Comment
from quire.policy import models as archive_policy
from quire.works import freshness
from quire.works.models import Chapter, ChapterState, Work

from . import services
from .models import LogAction, ModerationLogEntry, ReviewItem, ReviewReason, ReviewStatus
from .spamscore import score_text
from .tasks import APPROVED, HELD, REJECTED, email_creators


def _tell_creators(work: Work, outcome: str, note: str = "") -> None:
    transaction.on_commit(partial(email_creators.enqueue, work.pk, outcome, note))


def _work_text(work: Work, chapter: Chapter) -> str:
    return "\n\n".join([work.title, work.summary, chapter.text or ""])


def check_published_chapter(chapter: Chapter) -> ReviewItem | None:
    """Called as a chapter goes up. Holds the work if it scores as spam, or if the
    archive approves new works and this is the work's first time up."""
    work = Work.objects.get(pk=chapter.work_id)
    if work.held_for_review or work.hidden_by_moderator:
        return None
    creators = [p.user for p in work.accepted_pseuds()]
    text, poster = _work_text(work, chapter), creators[0] if creators else None
    score = score_text(text, user=poster)
    if 0 < score.points < settings.SPAM_HOLD_SCORE:
        # Only text that already looks like an advert is compared with the poster's
        # other works: a bulk import of clean works reads no earlier chapters.
        earlier = Chapter.objects.filter(work__creatorships__pseud__user__in=creators, position=1).exclude(
            work=work
        ).values_list("text", flat=True)[:50]
        score = score_text(text, user=poster, earlier_texts=earlier, compare=chapter.text)
    if score.points >= settings.SPAM_HOLD_SCORE:
        reason = ReviewReason.SPAM
    elif (
        archive_policy.current().review_new_works
        and not ReviewItem.objects.filter(work=work, status=ReviewStatus.APPROVED).exists()
        and not work.chapters.filter(state=ChapterState.PUBLISHED).exclude(pk=chapter.pk).exists()
    ):
        reason = ReviewReason.APPROVAL
    else:
        return None
    Work.objects.filter(pk=work.pk).update(held_for_review=True)
    freshness.works_changed([work.pk], text=False)
    item = ReviewItem.objects.create(work=work, reason=reason, score=score.points, signals="\n".join(score.reasons))
    _tell_creators(work, HELD)
    return item


def check_new_comment(comment: Comment) -> ReviewItem | None:
    """Called as a comment is created: hide it for review if it scores as spam."""
    score = score_text(comment.text, user=comment.user)
    if 0 < score.points < settings.SPAM_HOLD_SCORE and comment.user_id:
        earlier = Comment.objects.filter(user_id=comment.user_id).exclude(pk=comment.pk).values_list("text", flat=True)
        score = score_text(comment.text, user=comment.user, earlier_texts=earlier[:50])
    if score.points < settings.SPAM_HOLD_SCORE:
        return None
    Comment.objects.filter(pk=comment.pk).update(hidden_by_moderator=True)
    comment.hidden_by_moderator = True  # the caller counts shown comments from this object
    return ReviewItem.objects.create(
        comment=comment, work_id=comment.work_id, reason=ReviewReason.SPAM, score=score.points,
        signals="\n".join(score.reasons),
    )  # fmt: skip


@transaction.atomic
def approve(moderator, item: ReviewItem, note: str = "") -> None:
    services._check(moderator)
    if item.comment_id:
        set_hidden_by_moderator(item.comment, False)
    elif item.work_id:
        Work.objects.filter(pk=item.work_id).update(held_for_review=False)
        freshness.works_changed([item.work_id], text=False)
        _tell_creators(item.work, APPROVED)
    _close(moderator, item, ReviewStatus.APPROVED, LogAction.APPROVE, note)


@transaction.atomic
def reject(moderator, item: ReviewItem, note: str = "") -> None:
    """Spam is deleted; a work the archive did not approve stays hidden, with its creators told why."""
    services._check(moderator)
    _close(moderator, item, ReviewStatus.REJECTED, LogAction.REJECT, note)
    if item.reason == ReviewReason.SPAM:
        work = item.work if item.work_id and not item.comment_id else None
        services.delete_spam(moderator, work=work, comment=item.comment, note=note or "held as spam")
    elif item.work_id:
        Work.objects.filter(pk=item.work_id).update(held_for_review=False, hidden_by_moderator=True)
        freshness.works_changed([item.work_id], text=False)
        _tell_creators(item.work, REJECTED, note)


def _close(moderator, item: ReviewItem, status: str, action: str, note: str) -> None:
    ReviewItem.objects.filter(pk=item.pk).update(status=status, handled_by=moderator, handled_at=timezone.now())
    subject = f"work “{item.work.title}”" if item.work_id and not item.comment_id else f"comment #{item.comment_id}"
    ModerationLogEntry.objects.create(
        moderator=moderator, action=action, work_id=item.work_id, comment_id=item.comment_id, subject=subject,
        note=note or item.get_reason_display(),
    )  # fmt: skip
