"""Saving pages, news and banners; every save renders the Markdown once."""

import ipaddress
import re

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify

from quire.moderation import services as moderation
from quire.moderation.models import Report, ReportReason

from .models import STANDARD_PAGES, NewsComment, NewsPost, PageVersion, SiteBanner, SitePage, render_markdown


def page_for_editing(slug: str) -> SitePage | None:
    """The page, created empty the first time a standard page is edited."""
    page = SitePage.objects.filter(slug=slug).first()
    if page is None:
        titles = dict(STANDARD_PAGES)
        if slug not in titles:
            return None
        page = SitePage(slug=slug, title=str(titles[slug]), position=[s for s, _ in STANDARD_PAGES].index(slug))
    return page


@transaction.atomic
def save_page(page: SitePage, *, title: str, body: str, note: str, by) -> PageVersion:
    """A new version; the old ones stay as they were."""
    page.title = title
    page.save()
    SitePage.objects.select_for_update().filter(pk=page.pk).first()  # number versions one at a time
    number = (page.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    return PageVersion.objects.create(
        page=page, number=number, body=body, body_html=render_markdown(body), note=note, created_by=by
    )


_H2 = re.compile(r"<h2>(.*?)</h2>", re.S)
_TAG = re.compile(r"<[^>]+>")


def with_sections(body_html: str) -> tuple[str, list[tuple[str, str]]]:
    """Give each h2 an id (made here from its text, after sanitising) and list them,
    so a long FAQ opens with links to its sections."""
    sections: list[tuple[str, str]] = []

    def anchor(match: re.Match) -> str:
        label = _TAG.sub("", match.group(1)).strip()
        slug = f"section-{slugify(label) or len(sections) + 1}"
        while slug in {s for s, _ in sections}:
            slug += "-2"
        sections.append((slug, label))
        return f'<h2 id="{slug}">{match.group(1)}</h2>'

    return _H2.sub(anchor, body_html), sections


def save_news(post: NewsPost, by) -> NewsPost:
    post.body_html = render_markdown(post.body)
    post.updated_at = timezone.now()
    if post.author_id is None:
        post.author = by
    post.save()
    return post


def add_news_comment(post: NewsPost, user, text: str, ip: str | None) -> NewsComment:
    try:
        address = str(ipaddress.ip_address(ip or ""))
    except ValueError:
        address = None
    return NewsComment.objects.create(
        post=post, user=user, text=text, text_html=render_markdown(text), ip_address=address
    )


def save_banner(banner: SiteBanner, by) -> SiteBanner:
    banner.text_html = render_markdown(banner.text)
    if banner.created_by_id is None:
        banner.created_by = by
    banner.save()
    return banner


def end_banner(banner: SiteBanner) -> None:
    SiteBanner.objects.filter(pk=banner.pk).update(ends_at=timezone.now())


def file_support_request(*, user, subject: str, message: str, email: str = "") -> Report:
    return moderation.file_report(
        reporter=user, reason=ReportReason.SUPPORT, details=f"{subject}\n\n{message}", email=email
    )
