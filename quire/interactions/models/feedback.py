from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from quire.accounts.models import Mute
from quire.works import freshness
from quire.works.models import Creatorship

COMMENT_MAX = 10_000
# The counts works lists sort by: changing one tells the search change log.
SORTED_STATS = ("kudos", "hits", "comments", "bookmarks")


class WorkStats(models.Model):
    """Counts that change on every click, one row per work, only ever changed by
    `bump` (an UPDATE with F() expressions) so concurrent clicks never lose one.
    The search app reads these for sorting."""

    work = models.OneToOneField("works.Work", on_delete=models.CASCADE, related_name="stats")
    kudos = models.PositiveIntegerField(default=0)
    hits = models.PositiveIntegerField(default=0)
    comments = models.PositiveIntegerField(default=0)
    bookmarks = models.PositiveIntegerField(default=0)
    subscriptions = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name_plural = gettext_lazy("work stats")

    def __str__(self):
        return f"stats for work {self.work_id}"

    @classmethod
    def bump(cls, work_id: int, field: str, delta: int = 1) -> None:
        if not delta:
            return
        if field in SORTED_STATS:
            freshness.works_changed([work_id], text=False, stats_only=True)
        updated = cls.objects.filter(work_id=work_id).update(**{field: F(field) + delta})
        if updated:
            return
        try:
            # A savepoint, so losing the race to create the row doesn't break the caller's transaction.
            with transaction.atomic():
                cls.objects.create(work_id=work_id)
        except IntegrityError:
            pass  # another request created it first
        cls.objects.filter(work_id=work_id).update(**{field: F(field) + delta})

    @classmethod
    def for_work(cls, work) -> "WorkStats":
        """The row if there is one, else an unsaved row of zeros (reading never writes)."""
        try:
            return work.stats
        except cls.DoesNotExist:
            return cls(work=work)


class Kudos(models.Model):
    """One per signed-in user per work; one per guest address per work per day.
    The database enforces both, so double clicks and races can't double-count."""

    work = models.ForeignKey("works.Work", on_delete=models.CASCADE, related_name="kudos")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="kudos"
    )
    # A keyed hash of the guest's address: enough to tell guests apart, useless to anyone reading the table.
    guest_key = models.CharField(max_length=64, blank=True)
    day = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = gettext_lazy("kudos")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["work", "user"], condition=Q(user__isnull=False), name="one_kudos_per_user"
            ),
            models.UniqueConstraint(
                fields=["work", "guest_key", "day"], condition=Q(user__isnull=True), name="one_guest_kudos_per_day"
            ),
        ]

    def __str__(self):
        return f"kudos on {self.work_id} from {self.user or 'a guest'}"


class CommentSettings(models.Model):
    """How an author handles comments on one work (beyond the work's own comment permission)."""

    work = models.OneToOneField("works.Work", on_delete=models.CASCADE, related_name="comment_settings")
    moderated = models.BooleanField(
        gettext_lazy("Approve comments before they show"), default=False,
        help_text=gettext_lazy("New comments wait in your inbox until you approve them."),
    )  # fmt: skip

    def __str__(self):
        return f"comment settings for work {self.work_id}"


class CommentQuerySet(models.QuerySet):
    def shown(self) -> "CommentQuerySet":
        """Comments everyone may read (and that the comment count counts)."""
        return self.filter(approved=True, hidden_by_creator=False, hidden_by_moderator=False, deleted=False)

    def visible_to(self, user, work) -> "CommentQuerySet":
        """Comments on `work` as `user` sees them. Awaiting approval or hidden by the
        work's creator: the commenter and the work's creators see them. Hidden by a
        moderator: only the commenter and moderators. Muted commenters: never."""
        qs = self.filter(work=work)
        if not (user and user.is_authenticated):
            return qs.filter(Q(approved=True, hidden_by_creator=False, hidden_by_moderator=False))
        if user.can_moderate:
            rule = Q()
        else:
            rule = Q(approved=True, hidden_by_creator=False, hidden_by_moderator=False) | Q(user=user)
            if work.is_creator(user):
                rule |= Q(hidden_by_moderator=False)
        muted = Q(user__in=Mute.objects.muted_user_ids(user))
        if work.anonymous:
            # The creators' own comments here show as "Anonymous Creator": hiding them
            # because their author is muted by name would say who wrote the work.

            creators = Creatorship.objects.filter(work=work, accepted=True).values("pseud__user_id")
            muted &= ~Q(user__in=creators)
        return qs.filter(rule).exclude(muted)


class Comment(models.Model):
    work = models.ForeignKey("works.Work", on_delete=models.CASCADE, related_name="comments")
    chapter = models.ForeignKey("works.Chapter", on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies")
    thread = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="thread_comments",
        help_text=gettext_lazy("The top comment of this thread (empty for a top comment)"),
    )  # fmt: skip
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )
    guest_name = models.CharField(max_length=60, blank=True)
    guest_email = models.EmailField(blank=True)
    guest_key = models.CharField(max_length=64, blank=True)
    text = models.TextField(max_length=COMMENT_MAX)
    text_html = models.TextField(editable=False)

    approved = models.BooleanField(default=True)
    hidden_by_creator = models.BooleanField(default=False)
    hidden_by_moderator = models.BooleanField(default=False)
    # A deleted comment with replies stays as "(Previous comment deleted.)" so the thread still reads.
    deleted = models.BooleanField(default=False)
    frozen = models.BooleanField(default=False, help_text=gettext_lazy("No new replies in this thread"))
    # Only moderators see it (on the comment), to tie spam and abuse to its source.
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["chapter", "created_at"])]

    def __str__(self):
        return f"comment {self.pk} on {self.work_id}"

    def get_absolute_url(self):
        return reverse("interactions:comment", args=[self.pk])

    @property
    def is_shown(self) -> bool:
        return self.approved and not (self.hidden_by_creator or self.hidden_by_moderator or self.deleted)

    ANONYMOUS_CREATOR = gettext_lazy("Anonymous Creator")

    def hides_author_from(self, viewer) -> bool:
        """Is this a creator's own comment on their anonymous work, which `viewer`
        (None for "anyone else", as in email) must not see the name of?"""
        if not self.user_id:
            return False
        work = self.work
        if not work.anonymous:
            return False
        if viewer is not None and viewer.is_authenticated and (viewer.can_moderate or work.is_creator(viewer)):
            return False
        return any(p.user_id == self.user_id for p in work.accepted_pseuds())

    def display_name_for(self, viewer) -> str:
        """The commenter's name as `viewer` may see it."""
        if not self.user_id:
            return _("%(name)s (guest)") % {"name": self.guest_name}
        if self.hides_author_from(viewer):
            return str(self.ANONYMOUS_CREATOR)
        return self.user.username

    @property
    def author_name(self) -> str:
        """The name as anyone but the work's creators and moderators may see it."""
        return self.display_name_for(None)

    @property
    def root(self) -> "Comment":
        return self.thread if self.thread_id else self

    def thread_is_frozen(self) -> bool:
        return self.frozen or bool(self.thread_id and self.thread.frozen)

    def edit_deadline(self):
        minutes = settings.COMMENT_EDIT_MINUTES
        return self.created_at + timedelta(minutes=minutes)

    def can_edit(self, user) -> bool:
        return bool(
            user and user.is_authenticated and user.pk == self.user_id and not self.deleted
            and timezone.now() <= self.edit_deadline()
        )  # fmt: skip

    def can_delete(self, user) -> bool:
        if not (user and user.is_authenticated) or self.deleted:
            return False
        return user.pk == self.user_id or user.can_moderate or self.work.is_creator(user)
