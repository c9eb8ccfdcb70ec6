"""Confirming an email address, accepting the site's terms, the documents
themselves, and changing a username. Deleting an account and orphaning works are
in works (views_orphaning.py): they decide what happens to works."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import dateformat, timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters

from quire.lib.redirects import safe_next

from . import confirmation, lifecycle, policies
from .forms import UsernameChangeForm, posted_data


# --- Email confirmation --------------------------------------------------------------
def confirm_email(request, token):
    # No log-in needed: the link is often opened on a phone where the person isn't signed in.
    try:
        user = confirmation.confirm(token)
    except confirmation.ConfirmationError as error:
        return render(request, "accounts/confirm_failed.html", {"reason": str(error)}, status=400)
    messages.success(
        request, _("Thank you: %(email)s is confirmed. You can now post works and comment.") % {"email": user.email}
    )
    return redirect(user.get_absolute_url() if request.user == user else "accounts:login")


@login_required
def confirm_needed(request):
    """What to do before posting: find the email, or have it sent again."""
    user = request.user
    wait = 0
    if request.method == "POST" and not user.email_confirmed:
        window = confirmation.resend_window(user)
        wait = window.seconds_blocked()
        if not wait:
            window.hit()
            confirmation.send_confirmation(user)
            messages.success(request, _("We've sent a new link to %(email)s.") % {"email": user.email})
            return redirect("accounts:confirm_needed")
    return render(
        request,
        "accounts/confirm_needed.html",
        {"days": settings.EMAIL_CONFIRM_DAYS, "wait_minutes": -(-wait // 60) if wait else 0},
    )


# --- Terms and privacy ---------------------------------------------------------------
def policy(request, document):
    if document not in policies.DOCUMENTS:
        raise Http404("No such page.")
    return render(
        request,
        f"accounts/about/{document}.html",
        {"title": policies.policy_title(document), "version": policies.current_policy_versions().get(document)},
    )


@login_required
def policies_accept(request):
    pending = policies.pending_documents(request.user)
    if request.method == "POST":
        if request.POST.get("accept") == "yes":
            policies.accept_current(request.user, pending)
            request.session[policies.SESSION_KEY] = policies.versions_fingerprint()
            messages.success(request, _("Thank you. You can carry on where you were."))
            return redirect(safe_next(request, settings.LOGIN_REDIRECT_URL))
        messages.error(request, _("Tick the box to accept, or log out if you don't agree."))
    elif not pending:
        return redirect(safe_next(request, settings.LOGIN_REDIRECT_URL))
    documents = [
        {"title": policies.policy_title(doc), "url": policies.policy_url(doc),
         "version": policies.current_policy_versions()[doc]}
        for doc in pending
    ]
    had_accepted = request.user.policy_acceptances.filter(document__in=pending).exists()
    return render(
        request,
        "accounts/policies_accept.html",
        {
            "documents": documents,
            "changed": had_accepted,
            "next": request.POST.get("next") or request.GET.get("next", ""),
        },
    )


# --- Username --------------------------------------------------------------------------
@sensitive_post_parameters("password")
@login_required
def username_change(request):
    user = request.user
    wait_until = lifecycle.next_username_change_at(user)
    form = UsernameChangeForm(user, posted_data(request))
    if request.method == "POST" and wait_until is None and form.is_valid():
        try:
            change = lifecycle.change_username(user, form.cleaned_data["username"])
        except ValidationError as error:
            form.add_error("username", error)
        else:
            user.refresh_from_db()
            update_session_auth_hash(request, user)
            messages.success(
                request,
                _(
                    "Your username is now %(username)s. Links to your old profile lead here, and "
                    "nobody else can take “%(old)s” until %(date)s."
                ) % {
                    "username": user.username, "old": change.old_username,
                    # Django's date format, so the month is named in the reader's language.
                    "date": dateformat.format(timezone.localtime(change.reserved_until), "j F Y"),
                },  # fmt: skip
            )
            return redirect(user.get_absolute_url())
    return render(
        request,
        "accounts/username_change.html",
        {"form": form, "wait_until": wait_until, "reserve_days": settings.USERNAME_RESERVE_DAYS},
    )
