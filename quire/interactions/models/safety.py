from django.conf import settings
from django.db import models
from django.utils import timezone


class Block(models.Model):
    """`blocked` can't comment on, reply to, or leave kudos on `blocker`'s works, nor subscribe to them."""

    blocker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocks")
    blocked = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocked_by")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["blocker", "blocked"], name="unique_block")]

    def __str__(self):
        return f"{self.blocker} blocks {self.blocked}"


class Mute(models.Model):
    """`muter` no longer sees `muted`'s works, comments or bookmarks. Applied on the
    server, inside `Work.objects.visible_to`, so every list and count agrees.

    `via_work` is set when the mute came from an anonymous work's page: the mute
    list then names the work, never the hidden creator."""

    muter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mutes")
    muted = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="muted_by")
    via_work = models.ForeignKey("works.Work", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["muter", "muted"], name="unique_mute")]

    def __str__(self):
        return f"{self.muter} mutes {self.muted}"


def muted_user_ids(user):
    """A subquery of the users `user` has muted (empty for guests)."""
    if not (user and user.is_authenticated):
        return Mute.objects.none().values("muted_id")
    return Mute.objects.filter(muter=user).values("muted_id")


def muted_work_ids(user):
    """A subquery of the works credited to anyone `user` has muted: what
    `Work.objects.visible_to` leaves out for that viewer."""
    from quire.works.models import Creatorship

    return Creatorship.objects.filter(accepted=True, pseud__user__in=muted_user_ids(user)).values("work_id")
