"""How the site looks to one reader: skin, text size, line width and whether spoilers
(archive warnings, additional tags) fold away.

Signed-in readers keep these on their account (the User fields of the same names);
guests keep them in one cookie, so the choice survives without an account. Pages
read them through `look_for(request)`; the base template turns them into data
attributes on <html>, and the stylesheet does the rest (no inline styles, so the
Content-Security-Policy stays strict)."""

from dataclasses import asdict, dataclass

from django import forms
from django.utils.translation import gettext_lazy

from .models import User

COOKIE = "quire_look"
COOKIE_MAX_AGE = 365 * 24 * 3600
FIELDS = ("skin", "text_size", "line_width")


def _choices(name: str) -> list[tuple[str, str]]:
    return list(User._meta.get_field(name).choices or [])


def _default(name: str) -> str:
    return str(User._meta.get_field(name).default)


@dataclass(frozen=True)
class Look:
    skin: str = "auto"
    text_size: str = "medium"
    line_width: str = "medium"
    hide_spoilers: bool = False

    def cookie_value(self) -> str:
        return ".".join([self.skin, self.text_size, self.line_width, "1" if self.hide_spoilers else "0"])

    @classmethod
    def from_cookie(cls, value: str) -> "Look":
        # A tampered or old cookie falls back field by field to the defaults, never to an error.
        parts = (value or "").split(".")
        values: dict = {}
        for name, part in zip(FIELDS, parts, strict=False):
            values[name] = part if part in dict(_choices(name)) else _default(name)
        if len(parts) > len(FIELDS):
            values["hide_spoilers"] = parts[len(FIELDS)] == "1"
        return cls(**values)


def look_for(request) -> Look:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return Look(user.skin, user.text_size, user.line_width, user.hide_spoilers)
    return Look.from_cookie(request.COOKIES.get(COOKIE, ""))


class AppearanceForm(forms.Form):
    skin = forms.ChoiceField(label=gettext_lazy("Skin"), choices=_choices("skin"), initial=_default("skin"))
    text_size = forms.ChoiceField(
        label=gettext_lazy("Text size"), choices=_choices("text_size"), initial=_default("text_size"),
    )  # fmt: skip
    line_width = forms.ChoiceField(
        label=gettext_lazy("Line width"), choices=_choices("line_width"), initial=_default("line_width"),
        help_text=gettext_lazy("How wide a line of story text may grow on a large screen."),
    )  # fmt: skip
    hide_spoilers = forms.BooleanField(
        label=gettext_lazy("Hide warnings and additional tags"), required=False,
        help_text=gettext_lazy(
            "Fold away archive warnings and additional tags on works and in lists; one click shows them."
        ),
    )  # fmt: skip

    def look(self) -> Look:
        return Look(**self.cleaned_data)


def initial_for(look: Look) -> dict:
    return asdict(look)
