from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import ArchivePolicy


class ArchivePolicyForm(forms.ModelForm):
    class Meta:
        model = ArchivePolicy
        fields = ["rating_scale", "warnings", "categories", "anonymous_posting", "review_new_works"]
        # Labels here, not as the model fields' names: those would need a migration.
        labels = {
            "rating_scale": gettext_lazy("Rating scale"),
            "warnings": gettext_lazy("Archive warnings"),
            "categories": gettext_lazy("Categories"),
            "anonymous_posting": gettext_lazy("Anonymous posting"),
        }
        widgets = {
            "rating_scale": forms.RadioSelect,
            "anonymous_posting": forms.RadioSelect,
            "warnings": forms.Textarea(attrs={"rows": 7}),
            "categories": forms.Textarea(attrs={"rows": 7}),
        }

    def clean_warnings(self):
        value = self.cleaned_data["warnings"]
        if not [line for line in value.splitlines() if line.strip()]:
            raise forms.ValidationError(_("Keep at least one archive warning: authors must choose one."))
        too_long = [line for line in value.splitlines() if len(line.strip()) > 100]
        if too_long:
            raise forms.ValidationError(
                _("Warnings must be at most 100 characters: “%(start)s…”.") % {"start": too_long[0][:40]}
            )
        return value

    def clean_categories(self):
        value = self.cleaned_data["categories"]
        too_long = [line for line in value.splitlines() if len(line.strip()) > 100]
        if too_long:
            raise forms.ValidationError(
                _("Categories must be at most 100 characters: “%(start)s…”.") % {"start": too_long[0][:40]}
            )
        return value
