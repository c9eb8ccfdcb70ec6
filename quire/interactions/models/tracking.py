import re

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from quire.accounts.models import Mute
from quire.lib import text as textlib
from quire.works.models import Series, Work

NOTES_MAX = 5000


class BookmarkQuerySet(models.QuerySet):
    def visible_to(self, viewer) -> "BookmarkQuerySet":
        """Bookmarks `viewer` may see: their own, or public bookmarks of works and
        series they may see, by people they haven't muted."""
        works = Work.objects.visible_to(viewer).posted().values("pk")
        on_visible = Q(work__in=works) | Q(series__in=Series.objects.filter(memberships__work__in=works).values("pk"))
        # Your own bookmarks stay listed when their work goes out of your sight (a
        # moderator hid it, it went back to draft), but `work_shown` is then False and
        # the listing says so instead of showing its live title.
        shown = Exists(Work.objects.visible_to(viewer).posted().filter(pk=OuterRef("work_id")))
        if viewer and viewer.is_authenticated:
            qs = self.filter(Q(user=viewer) | (Q(private=False) & on_visible)).exclude(
                user__in=Mute.objects.muted_user_ids(viewer)
            )
        else:
            qs = self.filter(on_visible, private=False)
        return qs.annotate(work_shown=shown)

    def with_bookmark_tag(self, name: str) -> "BookmarkQuerySet":
        """Bookmarks the bookmarker tagged `name` (whole tag, any case): tags are stored
        as the comma-separated text they typed, so match between commas."""
        name = " ".join(name.split())
        if not name:
            return self
        return self.filter(tags__iregex=r"(^|,)\s*" + re.escape(name) + r"\s*(,|$)")

    def matching(self, text: str) -> "BookmarkQuerySet":
        """Bookmarks whose note, bookmark tags or work/series title hold every word of `text`."""
        qs = self
        for word in text.split()[:10]:
            qs = qs.filter(
                Q(notes__icontains=word) | Q(tags__icontains=word)
                | Q(work__title__icontains=word) | Q(series__title__icontains=word)
            )  # fmt: skip
        return qs


class Bookmark(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bookmarks")
    work = models.ForeignKey("works.Work", null=True, blank=True, on_delete=models.CASCADE, related_name="bookmarks")
    series = models.ForeignKey(
        "works.Series", null=True, blank=True, on_delete=models.CASCADE, related_name="bookmarks"
    )
    notes = models.TextField(blank=True, max_length=NOTES_MAX)
    notes_html = models.TextField(blank=True, editable=False)
    tags = models.CharField(
        gettext_lazy("Your tags"),
        max_length=500,
        blank=True,
        help_text=gettext_lazy("Comma-separated, only for this bookmark"),
    )
    rec = models.BooleanField(gettext_lazy("Recommend"), default=False)
    private = models.BooleanField(
        gettext_lazy("Private"), default=False, help_text=gettext_lazy("Only you can see a private bookmark")
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = BookmarkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "work"], condition=Q(work__isnull=False), name="one_bookmark_per_work"
            ),
            models.UniqueConstraint(
                fields=["user", "series"], condition=Q(series__isnull=False), name="one_bookmark_per_series"
            ),
            models.CheckConstraint(
                condition=Q(work__isnull=False, series__isnull=True) | Q(work__isnull=True, series__isnull=False),
                name="bookmark_of_work_or_series",
            ),
        ]

    def __str__(self):
        return f"{self.user} bookmarked {self.work or self.series}"

    def save(self, *args, **kwargs):
        self.notes_html = textlib.render(self.notes, textlib.PLAIN)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("interactions:bookmarks", args=[self.user.username]) + f"#bookmark-{self.pk}"

    @property
    def target(self):
        return self.work or self.series

    @property
    def tag_list(self) -> list[str]:
        return [t.strip() for t in self.tags.split(",") if t.strip()]


class Reading(models.Model):
    """A user's reading of one work: history and "marked for later"."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="readings")
    work = models.ForeignKey("works.Work", on_delete=models.CASCADE, related_name="readings")
    chapter = models.ForeignKey("works.Chapter", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    visits = models.PositiveIntegerField(default=0)
    last_read_at = models.DateTimeField(null=True, blank=True)
    in_history = models.BooleanField(default=False)
    marked_for_later = models.BooleanField(default=False)

    class Meta:
        ordering = ["-last_read_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["user", "work"], name="one_reading_per_work")]

    def __str__(self):
        return f"{self.user} read {self.work_id}"


class Hit(models.Model):
    """One visitor reading one work on one day. The unique constraint is what
    makes a hit count once; the per-year stats page counts these rows."""

    work = models.ForeignKey("works.Work", on_delete=models.CASCADE, related_name="hit_rows")
    visitor_key = models.CharField(max_length=64)
    day = models.DateField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["work", "visitor_key", "day"], name="one_hit_per_visitor_day")]

    def __str__(self):
        return f"hit on {self.work_id} {self.day}"
