"""Signing up, logging in and out, and passwords.

Settings pages are in views_settings.py and the invitation queue in
views_invitations.py. Profiles list works, so they are the works app's
(quire/works/views_profile.py).
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from quire.lib.redirects import safe_next

from . import confirmation, lifecycle, policies, services
from .forms import LoginForm, PasswordResetForm, SignupForm, posted_data
from .models import Invitation, PolicyAcceptance, User
from .views_invitations import invitations, invite_request  # noqa: F401  (named in urls.py)
from .views_lifecycle import (  # noqa: F401
    confirm_email,
    confirm_needed,
    policies_accept,
    policy,
    username_change,
)
from .views_settings import (  # noqa: F401
    email_change,
    email_confirm,
    preferences,
    profile_edit,
    pseud_default,
    pseud_delete,
    pseud_edit,
    pseud_new,
    pseuds,
)


# --- Sign-up -----------------------------------------------------------------------
@sensitive_post_parameters("password1", "password2")
@never_cache
def signup(request):
    mode = settings.SIGNUP_MODE
    if mode == "closed":
        return render(request, "accounts/signup_closed.html")
    if request.user.is_authenticated:
        return redirect(safe_next(request, settings.LOGIN_REDIRECT_URL))

    invitation = None
    token = request.POST.get("invitation") or request.GET.get("invitation") or ""
    if mode == "invite":
        invitation = services.usable_invitation(token)
        if invitation is None:
            # Say why: a used link and a mistyped one need different next steps.
            used = bool(token) and Invitation.objects.filter(token=token).exists()
            return render(
                request,
                "accounts/signup_needs_invitation.html",
                {"token_given": bool(token), "token_used": used},
            )

    if request.method == "POST":
        form = SignupForm(request.POST)
        if form.is_valid():
            user = _create_account(form, invitation)
            if user is not None:
                auth_login(request, user, backend="django.contrib.auth.backends.ModelBackend")
                messages.success(
                    request,
                    _(
                        "Welcome to %(site)s, %(username)s! We've sent a link to %(email)s: "
                        "open it to confirm your address, and then you can post and comment."
                    ) % {"site": settings.SITE_NAME, "username": user.username, "email": user.email},
                )
                return redirect(safe_next(request, reverse("accounts:confirm_needed")))
            form.add_error(None, _("This invitation was used by someone else a moment ago."))
    else:
        form = SignupForm(initial={"email": invitation.email if invitation else ""})
    return render(
        request,
        "accounts/signup.html",
        {
            "form": form,
            "invitation": invitation,
            "next": request.POST.get("next") or request.GET.get("next", ""),
        },
    )


def _create_account(form: SignupForm, invitation) -> User | None:
    """The new user, or None when the invitation was taken between checks."""
    data = form.cleaned_data
    with transaction.atomic():
        user = User.objects.create_user(
            data["username"], data["email"], data["password1"], email_confirmed_at=None
        )
        if invitation is not None and not services.use_invitation(invitation.token, user):
            transaction.set_rollback(True)
            return None
        if data.get("accept_policies"):
            policies.accept_current(user)
        if data.get("age_statement"):
            # Kept like a policy acceptance: who said so, for which age, and when.
            PolicyAcceptance.objects.create(user=user, document="age", version=str(settings.MIN_AGE))
    # Sent once the account is saved, as the email-change link is (accounts/services.py).
    confirmation.send_confirmation(user)
    return user


# --- Logging in and out -----------------------------------------------------------
@sensitive_post_parameters("password")
@never_cache
def login(request):
    if request.method == "POST":
        form = LoginForm(request, data=request.POST)
        if form.is_valid():
            auth_login(request, form.get_user())
            if lifecycle.cancel_deletion(form.get_user()):
                messages.success(
                    request, _("Welcome back. Your account will not be deleted: you logged in before it was.")
                )
            return redirect(safe_next(request, settings.LOGIN_REDIRECT_URL))
    else:
        form = LoginForm(request)
    return render(
        request,
        "accounts/login.html",
        {"form": form, "next": request.POST.get("next") or request.GET.get("next", "")},
    )


@never_cache
def logout(request):
    # Logging out changes state, so only a POST does it: a link or an <img> on
    # another site must not be able to sign people out. GET asks to confirm.
    if request.method == "POST":
        auth_logout(request)
        messages.info(request, _("You have logged out."))
        return redirect(settings.LOGOUT_REDIRECT_URL)
    return render(request, "accounts/logout.html")


# --- Passwords --------------------------------------------------------------------
# Django's own views do the token work; these only give them our templates.
# Settings are read per request, never at import time.
def password_reset(request):
    return auth_views.PasswordResetView.as_view(
        template_name="accounts/password_reset.html",
        form_class=PasswordResetForm,
        email_template_name="accounts/email/password_reset.txt",
        subject_template_name="accounts/email/password_reset_subject.txt",
        success_url=reverse_lazy("accounts:password_reset_done"),
        extra_email_context={"SITE_NAME": settings.SITE_NAME, "SITE_URL": settings.SITE_URL},
    )(request)


password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="accounts/password_reset_done.html"
)
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    template_name="accounts/password_reset_confirm.html",
    success_url=reverse_lazy("accounts:password_reset_complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"
)


@sensitive_post_parameters("old_password", "new_password1", "new_password2")
@login_required
def password_change(request):
    form = PasswordChangeForm(request.user, posted_data(request))
    if request.method == "POST" and form.is_valid():
        form.save()
        # Keep this session signed in; other sessions end with the old password.
        update_session_auth_hash(request, form.user)
        messages.success(request, _("Your password has been changed."))
        return redirect(reverse("accounts:password_change"))
    return render(request, "accounts/password_change.html", {"form": form})
