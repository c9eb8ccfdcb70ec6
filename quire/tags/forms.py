from django import forms

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

    STATUSES = [("canonical", "Canonical"), ("synonym", "Synonym of another tag"), ("unwrangled", "Unwrangled")]

    name = forms.CharField(max_length=150)
    status = forms.ChoiceField(choices=STATUSES, widget=forms.RadioSelect)
    synonym_of = forms.CharField(
        required=False, label="Synonym of", help_text="The canonical tag this one means (when a synonym)."
    )
    fandoms = forms.CharField(
        required=False,
        label="Fandoms",
        help_text="The fandoms this character, relationship or tag belongs to, separated by commas.",
    )
    media = forms.ChoiceField(required=False, choices=[("", "—")] + list(Media.choices), label="Media")
    metatags = forms.CharField(
        required=False,
        label="Meta tags",
        help_text="Broader tags of the same type this one is a sub tag of, separated by commas.",
    )

    def clean(self):
        data = super().clean()
        if data.get("status") == "synonym" and not (data.get("synonym_of") or "").strip():
            self.add_error("synonym_of", "Name the canonical tag this tag is a synonym of.")
        return data


class MassWrangleForm(forms.Form):
    ACTIONS = [
        ("canonical", "Make canonical"),
        ("synonym", "Make synonyms of"),
        ("fandom", "Add to fandom"),
    ]
    tags = forms.TypedMultipleChoiceField(coerce=int, error_messages={"required": "Tick at least one tag to wrangle."})
    action = forms.ChoiceField(choices=ACTIONS)
    target = forms.CharField(
        required=False,
        label="Tag or fandom name",
        help_text="For synonyms: the canonical tag. For fandoms: the fandom.",
    )

    def __init__(self, *args, tag_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tags"].choices = [(pk, pk) for pk in tag_ids]

    def clean(self):
        data = super().clean()
        if data.get("action") in ("synonym", "fandom") and not (data.get("target") or "").strip():
            self.add_error("target", "Name the tag to make them synonyms of, or the fandom to add them to.")
        return data
