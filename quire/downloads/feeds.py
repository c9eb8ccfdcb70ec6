"""Atom feeds a feed reader follows: a work's chapters, an author's works, a series.
Every work in them comes through `Work.objects.visible_to` for the person asking."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from quire.accounts.models import User
from quire.lib.urls import site_url
from quire.search.atom import ATOM_TYPE, link, render_feed, tag_id, work_entry
from quire.works.access import work_for_downloading
from quire.works.models import Chapter, Series, Work

from .auth import BadCredentials, challenge, viewer
from .formats import available_formats

CLIENT_PARAM = "client"  # views.CLIENT_PARAM: the download answers with the file or a plain retry


def acquisition_links(work: Work) -> list[dict]:
    """OPDS acquisition links: one per format this archive can serve, each marked so the
    download answers an app with the file or a plain retry, never a progress page."""
    links = []
    for fmt in available_formats():
        href = site_url(reverse("downloads:work", args=[work.pk, fmt.key])) + f"?{CLIENT_PARAM}=opds"
        title = _("Download %(format)s") % {"format": fmt.label}
        links.append(link("http://opds-spec.org/acquisition", href, fmt.mime.split(";")[0], title))
    return links


def _feed_or_401(view):
    def wrapped(request, *args, **kwargs):
        try:
            user = viewer(request)
        except BadCredentials:
            return challenge(_("That app password is not valid."))
        try:
            return view(request, user, *args, **kwargs)
        except PermissionDenied as refused:
            if user.is_authenticated:
                raise
            # Members only (a restricted work): a feed reader can't follow a log-in link, but it
            # can ask its user for credentials, so ask for an app password (401), not a 403 page.
            return challenge(_("%(refusal)s Feed readers sign in with a user name and an app password.") % {
                "refusal": refused})

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
        "title": _("%(title)s: chapters") % {"title": work.title},
        "author": ", ".join(str(p.name) for p in pseuds) if pseuds else _("Anonymous"),
        "updated": work.updated_at,
        "links": [
            link("self", site_url(request.path), ATOM_TYPE),
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
        "title": _("Works by %(username)s") % {"username": author.username},
        "author": author.username,
        "author_uri": site_url(author.get_absolute_url()),
        "links": [
            link("self", site_url(request.path), ATOM_TYPE),
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
        "title": _("%(title)s (series)") % {"title": series.title},
        "updated": series.updated_at,
        "links": [
            link("self", site_url(request.path), ATOM_TYPE),
            link("alternate", site_url(series.get_absolute_url()), "text/html"),
        ],
    }
    return render_feed(feed, [work_entry(w, user) for w in works])
