from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import ReportReason


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=gettext_lazy("What is wrong?"), choices=ReportReason.choices, widget=forms.RadioSelect
    )
    details = forms.CharField(
        label=gettext_lazy("Details"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy("What moderators should look at, and why. Reports are only seen by moderators."),
    )  # fmt: skip


class GuestReportForm(ReportForm):
    email = forms.EmailField(
        label=gettext_lazy("Your email"), help_text=gettext_lazy("So a moderator can reply. Only moderators see it.")
    )


class ReportAction:
    HIDE = "hide"
    RESTORE = "restore"
    WARN = "warn"
    SUSPEND = "suspend"
    BAN = "ban"
    DELETE_SPAM = "delete_spam"
    RESOLVE = "resolve"
    DISMISS = "dismiss"
    CHOICES = [
        (HIDE, gettext_lazy("Hide the content")),
        (RESTORE, gettext_lazy("Restore the content")),
        (WARN, gettext_lazy("Warn its poster")),
        (SUSPEND, gettext_lazy("Suspend its poster")),
        (BAN, gettext_lazy("Ban its poster")),
        (DELETE_SPAM, gettext_lazy("Delete as spam")),
        (RESOLVE, gettext_lazy("Resolve without action")),
        (DISMISS, gettext_lazy("Dismiss the report")),
    ]
    NEED_REASON = {WARN, SUSPEND, BAN}


class ModeratorActionForm(forms.Form):
    """One form for every action on a report or a user: what, why, and for how long."""

    action = forms.ChoiceField(label=gettext_lazy("Action"), choices=ReportAction.CHOICES, widget=forms.RadioSelect)
    reason = forms.CharField(
        required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3}), label=gettext_lazy("Reason"),
        help_text=gettext_lazy("Recorded in the audit log. For a warning, suspension or ban the member reads it."),
    )  # fmt: skip
    days = forms.IntegerField(
        required=False, min_value=1, max_value=3650, label=gettext_lazy("Suspend for (days)"),
        help_text=gettext_lazy("Only for a suspension."),
    )  # fmt: skip

    def __init__(self, *args, actions=None, **kwargs):
        super().__init__(*args, **kwargs)
        if actions is not None:
            self.fields["action"].choices = [c for c in ReportAction.CHOICES if c[0] in actions]

    def clean(self):
        data = super().clean()
        action = data.get("action")
        if action in ReportAction.NEED_REASON and not data.get("reason", "").strip():
            self.add_error("reason", _("Give a reason: the member will read it."))
        if action == ReportAction.SUSPEND and not data.get("days"):
            self.add_error("days", _("Say for how many days."))
        return data


class BlockAddressForm(forms.Form):
    pattern = forms.CharField(
        max_length=254, label=gettext_lazy("Email address or domain"),
        help_text=gettext_lazy(
            "spam@example.com blocks one address; example.com blocks every address at that domain."
        ),
    )  # fmt: skip
    note = forms.CharField(max_length=500, required=False, label=gettext_lazy("Why (for other moderators)"))

    def clean_pattern(self):
        pattern = self.cleaned_data["pattern"].strip().lower().lstrip("@")
        domain = pattern.rsplit("@", 1)[-1]
        if "." not in domain or " " in pattern:
            raise forms.ValidationError(_("Enter an email address or a domain such as example.com."))
        return pattern
