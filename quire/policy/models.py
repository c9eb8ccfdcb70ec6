"""The archive's policy as data: admins change it from the console, not the code.

One row (pk=1). It sits just above `tags` (whose fixed tags it names) and below
`works` (whose posting form reads it), so every app that needs it imports downward."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from quire.tags.models import CATEGORIES, RATING_SCALES, WARNINGS


class AnonymousPosting(models.TextChoices):
    OPEN = "open", _("Open: anyone may post a work anonymously")
    COLLECTIONS = "collections", _("Only inside anonymous collections")
    OFF = "off", _("Off: every work shows its creators")


class ArchivePolicy(models.Model):
    rating_scale = models.CharField(
        max_length=20, default="ao3",
        choices=[(key, label) for key, (label, _ratings, _aliases) in RATING_SCALES.items()],
        help_text=_("New and edited works choose from this scale. Works already posted keep their rating."),
    )  # fmt: skip
    warnings = models.TextField(
        default="\n".join(WARNINGS),
        help_text=_("One archive warning per line. Authors must choose at least one."),
    )
    categories = models.TextField(
        default="\n".join(CATEGORIES), help_text=_("One category per line; may be empty.")
    )
    anonymous_posting = models.CharField(
        max_length=20, choices=AnonymousPosting.choices, default=AnonymousPosting.OPEN
    )
    review_new_works = models.BooleanField(
        _("Approve new works before they are public"), default=False,
        help_text=_(
            "A newly posted work waits in the moderators' review queue; its creators are told when it goes up."
        ),
    )  # fmt: skip
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name_plural = _("archive policy")

    def __str__(self):
        return "Archive policy"

    def save(self, *args, **kwargs):
        self.pk = 1  # one row: the archive has one policy
        super().save(*args, **kwargs)

    @property
    def ratings(self) -> list[str]:
        return list(RATING_SCALES[self.rating_scale][1])

    @property
    def warning_list(self) -> list[str]:
        return _lines(self.warnings)

    @property
    def category_list(self) -> list[str]:
        return _lines(self.categories)


def _lines(text: str) -> list[str]:
    seen: dict[str, None] = {}
    for line in text.splitlines():
        name = " ".join(line.split())
        if name and name.lower() not in {k.lower() for k in seen}:
            seen[name] = None
    return list(seen)


def current() -> ArchivePolicy:
    """The policy in force: one primary-key read, not cached, so a change shows on
    the next page in every process (it is read only by posting pages)."""
    return ArchivePolicy.objects.filter(pk=1).first() or ArchivePolicy(pk=1)
