from django.db import models
from django.utils.translation import gettext_lazy


class Kind(models.TextChoices):
    AUTHOR = "author", gettext_lazy("Author (a pseud)")
    SERIES = "series", gettext_lazy("Series")
    STORY = "story", gettext_lazy("Story (a work)")
    CHAPTER = "chapter", gettext_lazy("Chapter")
    REVIEW = "review", gettext_lazy("Review (a comment)")
    FAVORITE = "favorite", gettext_lazy("Favourite (a bookmark or subscription)")


class ImportedId(models.Model):
    """One eFiction id and what it became. The migration skips anything already
    here, which is what makes a second run resumable and duplicate-free, and the
    old addresses (`viewstory.php?sid=N`) redirect through it."""

    kind = models.CharField(max_length=10, choices=Kind.choices)
    old_id = models.CharField(max_length=64)
    new_id = models.BigIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "old_id"], name="unique_efiction_id")]

    def __str__(self):
        return f"eFiction {self.kind} {self.old_id} → {self.new_id}"

    @classmethod
    def lookup(cls, kind: str, old_id) -> int | None:
        return cls.objects.filter(kind=kind, old_id=str(old_id)).values_list("new_id", flat=True).first()

    @classmethod
    def mapped(cls, kind: str) -> dict[str, int]:
        return dict(cls.objects.filter(kind=kind).values_list("old_id", "new_id"))
