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

    `via_work` is set when the mute came from an anonymous work's page. Such a mute
    never names the hidden creator to `muter` (the mute list names the work, and
    their profile, comments and bookmarks behave as if nothing was muted), and it
    hides only their anonymous works: hiding their signed works would say who they
    are. It is a separate row from any mute of the same person by name, and goes
    when the work goes (turning into a named mute would reveal the creator)."""

    muter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mutes")
    muted = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="muted_by")
    via_work = models.ForeignKey("works.Work", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["muter", "muted"], condition=models.Q(via_work__isnull=True), name="unique_mute"
            ),
            models.UniqueConstraint(
                fields=["muter", "muted", "via_work"],
                condition=models.Q(via_work__isnull=False),
                name="unique_mute_via_work",
            ),
        ]

    def __str__(self):
        return f"{self.muter} mutes {self.muted}"


def muted_user_ids(user):
    """A subquery of the users `user` has muted by name (empty for guests). Mutes
    made from an anonymous work's page are left out: they must not hide that
    person's comments or bookmarks, which would say who the creator is."""
    if not (user and user.is_authenticated):
        return Mute.objects.none().values("muted_id")
    return Mute.objects.filter(muter=user, via_work__isnull=True).values("muted_id")


def muted_work_ids(user):
    """A subquery of the works `Work.objects.visible_to` leaves out for `user`:
    every work credited to someone muted by name, and the anonymous works of
    anyone muted from an anonymous work's page."""
    from quire.works.models import Creatorship

    if not (user and user.is_authenticated):
        return Creatorship.objects.none().values("work_id")
    via_work = Mute.objects.filter(muter=user, via_work__isnull=False).values("muted_id")
    return Creatorship.objects.filter(
        models.Q(pseud__user__in=muted_user_ids(user)) | models.Q(pseud__user__in=via_work, work__anonymous=True),
        accepted=True,
    ).values("work_id")
