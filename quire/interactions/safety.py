"""Blocking and muting: the checks every feedback path makes, and the changes."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from quire.accounts.models import Block, Mute


class Refused(Exception):
    """An action the archive won't take; the message is shown to the person as is,
    with `status` as the HTTP status of the page that shows it. `log_in` says that
    logging in would allow it, so the page offers the link (the message itself is
    translated, so pages can't look for words in it)."""

    def __init__(self, message: str, status: int = 403, *, log_in: bool = False):
        super().__init__(message)
        self.status = status
        self.log_in = log_in


def is_blocked_by_work(user, work) -> bool:
    """Has any creator of `work` blocked `user`?"""
    if not (user and user.is_authenticated):
        return False
    creators = [p.user_id for p in work.accepted_pseuds()]
    return Block.objects.filter(blocker_id__in=creators, blocked=user).exists()


def is_blocked_by(user, other_user_id) -> bool:
    if not (user and user.is_authenticated) or other_user_id is None:
        return False
    return Block.objects.filter(blocker_id=other_user_id, blocked=user).exists()


def check_not_blocked_on_work(user, work, refusal: str) -> None:
    """`refusal` is the whole sentence to show (translated by the caller), so each
    action reads naturally in every language."""
    if is_blocked_by_work(user, work):
        raise Refused(refusal)


def block(blocker, blocked) -> Block:
    if blocker.pk == blocked.pk:
        raise Refused(_("You can't block yourself."))
    if blocked.can_moderate:
        raise Refused(_("Moderators can't be blocked: they need to be able to reach everyone."))
    with transaction.atomic():
        found, _created = Block.objects.get_or_create(blocker=blocker, blocked=blocked)
        # A blocked user's subscriptions to the blocker end with the block.
        from .subscriptions import drop_subscriptions_to

        drop_subscriptions_to(blocked, blocker)
    return found


def unblock(blocker, blocked) -> None:
    Block.objects.filter(blocker=blocker, blocked=blocked).delete()


def mute(muter, muted, via_work=None) -> Mute:
    if muter.pk == muted.pk:
        raise Refused(_("You can't mute yourself."))
    try:
        with transaction.atomic():
            return Mute.objects.create(muter=muter, muted=muted, via_work=via_work)
    except IntegrityError:
        return Mute.objects.get(muter=muter, muted=muted, via_work=via_work)


def mute_work_creators(muter, work) -> int:
    """Mute every creator of `work` without telling `muter` who they are (for anonymous works)."""
    count = 0
    for pseud in work.accepted_pseuds():
        if pseud.user_id != muter.pk:
            mute(muter, pseud.user, via_work=work if work.anonymous else None)
            count += 1
    if not count:
        raise Refused(_("You can't mute yourself."))
    return count


def unmute(muter, mute_id: int) -> None:
    Mute.objects.filter(muter=muter, pk=mute_id).delete()
