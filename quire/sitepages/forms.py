from django import forms

from quire.moderation.forms import ReportForm

from .models import NewsPost, SiteBanner


class PageEditForm(forms.Form):
    title = forms.CharField(max_length=100)
    body = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 24}), max_length=200_000, label="Text (Markdown)",
        help_text="Headings (## Section) become the sections of the page, listed at the top.",
    )  # fmt: skip
    note = forms.CharField(max_length=300, required=False, label="What changed", help_text="Shown in the version list.")


class NewsPostForm(forms.ModelForm):
    class Meta:
        model = NewsPost
        fields = ["title", "body", "comments_open"]
        widgets = {"body": forms.Textarea(attrs={"rows": 16})}
        labels = {"body": "Text (Markdown)"}


class NewsCommentForm(forms.Form):
    text = forms.CharField(max_length=5000, widget=forms.Textarea(attrs={"rows": 4}), label="Comment")


class BannerForm(forms.ModelForm):
    class Meta:
        model = SiteBanner
        fields = ["text", "kind", "starts_at", "ends_at"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "ends_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        }
        help_texts = {"starts_at": "In UTC.", "ends_at": "In UTC. Empty: until you end it."}

    def clean(self):
        data = super().clean()
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_at", "The end must come after the start.")
        return data


class ContactForm(ReportForm):
    """What a reader writes to the archive's volunteers; filed as a report in their queue."""

    subject = forms.CharField(max_length=200)
    email = forms.EmailField(label="Your email", required=False, help_text="So we can reply. Only moderators see it.")

    field_order = ["subject", "email", "details"]

    def __init__(self, *args, guest: bool, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["reason"]
        self.fields["details"].label = "Your message"
        self.fields["details"].help_text = "Questions, problems, or anything the archive's volunteers should know."
        if guest:
            self.fields["email"].required = True
        else:
            del self.fields["email"]
