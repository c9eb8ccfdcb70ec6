from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Media


def split_names(value: str) -> list[str]:
    """The one reading of a comma-separated tag list, for authors and wranglers alike:
    "Harry Potter, Drarry ,, Fluff" → ["Harry Potter", "Drarry", "Fluff"], spaces
    collapsed, duplicates (ignoring case) removed."""
    seen: dict[str, str] = {}
    for name in (value or "").split(","):
        name = " ".join(name.split())
        if name and name.lower() not in seen:
            seen[name.lower()] = name
    return list(seen.values())


class TagEditForm(forms.Form):
    """A wrangler's view of one tag."""

    STATUSES = [
        ("canonical", gettext_lazy("Canonical")),
        ("synonym", gettext_lazy("Synonym of another tag")),
        ("unwrangled", gettext_lazy("Unwrangled")),
    ]

    name = forms.CharField(max_length=150, label=gettext_lazy("Name"))
    status = forms.ChoiceField(choices=STATUSES, widget=forms.RadioSelect, label=gettext_lazy("Status"))
    synonym_of = forms.CharField(
        required=False,
        label=gettext_lazy("Synonym of"),
        help_text=gettext_lazy("The canonical tag this one means (when a synonym)."),
    )
    fandoms = forms.CharField(
        required=False,
        label=gettext_lazy("Fandoms"),
        help_text=gettext_lazy("The fandoms this character, relationship or tag belongs to, separated by commas."),
    )
    media = forms.ChoiceField(required=False, choices=[("", "—")] + list(Media.choices), label=gettext_lazy("Media"))
    metatags = forms.CharField(
        required=False,
        label=gettext_lazy("Meta tags"),
        help_text=gettext_lazy("Broader tags of the same type this one is a sub tag of, separated by commas."),
    )

    def clean(self):
        data = super().clean()
        if data.get("status") == "synonym" and not (data.get("synonym_of") or "").strip():
            self.add_error("synonym_of", _("Name the canonical tag this tag is a synonym of."))
        return data


class MassWrangleForm(forms.Form):
    ACTIONS = [
        ("canonical", gettext_lazy("Make canonical")),
        ("synonym", gettext_lazy("Make synonyms of")),
        ("fandom", gettext_lazy("Add to fandom")),
    ]
    tags = forms.TypedMultipleChoiceField(
        coerce=int, error_messages={"required": gettext_lazy("Tick at least one tag to wrangle.")}
    )
    action = forms.ChoiceField(choices=ACTIONS, label=gettext_lazy("Action"))
    target = forms.CharField(
        required=False,
        label=gettext_lazy("Tag or fandom name"),
        help_text=gettext_lazy("For synonyms: the canonical tag. For fandoms: the fandom."),
    )

    def __init__(self, *args, tag_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tags"].choices = [(pk, pk) for pk in tag_ids]

    def clean(self):
        data = super().clean()
        if data.get("action") in ("synonym", "fandom") and not (data.get("target") or "").strip():
            self.add_error("target", _("Name the tag to make them synonyms of, or the fandom to add them to."))
        return data
