from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy, pgettext_lazy


class Subscription(models.Model):
    """A user following a work, a user, one pseud, or a series."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="subscriptions")
    work = models.ForeignKey(
        "works.Work", null=True, blank=True, on_delete=models.CASCADE, related_name="subscriptions"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="subscribers"
    )
    pseud = models.ForeignKey(
        "accounts.Pseud", null=True, blank=True, on_delete=models.CASCADE, related_name="subscribers"
    )
    series = models.ForeignKey(
        "works.Series", null=True, blank=True, on_delete=models.CASCADE, related_name="subscriptions"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "work"], condition=Q(work__isnull=False), name="one_sub_per_work"),
            models.UniqueConstraint(
                fields=["user", "author"], condition=Q(author__isnull=False), name="one_sub_per_author"
            ),
            models.UniqueConstraint(
                fields=["user", "pseud"], condition=Q(pseud__isnull=False), name="one_sub_per_pseud"
            ),
            models.UniqueConstraint(
                fields=["user", "series"], condition=Q(series__isnull=False), name="one_sub_per_series"
            ),
        ]

    def __str__(self):
        return f"{self.user} follows {self.target}"

    @property
    def target(self):
        return self.work or self.author or self.pseud or self.series

    @property
    def kind_label(self) -> str:
        """What is followed, in words, for the subscriptions page."""
        return str(SUBSCRIPTION_KINDS[self.kind])

    @property
    def kind(self) -> str:
        if self.work_id:
            return "work"
        if self.series_id:
            return "series"
        return "pseud" if self.pseud_id else "user"


# A context: other apps' "Series" is a heading for several.
SUBSCRIPTION_KINDS = {
    "work": pgettext_lazy("followed", "Work"),
    "series": pgettext_lazy("followed", "Series"),
    "pseud": pgettext_lazy("followed", "Pseud"),
    "user": pgettext_lazy("followed", "Creator"),
}


class EmailFrequency(models.TextChoices):
    IMMEDIATELY = "immediately", gettext_lazy("As it happens")
    DAILY = "daily", gettext_lazy("In one daily digest")
    NEVER = "never", gettext_lazy("Never: only in my inbox")


class ReaderSettings(models.Model):
    """Per-user choices for notifications and reading history."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reader_settings")
    email_frequency = models.CharField(
        gettext_lazy("Email me about notifications"),
        max_length=12,
        choices=EmailFrequency.choices,
        default=EmailFrequency.IMMEDIATELY,
    )
    keep_history = models.BooleanField(gettext_lazy("Keep my reading history"), default=True)
    digest_due_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name_plural = gettext_lazy("reader settings")

    def __str__(self):
        return f"settings for {self.user}"

    @classmethod
    def for_user(cls, user) -> "ReaderSettings":
        found = cls.objects.filter(user=user).first()
        return found or cls(user=user)


class NotificationKind(models.TextChoices):
    COMMENT = "comment", gettext_lazy("Comment on your work")
    REPLY = "reply", gettext_lazy("Reply to your comment")
    PENDING = "pending", gettext_lazy("Comment awaiting your approval")
    CHAPTER = "chapter", gettext_lazy("New chapter")
    WORK = "work", gettext_lazy("New work")
    SERIES = "series", gettext_lazy("New work in a series")
    # About the person's own account (their data export is ready); `event_key` says which.
    ACCOUNT = "account", gettext_lazy("About your account")
    # Collections, gifts and related works (quire/collections): their own headline and link.
    COLLECTION = "collection", gettext_lazy("Collections, gifts and related works")
    KUDOS = "kudos", gettext_lazy("Kudos on your work")


class EmailState(models.TextChoices):
    PENDING = "pending", gettext_lazy("Waiting to be emailed")
    SENDING = "sending", gettext_lazy("Being emailed")
    SENT = "sent", gettext_lazy("Emailed")
    SKIPPED = "skipped", gettext_lazy("Not emailed")


class Notification(models.Model):
    """An inbox item. (user, event_key) is unique: whatever retries, restarts or
    duplicate tasks happen, one event makes at most one item, and the email state
    below is claimed with a conditional UPDATE, so at most one email."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=10, choices=NotificationKind.choices)
    event_key = models.CharField(max_length=100)
    work = models.ForeignKey("works.Work", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    chapter = models.ForeignKey("works.Chapter", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    series = models.ForeignKey("works.Series", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    comment = models.ForeignKey(
        "interactions.Comment", null=True, blank=True, on_delete=models.CASCADE, related_name="notifications"
    )
    subscription = models.ForeignKey(Subscription, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # For kinds described by the app that sent them (collections): what to say and where it leads.
    headline = models.CharField(max_length=300, blank=True)
    link = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    email_state = models.CharField(max_length=10, choices=EmailState.choices, default=EmailState.PENDING)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["user", "event_key"], name="one_notification_per_event")]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self):
        return f"{self.kind} for {self.user}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None
