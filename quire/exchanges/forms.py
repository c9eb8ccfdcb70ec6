"""The moderator's set-up form and the participant's sign-up form (built from the
exchange's rules: so many requests and offers, the tag types it asks about)."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from quire.collections.models import NAME_MAX, Collection

from .models import MAX_ENTRIES, TAG_TYPES, EntryKind, Exchange, MatchMode


class ExchangeForm(forms.ModelForm):
    """Set-up: the exchange's rules; on creation also the collection's name and title."""

    name = forms.CharField(
        max_length=NAME_MAX,
        validators=[RegexValidator(r"^[A-Za-z0-9_]+$", gettext_lazy("Use only letters, digits and underscores."))],
        label=gettext_lazy("Name"),
        help_text=gettext_lazy("The short name in the exchange's address: letters, digits and underscores."),
    )
    title = forms.CharField(max_length=255, label=gettext_lazy("Title"))
    description = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), required=False, label=gettext_lazy("Profile")
    )

    class Meta:
        model = Exchange
        fields = ["requests_required", "requests_allowed", "offers_required", "offers_allowed", "prompts",
                  "tag_set_only", "nominations_open", "signups_open_at", "signups_close_at", "assignments_due_at"]
        widgets = {f: forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
                   for f in ("signups_open_at", "signups_close_at", "assignments_due_at")}
        labels = {"requests_required": gettext_lazy("Requests required"),
                  "requests_allowed": gettext_lazy("Requests allowed"),
                  "offers_required": gettext_lazy("Offers required"),
                  "offers_allowed": gettext_lazy("Offers allowed"),
                  "prompts": gettext_lazy("Prompts and details"),
                  "tag_set_only": gettext_lazy("Only tags from the tag set"),
                  "nominations_open": gettext_lazy("Nominations open"),
                  "signups_open_at": gettext_lazy("Sign-ups open"),
                  "signups_close_at": gettext_lazy("Sign-ups close"),
                  "assignments_due_at": gettext_lazy("Assignments due")}

    def __init__(self, *args, creating: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.creating = creating
        if not creating:
            for f in ("name", "title", "description"):
                del self.fields[f]
        rules = self.instance.rules if self.instance.pk else Exchange().rules
        for tag_type, label in TAG_TYPES:
            rule = rules.get(tag_type, {})
            self.fields[f"mode_{tag_type}"] = forms.ChoiceField(
                label=_("%(types)s: matching") % {"types": label}, choices=MatchMode.choices,
                initial=rule.get("mode", MatchMode.IGNORE))
            self.fields[f"any_{tag_type}"] = forms.BooleanField(
                label=_('%(types)s: "any" allowed') % {"types": label}, required=False,
                initial=rule.get("any", False))

    def clean_name(self):
        name = self.cleaned_data["name"]
        if Collection.objects.filter(name__iexact=name).exists():
            raise forms.ValidationError(_("That name is taken; choose another."))
        return name

    def clean(self):
        data = super().clean()
        for kind in ("requests", "offers"):
            low, high = data.get(f"{kind}_required"), data.get(f"{kind}_allowed")
            if low is not None and high is not None:
                if high < max(low, 1) or high > MAX_ENTRIES:
                    self.add_error(f"{kind}_allowed", _("Between %(low)s and %(high)s.") % {
                        "low": max(low, 1), "high": MAX_ENTRIES})
        opens, closes = data.get("signups_open_at"), data.get("signups_close_at")
        if opens and closes and closes <= opens:
            self.add_error("signups_close_at", _("Sign-ups must close after they open."))
        if data.get("mode_fandom") == MatchMode.IGNORE:
            self.add_error("mode_fandom", _("An exchange matches on fandoms: choose OR or AND."))
        return data

    def rules(self) -> dict:
        return {t: {"mode": self.cleaned_data[f"mode_{t}"], "any": self.cleaned_data[f"any_{t}"]}
                for t, _label in TAG_TYPES if self.cleaned_data[f"mode_{t}"] != MatchMode.IGNORE}


def _names(text: str) -> list[str]:
    return [n.strip() for n in text.split(",") if n.strip()]


class SignUpForm(forms.Form):
    """Fields request_1_fandom, request_1_any_character, request_1_details, offer_2_… for
    as many requests and offers as the exchange allows. Empty slots beyond the required
    number are left out."""

    def __init__(self, *args, exchange: Exchange, signup=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.exchange = exchange
        existing = {(e.kind, e.position): e for e in signup.entries.all()} if signup else {}
        self.slots = []
        for kind, count in ((EntryKind.REQUEST, exchange.requests_allowed), (EntryKind.OFFER, exchange.offers_allowed)):
            for position in range(1, count + 1):
                entry = existing.get((kind, position))
                prefix = f"{kind}_{position}"
                names = []
                for tag_type, label, rule in exchange.asked_types():
                    self.fields[f"{prefix}_{tag_type}"] = forms.CharField(
                        label=label, required=False, max_length=2000,
                        initial=", ".join(entry.tags.get(tag_type, [])) if entry else "",
                        help_text=_("Separate names with commas."),
                    )  # fmt: skip
                    names.append(f"{prefix}_{tag_type}")
                    if rule.get("any"):
                        self.fields[f"{prefix}_any_{tag_type}"] = forms.BooleanField(
                            label=capfirst(_("Any %(types)s") % {"types": label.lower()}), required=False,
                            initial=bool(entry and tag_type in entry.any_types))
                        names.append(f"{prefix}_any_{tag_type}")
                if exchange.prompts:
                    self.fields[f"{prefix}_details"] = forms.CharField(
                        label=_("Prompt or details"), required=False, max_length=5000,
                        widget=forms.Textarea(attrs={"rows": 3}), initial=entry.details if entry else "")
                    names.append(f"{prefix}_details")
                self.slots.append((kind, position, [self[n] for n in names]))

    def entries(self, kind: str) -> list[dict]:
        out = []
        count = self.exchange.requests_allowed if kind == EntryKind.REQUEST else self.exchange.offers_allowed
        for position in range(1, count + 1):
            prefix = f"{kind}_{position}"
            tags, any_types = {}, []
            for tag_type, _label, _rule in self.exchange.asked_types():
                tags[tag_type] = _names(self.cleaned_data.get(f"{prefix}_{tag_type}", ""))
                if self.cleaned_data.get(f"{prefix}_any_{tag_type}"):
                    any_types.append(tag_type)
            details = self.cleaned_data.get(f"{prefix}_details", "").strip()
            if any(tags.values()) or any_types or details:
                out.append({"tags": tags, "any": any_types, "details": details})
        return out


class NominateForm(forms.Form):
    tag_type = forms.ChoiceField(choices=TAG_TYPES, label=gettext_lazy("Tag type"))
    names = forms.CharField(
        max_length=2000, label=gettext_lazy("Tags"), help_text=gettext_lazy("Separate names with commas.")
    )

    def __init__(self, *args, exchange: Exchange, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tag_type"].choices = [(t, label) for t, label, _rule in exchange.asked_types()]

    def tag_names(self) -> list[str]:
        return _names(self.cleaned_data["names"])
