import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy


class SearchDocument(models.Model):
    """The searchable text of one work, as plain text, rebuilt by
    `quire.search.indexing` whenever the work, its chapters, tags or creators change.

    The full-text index over it is database specific and made by migration 0002:
    an FTS5 table kept in step by triggers on SQLite, a generated tsvector
    column with a GIN index on PostgreSQL."""

    # The model by keyword: the translation scanner reads a field's first argument as its label.
    work = models.OneToOneField(
        to="works.Work", on_delete=models.CASCADE, primary_key=True, related_name="search_document"
    )
    title = models.TextField(blank=True)
    summary = models.TextField(blank=True)
    notes = models.TextField(blank=True)
    tags = models.TextField(blank=True)
    creators = models.TextField(blank=True, help_text=gettext_lazy("Empty for anonymous works"))
    body = models.TextField(blank=True, help_text=gettext_lazy("Published chapters only"))

    def __str__(self):
        return f"search text of work {self.work_id}"


class SavedExclusion(models.Model):
    """ "Never show me works tagged X": applied to every list, search and feed the reader sees."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_exclusions")
    tag = models.ForeignKey("tags.Tag", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["tag__name"]
        constraints = [models.UniqueConstraint(fields=["user", "tag"], name="unique_saved_exclusion")]

    def __str__(self):
        return f"{self.user} excludes {self.tag}"


def _feed_token() -> str:
    return secrets.token_urlsafe(18)


class SavedSearch(models.Model):
    """A reader's named search: the listing's query string, re-run on demand and as a feed."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches")
    name = models.CharField(max_length=100)
    query_string = models.TextField(blank=True)
    # Feed readers carry no session: the feed's address is its own secret.
    feed_token = models.CharField(max_length=40, unique=True, default=_feed_token)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('search:works')}?{self.query_string}"

    def get_feed_url(self):
        return reverse("search:saved_search_feed", args=[self.feed_token])

