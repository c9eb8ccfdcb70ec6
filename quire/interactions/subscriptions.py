"""Following works, authors, pseuds and series."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from .models import Subscription, WorkStats
from .safety import Refused, is_blocked_by, is_blocked_by_work


def subscribe(user, *, work=None, author=None, pseud=None, series=None) -> Subscription:
    if work is not None:
        if work.is_creator(user):
            raise Refused(_("You can't subscribe to your own work."))
        if is_blocked_by_work(user, work):
            raise Refused(_("You can't subscribe to this work: its creator has blocked you."))
    target_user = author or (pseud.user if pseud is not None else None)
    if target_user is not None:
        if target_user.pk == user.pk:
            raise Refused(_("You can't subscribe to yourself."))
        if is_blocked_by(user, target_user.pk):
            raise Refused(_("You can't subscribe to %(name)s: they have blocked you.") % {"name": target_user.username})
    if series is not None and series.creators.filter(user__blocks__blocked=user).exists():
        raise Refused(_("You can't subscribe to this series: its creator has blocked you."))
    lookup = {"work": work, "author": author, "pseud": pseud, "series": series}
    lookup = {k: v for k, v in lookup.items() if v is not None}
    try:
        with transaction.atomic():
            sub = Subscription.objects.create(user=user, **lookup)
            if work is not None:
                WorkStats.bump(work.pk, "subscriptions")
            return sub
    except IntegrityError:
        return Subscription.objects.get(user=user, **lookup)


def unsubscribe(subscription: Subscription) -> None:
    with transaction.atomic():
        deleted, _count = Subscription.objects.filter(pk=subscription.pk).delete()
        if deleted and subscription.work_id:
            WorkStats.bump(subscription.work_id, "subscriptions", -1)


def drop_subscriptions_to(subscriber, creator) -> None:
    """End `subscriber`'s subscriptions to `creator`, their pseuds and their works (on blocking)."""
    subs = Subscription.objects.filter(user=subscriber).filter(models_q_for_creator(creator))
    for sub in list(subs):
        unsubscribe(sub)


def models_q_for_creator(creator):
    from django.db.models import Q

    return (
        Q(author=creator)
        | Q(pseud__user=creator)
        | Q(work__creatorships__pseud__user=creator, work__creatorships__accepted=True)
    )
