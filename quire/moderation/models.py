from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy


class ReportStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("report", "Open")
    RESOLVED = "resolved", pgettext_lazy("report", "Resolved")
    DISMISSED = "dismissed", pgettext_lazy("report", "Dismissed")


class ReportReason(models.TextChoices):
    HARASSMENT = "harassment", gettext_lazy("Harassment or abuse")
    SPAM = "spam", gettext_lazy("Spam or commercial content")
    ILLEGAL = "illegal", gettext_lazy("Illegal content")
    MISTAGGED = "mistagged", gettext_lazy("Missing or wrong warnings or rating")
    PLAGIARISM = "plagiarism", gettext_lazy("Plagiarism")
    OTHER = "other", gettext_lazy("Something else")
    SUPPORT = "support", gettext_lazy("Support request (contact form)")


class Report(models.Model):
    """An abuse report about a work, a comment or a user, waiting in the moderator queue."""

    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="reports_filed"
    )
    reporter_email = models.EmailField(blank=True, help_text=gettext_lazy("For guests, so a moderator can answer"))
    work = models.ForeignKey("works.Work", null=True, blank=True, on_delete=models.SET_NULL, related_name="reports")
    comment = models.ForeignKey(
        "interactions.Comment", null=True, blank=True, on_delete=models.SET_NULL, related_name="reports"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="reports_about"
    )
    reason = models.CharField(max_length=20, choices=ReportReason.choices)
    details = models.TextField(max_length=5000)
    status = models.CharField(max_length=10, choices=ReportStatus.choices, default=ReportStatus.OPEN)
    created_at = models.DateTimeField(default=timezone.now)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="reports_handled"
    )
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["status", "created_at"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return f"Report #{self.pk} about {self.subject_label}"

    @property
    def subject_label(self) -> str:
        if self.work_id:
            return _("work “%(title)s”") % {"title": self.work}
        if self.comment_id:
            return _("comment #%(number)s") % {"number": self.comment_id}
        if self.user_id:
            return _("user %(name)s") % {"name": self.user}
        return _("something since deleted")


class LogAction(models.TextChoices):
    HIDE_WORK = "hide_work", gettext_lazy("Hid a work")
    UNHIDE_WORK = "unhide_work", gettext_lazy("Unhid a work")
    HIDE_COMMENT = "hide_comment", gettext_lazy("Hid a comment")
    UNHIDE_COMMENT = "unhide_comment", gettext_lazy("Unhid a comment")
    RESOLVE = "resolve", gettext_lazy("Resolved a report")
    DISMISS = "dismiss", gettext_lazy("Dismissed a report")
    WARN = "warn", gettext_lazy("Warned a user")
    SUSPEND = "suspend", gettext_lazy("Suspended a user")
    BAN = "ban", gettext_lazy("Banned a user")
    LIFT = "lift", gettext_lazy("Lifted a suspension or ban")
    DELETE_SPAM = "delete_spam", gettext_lazy("Deleted spam")
    BLOCK_ADDRESS = "block_address", gettext_lazy("Blocked an email address or domain")
    UNBLOCK_ADDRESS = "unblock_address", gettext_lazy("Unblocked an email address or domain")
    POLICY = "policy", gettext_lazy("Changed the archive policy")
    GRANT_INVITES = "grant_invites", gettext_lazy("Granted invitations")
    APPROVE = "approve", gettext_lazy("Approved held content")
    REJECT = "reject", gettext_lazy("Rejected held content")


class ModerationLogEntry(models.Model):
    """The audit log: who did what to which content, and why. Never edited."""

    moderator = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField(max_length=20, choices=LogAction.choices)
    work = models.ForeignKey("works.Work", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    comment = models.ForeignKey(
        "interactions.Comment", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    report = models.ForeignKey(Report, null=True, blank=True, on_delete=models.SET_NULL, related_name="log_entries")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # What the action was about, in words, so the entry still reads after the thing is deleted.
    subject = models.CharField(max_length=300, blank=True)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name_plural = gettext_lazy("moderation log entries")

    def __str__(self):
        return f"{self.moderator} {self.get_action_display().lower()} ({self.created_at:%Y-%m-%d %H:%M})"


class ReviewReason(models.TextChoices):
    SPAM = "spam", gettext_lazy("Scored as likely spam")
    APPROVAL = "approval", gettext_lazy("The archive approves new works")


class ReviewStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("review item", "Waiting")
    APPROVED = "approved", pgettext_lazy("review item", "Approved")
    REJECTED = "rejected", pgettext_lazy("review item", "Rejected")


class ReviewItem(models.Model):
    """A work or comment held back from the public until a moderator looks at it."""

    work = models.ForeignKey("works.Work", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    comment = models.ForeignKey(
        "interactions.Comment", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(max_length=10, choices=ReviewReason.choices)
    score = models.PositiveIntegerField(default=0)
    signals = models.TextField(blank=True, help_text=gettext_lazy("What the spam score was made of"))
    status = models.CharField(max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return f"Review of {'work ' + str(self.work_id) if self.work_id else 'comment ' + str(self.comment_id)}"
