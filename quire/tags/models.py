from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from quire.lib.urls import url_with_pk


class TagType(models.TextChoices):
    RATING = "rating", _("Rating")
    WARNING = "warning", _("Archive Warning")
    CATEGORY = "category", _("Category")
    FANDOM = "fandom", _("Fandom")
    CHARACTER = "character", _("Character")
    RELATIONSHIP = "relationship", _("Relationship")
    FREEFORM = "freeform", _("Additional Tags")


# Types whose tags the archive defines; authors pick from them but never create them.
FIXED_TYPES = (TagType.RATING, TagType.WARNING, TagType.CATEGORY)
# Types authors type freely; these count towards the per-work tag limit.
USER_TYPES = (TagType.FANDOM, TagType.CHARACTER, TagType.RELATIONSHIP, TagType.FREEFORM)

RATINGS = ["Not Rated", "General Audiences", "Teen And Up Audiences", "Mature", "Explicit"]
# Rating scales an archive can switch to (quire/policy): (label, ratings in order, adult ones).
# Old works keep their rating tags when the scale changes, so "adult" is the union of all.
RATING_SCALES = {
    "ao3": (_("AO3: General, Teen, Mature, Explicit"), RATINGS, {"Mature", "Explicit"}),
    "ffn": (_("FanFiction.Net style: K, K+, T, M"), ["K", "K+", "T", "M"], {"M"}),
    "efiction": (_("eFiction style: G, PG, PG-13, R, NC-17"), ["G", "PG", "PG-13", "R", "NC-17"], {"R", "NC-17"}),
}
ADULT_RATINGS = set().union(*(adult for _, _, adult in RATING_SCALES.values()))
WARNINGS = [
    "Choose Not To Use Archive Warnings",
    "Graphic Depictions Of Violence",
    "Major Character Death",
    "No Archive Warnings Apply",
    "Rape/Non-Con",
    "Underage Sex",
]
CATEGORIES = ["F/F", "F/M", "Gen", "M/M", "Multi", "Other"]


class Media(models.TextChoices):
    """What a fandom is a fandom of: the groups of the fandoms index."""

    TV = "tv", _("TV Shows")
    BOOKS = "books", _("Books & Literature")
    MOVIES = "movies", _("Movies")
    ANIME = "anime", _("Anime & Manga")
    GAMES = "games", _("Video Games")
    THEATER = "theater", _("Theater")
    MUSIC = "music", _("Music")
    RPF = "rpf", _("Celebrities & Real People")
    OTHER = "other", _("Other")


# "What sort of tag": whole phrases, since languages put the type on either side of "tag".
TAG_KINDS = {
    TagType.RATING: _("Rating tag"),
    TagType.WARNING: _("Archive Warning tag"),
    TagType.CATEGORY: _("Category tag"),
    TagType.FANDOM: _("Fandom tag"),
    TagType.CHARACTER: _("Character tag"),
    TagType.RELATIONSHIP: _("Relationship tag"),
    TagType.FREEFORM: _("Additional tag"),  # not "Additional Tags tag"
}


class TagQuerySet(models.QuerySet):
    def of_type(self, tag_type: str) -> "TagQuerySet":
        return self.filter(type=tag_type)

    def canonical(self) -> "TagQuerySet":
        return self.filter(canonical=True)

    def named(self, name: str) -> "TagQuerySet":
        return self.filter(name__iexact=name.strip())

    def unwrangled(self) -> "TagQuerySet":
        return self.filter(canonical=False, synonym_of__isnull=True)


class Tag(models.Model):
    """One table for every kind of tag (AO3's lesson): a rating, a fandom and a
    free-form tag differ only in `type` and in how they are wrangled."""

    name = models.CharField(max_length=150)
    type = models.CharField(max_length=20, choices=TagType.choices)
    canonical = models.BooleanField(default=False)
    synonym_of = models.ForeignKey(
        to="self", null=True, blank=True, on_delete=models.SET_NULL, related_name="synonyms"
    )
    # Character and relationship tags belong to fandoms; a tag may have several.
    parents = models.ManyToManyField(to="self", symmetrical=False, blank=True, related_name="children")
    # A fandom's media (its parent in AO3's terms); blank until wrangled.
    media = models.CharField(max_length=10, choices=Media.choices, blank=True)
    # Sub tag → meta tag, same type: filtering on a meta tag finds its sub tags' works.
    metatags = models.ManyToManyField(to="self", symmetrical=False, blank=True, related_name="subtags")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = TagQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(Lower("name"), name="unique_tag_name_ci")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return url_with_pk("tags:detail", self.pk)

    @property
    def kind(self) -> str:
        """What sort of tag this is, in a sentence: "Character tag", "Additional tag"."""
        return str(TAG_KINDS.get(self.type, self.get_type_display()))

    @property
    def canonical_tag(self) -> "Tag":
        return self.synonym_of if self.synonym_of_id else self

    @property
    def status(self) -> str:
        if self.synonym_of_id:
            return "synonym"
        return "canonical" if self.canonical else "unwrangled"


class FilterTagging(models.Model):
    """A tag a work is *filed* under: for each of its taggings, the canonical tag
    (or the tag itself while unwrangled) plus every meta tag above it. Filtering
    and facet counts read these, so wrangling re-files works without editing them.
    Kept by `quire.works.filing`."""

    work = models.ForeignKey("works.Work", on_delete=models.CASCADE, related_name="filter_taggings")
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="filter_taggings")
    # True when only a meta tag relation puts the work here (crossovers ignore those).
    inherited = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tag", "work"], name="unique_filter_tagging")]
        indexes = [models.Index(fields=["work", "tag"])]

    def __str__(self):
        return f"{self.work_id} filed under {self.tag_id}"


class WranglingAction(models.Model):
    """The wrangling log: who changed which tag, and how."""

    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="wrangling_actions")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    description = models.CharField(max_length=500)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.actor}: {self.description}"


class SuggestionStatus(models.TextChoices):
    PENDING = "pending", _("Suggested")
    ACCEPTED = "accepted", _("Accepted")
    DISMISSED = "dismissed", _("Dismissed")


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
