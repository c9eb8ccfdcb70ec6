"""Orphaning a work, a series or a pseud, and deleting one's account with a choice
per work. The workflows are in orphaning.py."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout as auth_logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.debug import sensitive_post_parameters

from quire.accounts import lifecycle
from quire.accounts.models import Pseud

from . import orphaning
from .access import series_for_editing, work_for_editing
from .tasks import finalise_due_deletions

ORPHAN_EXPLANATION = gettext_lazy(
    "Orphaning keeps it on the archive for readers but takes your name off it for good: it is credited "
    "to orphan_account instead, and you can't edit it or get it back. On a work you created with others, "
    "only your name comes off."
)


def _confirm_page(request, heading: str, explanation: str, cancel_url: str, button: str):
    return render(
        request,
        "works/confirm_delete.html",
        {"heading": heading, "explanation": explanation, "cancel_url": cancel_url, "button": button},
    )


@login_required
def orphan_work(request, pk):
    work = work_for_editing(request.user, pk)
    if request.method == "POST":
        orphaning.orphan_work(work, request.user)
        messages.success(
            request, _("“%(title)s” is orphaned: it stays on the archive without your name.") % {"title": work.title}
        )
        return redirect(request.user.get_absolute_url())
    return _confirm_page(
        request,
        _("Orphan “%(title)s”?") % {"title": work.title},
        ORPHAN_EXPLANATION,
        work.get_absolute_url(),
        _("Yes, orphan this work"),
    )


@login_required
def orphan_series(request, pk):
    series = series_for_editing(request.user, pk)
    if request.method == "POST":
        works = orphaning.orphan_series(series, request.user)
        messages.success(
            request,
            ngettext(
                "“%(title)s” and your %(count)s work in it are orphaned.",
                "“%(title)s” and your %(count)s works in it are orphaned.",
                len(works),
            )
            % {"title": series.title, "count": len(works)},
        )
        return redirect(request.user.get_absolute_url())
    return _confirm_page(
        request,
        _("Orphan the series “%(title)s”?") % {"title": series.title},
        _("The series and every work of yours in it will be orphaned. %(explanation)s")
        % {"explanation": ORPHAN_EXPLANATION},
        series.get_absolute_url(),
        _("Yes, orphan this series and its works"),
    )


@login_required
def orphan_pseud(request, pk):
    pseud = get_object_or_404(Pseud, pk=pk, user=request.user)
    if request.method == "POST":
        works = orphaning.orphan_pseud_works(pseud)
        done = ngettext(
            "%(count)s work by “%(name)s” orphaned.", "%(count)s works by “%(name)s” orphaned.", len(works)
        ) % {"count": len(works), "name": pseud.name}
        if not pseud.is_default:
            done = _("%(done)s The pseud is deleted.") % {"done": done}
        messages.success(request, done)
        return redirect("accounts:pseuds")
    if pseud.is_default:
        what = _("Every work and series credited to this pseud will be orphaned. %(explanation)s")
    else:
        what = _(
            "Every work and series credited to this pseud will be orphaned, and the pseud deleted. %(explanation)s"
        )
    return _confirm_page(
        request,
        _("Orphan everything by “%(name)s”?") % {"name": pseud.name},
        what % {"explanation": ORPHAN_EXPLANATION},
        reverse("accounts:pseuds"),
        _("Yes, orphan them"),
    )


class AccountDeleteForm(forms.Form):
    password = forms.CharField(
        label=gettext_lazy("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=gettext_lazy("To be sure it's you."),
    )

    def __init__(self, user, works, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        self.works = works
        for work in works:
            shared = orphaning.has_other_creators(work, user)
            self.fields[f"work_{work.pk}"] = forms.ChoiceField(
                label=work.title,
                choices=[
                    (orphaning.ORPHAN, _("Orphan it: keep it on the archive without my name")),
                    (orphaning.DELETE, _("Take my name off it (others created it too)") if shared else _("Delete it")),
                ],
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose what happens to this work.")},
            )

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(_("That is not your password."), code="wrong_password")
        return password

    def choices(self) -> dict[str, str]:
        return {str(work.pk): self.cleaned_data[f"work_{work.pk}"] for work in self.works}

    def work_fields(self):
        return [self[f"work_{work.pk}"] for work in self.works]


@sensitive_post_parameters("password")
@login_required
def account_delete(request):
    user = request.user
    works = list(orphaning.works_of(user))
    form = AccountDeleteForm(user, works, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        deletion = lifecycle.request_deletion(user, form.choices())
        finalise_due_deletions.using(run_after=deletion.due_at).enqueue()
        auth_logout(request)
        return render(request, "works/account_delete_scheduled.html", {"deletion": deletion})
    return render(
        request,
        "works/account_delete.html",
        {"form": form, "grace_days": settings.DELETION_GRACE_DAYS, "works": works},
    )
