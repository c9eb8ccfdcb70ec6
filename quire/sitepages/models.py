"""The archive's own pages (terms, privacy, content policy, FAQ, about), news posts
with comments, and the site banner.

Pages are versioned: an edit adds a PageVersion and never changes an old one, so a
member can be told which version of the terms they accepted (the accounts app reads
`SitePage.objects.current_version("terms")` through apps.get_model, not an import)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from quire.lib import text as textlib

# The pages every archive has; admins fill them in from /pages/manage/.
# The titles are the first text of a page: written in the language of the admin who
# first saves it, then theirs to change.
STANDARD_PAGES = [
    ("about", gettext_lazy("About")),
    ("terms", gettext_lazy("Terms of Service")),
    ("privacy", gettext_lazy("Privacy Policy")),
    ("content-policy", gettext_lazy("Content Policy")),
    ("faq", gettext_lazy("FAQ")),
]


def render_markdown(source: str) -> str:
    """Admins write Markdown; it goes through the same nh3 allow-list as works."""
    return textlib.render(source, textlib.MARKDOWN)


class SitePageQuerySet(models.QuerySet):
    def published(self) -> "SitePageQuerySet":
        return self.filter(versions__isnull=False).distinct()

    def current_version(self, slug: str) -> "PageVersion | None":
        return PageVersion.objects.filter(page__slug=slug).order_by("-number").first()


class SitePage(models.Model):
    slug = models.SlugField(max_length=50, unique=True)
    title = models.CharField(max_length=100)
    in_footer = models.BooleanField(default=True)
    position = models.PositiveSmallIntegerField(default=0)

    objects = SitePageQuerySet.as_manager()

    class Meta:
        ordering = ["position", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("sitepages:page", args=[self.slug])

    @property
    def current(self) -> "PageVersion | None":
        return self.versions.order_by("-number").first()


class PageVersion(models.Model):
    """One saved text of a page. Never edited: a change is a new version."""

    page = models.ForeignKey(SitePage, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    body = models.TextField(max_length=200_000, help_text="Markdown")
    body_html = models.TextField(editable=False)
    note = models.CharField(max_length=300, blank=True, help_text=gettext_lazy("What changed, for the version list"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["page", "number"], name="one_version_number_per_page")]

    def __str__(self):
        return f"{self.page} v{self.number}"


class NewsPost(models.Model):
    title = models.CharField(max_length=200)
    body = models.TextField(max_length=100_000, help_text="Markdown")
    body_html = models.TextField(editable=False)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    published_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    comments_open = models.BooleanField(default=True)

    class Meta:
        ordering = ["-published_at", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("sitepages:news_post", args=[self.pk])


class NewsComment(models.Model):
    """A member's comment on a news post. Kept apart from work comments: those carry
    chapters, threads, kudos counts and creator moderation that news has no use for."""

    post = models.ForeignKey(NewsPost, on_delete=models.CASCADE, related_name="comments")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(max_length=5000)
    text_html = models.TextField(editable=False)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    hidden_by_moderator = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"comment {self.pk} on {self.post}"


class BannerQuerySet(models.QuerySet):
    def showing(self, now=None) -> "BannerQuerySet":
        now = now or timezone.now()
        return self.filter(starts_at__lte=now).filter(models.Q(ends_at__isnull=True) | models.Q(ends_at__gt=now))


class SiteBanner(models.Model):
    """An announcement across the top of every page between two times (downtime, news)."""

    class Kind(models.TextChoices):
        NOTICE = "notice", gettext_lazy("Notice")
        ALERT = "alert", gettext_lazy("Alert")

    text = models.TextField(max_length=2000, help_text=gettext_lazy("Markdown; keep it to a sentence or two"))
    text_html = models.TextField(editable=False)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.NOTICE)
    starts_at = models.DateTimeField(default=timezone.now)
    ends_at = models.DateTimeField(null=True, blank=True, help_text=gettext_lazy("Empty: until removed"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    objects = BannerQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-pk"]

    def __str__(self):
        return self.text[:60]


class BannerDismissal(models.Model):
    """A member closed a banner: it stays closed on every device they log in on."""

    banner = models.ForeignKey(SiteBanner, on_delete=models.CASCADE, related_name="dismissals")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["banner", "user"], name="one_dismissal_per_user")]

    def __str__(self):
        return f"{self.user} closed banner {self.banner_id}"
