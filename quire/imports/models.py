"""A batch of story files someone imports at once, and each file's fate.

The files' bytes wait here until the background job has read them, so a request only
stores the upload and returns; a file whose work was imported before waits here too,
until its owner says whether to update that draft or make a second one."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ItemStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting")
    RUNNING = "running", pgettext_lazy("an import file", "Reading")
    DONE = "done", _("Draft ready")
    DUPLICATE = "duplicate", _("Imported before")
    FAILED = "failed", _("Not imported")
    SKIPPED = "skipped", _("Kept the existing draft")


class ImportBatch(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="import_batches")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"import {self.pk} by {self.user}"

    def get_absolute_url(self):
        return reverse("imports:batch", args=[self.pk])

    @property
    def is_running(self) -> bool:
        return self.items.filter(status__in=[ItemStatus.QUEUED, ItemStatus.RUNNING]).exists()


class ImportItem(models.Model):
    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField()
    filename = models.CharField(max_length=255)
    data = models.BinaryField(blank=True, editable=False)
    size = models.PositiveIntegerField(default=0)
    status = models.CharField(max_length=10, choices=ItemStatus.choices, default=ItemStatus.QUEUED)
    message = models.TextField(blank=True)
    work = models.ForeignKey("works.Work", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # A draft of the same source work found at import time; the owner decides what happens.
    existing = models.ForeignKey("works.Work", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # "", "update" (replace the existing draft) or "new" (import beside it).
    on_duplicate = models.CharField(max_length=6, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["batch", "position"]

    def __str__(self):
        return self.filename
