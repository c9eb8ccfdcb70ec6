"""A signed-in user's own settings: email, profile, preferences, pseuds."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from . import services
from .forms import EmailChangeForm, PreferencesForm, ProfileForm, PseudForm, posted_data
from .models import Pseud


def _get_own_pseud(request, pk: int) -> Pseud:
    # Someone else's pseud is a 404, not a 403: its id says nothing to them.
    return get_object_or_404(Pseud, pk=pk, user=request.user)


# --- Email -------------------------------------------------------------------------
@sensitive_post_parameters("password")
@login_required
def email_change(request):
    form = EmailChangeForm(request.user, posted_data(request))
    if request.method == "POST" and form.is_valid():
        new_email = form.cleaned_data["email"]
        services.request_email_change(request.user, new_email)
        messages.success(
            request,
            _(
                "We've sent a link to %(email)s. Your email address changes when you click it "
                "(within two days). Until then we keep using your current address."
            ) % {"email": new_email},
        )
        return redirect("accounts:email_change")
    return render(request, "accounts/email_change.html", {"form": form})


def email_confirm(request, token):
    # No log-in needed: the link is often opened on another device, and the
    # signed token already names the account and both addresses.
    try:
        user = services.confirm_email_change(token)
    except services.EmailChangeError as error:
        return render(request, "accounts/email_confirm_failed.html", {"reason": str(error)}, status=400)
    messages.success(request, _("Your email address is now %(email)s.") % {"email": user.email})
    return redirect("accounts:email_change" if request.user == user else "accounts:login")


# --- Profile and preferences ---------------------------------------------------------
@login_required
def profile_edit(request):
    form = ProfileForm(posted_data(request), instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect(request.user.get_absolute_url())
    return render(request, "accounts/profile_edit.html", {"form": form})


@login_required
def preferences(request):
    form = PreferencesForm(posted_data(request), instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your preferences have been saved."))
        return redirect("accounts:preferences")
    return render(request, "accounts/preferences.html", {"form": form})


# --- Pseuds ------------------------------------------------------------------------
@login_required
def pseuds(request):
    return render(request, "accounts/pseuds.html", {"pseuds": request.user.pseuds.all()})


@login_required
def pseud_new(request):
    form = PseudForm(request.user, posted_data(request))
    if request.method == "POST" and form.is_valid():
        pseud = form.save()
        messages.success(request, _("Pseud “%(name)s” created.") % {"name": pseud.name})
        return redirect("accounts:pseuds")
    return render(request, "accounts/pseud_form.html", {"form": form, "pseud": None})


@login_required
def pseud_edit(request, pk):
    pseud = _get_own_pseud(request, pk)
    form = PseudForm(request.user, posted_data(request), instance=pseud)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Pseud “%(name)s” saved.") % {"name": pseud.name})
        return redirect("accounts:pseuds")
    return render(request, "accounts/pseud_form.html", {"form": form, "pseud": pseud})


@login_required
def pseud_delete(request, pk):
    pseud = _get_own_pseud(request, pk)
    if pseud.is_default:
        messages.error(request, _("You can't delete your default pseud. Make another pseud the default first."))
        return redirect("accounts:pseuds")
    if request.method == "POST":
        services.delete_pseud(pseud)
        messages.success(
            request,
            _("Pseud “%(name)s” deleted. Its works are now credited to %(default)s.")
            % {"name": pseud.name, "default": request.user.default_pseud.name},
        )
        return redirect("accounts:pseuds")
    return render(
        request,
        "accounts/pseud_delete.html",
        {"pseud": pseud, "work_count": pseud.creatorships.count(), "default": request.user.default_pseud},
    )


@require_POST
@login_required
def pseud_default(request, pk):
    pseud = _get_own_pseud(request, pk)
    services.set_default_pseud(pseud)
    messages.success(request, _("“%(name)s” is now your default pseud.") % {"name": pseud.name})
    return redirect("accounts:pseuds")
