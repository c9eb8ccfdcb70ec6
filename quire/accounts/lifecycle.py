"""Changing a username and asking for an account to be deleted.

Carrying out a deletion touches works, so it lives in works (works/orphaning.py);
here is only the request, its grace period and cancelling it by logging in.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from . import names
from .models import AccountDeletion, User, UsernameChange


# --- Usernames -----------------------------------------------------------------
def name_unavailable(username: str, exclude_user: User | None = None) -> str:
    """Why `username` can't be taken (empty when it can): in use, too like a name in
    use, or an old name still reserved for the account that gave it up."""
    username = names.normalise(username)
    others = User.objects.exclude(pk=exclude_user.pk) if exclude_user else User.objects.all()
    if others.filter(username__iexact=username).exists():
        return _("That username is taken. Please choose another.")
    if others.filter(username_skeleton=names.skeleton(username)).exists():
        return _(
            "That username is too similar to an existing name: it could be mistaken for it. Please choose another."
        )
    reserved = UsernameChange.objects.filter(reserved_until__gt=timezone.now()).filter(
        Q(old_username__iexact=username) | Q(old_skeleton=names.skeleton(username))
    )
    if exclude_user is not None:
        reserved = reserved.exclude(user=exclude_user)  # taking your own old name back is fine
    if reserved.exists():
        return _(
            "That username belonged to someone until recently and is reserved for a while. Please choose another."
        )
    return ""


def next_username_change_at(user: User):
    """When `user` may change their name again (None: now)."""
    last = UsernameChange.objects.filter(user=user).first()
    if last is None:
        return None
    allowed = last.changed_at + timedelta(days=settings.USERNAME_CHANGE_DAYS)
    return allowed if allowed > timezone.now() else None


@transaction.atomic
def change_username(user: User, new_username: str) -> UsernameChange:
    """Rename the account (and its default pseud, when it carries the old name)."""
    new_username = names.normalise(new_username)
    problem = name_unavailable(new_username, exclude_user=user)
    if problem:
        raise ValidationError(problem)
    user = User.objects.select_for_update().get(pk=user.pk)
    old = user.username
    now = timezone.now()
    change = UsernameChange.objects.create(
        user=user,
        old_username=old,
        old_skeleton=names.skeleton(old),
        changed_at=now,
        reserved_until=now + timedelta(days=settings.USERNAME_RESERVE_DAYS),
    )
    user.username = new_username
    user.save(update_fields=["username"])
    default = user.pseuds.filter(is_default=True, name__iexact=old).first()
    if default is not None and not user.pseuds.filter(name__iexact=new_username).exclude(pk=default.pk).exists():
        default.name = new_username
        default.save(update_fields=["name"])
    _touch_works_naming(user)
    return change


def _touch_works_naming(user: User) -> None:
    """Works whose blurbs carry the username (pseud links, "[archived by …]") get a new
    version, so no cached blurb keeps the old name. Read by model name: works sits above
    accounts."""
    from django.apps import apps

    works = apps.get_model("works", "Work").objects
    works.filter(Q(creatorships__pseud__user=user) | Q(archived_by=user)).touch()


def renamed_user(old_username: str) -> User | None:
    """The account that most recently gave up `old_username`, for the redirect."""
    change = (
        UsernameChange.objects.filter(old_username__iexact=old_username, user__is_active=True)
        .select_related("user")
        .first()
    )
    return change.user if change else None


# --- Deleting an account ------------------------------------------------------------
def request_deletion(user: User, choices: dict[str, str]) -> AccountDeletion:
    """Schedule the account's deletion after the grace period, with what to do with each work."""
    due = timezone.now() + timedelta(days=settings.DELETION_GRACE_DAYS)
    deletion, _created = AccountDeletion.objects.update_or_create(
        user=user, defaults={"requested_at": timezone.now(), "due_at": due, "choices": choices}
    )
    return deletion


def cancel_deletion(user: User) -> bool:
    """Logging back in during the grace period keeps the account. True if one was pending."""
    deleted, _by_model = AccountDeletion.objects.filter(user=user).delete()
    return bool(deleted)
