"""Collections (AO3's model: a named place works and bookmarks join, by their
author's choice or by invitation, with owner and moderators), prompt memes,
gifts and related works.

Two collection flags change visibility: `anonymous` hides a work's creators and
`unrevealed` hides the work itself until the moderators reveal it. They are not
read from here by the visibility rule: the services in services.py copy them
onto the work (`Work.anonymous`, `Work.unrevealed`) in the same transaction as
the search change log entry, so the rule stays a column test on every database
and in the bitmap index."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from quire.lib import text as textlib

DESCRIPTION_MAX = 5000
NAME_MAX = 60


class CollectionKind(models.TextChoices):
    COLLECTION = "collection", _("Collection")
    PROMPT_MEME = "prompt_meme", _("Prompt meme")
    GIFT_EXCHANGE = "gift_exchange", _("Gift exchange")


class ItemState(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", pgettext_lazy("collection item", "Approved")
    REJECTED = "rejected", pgettext_lazy("collection item", "Rejected")


class CollectionQuerySet(models.QuerySet):
    def maintained_by(self, user) -> "CollectionQuerySet":
        """Collections `user` owns or moderates."""
        if not (user and user.is_authenticated):
            return self.none()
        return self.filter(Q(owner=user) | Q(moderators=user)).distinct()

    def top_level(self) -> "CollectionQuerySet":
        return self.filter(parent__isnull=True)


class Collection(models.Model):
    name = models.CharField(
        max_length=NAME_MAX,
        unique=True,
        validators=[RegexValidator(r"^[A-Za-z0-9_]+$", _("Use only letters, digits and underscores."))],
        help_text=_("The short name in the collection's address: letters, digits and underscores."),
    )
    title = models.CharField(max_length=255)
    kind = models.CharField(max_length=16, choices=CollectionKind.choices, default=CollectionKind.COLLECTION)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="owned_collections")
    moderators = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="moderated_collections")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children",
        help_text=_("Make this a sub-collection of a collection you maintain."),
    )  # fmt: skip
    description = models.TextField(_("Profile"), blank=True, max_length=DESCRIPTION_MAX)
    rules = models.TextField(blank=True, max_length=DESCRIPTION_MAX)
    description_html = models.TextField(blank=True, editable=False)
    rules_html = models.TextField(blank=True, editable=False)
    # Moderated: new items wait for an owner or moderator. Closed: no new items at all.
    moderated = models.BooleanField(default=False, help_text=_("Owners and moderators approve each new item."))
    closed = models.BooleanField(default=False, help_text=_("No new works or bookmarks can join."))
    anonymous = models.BooleanField(default=False, help_text=_("Creators are hidden until the collection is revealed."))
    unrevealed = models.BooleanField(default=False, help_text=_("Works are hidden until the collection is revealed."))
    revealed_at = models.DateTimeField(null=True, blank=True)
    # Ever anonymous: a work that was in it took its anonymity from here, so a reveal may clear it.
    anonymous_history = models.BooleanField(default=False, editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    objects = CollectionQuerySet.as_manager()

    class Meta:
        ordering = ["title", "pk"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.anonymous_history = self.anonymous_history or self.anonymous
        self.description_html = textlib.render(self.description, textlib.PLAIN)
        self.rules_html = textlib.render(self.rules, textlib.PLAIN)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("collections:detail", args=[self.name])

    def is_maintainer(self, user) -> bool:
        if not (user and user.is_authenticated):
            return False
        return self.owner_id == user.pk or self.moderators.filter(pk=user.pk).exists()

    @property
    def is_prompt_meme(self) -> bool:
        return self.kind == CollectionKind.PROMPT_MEME

    def with_children_ids(self) -> list[int]:
        """This collection and its sub-collections: a parent lists its children's works."""
        return [self.pk, *self.children.values_list("pk", flat=True)]


class CollectionItemQuerySet(models.QuerySet):
    def approved(self) -> "CollectionItemQuerySet":
        """In the collection: the author agreed and the collection accepted it."""
        return self.filter(author_state=ItemState.APPROVED, collection_state=ItemState.APPROVED)

    def live(self) -> "CollectionItemQuerySet":
        """Items whose collection's flags apply to the work: the author agreed and
        the collection has not refused it (a submission waiting for approval in an
        unrevealed collection is already hidden, as AO3 does)."""
        return self.filter(author_state=ItemState.APPROVED).exclude(collection_state=ItemState.REJECTED)


class CollectionItem(models.Model):
    """A work or a bookmark in a collection. Two approvals: the author's (an
    invitation waits for it) and the collection's (a moderated collection's
    queue waits for it)."""

    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="items")
    work = models.ForeignKey(
        "works.Work", null=True, blank=True, on_delete=models.CASCADE, related_name="collection_items"
    )
    bookmark = models.ForeignKey(
        "interactions.Bookmark", null=True, blank=True, on_delete=models.CASCADE, related_name="collection_items"
    )
    author_state = models.CharField(max_length=10, choices=ItemState.choices, default=ItemState.APPROVED)
    collection_state = models.CharField(max_length=10, choices=ItemState.choices, default=ItemState.APPROVED)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = CollectionItemQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["collection", "work"], condition=Q(work__isnull=False), name="one_item_per_work"
            ),
            models.UniqueConstraint(
                fields=["collection", "bookmark"], condition=Q(bookmark__isnull=False), name="one_item_per_bookmark"
            ),
            models.CheckConstraint(
                condition=Q(work__isnull=False, bookmark__isnull=True) | Q(work__isnull=True, bookmark__isnull=False),
                name="collection_item_of_work_or_bookmark",
            ),
        ]
        indexes = [models.Index(fields=["collection", "author_state", "collection_state"])]

    def __str__(self):
        return f"{self.work or self.bookmark} in {self.collection}"

    @property
    def is_approved(self) -> bool:
        return self.author_state == ItemState.APPROVED and self.collection_state == ItemState.APPROVED


# --- prompt memes ----------------------------------------------------------------------
class Prompt(models.Model):
    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="prompts")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="prompts")
    title = models.CharField(max_length=255)
    description = models.TextField(blank=True, max_length=DESCRIPTION_MAX)
    description_html = models.TextField(blank=True, editable=False)
    anonymous = models.BooleanField(_("Post this prompt anonymously"), default=False)
    tags = models.ManyToManyField(to="tags.Tag", blank=True, related_name="prompts")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.description_html = textlib.render(self.description, textlib.PLAIN)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("collections:prompt", args=[self.collection.name, self.pk])

    def poster_visible_to(self, user):
        """The prompter, or None where the prompt is anonymous to `user`."""
        if self.anonymous and not (
            user.is_authenticated and (user.pk == self.user_id or self.collection.is_maintainer(user))
        ):
            return None
        return self.user


class PromptClaim(models.Model):
    prompt = models.ForeignKey(Prompt, on_delete=models.CASCADE, related_name="claims")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="prompt_claims")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["prompt", "user"], name="one_claim_per_person")]

    def __str__(self):
        return f"{self.user} claimed {self.prompt}"


class PromptFill(models.Model):
    prompt = models.ForeignKey(Prompt, on_delete=models.CASCADE, related_name="fills")
    work = models.ForeignKey("works.Work", on_delete=models.CASCADE, related_name="prompt_fills")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["prompt", "work"], name="one_fill_per_work")]

    def __str__(self):
        return f"{self.work} fills {self.prompt}"


# --- gifts -----------------------------------------------------------------------------
class Gift(models.Model):
    """A work given to a user of the archive or to a plain name. A refused gift
    stays on record (so it is not offered again) but names nobody."""

    work = models.ForeignKey("works.Work", on_delete=models.CASCADE, related_name="gifts")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="gifts_received"
    )
    recipient_name = models.CharField(max_length=100, blank=True)
    refused = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["work", "recipient"], condition=Q(recipient__isnull=False), name="one_gift_per_recipient"
            ),
        ]

    def __str__(self):
        return f"{self.work} for {self.display_name}"

    @property
    def display_name(self) -> str:
        return self.recipient.username if self.recipient_id else self.recipient_name


# --- related works ---------------------------------------------------------------------
class RelationKind(models.TextChoices):
    INSPIRED = "inspired", _("Inspired by")
    TRANSLATION = "translation", _("Translation of")
    REMIX = "remix", _("Remix of")
    PODFIC = "podfic", _("Podfic of")


# What a work is, seen from the original it is based on ("Works based on this: Translation: …").
BASED_ON_LABELS = {
    RelationKind.INSPIRED: _("Inspired"),
    RelationKind.TRANSLATION: _("Translation"),
    RelationKind.REMIX: _("Remix"),
    RelationKind.PODFIC: _("Podfic"),
}


class RelatedWork(models.Model):
    """`child` is inspired by / a translation, remix or podfic of `parent` (a work
    here) or of an external work (`url`, `title`, `author_name`). A link to a work
    here waits for that work's author to approve it."""

    child = models.ForeignKey("works.Work", on_delete=models.CASCADE, related_name="parent_relations")
    parent = models.ForeignKey(
        "works.Work", null=True, blank=True, on_delete=models.CASCADE, related_name="child_relations"
    )
    url = models.URLField(max_length=500, blank=True)
    title = models.CharField(max_length=255, blank=True)
    author_name = models.CharField(max_length=100, blank=True)
    kind = models.CharField(max_length=12, choices=RelationKind.choices, default=RelationKind.INSPIRED)
    state = models.CharField(max_length=10, choices=ItemState.choices, default=ItemState.PENDING)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(parent__isnull=False) | ~Q(url=""), name="related_work_has_a_parent"),
        ]

    def __str__(self):
        return f"{self.child} {self.get_kind_display().lower()} {self.parent or self.url}"

    def based_on_label(self) -> str:
        return BASED_ON_LABELS.get(self.kind, self.get_kind_display())
