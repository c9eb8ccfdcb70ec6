import secrets

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models, transaction
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone

from . import names


class QuireUserManager(UserManager["User"]):
    def create_user(self, username, email=None, password=None, **extra_fields):
        # Every account starts with a default pseud named after it: works are
        # credited to pseuds, so a user without one could not post.
        with transaction.atomic():
            user = super().create_user(username, email, password, **extra_fields)
            Pseud.objects.create(user=user, name=username, is_default=True)
        return user

    def get_by_natural_key(self, username):
        # Log-in ignores case, as sign-up does when it checks a name is free.
        return self.get(username__iexact=username)

    def create_superuser(self, username, email=None, password=None, **extra_fields):
        with transaction.atomic():
            user = super().create_superuser(username, email, password, **extra_fields)
            Pseud.objects.create(user=user, name=username, is_default=True)
        return user


class User(AbstractUser):
    email = models.EmailField("email address", unique=True)
    bio = models.TextField(blank=True, max_length=5000)
    is_moderator = models.BooleanField(
        default=False, help_text="Moderators see works hidden by moderation and who wrote anonymous works."
    )
    is_wrangler = models.BooleanField(default=False)
    is_archivist = models.BooleanField(
        default=False,
        help_text="Archivists import works for people without accounts (an eFiction migration, Open Doors); "
        "those people are invited to claim them.",
    )
    # Reading preferences live on the user: they are read on every work page,
    # so a separate table would only add a join.
    show_adult = models.BooleanField("Show adult content without a warning", default=False)
    view_full_work = models.BooleanField("Show the entire work by default", default=False)
    hide_creator_style = models.BooleanField("Hide creators' styles", default=False)

    # Look-alike names share a skeleton (see accounts/names.py); kept here, indexed,
    # so sign-up checks a new name against every existing one in one query.
    username_skeleton = models.CharField(max_length=600, db_index=True, editable=False, default="")

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


# Suspensions, bans and the sign-up blocklist: their own module, registered here.
from .allowances import InvitationAllowance  # noqa: E402, F401, I001
from .sanctions import BlockedAddress, MemberWarning, Suspension  # noqa: E402, F401
