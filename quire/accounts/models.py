import secrets

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models, transaction
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import names


class QuireUserManager(UserManager["User"]):
    def create_user(self, username, email=None, password=None, **extra_fields):
        # Every account starts with a default pseud named after it: works are
        # credited to pseuds, so a user without one could not post.
        # Accounts the archive makes itself (createsuperuser, the demo, imports) have
        # an address someone vouched for; sign-up passes None and asks the person.
        extra_fields.setdefault("email_confirmed_at", timezone.now())
        with transaction.atomic():
            user = super().create_user(username, email, password, **extra_fields)
            Pseud.objects.create(user=user, name=username, is_default=True)
        return user

    def get_by_natural_key(self, username):
        # Log-in ignores case, as sign-up does when it checks a name is free.
        return self.get(username__iexact=username)

    def create_superuser(self, username, email=None, password=None, **extra_fields):
        extra_fields.setdefault("email_confirmed_at", timezone.now())
        with transaction.atomic():
            user = super().create_superuser(username, email, password, **extra_fields)
            Pseud.objects.create(user=user, name=username, is_default=True)
        return user


class User(AbstractUser):
    email = models.EmailField(_("email address"), unique=True)
    bio = models.TextField(blank=True, max_length=5000)
    is_moderator = models.BooleanField(
        default=False, help_text=_("Moderators see works hidden by moderation and who wrote anonymous works.")
    )
    is_wrangler = models.BooleanField(default=False)
    is_archivist = models.BooleanField(
        default=False,
        help_text=_(
            "Archivists import works for people without accounts (an eFiction migration, Open Doors); "
            "those people are invited to claim them."
        ),
    )
    # Reading preferences live on the user: they are read on every work page,
    # so a separate table would only add a join.
    show_adult = models.BooleanField(_("Show adult content without a warning"), default=False)
    view_full_work = models.BooleanField(_("Show the entire work by default"), default=False)
    hide_creator_style = models.BooleanField(_("Hide creators' styles"), default=False)
    # How the site looks to this reader (guests keep the same choices in a cookie: see
    # accounts/appearance.py). "auto" follows the device's light or dark setting.
    skin = models.CharField(_("Skin"), max_length=10, default="auto", choices=[
        ("auto", _("Follow my device (light or dark)")), ("light", _("Light")), ("dark", _("Dark")),
        ("contrast", _("High contrast")),
    ])  # fmt: skip
    text_size = models.CharField(_("Text size"), max_length=10, default="medium", choices=[
        ("small", _("Small")), ("medium", _("Medium")), ("large", _("Large")), ("larger", _("Larger")),
    ])  # fmt: skip
    line_width = models.CharField(_("Line width"), max_length=10, default="medium", choices=[
        ("narrow", _("Narrow")), ("medium", _("Medium")), ("wide", _("Wide")),
    ])  # fmt: skip
    hide_spoilers = models.BooleanField(_("Hide warnings and additional tags"), default=False)
    # The interface language this person chose ("" = follow the browser). Pages use
    # it once they are signed in, and emails to them are written in it.
    language = models.CharField(max_length=10, blank=True, default="")

    # Look-alike names share a skeleton (see accounts/names.py); kept here, indexed,
    # so sign-up checks a new name against every existing one in one query.
    username_skeleton = models.CharField(max_length=600, db_index=True, editable=False, default="")
    # None until the person clicks the link sent at sign-up: until then they read
    # but can't post or comment (see accounts/confirmation.py).
    email_confirmed_at = models.DateTimeField(null=True, blank=True)

    objects = QuireUserManager()

    class Meta:
        constraints = [models.UniqueConstraint(Lower("username"), name="unique_username_ci")]

    def __str__(self):
        return self.username

    def save(self, *args, **kwargs):
        self.username_skeleton = names.skeleton(self.username)
        if kwargs.get("update_fields") is not None and "username" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "username_skeleton"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("accounts:profile", args=[self.username])

    @property
    def default_pseud(self) -> "Pseud":
        return self.pseuds.get(is_default=True)

    @property
    def can_moderate(self) -> bool:
        return self.is_moderator or self.is_superuser

    @property
    def email_confirmed(self) -> bool:
        return self.email_confirmed_at is not None


class Pseud(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="pseuds")
    name = models.CharField(max_length=40)
    description = models.TextField(blank=True, max_length=500)
    is_default = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-is_default", "name"]
        constraints = [
            models.UniqueConstraint("user", Lower("name"), name="unique_pseud_name_per_user"),
            models.UniqueConstraint(
                fields=["user"], condition=models.Q(is_default=True), name="one_default_pseud_per_user"
            ),
        ]

    def __str__(self):
        if self.name.lower() == self.user.username.lower():
            return self.name
        return f"{self.name} ({self.user.username})"

    def get_absolute_url(self):
        return reverse("accounts:pseud", args=[self.user.username, self.name])


class InviteRequest(models.Model):
    """A place in the invitation queue, for archives that sign up by invitation."""

    email = models.EmailField(unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    invited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return self.email


def _new_token() -> str:
    return secrets.token_urlsafe(24)


class Invitation(models.Model):
    email = models.EmailField(blank=True)
    token = models.CharField(max_length=64, unique=True, default=_new_token)
    created_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    used_at = models.DateTimeField(null=True, blank=True)
    used_by = models.OneToOneField(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="invitation"
    )

    def __str__(self):
        return f"Invitation {self.token[:6]}… for {self.email or 'anyone'}"

    @property
    def is_used(self) -> bool:
        return self.used_at is not None


class PolicyAcceptance(models.Model):
    """A person agreed to one version of a site document (terms, privacy). Kept, not
    overwritten, so the archive can show who agreed to what and when."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="policy_acceptances")
    document = models.CharField(max_length=20)
    version = models.CharField(max_length=40)
    accepted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "document", "version"], name="unique_policy_acceptance")
        ]

    def __str__(self):
        return f"{self.user} accepted {self.document} {self.version}"


class UsernameChange(models.Model):
    """An old username: its profile address redirects to the account's current one,
    and nobody else may take it until `reserved_until`."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="username_changes")
    old_username = models.CharField(max_length=150)
    old_skeleton = models.CharField(max_length=600, db_index=True, default="")
    changed_at = models.DateTimeField(default=timezone.now)
    reserved_until = models.DateTimeField()

    class Meta:
        ordering = ["-changed_at", "-pk"]
        indexes = [models.Index(Lower("old_username"), name="username_change_old_ci")]

    def __str__(self):
        return f"{self.old_username} → {self.user}"


class AccountDeletion(models.Model):
    """A request to delete an account, carried out when the grace period ends unless
    the person logs in again first. `choices` maps each work id (as a string) to
    "orphan" or "delete"; works not named are orphaned, the safer default."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="pending_deletion")
    requested_at = models.DateTimeField(default=timezone.now)
    due_at = models.DateTimeField(db_index=True)
    choices = models.JSONField(default=dict)

    def __str__(self):
        return f"Deletion of {self.user} due {self.due_at:%Y-%m-%d}"


# Suspensions, bans and the sign-up blocklist: their own module, registered here.
from .allowances import InvitationAllowance  # noqa: E402, F401, I001
from .sanctions import BlockedAddress, MemberWarning, Suspension  # noqa: E402, F401
from .safety import Block, Mute  # noqa: E402, F401
