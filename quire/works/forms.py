"""Forms for posting and editing works, chapters and series.

Every form here only validates; the changes themselves go through services.py.
Limits come from the models (TITLE_MAX etc.) so the message and the column agree.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from quire.lib import text as textlib
from quire.policy import models as archive_policy
from quire.policy.models import AnonymousPosting
from quire.tags.forms import split_names as split_tags
from quire.tags.models import CATEGORIES, RATINGS, WARNINGS, Tag, TagType

from .models import (
    CHAPTER_TEXT_MAX,
    LANGUAGES,
    NOTES_MAX,
    SUMMARY_MAX,
    TITLE_MAX,
    USER_TAGS_MAX,
    Chapter,
    CommentPermission,
    Series,
    Work,
)

TAG_NAME_MAX = 150  # Tag.name's column


# The tag fields a work form shows, in order, with the tag type each one fills.
USER_TAG_FIELDS = {
    "fandoms": TagType.FANDOM,
    "relationships": TagType.RELATIONSHIP,
    "characters": TagType.CHARACTER,
    "freeforms": TagType.FREEFORM,
}


def _too_long_message(label: str, limit: int) -> str:
    return gettext("{label} must be at most {limit} characters (it has %(show_value)s).").format(
        label=label, limit=formats.number_format(limit, force_grouping=True)
    )


# Built when the message is shown, so it is in the reader's language and number format.
_too_long_lazy = lazy(_too_long_message, str)


def _too_long(label: str, limit: int) -> dict:
    """A max_length message that names the field and says how far over it is."""
    return {"max_length": _too_long_lazy(label, limit)}


class WorkForm(forms.Form):
    """A work's own fields, creators, tags and series. The first chapter is a separate ChapterForm."""

    title = forms.CharField(
        max_length=TITLE_MAX,
        label=_("Title"),
        error_messages={"required": _("Enter a title."), **_too_long(_("The title"), TITLE_MAX)},
    )
    pseuds = forms.ModelMultipleChoiceField(
        queryset=None,
        label=_("Creators"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one of your pseuds to credit.")},
    )
    cocreators = forms.CharField(
        required=False,
        label=_("Invite co-creators"),
        help_text=_("Usernames, separated by commas. Each is credited once they accept."),
    )
    rating = forms.ChoiceField(
        choices=[(r, r) for r in RATINGS],
        widget=forms.RadioSelect,
        label=_("Rating"),
        error_messages={"required": _("Choose a rating.")},
    )
    warnings = forms.MultipleChoiceField(
        choices=[(w, w) for w in WARNINGS],
        widget=forms.CheckboxSelectMultiple,
        label=_("Archive warnings"),
        error_messages={"required": _("Choose at least one archive warning.")},
    )
    categories = forms.MultipleChoiceField(
        choices=[(c, c) for c in CATEGORIES], widget=forms.CheckboxSelectMultiple, required=False,
        label=_("Categories"),
    )
    fandoms = forms.CharField(
        label=_("Fandoms"),
        help_text=_("Separate fandoms with commas."),
        error_messages={"required": _("Enter at least one fandom (use “Original Work” for original fiction).")},
    )
    relationships = forms.CharField(
        required=False, label=_("Relationships"), help_text=_("Separate with commas, e.g. “Aziraphale/Crowley”.")
    )
    characters = forms.CharField(required=False, label=_("Characters"), help_text=_("Separate with commas."))
    freeforms = forms.CharField(required=False, label=_("Additional tags"), help_text=_("Separate with commas."))
    language = forms.ChoiceField(choices=LANGUAGES, initial="en", label=_("Language"))
    series = forms.ChoiceField(required=False, label=_("Add to series"))
    new_series_title = forms.CharField(
        required=False,
        max_length=TITLE_MAX,
        label=_("…or start a new series called"),
        error_messages=_too_long(_("The series title"), TITLE_MAX),
    )
    series_position = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=10000,
        label=_("Part number in the series"),
        help_text=_("Leave blank to add it at the end."),
    )
    summary = forms.CharField(
        required=False,
        max_length=SUMMARY_MAX,
        widget=forms.Textarea,
        label=_("Summary"),
        error_messages=_too_long(_("The summary"), SUMMARY_MAX),
    )
    notes_begin = forms.CharField(
        required=False,
        max_length=NOTES_MAX,
        widget=forms.Textarea,
        label=_("Beginning notes"),
        error_messages=_too_long(_("Beginning notes"), NOTES_MAX),
    )
    notes_end = forms.CharField(
        required=False,
        max_length=NOTES_MAX,
        widget=forms.Textarea,
        label=_("End notes"),
        error_messages=_too_long(_("End notes"), NOTES_MAX),
    )
    text_format = forms.ChoiceField(
        choices=textlib.FORMAT_CHOICES,
        initial=textlib.PLAIN,
        label=_("Text format"),
        help_text=_("Used for the summary, notes and chapters."),
    )
    expected_chapters = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=10000,
        label=_("Chapters planned"),
        help_text=_("Leave blank if you don't know yet: the work shows as “1/?”."),
    )
    restricted = forms.BooleanField(required=False, label=_("Only show to registered users"))
    anonymous = forms.BooleanField(required=False, label=_("Post anonymously"))
    comment_permission = forms.ChoiceField(
        choices=CommentPermission.choices, initial=CommentPermission.EVERYONE, label=_("Who can comment")
    )

    # Plain attributes of Work that this form sets one to one.
    WORK_FIELDS = (
        "title",
        "summary",
        "notes_begin",
        "notes_end",
        "text_format",
        "language",
        "expected_chapters",
        "restricted",
        "anonymous",
        "comment_permission",
    )

    def __init__(self, *args, user, work: Work | None = None, **kwargs):
        self.user = user
        self.work = work
        if work is not None and "initial" not in kwargs:
            kwargs["initial"] = self.initial_for(work, user)
        super().__init__(*args, **kwargs)
        self._apply_policy(work)
        self.fields["pseuds"].queryset = user.pseuds.all()
        if work is None:
            self.fields["pseuds"].initial = [p.pk for p in user.pseuds.all() if p.is_default]
        self.user_series = list(Series.objects.filter(creators__user=user).distinct().order_by("title"))
        self.fields["series"].choices = [("", gettext("None"))] + [(str(s.pk), s.title) for s in self.user_series]

    @staticmethod
    def initial_for(work: Work, user) -> dict:
        initial = {name: getattr(work, name) for name in WorkForm.WORK_FIELDS}
        tags = list(work.tags.all())
        for field, tag_type in USER_TAG_FIELDS.items():
            initial[field] = ", ".join(t.name for t in tags if t.type == tag_type)
        initial["rating"] = next((t.name for t in tags if t.type == TagType.RATING), None)
        initial["warnings"] = [t.name for t in tags if t.type == TagType.WARNING]
        initial["categories"] = [t.name for t in tags if t.type == TagType.CATEGORY]
        initial["pseuds"] = [c.pseud_id for c in work.creatorships.filter(pseud__user=user, accepted=True)]
        membership = work.series_memberships.first()
        if membership:
            initial["series"] = str(membership.series_id)
            initial["series_position"] = membership.position
        return initial

    def clean_cocreators(self) -> list:
        names = split_tags(self.cleaned_data["cocreators"])
        users = []
        missing = []
        for name in names:
            found = get_user_model().objects.filter(username__iexact=name).first()
            if found is None:
                missing.append(name)
            elif found != self.user:
                users.append(found)
        if missing:
            raise forms.ValidationError(
                gettext("There's no user called %(names)s. Check the spelling.") % {"names": ", ".join(missing)}
            )
        return users

    def _apply_policy(self, work: Work | None) -> None:
        """The archive's current scale, warnings and categories (quire/policy). A work
        posted under an older scale keeps its own choices on edit."""
        self.policy = archive_policy.current()
        kept: dict[str, list[str]] = {}
        if work is not None:
            for tag in work.tags.filter(type__in=[TagType.RATING, TagType.WARNING, TagType.CATEGORY]):
                kept.setdefault(tag.type, []).append(tag.name)
        for field, tag_type, names in (
            ("rating", TagType.RATING, self.policy.ratings),
            ("warnings", TagType.WARNING, self.policy.warning_list),
            ("categories", TagType.CATEGORY, self.policy.category_list),
        ):
            names = names + [n for n in kept.get(tag_type, []) if n not in names]
            self.fields[field].choices = [(n, n) for n in names]
        if self.policy.anonymous_posting == AnonymousPosting.OFF and not (work and work.anonymous):
            del self.fields["anonymous"]

    def clean_anonymous(self) -> bool:
        wanted = self.cleaned_data.get("anonymous", False)
        already = bool(self.work and self.work.anonymous)
        if wanted and not already and self.policy.anonymous_posting == AnonymousPosting.COLLECTIONS:
            raise forms.ValidationError(
                gettext(
                    "On this archive, works can only be anonymous inside an anonymous collection. "
                    "Untick “Post anonymously” and name an anonymous collection under “Post to "
                    "collections”: the work is then anonymous until the collection's reveal."
                )
            )
        return wanted

    def work_fields(self) -> dict:
        fields = {name: self.cleaned_data[name] for name in self.WORK_FIELDS if name in self.cleaned_data}
        fields.setdefault("anonymous", bool(self.work and self.work.anonymous))
        return fields

    def clean_series(self) -> Series | None:
        value = self.cleaned_data["series"]
        if not value:
            return None
        return next(s for s in self.user_series if str(s.pk) == value)  # choices already checked it

    def clean_expected_chapters(self) -> int | None:
        expected = self.cleaned_data.get("expected_chapters")
        posted = self.work.chapter_count if self.work is not None else 0
        if expected is not None and expected < posted:
            # Otherwise readers would see "3/2" and a Complete badge on a work that says otherwise.
            raise forms.ValidationError(
                gettext(
                    "This work already has %(posted)s chapters posted: plan at least %(posted)s, or leave it blank."
                )
                % {"posted": posted}
            )
        return expected

    def clean(self):
        data = super().clean()
        if data.get("series") and data.get("new_series_title"):
            self.add_error("new_series_title", gettext("Choose an existing series or name a new one, not both."))
        tags = self.user_tags()
        if "fandoms" not in self.errors and not tags["fandoms"]:
            # Required, but " , " passes that check and holds no fandom.
            self.add_error("fandoms", self.fields["fandoms"].error_messages["required"])
        for field, names in tags.items():
            too_long = [n for n in names if len(n) > TAG_NAME_MAX]
            if too_long:
                self.add_error(
                    field,
                    gettext("Tags must be at most %(limit)s characters: “%(start)s…”.")
                    % {"limit": TAG_NAME_MAX, "start": too_long[0][:40]},
                )
            clash = self._name_of_another_type(names, USER_TAG_FIELDS[field])
            if clash:
                # Tag names are unique across types, so "Sherlock" can't be both a fandom and a character.
                self.add_error(
                    field,
                    gettext(
                        "“%(name)s” is already a %(type)s tag, so it can't be used here. "
                        "Add a detail that tells them apart, e.g. “%(name)s (Character)”."
                    )
                    % {"name": clash.name, "type": clash.get_type_display().lower()},
                )
        total = sum(len(names) for names in tags.values())
        if total > USER_TAGS_MAX:
            raise forms.ValidationError(
                gettext(
                    "A work can have at most %(limit)s fandom, relationship, character and additional "
                    "tags in all; this one has %(total)s. Remove %(over)s."
                )
                % {"limit": USER_TAGS_MAX, "total": total, "over": total - USER_TAGS_MAX}
            )
        return data

    @staticmethod
    def _name_of_another_type(names: list[str], tag_type: str) -> Tag | None:
        if not names:
            return None
        query = Q()
        for name in names:
            query |= Q(name__iexact=name)
        return Tag.objects.filter(query).exclude(type=tag_type).first()

    def user_tags(self) -> dict[str, list[str]]:
        return {field: split_tags(self.cleaned_data.get(field) or "") for field in USER_TAG_FIELDS}

    def tags_by_type(self) -> dict[str, list[str]]:
        """What services.set_tags takes, from valid data."""
        data = self.cleaned_data
        tags: dict[str, list[str]] = {
            TagType.RATING: [data["rating"]],
            TagType.WARNING: list(data["warnings"]),
            TagType.CATEGORY: list(data["categories"]),
        }
        for field, names in self.user_tags().items():
            tags[USER_TAG_FIELDS[field]] = names
        return tags



class PublishAction:
    POST = "post"
    DRAFT = "draft"
    SCHEDULE = "schedule"
    CHOICES = [(POST, _("Post now")), (DRAFT, _("Save as draft")), (SCHEDULE, _("Schedule for later"))]


class ChapterForm(forms.ModelForm):
    """A chapter's text and notes. `with_format` and `with_publishing` are off for
    the first chapter on the new-work form, where the work's format and buttons decide."""

    action = forms.ChoiceField(
        choices=PublishAction.CHOICES,
        initial=PublishAction.POST,
        widget=forms.RadioSelect,
        label=_("When should readers see it?"),
    )
    publish_at = forms.DateTimeField(
        required=False,
        label=_("Publish on"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local", "step": 1}, format="%Y-%m-%dT%H:%M:%S"),
        help_text=_("Date and time in the archive's time zone."),
    )

    class Meta:
        model = Chapter
        fields = ["title", "notes_begin", "notes_end", "text_format", "text"]
        labels = {
            "title": _("Chapter title"),
            "notes_begin": _("Chapter notes"),
            "notes_end": _("Chapter end notes"),
            "text_format": _("Text format"),
            "text": _("Chapter text"),
        }
        help_texts = {
            # Not the model's "The author's source", which says nothing to a person posting.
            "text": _(
                "The story itself. Type or paste it here; the text format above says how it is read "
                "(plain text keeps your paragraphs). You can edit it after posting."
            ),
        }
        widgets = {
            "notes_begin": forms.Textarea(attrs={"rows": 4}),
            "notes_end": forms.Textarea(attrs={"rows": 4}),
            "text": forms.Textarea(attrs={"class": "chapter-text"}),
        }
        error_messages = {
            "title": _too_long(_("The chapter title"), TITLE_MAX),
            "notes_begin": _too_long(_("Chapter notes"), NOTES_MAX),
            "notes_end": _too_long(_("Chapter end notes"), NOTES_MAX),
            "text": {"required": _("Write some chapter text."), **_too_long(_("Chapter text"), CHAPTER_TEXT_MAX)},
        }

    def __init__(self, *args, work_format: str | None = None, with_publishing: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.work_format = work_format
        if work_format is not None:
            # The new-work form: the work's format applies to its first chapter.
            del self.fields["text_format"]
        if not with_publishing:
            del self.fields["action"]
            del self.fields["publish_at"]
        elif self.instance.pk and self.instance.is_published:
            # A posted chapter stays posted; only drafts and scheduled chapters choose.
            del self.fields["action"]
            del self.fields["publish_at"]
        elif self.instance.pk and self.instance.publish_at and "initial" not in kwargs:
            self.initial.setdefault("action", PublishAction.SCHEDULE)
            self.initial.setdefault("publish_at", timezone.localtime(self.instance.publish_at))
        elif self.instance.pk:
            self.initial.setdefault("action", PublishAction.DRAFT)

    def clean(self):
        data = super().clean()
        fmt = data.get("text_format") or self.work_format or textlib.PLAIN
        text = data.get("text")
        if text and not textlib.render(text, fmt):
            self.add_error(
                "text",
                gettext(
                    "This chapter has no text once unsafe HTML (such as <script> tags) is removed. "
                    "Write the chapter as ordinary text or allowed HTML."
                ),
            )
        if data.get("action") == PublishAction.SCHEDULE:
            when = data.get("publish_at")
            if when is None:
                self.add_error("publish_at", gettext("Choose the date and time to publish this chapter."))
            elif when <= timezone.now():
                self.add_error("publish_at", gettext("That time has already passed: choose a time in the future."))
        return data


class SeriesForm(forms.ModelForm):
    class Meta:
        model = Series
        fields = ["title", "summary", "notes", "complete"]
        labels = {
            "title": _("Title"),
            "summary": _("Summary"),
            "notes": _("Notes"),
            "complete": _("This series is complete"),
        }
        error_messages = {
            "title": {"required": _("Enter a title."), **_too_long(_("The title"), TITLE_MAX)},
            "summary": _too_long(_("The summary"), SUMMARY_MAX),
            "notes": _too_long(_("The notes"), NOTES_MAX),
        }


class ReorderForm(forms.Form):
    """One number input per chapter, so reordering needs no JavaScript."""

    def __init__(self, *args, chapters, **kwargs):
        super().__init__(*args, **kwargs)
        self.chapters = list(chapters)
        for chapter in self.chapters:
            self.fields[f"position_{chapter.pk}"] = forms.IntegerField(
                min_value=1,
                max_value=10000,
                initial=chapter.position,
                label=chapter.display_title,
                error_messages={"required": _("Give every chapter a number.")},
            )

    def ordered_ids(self) -> list[int]:
        """Chapter ids by the numbers typed; a tie keeps the chapters' current order."""
        return [
            c.pk
            for c in sorted(self.chapters, key=lambda c: (self.cleaned_data[f"position_{c.pk}"], c.position))
        ]
