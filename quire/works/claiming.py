"""Works imported for someone else, and how that person takes them back (the
Open Doors model): an archivist imports, the named creator is invited by email
to claim the works into an account or to orphan them.

The imported works are credited to a placeholder pseud of a placeholder account
(no usable password), so every list, page and download treats them like any
other work; claiming moves that pseud to the claimant's account, so the works,
series and the name they were known by move with it.
"""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from quire.accounts.language import speaking
from quire.accounts.models import Pseud
from quire.accounts.services import _mail, absolute_url

from . import events, freshness
from .models import ArchivedCreator, Work, new_version

ORPHAN_ACCOUNT = "orphan_account"
PSEUD_NAME_MAX = 40


_ADDRESSABLE = re.compile(r"[\w.@+\- ']+")


class ClaimError(Exception):
    """A claim that cannot go ahead; the message is for the person claiming."""


def _free_username(wanted: str, fallback: str) -> str:
    """The pen name itself where it can be a name in an address (spaces are fine: the
    account is never signed in to under it, and the byline then shows just the
    pen name), else the pen name without what cannot."""
    User = get_user_model()
    wanted = " ".join(wanted.split())
    base = wanted[:140] if _ADDRESSABLE.fullmatch(wanted) else re.sub(r"[^\w.@+-]", "", wanted.replace(" ", "_"))[:140]
    base = base or fallback
    name, n = base, 1
    while User.objects.filter(username__iexact=name).exists():
        n += 1
        name = f"{base}_{n}"
    return name


@transaction.atomic
def placeholder_creator(name: str, email: str, archivist, *, key: str) -> Pseud:
    """A pseud named `name` on a new account nobody can sign in to, ready to be claimed.
    `key` makes the placeholder's internal email unique (say, the old archive's user id)."""
    User = get_user_model()
    user = User(username=_free_username(name, f"archived_{key}"), email=f"archived-{key}@placeholder.invalid")
    user.set_unusable_password()
    user.save()
    pseud = Pseud.objects.create(user=user, name=name.strip()[:PSEUD_NAME_MAX] or user.username, is_default=True)
    ArchivedCreator.objects.create(pseud=pseud, name=name, email=email.strip(), archivist=archivist)
    return pseud


def mark_archived(work: Work, archivist) -> None:
    # A new version too: the byline says "[archived by …]" (works/fragments.py).
    Work.objects.filter(pk=work.pk).update(archived_by=archivist, version=new_version())
    work.archived_by = archivist


# --- inviting -------------------------------------------------------------------


def claim_link(archived: ArchivedCreator) -> str:
    return absolute_url(archived.get_absolute_url())


def invite_to_claim(archived: ArchivedCreator, to: str | None = None) -> bool:
    """Email the claim link (after commit, as a background task). False when there is no address."""
    to = to or archived.email
    if not to:
        return False
    from .tasks import send_claim_invitation

    transaction.on_commit(lambda: send_claim_invitation.enqueue(archived.pk, to))
    return True


def send_claim_email(archived: ArchivedCreator, to: str) -> None:
    works = Work.objects.filter(creatorships__pseud=archived.pseud).order_by("title")
    context = {
        "archived": archived,
        "archivist": archived.archivist,
        "works": list(works[:50]),
        "work_count": works.count(),
        "link": claim_link(archived),
    }
    # Written in the language of the account the address belongs to, if any (else the site's).
    User = get_user_model()
    reader = User.objects.filter(email__iexact=to, is_active=True).first() or archived.pseud.user
    with speaking(reader):
        _mail(_("Works archived under your name"), "works/email/claim_invitation.txt", context, to)
    ArchivedCreator.objects.filter(pk=archived.pk).update(invited_at=timezone.now())


def matching_email(user):
    """Archived creators waiting to be claimed under `user`'s email address."""
    if not user.email:
        return ArchivedCreator.objects.none()
    return ArchivedCreator.objects.filter(email__iexact=user.email, claimed_at=None, orphaned_at=None).select_related(
        "pseud"
    )


def works_of(archived: ArchivedCreator):
    return Work.objects.filter(creatorships__pseud=archived.pseud).distinct().order_by("title")


# --- answering ------------------------------------------------------------------


def _move_pseud(pseud: Pseud, to_user) -> Pseud:
    """Give `pseud` (and what it is credited with) to `to_user`; merge into their
    pseud of the same name if they have one."""
    same = to_user.pseuds.filter(name__iexact=pseud.name).first()
    if same is None:
        Pseud.objects.filter(pk=pseud.pk).update(user=to_user, is_default=False)
        pseud.refresh_from_db()
        return pseud
    from .models import Creatorship

    for creatorship in Creatorship.objects.filter(pseud=pseud):
        if Creatorship.objects.filter(pseud=same, work_id=creatorship.work_id).exists():
            creatorship.delete()
        else:
            Creatorship.objects.filter(pk=creatorship.pk).update(pseud=same)
    for series in pseud.series.all():
        series.creators.add(same)
    return same


def _settle(archived: ArchivedCreator, works: list[int], **fields) -> None:
    for name, value in fields.items():
        setattr(archived, name, value)
    archived.save(update_fields=list(fields))
    freshness.works_changed(works, text=False)


@transaction.atomic
def claim(archived: ArchivedCreator, user) -> list[int]:
    """Move the archived works into `user`'s account; returns their ids."""
    archived = ArchivedCreator.objects.select_for_update().select_related("pseud__user").get(pk=archived.pk)
    if archived.is_settled:
        raise ClaimError(_("These works have already been claimed or orphaned."))
    placeholder = archived.pseud.user
    if placeholder.pk == user.pk:
        raise ClaimError(_("These works are already yours."))
    works = list(works_of(archived).values_list("pk", flat=True))
    _move_pseud(archived.pseud, user)
    # Their comments, bookmarks and subscriptions follow (the interactions app moves them).
    events.account_claimed.send(sender=ArchivedCreator, old_user=placeholder, new_user=user)
    placeholder.is_active = False
    placeholder.save(update_fields=["is_active"])
    # Claimed works are the creator's own now: the byline drops "[archived by ...]".
    Work.objects.filter(pk__in=works).update(archived_by=None)
    _settle(archived, works, claimed_at=timezone.now(), claimed_by=user)
    return works


@transaction.atomic
def claim_into_new_account(archived: ArchivedCreator, username: str, password: str):
    """Make the placeholder account the creator's own: their chosen name and
    password, and the email address the invitation went to."""
    User = get_user_model()
    archived = ArchivedCreator.objects.select_for_update().select_related("pseud__user").get(pk=archived.pk)
    if archived.is_settled:
        raise ClaimError(_("These works have already been claimed or orphaned."))
    user = archived.pseud.user
    try:
        UnicodeUsernameValidator()(username)
    except ValidationError as error:
        raise ClaimError(" ".join(error.messages)) from error
    if User.objects.filter(username__iexact=username).exclude(pk=user.pk).exists():
        raise ClaimError(_("The name “%(name)s” is taken: choose another.") % {"name": username})
    user.username = username
    user.set_password(password)
    if archived.email and not User.objects.filter(email__iexact=archived.email).exclude(pk=user.pk).exists():
        user.email = archived.email
    user.save()
    works = list(works_of(archived).values_list("pk", flat=True))
    Work.objects.filter(pk__in=works).update(archived_by=None)
    _settle(archived, works, claimed_at=timezone.now(), claimed_by=user)
    return user


def orphan_account():
    User = get_user_model()
    user = User.objects.filter(username=ORPHAN_ACCOUNT).first()
    if user is None:
        # Active so its profile lists the orphaned works (bylines link there); the
        # unusable password and undeliverable address mean nobody can log in as it.
        user = User(username=ORPHAN_ACCOUNT, email=f"{ORPHAN_ACCOUNT}@placeholder.invalid")
        user.set_unusable_password()
        user.save()
    return user


@transaction.atomic
def orphan(archived: ArchivedCreator) -> list[int]:
    """Keep the works in the archive but tie them to no one: the pseud's name stays
    on them, the account becomes the shared orphan account, as AO3 does."""
    archived = ArchivedCreator.objects.select_for_update().select_related("pseud__user").get(pk=archived.pk)
    if archived.is_settled:
        raise ClaimError(_("These works have already been claimed or orphaned."))
    works = list(works_of(archived).values_list("pk", flat=True))
    placeholder = archived.pseud.user
    _move_pseud(archived.pseud, orphan_account())
    placeholder.is_active = False  # it has nothing left to claim
    placeholder.save(update_fields=["is_active"])
    _settle(archived, works, orphaned_at=timezone.now())
    return works
