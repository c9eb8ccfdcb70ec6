from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from quire.moderation.forms import ReportForm

from .models import NewsPost, SiteBanner


class PageEditForm(forms.Form):
    title = forms.CharField(max_length=100, label=gettext_lazy("Title"))
    body = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 24}), max_length=200_000, label=gettext_lazy("Text (Markdown)"),
        help_text=gettext_lazy("Headings (## Section) become the sections of the page, listed at the top."),
    )  # fmt: skip
    note = forms.CharField(
        max_length=300, required=False, label=gettext_lazy("What changed"),
        help_text=gettext_lazy("Shown in the version list."),
    )  # fmt: skip


class NewsPostForm(forms.ModelForm):
    class Meta:
        model = NewsPost
        fields = ["title", "body", "comments_open"]
        widgets = {"body": forms.Textarea(attrs={"rows": 16})}
        labels = {"title": gettext_lazy("Title"), "body": gettext_lazy("Text (Markdown)"),
                  "comments_open": gettext_lazy("Comments open")}


class NewsCommentForm(forms.Form):
    text = forms.CharField(max_length=5000, widget=forms.Textarea(attrs={"rows": 4}), label=gettext_lazy("Comment"))


class BannerForm(forms.ModelForm):
    class Meta:
        model = SiteBanner
        fields = ["text", "kind", "starts_at", "ends_at"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "ends_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        }
        labels = {"text": gettext_lazy("Text"), "kind": gettext_lazy("Kind"), "starts_at": gettext_lazy("Starts at"),
                  "ends_at": gettext_lazy("Ends at")}
        help_texts = {"starts_at": gettext_lazy("In UTC."), "ends_at": gettext_lazy("In UTC. Empty: until you end it.")}

    def clean(self):
        data = super().clean()
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_at", _("The end must come after the start."))
        return data


class ContactForm(ReportForm):
    """What a reader writes to the archive's volunteers; filed as a report in their queue."""

    subject = forms.CharField(max_length=200, label=gettext_lazy("Subject"))
    email = forms.EmailField(
        label=gettext_lazy("Your email"), required=False,
        help_text=gettext_lazy("So we can reply. Only moderators see it."),
    )

    field_order = ["subject", "email", "details"]

    def __init__(self, *args, guest: bool, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["reason"]
        self.fields["details"].label = _("Your message")
        self.fields["details"].help_text = _("Questions, problems, or anything the archive's volunteers should know.")
        if guest:
            self.fields["email"].required = True
        else:
            del self.fields["email"]
