import secrets
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from quire.accounts.models import Mute
from quire.lib import text as textlib
from quire.lib.urls import url_with_pk
from quire.tags.models import ADULT_RATINGS, FilterTagging, Tag, TagType

TITLE_MAX = 255
SUMMARY_MAX = 1250
NOTES_MAX = 5000
CHAPTER_TEXT_MAX = 500_000
USER_TAGS_MAX = 75


class CommentPermission(models.TextChoices):
    EVERYONE = "everyone", _("Registered users and guests can comment")
    REGISTERED = "registered", _("Only registered users can comment")
    NOBODY = "nobody", _("No one can comment")


# Languages most works on an archive are written in; the code is what is stored.
LANGUAGES = [
    ("en", "English"), ("ar", "العربية"), ("ca", "Català"), ("cs", "Čeština"), ("da", "Dansk"),
    ("de", "Deutsch"), ("el", "Ελληνικά"), ("es", "Español"), ("fi", "Suomi"), ("fr", "Français"),
    ("he", "עברית"), ("hi", "हिन्दी"), ("hu", "Magyar"), ("id", "Bahasa Indonesia"), ("it", "Italiano"),
    ("ja", "日本語"), ("ko", "한국어"), ("nl", "Nederlands"), ("no", "Norsk"), ("pl", "Polski"),
    ("pt-BR", "Português brasileiro"), ("pt-PT", "Português europeu"), ("ro", "Română"), ("ru", "Русский"),
    ("sv", "Svenska"), ("th", "ไทย"), ("tr", "Türkçe"), ("uk", "Українська"), ("vi", "Tiếng Việt"),
    ("zh", "中文"),
]  # fmt: skip
LANGUAGE_NAMES = dict(LANGUAGES)


class WorkQuerySet(models.QuerySet):
    def visible_to(self, user, mutes: bool = True) -> "WorkQuerySet":
        """The one visibility rule. Every page, list, count, feed and download
        reaches works through here.

        - drafts: only their accepted creators;
        - hidden by a moderator, or held for review (spam score, or an archive that
          approves works before they go public): only their creators and moderators;
        - restricted: only signed-in readers;
        Anonymity does not hide a work, only its creators: see `creators_visible_to`.
        `mutes=False` only where the reader asked to see what their own mutes hide.
        """
        public = Q(is_draft=False, hidden_by_moderator=False, unrevealed=False, held_for_review=False)
        if not (user and user.is_authenticated):
            return self.filter(public, restricted=False)
        # "Public enough OR one of mine", with "mine" as a small id subquery rather
        # than a join: both SQLite and PostgreSQL then evaluate it once and test each
        # work against it, instead of building the list of every visible work first.
        mine = Creatorship.objects.filter(pseud__user=user, accepted=True).values("work_id")
        rule = (Q(is_draft=False) if user.can_moderate else public) | Q(pk__in=mine)
        if not user.can_moderate:
            rule |= self.unrevealed_to_maintainer(user)
        # Muting is applied here, per viewer, so lists, counts, search and feeds agree.
        return self.filter(rule).exclude_muted(user) if mutes else self.filter(rule)

    @staticmethod
    def _muted_by(user) -> Q | None:
        """Which works `user`'s mutes hide, or None when they have muted no one
        (most readers: one indexed lookup then spares every list a subquery).
        A mute by name hides the person's signed works only; a mute made from an
        anonymous work's page hides that work (see `accounts.safety.Mute`)."""
        if not (user and user.is_authenticated) or not Mute.objects.made_by(user).exists():
            return None
        signed_by_muted = Creatorship.objects.filter(
            pseud__user__in=Mute.objects.muted_user_ids(user), accepted=True
        ).values("work_id")
        return Q(anonymous=False, pk__in=signed_by_muted) | Q(pk__in=Mute.objects.muted_work_ids(user))

    def exclude_muted(self, user) -> "WorkQuerySet":
        """These works without the ones `user`'s mutes hide."""
        hidden = self._muted_by(user)
        return self if hidden is None else self.exclude(hidden)

    def muted_by(self, user) -> "WorkQuerySet":
        """The works `user`'s mutes hide (for the in-memory search index)."""
        hidden = self._muted_by(user)
        return self.none() if hidden is None else self.filter(hidden)

    @staticmethod
    def unrevealed_to_maintainer(user) -> Q:
        """Unrevealed works (posted, not hidden) in collections `user` owns or
        moderates: they see them before the reveal. The collection items are read
        by model name because the collections app sits above works; the subquery
        is on that small table, never on the works table again."""
        items = apps.get_model("quire_collections", "CollectionItem").objects
        theirs = items.filter(Q(collection__owner=user) | Q(collection__moderators=user)).values("work_id")
        return Q(unrevealed=True, is_draft=False, hidden_by_moderator=False, held_for_review=False, pk__in=theirs)

    def posted(self) -> "WorkQuerySet":
        return self.filter(is_draft=False)

    def downloadable_by(self, user) -> "WorkQuerySet":
        """Works `user` may take away as a file, feed entry or catalog entry."""
        return self.visible_to(user).downloadable()

    def downloadable(self) -> "WorkQuerySet":
        """Posted and not hidden by a moderator: creators and moderators read a hidden
        work on the site, but it is not handed out as a file. On its own, for works
        already chosen through `downloadable_by` (a file built later by the worker)."""
        return self.posted().filter(hidden_by_moderator=False, held_for_review=False)

    def by_user(self, author, viewer) -> "WorkQuerySet":
        """Works credited to `author` as `viewer` may see them listed: anonymous
        works are not listed under their creator except for the creator and moderators."""
        qs = self.visible_to(viewer).filter(creatorships__pseud__user=author, creatorships__accepted=True)
        if not (viewer and viewer.is_authenticated and (viewer == author or viewer.can_moderate)):
            qs = qs.filter(anonymous=False)
        return qs.distinct()

    def without_saved_exclusions(self, viewer) -> "WorkQuerySet":
        """Drop works filed under a tag `viewer` asked never to see. The search app keeps
        that list; it is read through the user (`saved_exclusions`) because search sits
        above works and works does not import it."""
        if not (viewer and viewer.is_authenticated):
            return self
        excluded = list(viewer.saved_exclusions.values_list("tag_id", flat=True))
        if not excluded:
            return self
        return self.exclude(pk__in=FilterTagging.objects.filter(tag_id__in=excluded).values("work_id"))

    def for_listing(self) -> "WorkQuerySet":
        """What a works list shows of each work, fetched in a fixed number of queries."""
        return self.prefetch_related(*listing_prefetches()).for_blurbs()

    def for_blurbs(self) -> "WorkQuerySet":
        """The rows alone, for a list whose blurbs come from the fragment cache
        (quire/works/fragments.py): the tags, creators and series a blurb shows are
        fetched afterwards, for the works whose blurb was not cached."""
        return self.select_related("archived_by", "stats")  # stats: the counts row the interactions app keeps

    def touch(self) -> int:
        """Give these works a new `version`: what their blurbs or work page header show
        has changed, so every cached fragment of them is out of date."""
        return self.update(version=new_version())


def listing_prefetches() -> list[models.Prefetch]:
    return [
        models.Prefetch("tags", queryset=Tag.objects.order_by("name")),
        models.Prefetch(
            "creatorships",
            queryset=Creatorship.objects.filter(accepted=True).select_related("pseud__user"),
            to_attr="accepted_creatorships",
        ),
        models.Prefetch("series_memberships", queryset=SeriesWork.objects.select_related("series")),
    ]


def new_version() -> int:
    """A fresh random version rather than a counter: a workflow holding a work loaded
    before another one touched it may save it afterwards, and a counter would then go
    back to a number whose cached fragments show the other change's content."""
    return secrets.randbits(62)


class Work(models.Model):
    title = models.CharField(max_length=TITLE_MAX)
    summary = models.TextField(blank=True, max_length=SUMMARY_MAX)
    notes_begin = models.TextField(_("beginning notes"), blank=True, max_length=NOTES_MAX)
    notes_end = models.TextField(_("end notes"), blank=True, max_length=NOTES_MAX)
    # Summary and notes keep the author's source; their rendered HTML is stored beside it.
    text_format = models.CharField(max_length=10, choices=textlib.FORMAT_CHOICES, default=textlib.PLAIN)
    summary_html = models.TextField(blank=True, editable=False)
    notes_begin_html = models.TextField(blank=True, editable=False)
    notes_end_html = models.TextField(blank=True, editable=False)

    tags = models.ManyToManyField(Tag, through="Tagging", related_name="works", blank=True)
    language = models.CharField(max_length=16, default="en")
    expected_chapters = models.PositiveIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(10000)]
    )
    restricted = models.BooleanField(_("Only show to registered users"), default=False)
    anonymous = models.BooleanField(_("Post anonymously"), default=False)
    comment_permission = models.CharField(
        max_length=12, choices=CommentPermission.choices, default=CommentPermission.EVERYONE
    )
    is_draft = models.BooleanField(default=True)
    hidden_by_moderator = models.BooleanField(default=False)
    # In an unrevealed collection: hidden from all but its creators, the collection's
    # owner and moderators, and site moderators. Kept by quire/collections/services.py.
    unrevealed = models.BooleanField(default=False, editable=False)
    # Posted, but not public until a moderator approves it (quire/moderation/review.py).
    held_for_review = models.BooleanField(default=False)
    # Set when an archivist imported the work for someone else; the byline says so
    # ("[archived by NAME]") until the creator claims it.
    archived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    # Derived from chapters; kept here because every list shows and sorts by them.
    word_count = models.PositiveIntegerField(default=0)
    chapter_count = models.PositiveIntegerField(default=0, help_text=_("Published chapters"))
    published_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(null=True, blank=True, help_text=_("When the last chapter went up"))
    created_at = models.DateTimeField(default=timezone.now)
    modified_at = models.DateTimeField(auto_now=True)
    # Changes whenever what a blurb or the work page header shows changes (`save`, and
    # `WorkQuerySet.touch` through the search change log): cached fragments are keyed by it.
    version = models.BigIntegerField(default=new_version, editable=False)
    # Where an imported work came from ("ao3", "ffn", ...) and its id there, so importing the
    # same work again can update the draft instead of making a second one.
    source = models.CharField(max_length=10, blank=True, editable=False)
    source_id = models.CharField(max_length=40, blank=True, editable=False)
    source_url = models.URLField(max_length=500, blank=True, editable=False)

    objects = WorkQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-pk"]
        indexes = [
            models.Index(fields=["is_draft", "hidden_by_moderator", "-updated_at"]),
            models.Index(fields=["unrevealed"], condition=Q(unrevealed=True), name="work_unrevealed"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.summary_html = textlib.render(self.summary, self.text_format)
        self.notes_begin_html = textlib.render(self.notes_begin, self.text_format)
        self.notes_end_html = textlib.render(self.notes_end, self.text_format)
        self.version = new_version()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return url_with_pk("works:detail", self.pk)

    # --- tags, read from a prefetch where there is one -------------------------
    def tags_of(self, tag_type: str) -> list[Tag]:
        return [t for t in self.tags.all() if t.type == tag_type]

    @property
    def rating(self) -> Tag | None:
        ratings = self.tags_of(TagType.RATING)
        return ratings[0] if ratings else None

    @property
    def is_adult(self) -> bool:
        rating = self.rating
        return rating is not None and rating.name in ADULT_RATINGS

    @property
    def is_complete(self) -> bool:
        return self.expected_chapters is not None and self.chapter_count >= self.expected_chapters

    @property
    def language_name(self) -> str:
        """The language as readers know it ("English"), or the stored code if it isn't one we list."""
        return LANGUAGE_NAMES.get(self.language, self.language)

    @property
    def chapters_display(self) -> str:
        """AO3's "3/?" while the total is unknown, "3/10" when it is known."""
        total = self.expected_chapters if self.expected_chapters else "?"
        return f"{self.chapter_count}/{total}"

    def missing_for_posting(self) -> list[str]:
        """What a work needs before readers can see it: AO3's required tags."""
        types = {t.type for t in self.tags.all()}
        needed = [
            (TagType.RATING, gettext("a rating")),
            (TagType.WARNING, gettext("an archive warning")),
            (TagType.FANDOM, gettext("a fandom")),
        ]
        return [label for tag_type, label in needed if tag_type not in types]

    # --- creators ------------------------------------------------------------
    def accepted_pseuds(self) -> list:
        creatorships = getattr(self, "accepted_creatorships", None)
        if creatorships is None:
            creatorships = self.creatorships.filter(accepted=True).select_related("pseud__user")
        return [c.pseud for c in creatorships]

    def is_creator(self, user) -> bool:
        if not (user and user.is_authenticated):
            return False
        return any(p.user_id == user.pk for p in self.accepted_pseuds())

    def creators_visible_to(self, user) -> list | None:
        """The pseuds `user` may see credited, or None where the work is anonymous to them."""
        if self.anonymous and not (self.is_creator(user) or (user.is_authenticated and user.can_moderate)):
            return None
        return self.accepted_pseuds()


class Tagging(models.Model):
    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="taggings")
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="taggings")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["work", "tag"], name="unique_tagging")]

    def __str__(self):
        return f"{self.tag} on {self.work}"


class Creatorship(models.Model):
    """A pseud credited on a work. Co-creators are invited and must accept."""

    pseud = models.ForeignKey("accounts.Pseud", on_delete=models.CASCADE, related_name="creatorships")
    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="creatorships")
    accepted = models.BooleanField(default=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["pseud", "work"], name="unique_creatorship")]

    def __str__(self):
        return f"{self.pseud} on {self.work}"


def _looks_html(text: str) -> bool:
    return "<" in text and ">" in text


class ChapterState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHED = "published", _("Published")


class ChapterQuerySet(models.QuerySet):
    def published(self) -> "ChapterQuerySet":
        return self.filter(state=ChapterState.PUBLISHED)

    def visible_to(self, user) -> "ChapterQuerySet":
        """Published chapters of works the user may see; creators also see their
        draft and scheduled chapters."""
        works = Work.objects.visible_to(user)
        qs = self.filter(work__in=works)
        if user and user.is_authenticated:
            return qs.filter(
                Q(state=ChapterState.PUBLISHED)
                | Q(work__creatorships__pseud__user=user, work__creatorships__accepted=True)
            ).distinct()
        return qs.filter(state=ChapterState.PUBLISHED)


class Chapter(models.Model):
    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="chapters")
    position = models.PositiveIntegerField()
    title = models.CharField(max_length=TITLE_MAX, blank=True)
    notes_begin = models.TextField(_("beginning notes"), blank=True, max_length=NOTES_MAX)
    notes_end = models.TextField(_("end notes"), blank=True, max_length=NOTES_MAX)
    text_format = models.CharField(max_length=10, choices=textlib.FORMAT_CHOICES, default=textlib.PLAIN)
    text = models.TextField(max_length=CHAPTER_TEXT_MAX, help_text=_("The author's source"))
    text_html = models.TextField(editable=False)
    notes_begin_html = models.TextField(blank=True, editable=False)
    notes_end_html = models.TextField(blank=True, editable=False)
    word_count = models.PositiveIntegerField(default=0, editable=False)

    state = models.CharField(max_length=10, choices=ChapterState.choices, default=ChapterState.DRAFT)
    publish_at = models.DateTimeField(null=True, blank=True, help_text=_("For scheduled chapters"))
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    modified_at = models.DateTimeField(auto_now=True)

    objects = ChapterQuerySet.as_manager()

    class Meta:
        ordering = ["work", "position"]
        indexes = [models.Index(fields=["state", "publish_at"])]

    def __str__(self):
        return self.display_title

    def save(self, *args, **kwargs):
        self.render()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("works:chapter", args=[self.work_id, self.pk])

    def render(self) -> None:
        """Fill the stored HTML and word count from the source (bulk_create skips save())."""
        # Rendered already from this very source (a workflow renders before its write
        # transaction, so the save inside it needn't sanitise a long chapter again).
        source = (self.text, self.text_format, self.notes_begin, self.notes_end)
        if getattr(self, "_rendered_from", None) == source:
            return
        self._rendered_from = source
        self.text_html = textlib.render(self.text, self.text_format)
        # Notes are plain text even when the chapter body is HTML (imports keep the body's markup).
        notes_format = textlib.PLAIN if self.text_format == textlib.HTML and not _looks_html(self.notes_begin
                                                                                              + self.notes_end) \
            else self.text_format
        self.notes_begin_html = textlib.render(self.notes_begin, notes_format)
        self.notes_end_html = textlib.render(self.notes_end, notes_format)
        self.word_count = textlib.word_count(self.text_html)

    @property
    def display_title(self) -> str:
        """ "Chapter 2: The Callback", or just "Chapter 2" when untitled."""
        if self.title:
            return gettext("Chapter %(number)s: %(title)s") % {"number": self.position, "title": self.title}
        return gettext("Chapter %(number)s") % {"number": self.position}

    @property
    def is_published(self) -> bool:
        return self.state == ChapterState.PUBLISHED


class Series(models.Model):
    title = models.CharField(max_length=TITLE_MAX)
    summary = models.TextField(blank=True, max_length=SUMMARY_MAX)
    notes = models.TextField(blank=True, max_length=NOTES_MAX)
    complete = models.BooleanField(default=False)
    creators = models.ManyToManyField(to="accounts.Pseud", related_name="series")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = _("series")
        ordering = ["-updated_at"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Its works' blurbs and pages name it ("Part 2 of <title>").
        Work.objects.filter(series_memberships__series=self).touch()

    def get_absolute_url(self):
        return reverse("works:series", args=[self.pk])

    @property
    def has_anonymous_work(self) -> bool:
        return self.memberships.filter(work__anonymous=True).exists()

    def creators_visible_to(self, user) -> list | None:
        """The series' pseuds, or None where they are hidden: a series holding an
        anonymous work would otherwise name that work's creator."""
        pseuds = list(self.creators.all())
        if not self.has_anonymous_work:
            return pseuds
        if user.is_authenticated and (user.can_moderate or any(p.user_id == user.pk for p in pseuds)):
            return pseuds
        return None

    def works_visible_to(self, user) -> WorkQuerySet:
        return (
            Work.objects.visible_to(user)
            .posted()
            .filter(series_memberships__series=self)
            .order_by("series_memberships__position")
        )


class SeriesWork(models.Model):
    series = models.ForeignKey(Series, on_delete=models.CASCADE, related_name="memberships")
    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="series_memberships")
    position = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["series", "position"]
        constraints = [models.UniqueConstraint(fields=["series", "work"], name="unique_series_work")]

    def __str__(self):
        return f"{self.work}, part {self.position} of {self.series}"


def _claim_token() -> str:
    return secrets.token_urlsafe(24)


class ArchivedCreator(models.Model):
    """Someone an archivist imported works for (the Open Doors model): the
    placeholder pseud their works are credited to, and how to reach them. The
    email lives here, not on the placeholder account, so the person can still
    sign up or already have an account with it and claim from there."""

    pseud = models.OneToOneField(to="accounts.Pseud", on_delete=models.CASCADE, related_name="archived_creator")
    name = models.CharField(max_length=200)
    email = models.EmailField(blank=True)
    archivist = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    token = models.CharField(max_length=64, unique=True, default=_claim_token)
    created_at = models.DateTimeField(default=timezone.now)
    invited_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    orphaned_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["email"])]

    def __str__(self):
        return f"{self.name} (archived)"

    def get_absolute_url(self):
        return reverse("works:claim", args=[self.token])

    @property
    def is_settled(self) -> bool:
        """Claimed or orphaned: the invitation has been answered."""
        return self.claimed_at is not None or self.orphaned_at is not None


class WorkChangeQuerySet(models.QuerySet):
    def prune(self, now=None) -> int:
        """Delete rows past the retention; an index that has not looked for longer rebuilds."""
        now = now or timezone.now()
        deleted, _ = self.filter(created_at__lt=now - WorkChange.RETENTION).delete()
        return deleted


class WorkChange(models.Model):
    """The change log (an outbox): one row each time something a search reads about
    a work changes (the work, its chapters, tags, creators or stats), written by
    `quire.works.freshness.works_changed` in the same transaction as the change.
    In-memory search indexes above read it before each search. A plain integer, not
    a foreign key, so a deleted work's row survives to say so. The table kept the
    name it had when the search app owned the model."""

    # Rows older than this are deleted; an index that has not looked for longer rebuilds.
    RETENTION = timedelta(days=1)

    work_id = models.BigIntegerField()
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = WorkChangeQuerySet.as_manager()

    class Meta:
        db_table = "search_searchchange"

    def __str__(self):
        return f"work {self.work_id} changed"
