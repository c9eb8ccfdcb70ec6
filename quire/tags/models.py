from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse


class TagType(models.TextChoices):
    RATING = "rating", "Rating"
    WARNING = "warning", "Archive Warning"
    CATEGORY = "category", "Category"
    FANDOM = "fandom", "Fandom"
    CHARACTER = "character", "Character"
    RELATIONSHIP = "relationship", "Relationship"
    FREEFORM = "freeform", "Additional Tags"


# Types whose tags the archive defines; authors pick from them but never create them.
FIXED_TYPES = (TagType.RATING, TagType.WARNING, TagType.CATEGORY)
# Types authors type freely; these count towards the per-work tag limit.
USER_TYPES = (TagType.FANDOM, TagType.CHARACTER, TagType.RELATIONSHIP, TagType.FREEFORM)

RATINGS = ["Not Rated", "General Audiences", "Teen And Up Audiences", "Mature", "Explicit"]
ADULT_RATINGS = {"Mature", "Explicit"}
WARNINGS = [
    "Choose Not To Use Archive Warnings",
    "Graphic Depictions Of Violence",
    "Major Character Death",
    "No Archive Warnings Apply",
    "Rape/Non-Con",
    "Underage Sex",
]
CATEGORIES = ["F/F", "F/M", "Gen", "M/M", "Multi", "Other"]


class TagQuerySet(models.QuerySet):
    def of_type(self, tag_type: str) -> "TagQuerySet":
        return self.filter(type=tag_type)

    def canonical(self) -> "TagQuerySet":
        return self.filter(canonical=True)

    def named(self, name: str) -> "TagQuerySet":
        return self.filter(name__iexact=name.strip())


class Tag(models.Model):
    """One table for every kind of tag (AO3's lesson): a rating, a fandom and a
    free-form tag differ only in `type` and in how they are wrangled."""

    name = models.CharField(max_length=150)
    type = models.CharField(max_length=20, choices=TagType.choices)
    canonical = models.BooleanField(default=False)
    synonym_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="synonyms"
    )
    # Character and relationship tags belong to fandoms; a tag may have several.
    parents = models.ManyToManyField("self", symmetrical=False, blank=True, related_name="children")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = TagQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(Lower("name"), name="unique_tag_name_ci")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("tags:detail", args=[self.pk])

    @property
    def canonical_tag(self) -> "Tag":
        return self.synonym_of if self.synonym_of_id else self


class SuggestionStatus(models.TextChoices):
    PENDING = "pending", "Suggested"
    ACCEPTED = "accepted", "Accepted"
    DISMISSED = "dismissed", "Dismissed"


class TagSuggestion(models.Model):
    """A tag the story analyzer proposed for a work, with the words that justify it.
    The author accepts or dismisses each; nothing is tagged without them."""

    work = models.ForeignKey("works.Work", on_delete=models.CASCADE, related_name="tag_suggestions")
    type = models.CharField(max_length=20, choices=TagType.choices)
    name = models.CharField(max_length=150)
    canonical = models.BooleanField(default=False)
    confidence = models.FloatField()
    evidence = models.JSONField(default=list)
    status = models.CharField(max_length=10, choices=SuggestionStatus.choices, default=SuggestionStatus.PENDING)

    class Meta:
        ordering = ["type", "-confidence", "name"]
        constraints = [models.UniqueConstraint(fields=["work", "type", "name"], name="unique_tag_suggestion")]

    def __str__(self):
        return f"{self.get_type_display()}: {self.name} ({self.confidence:.0%})"

    @property
    def evidence_text(self) -> str:
        return " … ".join(f"“{quote}”" for quote in self.evidence)
