"""Gift exchanges (AO3's model: a challenge attached to a collection). The moderator
sets up the sign-up form and its matching rules, participants sign up with requests
and offers while sign-ups are open, the moderator runs the matching
(quire/exchanges/matching.py), reviews it and sends the assignments; gifts are posted
into the exchange's collection, which stays anonymous and unrevealed until the reveal.

Tags are names here, compared case-insensitively: a sign-up is a wish list, and an
exchange's tag set (nominated, then approved by the moderators) is what keeps the
names participants choose from consistent."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from quire.collections.models import Collection

# The tag types a sign-up can ask about, in form order.
TAG_TYPES = (("fandom", gettext_lazy("Fandoms")), ("character", gettext_lazy("Characters")),
             ("relationship", gettext_lazy("Relationships")), ("freeform", gettext_lazy("Additional tags")))
TAG_TYPE_NAMES = dict(TAG_TYPES)
MAX_ENTRIES = 10  # requests or offers per sign-up
MAX_TAGS = 20  # tags of one type in one request or offer


class MatchMode(models.TextChoices):
    IGNORE = "ignore", gettext_lazy("Not asked")
    OR = "or", gettext_lazy("At least one in common (OR)")
    AND = "and", gettext_lazy("Every requested tag offered (AND)")


def default_rules() -> dict:
    return {"fandom": {"mode": "or", "any": False}, "character": {"mode": "or", "any": True}}


class Exchange(models.Model):
    collection = models.OneToOneField(Collection, on_delete=models.CASCADE, related_name="exchange")
    requests_required = models.PositiveSmallIntegerField(default=1)
    requests_allowed = models.PositiveSmallIntegerField(default=2)
    offers_required = models.PositiveSmallIntegerField(default=1)
    offers_allowed = models.PositiveSmallIntegerField(default=2)
    # {tag type: {"mode": "or" | "and", "any": bool}}; types not listed are not asked.
    rules = models.JSONField(default=default_rules)
    prompts = models.BooleanField(
        default=True, help_text=gettext_lazy("Requests and offers may carry a prompt or details.")
    )
    tag_set_only = models.BooleanField(
        default=False, help_text=gettext_lazy("Sign-ups choose only from the exchange's approved tag set.")
    )
    nominations_open = models.BooleanField(
        default=True, help_text=gettext_lazy("Participants may nominate tags for the tag set.")
    )
    signups_open_at = models.DateTimeField()
    signups_close_at = models.DateTimeField()
    assignments_due_at = models.DateTimeField(null=True, blank=True)
    matched_at = models.DateTimeField(null=True, blank=True, editable=False)
    assignments_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The last matching run's explanations: [{"user": id, "reason": ..., "detail": ...}].
    unmatched = models.JSONField(default=list, editable=False)
    match_stats = models.JSONField(default=dict, editable=False)

    def __str__(self):
        return self.collection.title

    def get_absolute_url(self):
        return reverse("exchanges:detail", args=[self.collection.name])

    @property
    def name(self) -> str:
        return self.collection.name

    def signups_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.signups_open_at <= now < self.signups_close_at and self.matched_at is None

    def signups_closed(self, now=None) -> bool:
        return (now or timezone.now()) >= self.signups_close_at

    def asked_types(self) -> list[tuple[str, str, dict]]:
        """(type, label, rule) for the tag types the sign-up form asks about."""
        return [(t, label, self.rules[t]) for t, label in TAG_TYPES
                if self.rules.get(t, {}).get("mode") in (MatchMode.OR, MatchMode.AND)]

    def status(self) -> str:
        if self.collection.revealed_at:
            return _("Revealed")
        if self.assignments_sent_at:
            return _("Assignments sent")
        if self.matched_at:
            return _("Matched: waiting for the moderators to send assignments")
        now = timezone.now()
        if now < self.signups_open_at:
            return _("Sign-ups open soon")
        if self.signups_open(now):
            return _("Sign-ups open")
        return _("Sign-ups closed")


class NominationState(models.TextChoices):
    # Contexts: other apps have an "Approved" or a "Posted" of another gender in Spanish.
    PENDING = "pending", pgettext_lazy("tag nomination", "Waiting for approval")
    APPROVED = "approved", pgettext_lazy("tag nomination", "Approved")
    REJECTED = "rejected", pgettext_lazy("tag nomination", "Rejected")


class TagSetEntry(models.Model):
    """A tag in an exchange's tag set: nominated by a participant (pending) or added by a
    moderator (approved at once)."""

    exchange = models.ForeignKey(Exchange, on_delete=models.CASCADE, related_name="tag_set")
    tag_type = models.CharField(max_length=16, choices=TAG_TYPES)
    name = models.CharField(max_length=100)
    state = models.CharField(max_length=10, choices=NominationState.choices, default=NominationState.PENDING)
    nominated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["tag_type", "name"]
        constraints = [models.UniqueConstraint(fields=["exchange", "tag_type", "name"], name="one_tag_set_entry")]

    def __str__(self):
        return f"{self.name} ({self.tag_type})"


class SignUp(models.Model):
    exchange = models.ForeignKey(Exchange, on_delete=models.CASCADE, related_name="signups")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="exchange_signups")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["exchange", "user"], name="one_signup_per_exchange")]

    def __str__(self):
        return f"{self.user} in {self.exchange}"

    def requests(self):
        return [e for e in self.entries.all() if e.kind == EntryKind.REQUEST]

    def offers(self):
        return [e for e in self.entries.all() if e.kind == EntryKind.OFFER]


class EntryKind(models.TextChoices):
    REQUEST = "request", gettext_lazy("Request")
    OFFER = "offer", gettext_lazy("Offer")


class SignUpEntry(models.Model):
    """One request or offer: tag names per type, the types marked "any", a prompt."""

    signup = models.ForeignKey(SignUp, on_delete=models.CASCADE, related_name="entries")
    kind = models.CharField(max_length=8, choices=EntryKind.choices)
    position = models.PositiveSmallIntegerField(default=1)
    tags = models.JSONField(default=dict)  # {type: [name, ...]}
    any_types = models.JSONField(default=list)  # [type, ...]
    details = models.TextField(blank=True, max_length=5000)

    class Meta:
        ordering = ["kind", "position", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.position} of {self.signup}"

    def described(self) -> list[tuple[str, str]]:
        """(label, text) per asked type, for pages and emails."""
        out = []
        for tag_type, label, _rule in self.signup.exchange.asked_types():
            if tag_type in self.any_types:
                out.append((label, _("Any")))
            elif self.tags.get(tag_type):
                out.append((label, ", ".join(self.tags[tag_type])))
        return out


class AssignmentState(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("exchange assignment", "Matched, not sent yet")
    ASSIGNED = "assigned", pgettext_lazy("exchange assignment", "Assigned")
    DEFAULTED = "defaulted", pgettext_lazy("exchange assignment", "Defaulted")
    POSTED = "posted", pgettext_lazy("exchange assignment", "Posted")


class Assignment(models.Model):
    """`giver` writes a gift for `recipient`. A defaulted assignment stays on record;
    its recipient gets a new assignment with a pinch hitter as giver."""

    exchange = models.ForeignKey(Exchange, on_delete=models.CASCADE, related_name="assignments")
    giver = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="exchange_assignments")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    coverage = models.FloatField(default=0)
    state = models.CharField(max_length=10, choices=AssignmentState.choices, default=AssignmentState.DRAFT)
    pinch_hit = models.BooleanField(default=False)
    work = models.ForeignKey("works.Work", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    sent_at = models.DateTimeField(null=True, blank=True)
    defaulted_at = models.DateTimeField(null=True, blank=True)
    posted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"{self.giver} → {self.recipient}"

    @property
    def open(self) -> bool:
        return self.state in (AssignmentState.DRAFT, AssignmentState.ASSIGNED)


class PinchHitter(models.Model):
    """Someone willing to write a gift at short notice for this exchange."""

    exchange = models.ForeignKey(Exchange, on_delete=models.CASCADE, related_name="pinch_hitters")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["exchange", "user"], name="one_pinch_hitter_entry")]

    def __str__(self):
        return f"{self.user} (pinch hitter, {self.exchange})"
