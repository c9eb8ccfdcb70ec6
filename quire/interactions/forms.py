from django import forms
from django.utils.translation import gettext_lazy, pgettext_lazy

from .models import COMMENT_MAX_LENGTH, Bookmark, ReaderSettings


class CommentForm(forms.Form):
    text = forms.CharField(
        label=pgettext_lazy("noun", "Comment"), max_length=COMMENT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": gettext_lazy("Your comment is empty: write something first.")},
    )  # fmt: skip
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    chapter = forms.IntegerField(widget=forms.HiddenInput)
    next = forms.CharField(required=False, widget=forms.HiddenInput)


class GuestCommentForm(CommentForm):
    name = forms.CharField(label=gettext_lazy("Your name"), max_length=60)
    email = forms.EmailField(
        label=gettext_lazy("Your email"), help_text=gettext_lazy("Not shown to anyone; needed for guest comments.")
    )


class CommentEditForm(forms.Form):
    text = forms.CharField(
        label=pgettext_lazy("noun", "Comment"), max_length=COMMENT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 6})
    )


class BookmarkForm(forms.ModelForm):
    class Meta:
        model = Bookmark
        fields = ["notes", "tags", "rec", "private"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 4})}
        # The model's field has no name of its own (naming it there would need a migration).
        labels = {"notes": gettext_lazy("Notes")}


class ReaderSettingsForm(forms.ModelForm):
    class Meta:
        model = ReaderSettings
        fields = ["email_frequency", "keep_history"]
        widgets = {"email_frequency": forms.RadioSelect}
