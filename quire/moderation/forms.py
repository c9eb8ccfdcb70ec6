from django import forms

from .models import ReportReason


class ReportForm(forms.Form):
    reason = forms.ChoiceField(label="What is wrong?", choices=ReportReason.choices, widget=forms.RadioSelect)
    details = forms.CharField(
        label="Details", max_length=5000, widget=forms.Textarea(attrs={"rows": 6}),
        help_text="What moderators should look at, and why. Reports are only seen by moderators.",
    )  # fmt: skip


class GuestReportForm(ReportForm):
    email = forms.EmailField(label="Your email", help_text="So a moderator can reply. Only moderators see it.")
