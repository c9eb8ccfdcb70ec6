"""Atom feeds a feed reader follows: a work's chapters, an author's works, a series.
Every work in them comes through `Work.objects.visible_to` for the person asking."""

import uuid

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from quire.accounts.models import User
from quire.lib import text as textlib
from quire.works.access import work_for_downloading
from quire.works.models import Chapter, Series, Work

from .auth import BadCredentials, challenge, viewer
from .book import site_url
from .formats import FORMATS

ATOM = "application/atom+xml; charset=utf-8"
ACQUISITION_FORMATS = ("epub", "pdf")


def tag_id(path: str) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, site_url(path))}"


def render_feed(feed: dict, entries: list[dict], content_type: str = ATOM) -> HttpResponse:
    feed.setdefault("total", None)
    if not feed.get("updated"):
        dates = [e["updated"] for e in entries if e.get("updated")]
        feed["updated"] = max(dates) if dates else timezone.now()
    for entry in entries:
        entry["updated"] = entry.get("updated") or feed["updated"]
    body = render_to_string("downloads/atom.xml", {"feed": feed, "entries": entries, "site_name": settings.SITE_NAME})
    return HttpResponse(body, content_type=content_type)


def link(rel: str, href: str, type_: str, title: str = "") -> dict:
    return {"rel": rel, "href": href, "type": type_, "title": title}


def work_entry(work: Work, user, *, acquisition: bool = False) -> dict:
    """A work as a feed entry; in OPDS feeds, with acquisition links for its files."""
    pseuds = work.creators_visible_to(user)
    authors = [(str(p.name), site_url(p.get_absolute_url())) for p in pseuds] if pseuds is not None else []
    links = [link("alternate", site_url(work.get_absolute_url()), "text/html", "Read online")]
    if acquisition:
        for key in ACQUISITION_FORMATS:
            fmt = FORMATS[key]
            if fmt.available:
                href = site_url(reverse("downloads:work", args=[work.pk, key]))
                links.append(link("http://opds-spec.org/acquisition", href, fmt.mime, f"Download {fmt.label}"))
    tags = [t for t in work.tags.all() if t.type in ("fandom", "freeform", "relationship", "character")]
    # Plain text from the sanitised HTML, never the author's source: that may be
    # HTML the sanitiser would have removed (scripts, handlers), shown here as text.
    summary = " ".join(textlib.html_to_text(work.summary_html or "").split())
    return {
        "id": tag_id(work.get_absolute_url()),
        "title": work.title,
        "updated": work.updated_at or work.published_at or work.created_at,
        "published": work.published_at,
        "authors": authors,
        "language": work.language,
        "categories": [(t.name, t.type) for t in tags],
        "summary": summary if acquisition else "",
        "content": (work.summary_html or "") if not acquisition else "",
        "links": links,
    }


def _feed_or_401(view):
    def wrapped(request, *args, **kwargs):
        try:
            user = viewer(request)
        except BadCredentials:
            return challenge("That app password is not valid.")
        return view(request, user, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


@_feed_or_401
def work_chapters(request, user, pk):
    """A work's published chapters, newest first."""
    work = work_for_downloading(user, pk)
    chapters = Chapter.objects.filter(work=work).published().order_by("-position")[:50]
    entries = []
    for chapter in chapters:
        url = site_url(chapter.get_absolute_url())
        entries.append(
            {
                "id": tag_id(chapter.get_absolute_url()),
                "title": f"{work.title}: {chapter.display_title}",
                "updated": chapter.published_at or work.updated_at,
                "published": chapter.published_at,
                "authors": [],
                "categories": [],
                "content": chapter.text_html[:2000] + ("…" if len(chapter.text_html) > 2000 else ""),
                "links": [link("alternate", url, "text/html")],
            }
        )
    pseuds = work.creators_visible_to(user)
    feed = {
        "id": tag_id(reverse("downloads:work_feed", args=[work.pk])),
        "title": f"{work.title}: chapters",
        "author": ", ".join(str(p.name) for p in pseuds) if pseuds else "Anonymous",
        "updated": work.updated_at,
        "links": [
            link("self", site_url(request.path), "application/atom+xml"),
            link("alternate", site_url(work.get_absolute_url()), "text/html"),
        ],
    }
    return render_feed(feed, entries)


@_feed_or_401
def author_works(request, user, username):
    """Works credited to a user, as the asker may see them listed (anonymous works
    never appear under their creator)."""
    author = User.objects.filter(username__iexact=username, is_active=True).first()
    if author is None:
        raise Http404("No such user.")
    works = Work.objects.by_user(author, user).downloadable()
    works = works.for_listing().order_by("-updated_at", "-pk")[:50]
    feed = {
        "id": tag_id(reverse("downloads:author_feed", args=[author.username])),
        "title": f"Works by {author.username}",
        "author": author.username,
        "author_uri": site_url(author.get_absolute_url()),
        "links": [
            link("self", site_url(request.path), "application/atom+xml"),
            link("alternate", site_url(author.get_absolute_url()), "text/html"),
        ],
    }
    return render_feed(feed, [work_entry(w, user) for w in works])


@_feed_or_401
def series_works(request, user, pk):
    """The works of a series, in series order."""
    series = get_object_or_404(Series, pk=pk)
    works = list(series.works_visible_to(user).downloadable().for_listing()[:200])
    if not works:
        raise Http404("This series has no works you can see.")
    feed = {
        "id": tag_id(reverse("downloads:series_feed", args=[series.pk])),
        "title": f"{series.title} (series)",
        "updated": series.updated_at,
        "links": [
            link("self", site_url(request.path), "application/atom+xml"),
            link("alternate", site_url(series.get_absolute_url()), "text/html"),
        ],
    }
    return render_feed(feed, [work_entry(w, user) for w in works])


def paginate(queryset, request, per_page: int):
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))
