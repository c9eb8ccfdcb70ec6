"""The one Atom writer every feed uses: the tag and saved-search feeds here, and the
chapter, author and series feeds and the OPDS catalog in the downloads app (which
adds its acquisition links). A work is written the same way in all of them: its
creators as the asker may see them, its summary as plain text and as sanitised HTML,
and its tags as categories whose scheme says which kind of tag each one is, so an
e-reader can tell an Explicit work from any other."""

import uuid
from collections.abc import Sequence

from django.conf import settings
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _

from quire.lib import text as textlib
from quire.lib.urls import site_url
from quire.tags.models import TagType
from quire.works.models import Work

ATOM = "application/atom+xml; charset=utf-8"
ATOM_TYPE = "application/atom+xml"
# Tag types written as categories, in the order a reader weighs them.
CATEGORY_TYPES = (
    TagType.RATING, TagType.WARNING, TagType.CATEGORY, TagType.FANDOM,
    TagType.RELATIONSHIP, TagType.CHARACTER, TagType.FREEFORM,
)  # fmt: skip


def tag_id(path: str) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, site_url(path))}"


def category_scheme(tag_type: str) -> str:
    """The IRI naming a kind of tag (rating, warning...): the same on every feed of this archive."""
    return site_url(f"/tags/#{tag_type}")


def link(rel: str, href: str, type_: str, title: str = "") -> dict:
    return {"rel": rel, "href": href, "type": type_, "title": title}


def paginate(queryset, request, per_page: int):
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def render_feed(feed: dict, entries: list[dict], content_type: str = ATOM) -> HttpResponse:
    feed.setdefault("total", None)
    if not feed.get("updated"):
        dates = [e["updated"] for e in entries if e.get("updated")]
        feed["updated"] = max(dates) if dates else timezone.now()
    for entry in entries:
        entry["updated"] = entry.get("updated") or feed["updated"]
    body = render_to_string("search/atom.xml", {"feed": feed, "entries": entries, "site_name": settings.SITE_NAME})
    return HttpResponse(body, content_type=content_type)


def _categories(work: Work) -> list[dict]:
    by_type: dict[str, list] = {str(t): [] for t in CATEGORY_TYPES}
    for tag in work.tags.all():
        if tag.type in by_type:
            by_type[tag.type].append(tag)
    return [
        {"term": tag.name, "label": f"{tag.get_type_display()}: {tag.name}", "scheme": category_scheme(tag_type)}
        for tag_type, tags in by_type.items()
        for tag in tags
    ]


def work_entry(work: Work, user, *, links: Sequence[dict] = (), with_content: bool = True) -> dict:
    """A work as a feed entry. `links` are added after the link to read it online."""
    pseuds = work.creators_visible_to(user)
    authors = [(str(p.name), site_url(p.get_absolute_url())) for p in pseuds] if pseuds is not None else []
    # Plain text from the sanitised HTML, never the author's source: that may be
    # HTML the sanitiser would have removed (scripts, handlers), shown here as text.
    summary = " ".join(textlib.html_to_text(work.summary_html or "").split())
    stats = _("Words: %(words)s · Chapters: %(chapters)s · Language: %(language)s") % {
        "words": intcomma(work.word_count),
        "chapters": work.chapters_display,
        "language": work.language_name,
    }
    content = f"{work.summary_html or ''}<p>{escape(stats)}</p>" if with_content else ""
    return {
        "id": tag_id(work.get_absolute_url()),
        "title": work.title,
        "updated": work.updated_at or work.published_at or work.created_at,
        "published": work.published_at,
        "authors": authors if pseuds is not None else [(_("Anonymous"), "")],
        "language": work.language,
        "categories": _categories(work),
        "summary": summary,
        "content": content,
        "links": [link("alternate", site_url(work.get_absolute_url()), "text/html", _("Read online")), *links],
    }
