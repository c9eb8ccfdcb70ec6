"""Invitations members can give: admins grant a member a number of them (from the
moderators' console), and the member sends them from /invitations/mine/."""

from django.conf import settings
from django.db import models, transaction
from django.db.models import F


class InvitationAllowance(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitation_allowance")
    remaining = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.user}: {self.remaining} invitation(s) to give"


def remaining_for(user) -> int:
    if not user.is_authenticated:
        return 0
    return InvitationAllowance.objects.filter(user=user).values_list("remaining", flat=True).first() or 0


def grant(user, count: int) -> int:
    """Add `count` invitations to give; returns the new total."""
    allowance, _ = InvitationAllowance.objects.get_or_create(user=user)
    InvitationAllowance.objects.filter(pk=allowance.pk).update(remaining=F("remaining") + count)
    allowance.refresh_from_db()
    return allowance.remaining


@transaction.atomic
def take_one(user) -> bool:
    """Use one of the member's invitations; False when none are left (checked under a row lock)."""
    return bool(
        InvitationAllowance.objects.select_for_update().filter(user=user, remaining__gt=0).update(
            remaining=F("remaining") - 1
        )
    )
