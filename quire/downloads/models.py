"""What the downloads app stores: generated files, download counts, app passwords.

Generated files live in the database rather than on disk so the web process and
the background worker share them on any install (one SQLite file, or PostgreSQL
with the worker on another machine) and a file is committed with its status.
"""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy


class FileStatus(models.TextChoices):
    PENDING = "pending", gettext_lazy("Being generated")
    READY = "ready", gettext_lazy("Ready")
    FAILED = "failed", gettext_lazy("Failed")


class DownloadFile(models.Model):
    """One generated file: a work or a series in one format, at one content version.

    The version is a digest of everything the file shows, so an edit anywhere
    (a chapter, a tag, the series order) makes a new version and the old file is
    simply never asked for again; `services.store` deletes it once the new one is ready.
    """

    WORK, SERIES, LATER = "work", "series", "later"
    KIND_CHOICES = [(WORK, gettext_lazy("Work")), (SERIES, gettext_lazy("Series")),
                    (LATER, gettext_lazy("Marked for later (object_id is the user)"))]

    kind = models.CharField(max_length=10, choices=KIND_CHOICES)
    object_id = models.PositiveBigIntegerField()
    fmt = models.CharField(gettext_lazy("format"), max_length=10)
    version = models.CharField(max_length=64)
    status = models.CharField(max_length=10, choices=FileStatus.choices, default=FileStatus.PENDING)
    filename = models.CharField(max_length=255, blank=True)
    content = models.BinaryField(blank=True, default=b"")
    size = models.PositiveBigIntegerField(default=0)
    work_ids = models.JSONField(default=list, help_text=gettext_lazy("The works in the file, for the download counts"))
    error = models.TextField(blank=True)
    seconds = models.FloatField(default=0, help_text=gettext_lazy("How long generation took"))
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id", "fmt", "version"], name="unique_download_version")
        ]
        indexes = [models.Index(fields=["kind", "object_id", "fmt"])]

    def __str__(self):
        return f"{self.kind} {self.object_id} {self.fmt} ({self.status})"

    @property
    def is_ready(self) -> bool:
        return self.status == FileStatus.READY


class DownloadCount(models.Model):
    """How many times a work was downloaded (in any format, alone or in a series).
    A row per work, bumped atomically; only the work's creators see it."""

    work = models.OneToOneField(to="works.Work", on_delete=models.CASCADE, related_name="download_count")
    count = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return f"{self.work_id}: {self.count}"

    @classmethod
    def bump(cls, work_ids) -> None:
        for work_id in set(work_ids):
            updated = cls.objects.filter(work_id=work_id).update(count=F("count") + 1)
            if not updated:
                row, created = cls.objects.get_or_create(work_id=work_id, defaults={"count": 1})
                if not created:
                    cls.objects.filter(pk=row.pk).update(count=F("count") + 1)

    @classmethod
    def for_work(cls, work) -> int:
        row = cls.objects.filter(work=work).first()
        return row.count if row else 0


def _digest(token: str) -> str:
    # App passwords are long random tokens, so a plain SHA-256 is enough: there is
    # nothing to brute-force that a slow hash would protect.
    return hashlib.sha256(token.encode()).hexdigest()


class AppPasswordQuerySet(models.QuerySet):
    def authenticate(self, username: str, token: str):
        """The user for an HTTP Basic pair of username and app password, or None."""
        if not username or not token:
            return None
        match = (
            self.filter(user__username__iexact=username, digest=_digest(token.strip()), user__is_active=True)
            .select_related("user")
            .first()
        )
        if match is None:
            return None
        self.model.objects.filter(pk=match.pk).update(last_used_at=timezone.now())
        return match.user


class AppPassword(models.Model):
    """A password for one e-reader app (OPDS clients send it with HTTP Basic), so
    the account password never sits in a reading app. Only a digest is stored."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="app_passwords")
    name = models.CharField(
        max_length=60, help_text=gettext_lazy("Which app or device uses it, e.g. “KOReader on my Kobo”")
    )
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)

    objects = AppPasswordQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} ({self.user})"

    @classmethod
    def create_for(cls, user, name: str) -> tuple["AppPassword", str]:
        """A new app password; the token is returned once and never stored."""
        token = "-".join(secrets.token_hex(2) + secrets.token_hex(2) for _ in range(4))
        return cls.objects.create(user=user, name=name, digest=_digest(token)), token


class DataExport(models.Model):
    """A person's "download my data" zip, built by the worker. Only its owner may
    fetch it, and it is deleted once `expires_at` passes."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_exports")
    status = models.CharField(max_length=10, choices=FileStatus.choices, default=FileStatus.PENDING)
    content = models.BinaryField(blank=True, default=b"")
    size = models.PositiveBigIntegerField(default=0)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"Data export for {self.user_id} ({self.status})"

    @property
    def is_ready(self) -> bool:
        return self.status == FileStatus.READY

    @property
    def filename(self) -> str:
        return f"quire-data-{self.created_at:%Y-%m-%d}-{self.pk}.zip"
