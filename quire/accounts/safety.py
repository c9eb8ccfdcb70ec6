"""Blocks and mutes: what one account asks of the archive about another.

They live with the accounts (below works) because the one visibility rule,
`Work.objects.visible_to`, applies mutes: the rule reads these tables through
`Mute.objects`, and the pages that make and undo them stay in `interactions`.
The tables keep the names they had there (`interactions_block`,
`interactions_mute`): the move changed no data (accounts migration 0008)."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class MuteQuerySet(models.QuerySet):
    def made_by(self, user) -> "MuteQuerySet":
        """The mutes `user` made (none for guests)."""
        if not (user and user.is_authenticated):
            return self.none()
        return self.filter(muter=user)

    def muted_user_ids(self, user) -> "MuteQuerySet":
        """A subquery of the users `user` has muted by name (empty for guests). Mutes
        made from an anonymous work's page are left out: they must not hide that
        person's comments or bookmarks, which would say who the creator is."""
        return self.made_by(user).filter(via_work__isnull=True).values("muted_id")

    def muted_work_ids(self, user) -> "MuteQuerySet":
        """A subquery of the anonymous works `user` muted from the work's page."""
        return self.made_by(user).filter(via_work__isnull=False).values("via_work_id")


class Block(models.Model):
    """`blocked` can't comment on, reply to, or leave kudos on `blocker`'s works, nor subscribe to them."""

    blocker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocks")
    blocked = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocked_by")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "interactions_block"
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

    objects = MuteQuerySet.as_manager()

    class Meta:
        db_table = "interactions_mute"
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
