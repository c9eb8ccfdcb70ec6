from django import forms

from .models import ArchivePolicy


class ArchivePolicyForm(forms.ModelForm):
    class Meta:
        model = ArchivePolicy
        fields = ["rating_scale", "warnings", "categories", "anonymous_posting", "review_new_works"]
        widgets = {
            "rating_scale": forms.RadioSelect,
            "anonymous_posting": forms.RadioSelect,
            "warnings": forms.Textarea(attrs={"rows": 7}),
            "categories": forms.Textarea(attrs={"rows": 7}),
        }

    def clean_warnings(self):
        value = self.cleaned_data["warnings"]
        if not [line for line in value.splitlines() if line.strip()]:
            raise forms.ValidationError("Keep at least one archive warning: authors must choose one.")
        too_long = [line for line in value.splitlines() if len(line.strip()) > 100]
        if too_long:
            raise forms.ValidationError(f"Warnings must be at most 100 characters: “{too_long[0][:40]}…”.")
        return value

    def clean_categories(self):
        value = self.cleaned_data["categories"]
        too_long = [line for line in value.splitlines() if len(line.strip()) > 100]
        if too_long:
            raise forms.ValidationError(f"Categories must be at most 100 characters: “{too_long[0][:40]}…”.")
        return value
