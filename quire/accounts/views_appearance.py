"""The appearance page: skin, text size, line width and spoilers, for guests too."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from .appearance import COOKIE, COOKIE_MAX_AGE, AppearanceForm, initial_for, look_for


def appearance(request):
    if request.method == "POST":
        form = AppearanceForm(request.POST)
        if form.is_valid():
            look = form.look()
            user = request.user
            if user.is_authenticated:
                for name, value in initial_for(look).items():
                    setattr(user, name, value)
                user.save(update_fields=["skin", "text_size", "line_width", "hide_spoilers"])
            messages.success(request, _("Your reading settings have been saved."))
            back = request.POST.get("next", "")
            if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
                back = ""
            response = redirect(back or "accounts:appearance")
            if not user.is_authenticated:
                response.set_cookie(COOKIE, look.cookie_value(), max_age=COOKIE_MAX_AGE, samesite="Lax",
                                    secure=request.is_secure(), httponly=True)
            return response
    else:
        form = AppearanceForm(initial=initial_for(look_for(request)))
    return render(request, "accounts/appearance.html", {"form": form, "next": request.GET.get("next", "")})
