"""Orphaning (AO3's model) and carrying out an account's deletion.

Orphaning keeps a work on the archive but ties it to no one: its credit moves to
the shared `orphan_account` user's pseud. On a work with other creators the person
only drops out of the credits. Nothing about who may read a work changes, so the
visibility rule is untouched; the search change log hears of every work whose
credits change, in the same transaction, and deleted works leave it through the
delete signal like any other deletion.
"""

from django.db import transaction
from django.utils import timezone

from quire.accounts.models import AccountDeletion, Pseud, User

from . import events, freshness
from .claiming import ORPHAN_ACCOUNT, orphan_account
from .models import Creatorship, Series, Work

ORPHAN = "orphan"
DELETE = "delete"


def orphan_pseud() -> Pseud:
    """The pseud orphaned works are credited to, made on first use."""
    user = orphan_account()
    pseud = user.pseuds.filter(is_default=True).first()
    if pseud is None:
        pseud = Pseud.objects.create(user=user, name=ORPHAN_ACCOUNT, is_default=True)
    return pseud


def works_of(user: User):
    """Works `user` is an accepted creator of, drafts included."""
    mine = Creatorship.objects.filter(pseud__user=user, accepted=True).values("work_id")
    return Work.objects.filter(pk__in=mine).order_by("title", "pk")


def has_other_creators(work: Work, user: User) -> bool:
    return work.creatorships.filter(accepted=True).exclude(pseud__user=user).exists()


def _orphan_credits(work: Work, user: User, pseuds=None) -> None:
    """Take `user`'s credits (or only those of `pseuds`) off `work`; credit the
    orphan account instead when nobody else is left on it."""
    theirs = work.creatorships.filter(pseud__user=user)
    if pseuds is not None:
        theirs = theirs.filter(pseud__in=pseuds)
    remaining = work.creatorships.filter(accepted=True).exclude(pk__in=theirs.values("pk"))
    if not remaining.exists():
        Creatorship.objects.get_or_create(work=work, pseud=orphan_pseud(), defaults={"accepted": True})
    theirs.delete()
    freshness.works_changed([work.pk], text=False)


def _orphan_series_credit(series: Series, pseuds) -> None:
    series.creators.remove(*pseuds)
    if not series.creators.exists():
        series.creators.add(orphan_pseud())


@transaction.atomic
def orphan_work(work: Work, user: User) -> None:
    _orphan_credits(work, user)


@transaction.atomic
def orphan_series(series: Series, user: User) -> list[int]:
    """Orphan the series and every work in it that `user` created. Returns those works."""
    pseuds = list(user.pseuds.all())
    _orphan_series_credit(series, pseuds)
    orphaned = []
    for work in Work.objects.filter(series_memberships__series=series, creatorships__pseud__user=user).distinct():
        _orphan_credits(work, user)
        orphaned.append(work.pk)
    return orphaned


@transaction.atomic
def orphan_pseud_works(pseud: Pseud) -> list[int]:
    """Orphan everything credited to `pseud`, then delete it (a default pseud stays)."""
    orphaned = []
    for work in Work.objects.filter(creatorships__pseud=pseud).distinct():
        _orphan_credits(work, pseud.user, pseuds=[pseud])
        orphaned.append(work.pk)
    for series in Series.objects.filter(creators=pseud):
        _orphan_series_credit(series, [pseud])
    if not pseud.is_default:
        pseud.delete()
    return orphaned


@transaction.atomic
def remove_work(work: Work, user: User) -> None:
    """The "delete" choice: the work goes, unless others created it too, in which case
    only this person's credit does (nobody deletes someone else's work)."""
    if has_other_creators(work, user):
        work.creatorships.filter(pseud__user=user).delete()
        freshness.works_changed([work.pk], text=False)
    else:
        work.delete()  # the delete signal tells the search change log


@transaction.atomic
def finalise_deletion(deletion: AccountDeletion) -> None:
    """Carry out a deletion whose grace period is over: each work orphaned or deleted
    as chosen (orphaned when no choice was recorded), then the account."""
    user = deletion.user
    for work in works_of(user):
        if deletion.choices.get(str(work.pk)) == DELETE:
            remove_work(work, user)
        else:
            _orphan_credits(work, user)
    Creatorship.objects.filter(pseud__user=user).delete()  # invitations not yet accepted
    for series in Series.objects.filter(creators__user=user).distinct():
        _orphan_series_credit(series, list(user.pseuds.all()))
    # Their comments go, or stay as "(Previous comment deleted.)" (the interactions app decides).
    events.account_leaving.send(sender=AccountDeletion, user=user)
    user.delete()


def due_deletions():
    return AccountDeletion.objects.filter(due_at__lte=timezone.now()).select_related("user")


def run_due_deletions() -> int:
    """Finalise every deletion whose time has come. Returns how many."""
    count = 0
    for deletion in due_deletions().order_by("due_at", "pk"):
        with transaction.atomic():
            # Re-read under lock: logging in cancels, and another worker may be here too.
            fresh = (
                AccountDeletion.objects.select_for_update()
                .filter(pk=deletion.pk, due_at__lte=timezone.now())
                .select_related("user")
                .first()
            )
            if fresh is None:
                continue
            finalise_deletion(fresh)
            count += 1
    return count
