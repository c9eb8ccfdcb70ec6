"""Confirming the email address given at sign-up.

The link carries a signed token (Django's signing, salted for this purpose) naming
the account and the address, so it goes stale if the address changes, and expires
after QUIRE_EMAIL_CONFIRM_DAYS. Until the address is confirmed the person can read,
bookmark and change settings, but not post works or comment.
"""

import functools

from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from quire.lib.ratelimit import Window

from .models import User

SALT = "quire.accounts.confirm_email"
RESENDS_PER_HOUR = 3


class ConfirmationError(Exception):
    pass


def confirmation_link(user: User) -> str:
    token = signing.dumps({"user": user.pk, "email": user.email}, salt=SALT)
    return f"{settings.SITE_URL}{reverse('accounts:confirm_email', args=[token])}"


def send_confirmation(user: User) -> None:
    from .services import _mail  # the one mail helper of the accounts app

    _mail(
        gettext_lazy("Confirm your email address"),
        "accounts/email/confirm_email.txt",
        {"user": user, "link": confirmation_link(user), "days": settings.EMAIL_CONFIRM_DAYS},
        user.email,
        recipient=user,
    )


def resend_window(user: User) -> Window:
    # Each resend sends an email: a few an hour is plenty for a lost message.
    return Window(f"quire:confirm-resend:{user.pk}", RESENDS_PER_HOUR, 3600)


def confirm(token: str) -> User:
    """Mark the account the token names as confirmed, or raise ConfirmationError saying why not."""
    try:
        data = signing.loads(token, salt=SALT, max_age=settings.EMAIL_CONFIRM_DAYS * 24 * 60 * 60)
    except signing.SignatureExpired:
        days = settings.EMAIL_CONFIRM_DAYS
        raise ConfirmationError(
            ngettext(
                "This confirmation link has expired (links work for %(days)s day). Log in and ask for a new one.",
                "This confirmation link has expired (links work for %(days)s days). Log in and ask for a new one.",
                days,
            ) % {"days": days}
        ) from None
    except signing.BadSignature:
        raise ConfirmationError(_("This confirmation link is not valid. Check that you copied all of it.")) from None
    user = User.objects.filter(pk=data["user"], is_active=True).first()
    if user is None:
        raise ConfirmationError(_("This confirmation link is not valid: the account no longer exists."))
    if user.email != data["email"]:
        raise ConfirmationError(
            _(
                "This confirmation link is out of date: the account's email address has changed since. "
                "Log in and ask for a new one."
            )
        )
    if user.email_confirmed_at is None:
        user.email_confirmed_at = timezone.now()
        user.save(update_fields=["email_confirmed_at"])
    return user


def confirmed_email_required(view):
    """For views that post or comment: a signed-in person whose address is not
    confirmed is sent to the page that says what to do. Guests pass through to the
    view's own rules (login_required, guest comments)."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and not user.email_confirmed:
            messages.warning(request, _("Confirm your email address first: then you can post and comment."))
            return redirect("accounts:confirm_needed")
        return view(request, *args, **kwargs)

    return wrapped
