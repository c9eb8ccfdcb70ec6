"""Settings page where a reader creates and revokes app passwords for e-reader apps."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from quire.lib.urls import site_url

from .models import AppPassword

MAX_PER_USER = 20


class AppPasswordForm(forms.Form):
    name = forms.CharField(
        max_length=60,
        label=gettext_lazy("Name"),
        help_text=gettext_lazy("Which app or device will use it, so you know which one to revoke later."),
    )


@login_required
def app_passwords(request):
    form = AppPasswordForm(request.POST or None)
    created_token = None
    if request.method == "POST" and form.is_valid():
        if request.user.app_passwords.count() >= MAX_PER_USER:
            form.add_error(
                None, _("You can have at most %(count)s app passwords: revoke one you no longer use first.") % {
                    "count": MAX_PER_USER}
            )
        else:
            _password, created_token = AppPassword.create_for(request.user, form.cleaned_data["name"])
            form = AppPasswordForm()
    context = {
        "form": form,
        "passwords": request.user.app_passwords.all(),
        "created_token": created_token,
        "opds_url": site_url(reverse("downloads:opds_root")),
    }
    return render(request, "downloads/app_passwords.html", context)


@login_required
@require_POST
def revoke(request, pk):
    password = get_object_or_404(AppPassword, pk=pk, user=request.user)
    password.delete()
    messages.success(request, _("Revoked the app password “%(name)s”. Apps using it can no longer sign in.") % {
        "name": password.name})
    return redirect("downloads:app_passwords")
