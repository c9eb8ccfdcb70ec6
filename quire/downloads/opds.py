"""An OPDS 1.2 catalog at /opds/ for e-reader apps (KOReader, Moon+ Reader,
Thorium...): navigation by newest and by fandom, search through an OpenSearch description
(the site search's own interface, so the same words find the same works), and,
for readers who sign in with HTTP Basic and an app password, their subscriptions
and marked-for-later list. Every work comes through `Work.objects.visible_to` for
whoever is asking."""

from django.conf import settings
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext, ngettext

from quire.interactions.models import Reading, Subscription
from quire.lib.urls import site_url
from quire.search.atom import link, paginate, render_feed, tag_id, work_entry
from quire.search.backends import search as site_search
from quire.search.listing import works_in_order
from quire.search.query import Query, query_from_params
from quire.tags.models import Tag, TagType
from quire.works.models import Work

from .auth import BadCredentials, challenge, viewer
from .feeds import acquisition_links

NAVIGATION = "application/atom+xml;profile=opds-catalog;kind=navigation"
ACQUISITION = "application/atom+xml;profile=opds-catalog;kind=acquisition"
OPENSEARCH = "application/opensearchdescription+xml"
PER_PAGE = 25


def _opds(view):
    def wrapped(request, *args, **kwargs):
        try:
            user = viewer(request)
        except BadCredentials:
            return challenge(gettext(
                "That user name and app password don't match. "
                "Create an app password on the archive's App passwords page."
            ))
        return view(request, user, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _common_links(request, kind: str) -> list[dict]:
    return [
        link("self", site_url(request.get_full_path()), kind),
        link("start", site_url(reverse("downloads:opds_root")), NAVIGATION, settings.SITE_NAME),
        link("search", site_url(reverse("downloads:opds_opensearch")), OPENSEARCH, gettext("Search")),
    ]


def _nav_entry(path: str, title: str, content: str, kind: str = ACQUISITION, rel: str = "subsection") -> dict:
    return {
        "id": tag_id(path),
        "title": title,
        "updated": None,
        "authors": [],
        "categories": [],
        "content": content,
        "links": [link(rel, site_url(path), kind)],
    }


def _signed_in_features():
    """Subscriptions and marked for later come from the interactions app."""
    return Reading, Subscription


@_opds
def root(request, user):
    entries = [
        _nav_entry(reverse("downloads:opds_new"), gettext("Newest works"),
                   gettext("Recently updated works, newest first.")),
        _nav_entry(reverse("downloads:opds_fandoms"), gettext("By fandom"), gettext("Works filed under each fandom."),
                   NAVIGATION),
    ]
    if user.is_authenticated and _signed_in_features():
        entries.append(
            _nav_entry(
                reverse("downloads:opds_subscriptions"),
                gettext("Your subscriptions"),
                gettext("Works you and the authors and series you follow."),
            )
        )
        entries.append(
            _nav_entry(reverse("downloads:opds_later"), gettext("Marked for later"),
                       gettext("Works you marked to read later."))
        )
    elif not user.is_authenticated:
        entries.append(
            _nav_entry(
                reverse("downloads:opds_signin"),
                gettext("Sign in"),
                gettext("Sign in with your user name and an app password to see restricted works, "
                        "your subscriptions and your marked-for-later list."),
                NAVIGATION,
            )
        )
    feed = {
        "id": tag_id(reverse("downloads:opds_root")),
        "title": gettext("%(site)s catalog") % {"site": settings.SITE_NAME},
        "links": _common_links(request, NAVIGATION),
    }
    return render_feed(feed, entries, NAVIGATION)


def signin(request):
    """Where a catalog app is asked for credentials: 401 until it sends valid ones."""
    try:
        user = viewer(request)
    except BadCredentials:
        return challenge(gettext("That user name and app password don't match."))
    if not user.is_authenticated:
        return challenge()
    return root(request)


def _acquisition(request, user, works, title: str, path: str) -> HttpResponse:
    page = paginate(works.for_listing(), request, PER_PAGE)
    works_here, total = list(page.object_list), page.paginator.count
    return _acquisition_page(request, user, works_here, title, path, total, page.number, page.has_next())


def _acquisition_page(request, user, works, title, path, total, number: int, has_next: bool) -> HttpResponse:
    links = _common_links(request, ACQUISITION)
    base = site_url(request.path)
    query = request.GET.copy()
    has_previous = number > 1
    if has_next:
        query["page"] = number + 1
        links.append(link("next", f"{base}?{query.urlencode()}", ACQUISITION))
    if has_previous:
        query["page"] = number - 1
        links.append(link("previous", f"{base}?{query.urlencode()}", ACQUISITION))
    feed = {"id": tag_id(path), "title": title, "links": links, "total": total, "per_page": PER_PAGE}
    entries = [work_entry(w, user, links=acquisition_links(w)) for w in works]
    return render_feed(feed, entries, ACQUISITION)


def _page_number(request) -> int:
    raw = request.GET.get("page", "")
    return int(raw) if raw.isascii() and raw.isdigit() and 0 < len(raw) < 7 and int(raw) > 0 else 1


@_opds
def newest(request, user):
    works = Work.objects.downloadable_by(user).order_by("-updated_at", "-pk")
    return _acquisition(request, user, works, gettext("Newest works"), reverse("downloads:opds_new"))


@_opds
def fandoms(request, user):
    """Fandoms with works the asker can see, most works first."""
    visible = Work.objects.downloadable_by(user).values("pk")
    tags = (
        Tag.objects.filter(type=TagType.FANDOM, filter_taggings__work__in=visible)
        .annotate(work_total=Count("filter_taggings__work", distinct=True))
        .order_by("-work_total", "name")
    )
    page = paginate(tags, request, 100)
    entries = [
        _nav_entry(
            reverse("downloads:opds_fandom", args=[t.pk]),
            t.name,
            ngettext("%(count)s work", "%(count)s works", t.work_total) % {"count": t.work_total},
        )
        for t in page.object_list
    ]
    links = _common_links(request, NAVIGATION)
    if page.has_next():
        links.append(link("next", f"{site_url(request.path)}?page={page.next_page_number()}", NAVIGATION))
    feed = {"id": tag_id(reverse("downloads:opds_fandoms")), "title": gettext("Fandoms"), "links": links}
    return render_feed(feed, entries, NAVIGATION)


@_opds
def fandom(request, user, pk):
    tag = get_object_or_404(Tag, pk=pk, type=TagType.FANDOM)
    works = Work.objects.downloadable_by(user).filter(filter_taggings__tag=tag).order_by("-updated_at", "-pk")
    return _acquisition(request, user, works, tag.name, reverse("downloads:opds_fandom", args=[tag.pk]))


@_opds
def search(request, user):
    """The site search (full text, `tag:` and `words>1000` syntax, the reader's saved
    exclusions) through its one interface, answered as an acquisition feed."""
    text = " ".join(request.GET.get("q", "").split())[:200]
    path = reverse("downloads:opds_search")
    if not text:
        return _acquisition_page(request, user, [], gettext("Search"), path, 0, 1, False)
    number = _page_number(request)
    params = request.GET.copy()
    params["q"] = text
    query = query_from_params(params, viewer=user)
    query = Query(**{**query.__dict__, "page": number, "per_page": PER_PAGE})
    result = site_search(query, user, facets=False)
    # Search shows what a person may read; a catalog hands out only what may be downloaded.
    allowed = set(Work.objects.downloadable_by(user).filter(pk__in=result.ids).values_list("pk", flat=True))
    works = [w for w in works_in_order(result.ids) if w.pk in allowed]
    title = gettext("Works matching “%(text)s”") % {"text": text}
    return _acquisition_page(request, user, works, title, path, result.total, number, number * PER_PAGE < result.total)


def opensearch(request):
    body = render_to_string(
        "downloads/opensearch.xml",
        {"site_name": settings.SITE_NAME, "search_url": site_url(reverse("downloads:opds_search"))},
    )
    return HttpResponse(body, content_type=OPENSEARCH + "; charset=utf-8")


@_opds
def subscriptions(request, user):
    features = _signed_in_features()
    if not user.is_authenticated:
        return challenge()
    if features is None:
        return challenge(gettext("Subscriptions are not available on this archive."))
    _, subscription = features
    subs = subscription.objects.filter(user=user)
    works = Work.objects.downloadable_by(user).filter(
        Q(pk__in=subs.exclude(work=None).values("work"))
        | Q(
            creatorships__pseud__user__in=subs.exclude(author=None).values("author"),
            creatorships__accepted=True,
            anonymous=False,
        )
        | Q(
            creatorships__pseud__in=subs.exclude(pseud=None).values("pseud"),
            creatorships__accepted=True,
            anonymous=False,
        )
        | Q(series_memberships__series__in=subs.exclude(series=None).values("series"))
    )
    works = Work.objects.downloadable_by(user).filter(pk__in=works.values("pk")).order_by("-updated_at", "-pk")
    return _acquisition(request, user, works, gettext("Your subscriptions"), reverse("downloads:opds_subscriptions"))


@_opds
def later(request, user):
    features = _signed_in_features()
    if not user.is_authenticated:
        return challenge()
    if features is None:
        return challenge(gettext("Marked for later is not available on this archive."))
    reading, _ = features
    marked = reading.objects.filter(user=user, marked_for_later=True).values("work")
    works = Work.objects.downloadable_by(user).filter(pk__in=marked).order_by("-updated_at", "-pk")
    return _acquisition(request, user, works, gettext("Marked for later"), reverse("downloads:opds_later"))
