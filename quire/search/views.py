"""Finding works: the filtered works list and search, the fandoms index,
saved exclusions and searches, tag autocomplete."""

from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from quire.lib.redirects import safe_next
from quire.tags.models import FilterTagging, Media, Tag, TagType
from quire.works.models import Work
from quire.works.tag_visibility import discoverable_tags, get_visible_tag_or_404, known_tags

from .feeds import listing_feed_url
from .listing import build_listing
from .models import SavedExclusion, SavedSearch


def works_index(request):
    """All works, with the filter sidebar; also the search results page."""
    context = build_listing(request)
    context["heading"] = _("Search results") if context["query"].text else _("Works")
    context["feed_url"] = listing_feed_url(request.GET)
    return render(request, "search/works.html", context)


def tag_works(request, pk):
    """The works filed under a tag (its synonyms' and sub tags' works too), with filters."""
    tag = get_visible_tag_or_404(Tag.objects.select_related("synonym_of"), request.user, pk=pk)
    context = build_listing(request, base_tag=tag)
    context["heading"] = _("Works in %(tag)s") % {"tag": tag.canonical_tag.name}
    context["feed_url"] = listing_feed_url(request.GET, base_tag=tag)
    return render(request, "search/works.html", context)


UNSORTED = gettext_lazy("Unsorted fandoms")


def fandoms_index(request):
    """Fandoms grouped by media, each with how many works the reader can see in it."""
    visible = Work.objects.visible_to(request.user).posted()
    counts = dict(
        FilterTagging.objects.filter(tag__type=TagType.FANDOM, work__in=visible.values("pk"))
        .values_list("tag_id")
        .annotate(n=Count("id"))
    )
    fandoms = Tag.objects.filter(pk__in=counts).order_by("name")
    by_media = defaultdict(list)
    for fandom in fandoms:
        by_media[fandom.media].append((fandom, counts[fandom.pk]))
    # A media's label is a lazy translation (quire/tags), the "unsorted" group's a plain string.
    groups: list[tuple[object, list]] = [
        (label, by_media[value]) for value, label in Media.choices if by_media.get(value)
    ]
    if by_media.get(""):
        groups.append((str(UNSORTED), by_media[""]))
    return render(request, "search/fandoms.html", {"groups": groups})


def autocomplete_tags(request):
    """Tag names for a tag field: canonical tags first, then the rest, by name.
    Only tags the reader could find anyway: a tag typed only on drafts or on
    works they cannot see stays unknown to them."""
    term = " ".join(request.GET.get("term", "").split())[:100]
    if len(term) < 1:
        return JsonResponse({"tags": []})
    qs = discoverable_tags(request.user).filter(name__icontains=term, synonym_of__isnull=True)
    tag_type = request.GET.get("type", "")
    if tag_type in TagType.values:
        qs = qs.of_type(tag_type)
    names = [
        {"name": name, "canonical": canonical}
        for name, canonical in qs.order_by("-canonical", "name").values_list("name", "canonical")[:15]
    ]
    return JsonResponse({"tags": names})


# --- saved filters -----------------------------------------------------------------
@login_required
def saved_filters(request):
    return render(
        request,
        "search/saved_filters.html",
        {
            "exclusions": SavedExclusion.objects.filter(user=request.user).select_related("tag"),
            "searches": SavedSearch.objects.filter(user=request.user),
        },
    )


@login_required
@require_POST
def add_exclusion(request):
    tag = None
    # Resolved as the reader may know tags: a tag used only on works they can't
    # see is "no such tag", whether asked for by id or by name.
    known = known_tags(request.user)
    if request.POST.get("tag", "").isdigit():
        tag = known.filter(pk=int(request.POST["tag"])).first()
    elif request.POST.get("name", "").strip():
        tag = known.named(request.POST["name"]).first()
        if tag is None:
            messages.error(request, _("There is no tag called “%(name)s”.") % {"name": request.POST["name"].strip()})
            return redirect("search:saved_filters")
    if tag is None:
        messages.error(request, _("Choose a tag to exclude."))
        return redirect("search:saved_filters")
    tag = tag.canonical_tag
    SavedExclusion.objects.get_or_create(user=request.user, tag=tag)
    messages.success(
        request, _("Works tagged %(tag)s are now hidden from every list, search and feed you see.") % {"tag": tag.name}
    )
    return redirect(safe_next(request, "search:saved_filters"))


@login_required
@require_POST
def remove_exclusion(request, pk):
    exclusion = get_object_or_404(SavedExclusion, pk=pk, user=request.user)
    exclusion.delete()
    messages.success(request, _("Works tagged %(tag)s are shown again.") % {"tag": exclusion.tag.name})
    return redirect("search:saved_filters")


@login_required
@require_POST
def save_search(request):
    name = " ".join(request.POST.get("name", "").split())[:100]
    if not name:
        messages.error(request, _("Give the search a name to save it."))
        return redirect(safe_next(request, "search:works"))
    saved = SavedSearch.objects.create(user=request.user, name=name, query_string=request.POST.get("query", "")[:4000])
    messages.success(request, _("Saved the search %(name)s.") % {"name": saved.name})
    return redirect("search:saved_filters")


@login_required
@require_POST
def delete_search(request, pk):
    saved = get_object_or_404(SavedSearch, pk=pk, user=request.user)
    saved.delete()
    messages.success(request, _("Deleted the saved search %(name)s.") % {"name": saved.name})
    return redirect("search:saved_filters")
