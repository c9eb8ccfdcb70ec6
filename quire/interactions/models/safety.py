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

    Anonymity holds against muting (AO3's rule): a mute by name hides only the
    muted person's signed works, so muting and unmuting names in turn never makes
    an anonymous work vanish and so never says who wrote it.

    `via_work` is set when the mute came from an anonymous work's page. Such a mute
    hides that one work and nothing else: hiding the person's other anonymous works
    would tell `muter` which anonymous works share a creator, and hiding their
    signed works, comments or bookmarks would say who they are. The mute list names
    the work, not the person. It is a separate row from any mute of the same person
    by name, and goes when the work goes."""

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


def _muted_works(user) -> models.Q | None:
    """Which works muting hides from `user`, or None when they have muted no one
    (most readers: one indexed lookup then spares every list a subquery)."""
    from quire.works.models import Creatorship

    if not (user and user.is_authenticated):
        return None
    mutes = Mute.objects.filter(muter=user)
    if not mutes.exists():
        return None
    signed_by_muted = Creatorship.objects.filter(pseud__user__in=muted_user_ids(user), accepted=True)
    return models.Q(anonymous=False, pk__in=signed_by_muted.values("work_id")) | models.Q(
        pk__in=mutes.filter(via_work__isnull=False).values("via_work_id")
    )


def exclude_muted(works, user):
    """`works` (a Work queryset) without the works `user`'s mutes hide."""
    hidden = _muted_works(user)
    return works if hidden is None else works.exclude(hidden)


def muted_work_ids(user) -> list[int]:
    """The ids of the works `user`'s mutes hide (for the in-memory search index)."""
    from quire.works.models import Work

    hidden = _muted_works(user)
    return [] if hidden is None else list(Work.objects.filter(hidden).values_list("pk", flat=True))
