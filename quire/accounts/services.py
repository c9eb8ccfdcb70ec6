"""Account workflows that touch several rows or send mail: invitations,
email changes, pseud deletion. Views call these; tests can too."""

from contextlib import nullcontext

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .language import speaking
from .models import Invitation, InviteRequest, Pseud, User

EMAIL_CHANGE_SALT = "quire.accounts.email_change"
EMAIL_CHANGE_MAX_AGE = 2 * 24 * 60 * 60  # two days, said in the email too


def absolute_url(path: str) -> str:
    # Links in emails use the configured address, not the request's Host header,
    # which a client could set to send people elsewhere.
    return f"{settings.SITE_URL}{path}"


def in_language_of(recipient: User | None):
    """The block an email to `recipient` is written in: the language they chose, else
    the language of the page that sends it. That page is usually theirs (sign-up,
    asking for a link), and for an invitation the inviter's, a fair guess for a friend."""
    if recipient is not None and recipient.language:
        return speaking(recipient)
    return nullcontext()


def _mail(subject, template: str, context: dict, to: str, recipient: User | None = None) -> None:
    """Send one email, its subject (a gettext_lazy string) and body written in the
    recipient's language (see `in_language_of`)."""
    context = {"SITE_NAME": settings.SITE_NAME, "SITE_URL": settings.SITE_URL, **context}
    with in_language_of(recipient):
        body = render_to_string(template, context)
        subject = f"[{settings.SITE_NAME}] {subject}"
    send_mail(subject, body, None, [to])  # None: DEFAULT_FROM_EMAIL


# --- Invitations ---------------------------------------------------------------
def signup_link(invitation: Invitation) -> str:
    return absolute_url(f"{reverse('accounts:signup')}?invitation={invitation.token}")


def send_invitation(email: str, created_by: User | None) -> Invitation:
    invitation = Invitation.objects.create(email=email, created_by=created_by)
    _mail(gettext_lazy("Your invitation"), "accounts/email/invitation.txt", {"link": signup_link(invitation)}, email)
    return invitation


def invite_next(count: int, created_by: User) -> list[Invitation]:
    """Invite the first `count` people waiting in the queue, oldest first."""
    sent = []
    waiting = InviteRequest.objects.filter(invited_at__isnull=True).order_by("created_at", "pk")[:count]
    for request in waiting:
        # One at a time: if mail fails part way, those already emailed stay marked.
        with transaction.atomic():
            sent.append(send_invitation(request.email, created_by))
            InviteRequest.objects.filter(pk=request.pk).update(invited_at=timezone.now())
    return sent


def usable_invitation(token: str) -> Invitation | None:
    if not token:
        return None
    return Invitation.objects.filter(token=token, used_at__isnull=True).first()


def use_invitation(token: str, user: User) -> bool:
    """Mark the invitation used by `user`. False if someone used it first."""
    updated = Invitation.objects.filter(token=token, used_at__isnull=True).update(
        used_at=timezone.now(), used_by=user
    )
    return updated == 1


# --- Email change --------------------------------------------------------------
def request_email_change(user: User, new_email: str) -> None:
    """Email a confirmation link to the new address; nothing changes until it is clicked."""
    token = signing.dumps({"user": user.pk, "old": user.email, "new": new_email}, salt=EMAIL_CHANGE_SALT)
    link = absolute_url(reverse("accounts:email_confirm", args=[token]))
    _mail(
        gettext_lazy("Confirm your new email address"),
        "accounts/email/email_change_confirm.txt",
        {"user": user, "link": link, "new_email": new_email},
        new_email,
        recipient=user,
    )


class EmailChangeError(Exception):
    pass


def confirm_email_change(token: str) -> User:
    """Apply the change a token asks for, or raise EmailChangeError saying why not."""
    try:
        data = signing.loads(token, salt=EMAIL_CHANGE_SALT, max_age=EMAIL_CHANGE_MAX_AGE)
    except signing.SignatureExpired:
        raise EmailChangeError(
            _("This confirmation link has expired. Links work for two days; ask for a new one.")
        ) from None
    except signing.BadSignature:
        raise EmailChangeError(
            _("This confirmation link is not valid. Check that you copied all of it.")
        ) from None
    with transaction.atomic():
        user = User.objects.select_for_update().filter(pk=data["user"], is_active=True).first()
        if user is None:
            raise EmailChangeError(_("This confirmation link is not valid."))
        if user.email == data["new"]:
            return user  # clicked twice: already done
        # The token names the old address, so a link goes stale once the email changes another way.
        if user.email != data["old"]:
            raise EmailChangeError(
                _("This confirmation link is out of date: your email address has changed since.")
            )
        if User.objects.filter(email__iexact=data["new"]).exclude(pk=user.pk).exists():
            raise EmailChangeError(_("Another account now uses that email address, so it can't be yours too."))
        user.email = data["new"]
        # Clicking the link proves the new address, as the sign-up link does.
        user.email_confirmed_at = user.email_confirmed_at or timezone.now()
        user.save(update_fields=["email", "email_confirmed_at"])
    _mail(
        gettext_lazy("Your email address was changed"),
        "accounts/email/email_changed_notice.txt",
        {"user": user, "new_email": data["new"]},
        data["old"],
        recipient=user,
    )
    return user


# --- Pseuds --------------------------------------------------------------------
@transaction.atomic
def set_default_pseud(pseud: Pseud) -> None:
    # Clear the old default first: the database allows only one per user.
    Pseud.objects.filter(user=pseud.user_id, is_default=True).update(is_default=False)
    Pseud.objects.filter(pk=pseud.pk).update(is_default=True)


@transaction.atomic
def delete_pseud(pseud: Pseud) -> None:
    """Delete a pseud, crediting its works and series to the user's default pseud.
    Credits are reached through the pseud's own relations (`creatorships`,
    `series`), which the works app declares: accounts sits below works and does
    not import it."""
    if pseud.is_default:
        raise ValueError("The default pseud can't be deleted.")
    default = pseud.user.default_pseud
    for creatorship in pseud.creatorships.all():
        existing = default.creatorships.filter(work_id=creatorship.work_id).first()
        if existing is None:
            creatorship.pseud = default
            creatorship.save(update_fields=["pseud"])
        elif creatorship.accepted and not existing.accepted:
            existing.accepted = True
            existing.save(update_fields=["accepted"])
    for series in pseud.series.all():
        series.creators.add(default)
    pseud.delete()
