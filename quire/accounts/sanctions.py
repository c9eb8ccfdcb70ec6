"""Suspensions, bans and the sign-up blocklist.

They live in accounts, the lowest app that knows users, so works and interactions
(below moderation) can refuse a suspended user without importing upward. The
moderators' console (quire/moderation) is the only place that creates them, each
through a workflow that writes the audit log."""

from django.conf import settings
from django.db import models
from django.utils import dateformat, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class SuspensionQuerySet(models.QuerySet):
    def in_force(self, now=None) -> "SuspensionQuerySet":
        now = now or timezone.now()
        return self.filter(lifted_at__isnull=True, starts_at__lte=now).filter(
            models.Q(ends_at__isnull=True) | models.Q(ends_at__gt=now)
        )


class Suspension(models.Model):
    """A user may not post, edit or comment until `ends_at`; no end date is a ban,
    which also refuses log-in. The reason is shown to the user."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="suspensions")
    reason = models.TextField(max_length=2000)
    starts_at = models.DateTimeField(default=timezone.now)
    ends_at = models.DateTimeField(null=True, blank=True, help_text=_("Empty: a ban, until lifted"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    lifted_at = models.DateTimeField(null=True, blank=True)

    objects = SuspensionQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-pk"]

    def __str__(self):
        return f"{'Ban' if self.is_ban else 'Suspension'} of {self.user}"

    @property
    def is_ban(self) -> bool:
        return self.ends_at is None

    def explanation(self) -> str:
        """What the user reads: why, and until when."""
        if self.is_ban:
            return gettext("Your account is banned from %(site)s. Reason: %(reason)s") % {
                "site": settings.SITE_NAME, "reason": self.reason,
            }  # fmt: skip
        # Django's date format, so the month is named in the reader's language.
        until = dateformat.format(timezone.localtime(self.ends_at), "d M Y, H:i T")
        return gettext(
            "Your account is suspended until %(until)s: you can read, but not post, edit or comment. "
            "Reason: %(reason)s"
        ) % {"until": until, "reason": self.reason}


def restriction_for(user, now=None) -> Suspension | None:
    """The suspension or ban in force for this user, the ban first; None for most people."""
    if user is None or not user.is_authenticated:
        return None
    found = list(Suspension.objects.in_force(now).filter(user=user))
    found.sort(key=lambda s: (not s.is_ban, -(s.ends_at.timestamp() if s.ends_at else 0)))
    return found[0] if found else None


class MemberWarning(models.Model):
    """A moderator's formal warning: shown to the member at their next page view once
    logged in, and kept as a record for the next moderator."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="warnings_received")
    reason = models.TextField(max_length=2000)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    seen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"Warning to {self.user}"


class BlockedAddress(models.Model):
    """An email address or a whole domain refused at sign-up (and at email change)."""

    pattern = models.CharField(
        max_length=254, unique=True,
        help_text=_("A full address (spam@example.com) or a domain (example.com) to block every address at it"),
    )  # fmt: skip
    note = models.CharField(max_length=500, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pattern"]
        verbose_name_plural = _("blocked addresses")

    def __str__(self):
        return self.pattern

    def save(self, *args, **kwargs):
        self.pattern = self.pattern.strip().lower().lstrip("@")
        super().save(*args, **kwargs)


def email_blocked(email: str) -> bool:
    """True when the address or its domain (or a parent domain) is on the blocklist."""
    email = (email or "").strip().lower()
    if "@" not in email:
        return False
    domain = email.rsplit("@", 1)[1]
    parts = domain.split(".")
    candidates = {email} | {".".join(parts[i:]) for i in range(len(parts) - 1)}
    return BlockedAddress.objects.filter(pattern__in=candidates).exists()


BLOCKED_MESSAGE = _(
    "Sign-ups from this email address are not accepted here. "
    "If you think this is a mistake, use the contact page."
)
