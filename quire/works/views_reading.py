"""Pages readers see: lists of works, a work by chapter or entire, series.

Every work reaches a reader through `Work.objects.visible_to`; the fetch helper
below is the only way these views load one.
"""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseServerError
from django.shortcuts import get_object_or_404, redirect, render
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

from quire.interactions.tracking import record_visit

from .models import Chapter, Series, Work

PER_PAGE = 20


def _get_visible_work(request, pk: int) -> Work:
    """The work if `request.user` may read it. A restricted work asks guests to
    log in (403); a draft or hidden work does not admit to existing (404)."""
    work = Work.objects.visible_to(request.user).filter(pk=pk).for_listing().first()
    if work is not None:
        return work
    if (
        not request.user.is_authenticated
        and Work.objects.filter(pk=pk, restricted=True, is_draft=False, hidden_by_moderator=False).exists()
    ):
        raise PermissionDenied("This work is only available to registered users of the archive. Log in to read it.")
    raise Http404("No such work.")


def _chapters_for(request, work: Work) -> list[Chapter]:
    chapters = work.chapters.all().order_by("position")
    if not work.is_creator(request.user):
        chapters = chapters.published()
    return list(chapters)


def _adult_gate(request, work: Work):
    """Mature and Explicit works open with a warning unless the reader chose otherwise."""
    if not work.is_adult or work.is_creator(request.user):
        return None
    if request.user.is_authenticated and request.user.show_adult:
        return None
    key = f"adult_ok_{work.pk}"
    if request.GET.get("view_adult") == "true":
        request.session[key] = True
        return None
    if request.session.get(key):
        return None
    return render(request, "works/adult_warning.html", {"work": work})


def _wants_full_work(request) -> bool:
    choice = request.GET.get("view_full_work")
    if choice in ("true", "false"):
        return choice == "true"
    return bool(request.user.is_authenticated and request.user.view_full_work)


def home(request):
    # Through search, like every works list, so the reader's saved exclusions apply.
    from quire.search.backends import search
    from quire.search.listing import works_in_order
    from quire.search.query import Query

    newest = search(Query(sort="updated", per_page=10), request.user, facets=False)
    return render(request, "works/home.html", {"works": works_in_order(newest.ids)})


def work_index(request):
    # The works list is the search app's filtered listing (sidebar, sorts, saved exclusions).
    from quire.search.views import works_index

    return works_index(request)


def work_detail(request, pk):
    work = _get_visible_work(request, pk)
    if request.GET.get("chapter", "").isdigit():
        # The chapter menu is a GET form, so it works without JavaScript.
        return redirect("works:chapter", work.pk, int(request.GET["chapter"]))
    gate = _adult_gate(request, work)
    if gate:
        return gate
    chapters = _chapters_for(request, work)
    if not chapters:
        raise Http404("This work has no chapters you can read yet.")
    full = _wants_full_work(request) or len(chapters) == 1
    shown = chapters if full else chapters[:1]
    return _render_work(request, work, chapters, shown, full)


def chapter_detail(request, pk, chapter_id):
    work = _get_visible_work(request, pk)
    gate = _adult_gate(request, work)
    if gate:
        return gate
    chapters = _chapters_for(request, work)
    chapter = next((c for c in chapters if c.pk == chapter_id), None)
    if chapter is None:
        raise Http404("No such chapter in this work.")
    return _render_work(request, work, chapters, [chapter], full=False)


def _render_work(request, work, chapters, shown, full):
    index = chapters.index(shown[0])
    record_visit(request, work, shown[0])  # one hit per visitor per day, and the reader's history
    context = {
        "work": work,
        "chapters": chapters,
        "shown": shown,
        "full": full,
        "multi": len(chapters) > 1,
        "previous": None if full or index == 0 else chapters[index - 1],
        "next": None if full or index + 1 >= len(chapters) else chapters[index + 1],
        "is_first": index == 0,
        "is_last": full or index + 1 == len(chapters),
        "is_creator": work.is_creator(request.user),
    }
    return render(request, "works/work.html", context)


def chapter_index(request, pk):
    work = _get_visible_work(request, pk)
    return render(request, "works/navigate.html", {"work": work, "chapters": _chapters_for(request, work)})


def series_detail(request, pk):
    series = get_object_or_404(Series.objects.prefetch_related("creators__user"), pk=pk)
    works = series.works_visible_to(request.user).for_listing()
    page = Paginator(works, PER_PAGE).get_page(request.GET.get("page"))
    if not page.object_list and not request.user.is_authenticated and series.memberships.exists():
        raise PermissionDenied("The works in this series are only available to registered users. Log in to read them.")
    if not page.object_list and not series.creators.filter(user_id=request.user.pk).exists():
        raise Http404("No such series.")
    user = request.user
    context = {
        "series": series,
        "page": page,
        "can_edit": any(p.user_id == user.pk for p in series.creators.all()),
        "creators": series.creators_visible_to(user),
        "subscribed": user.is_authenticated and series.subscriptions.filter(user=user).exists(),
    }
    return render(request, "works/series.html", context)


# --- error pages: plain words, never a stack trace ---------------------------------
def error_403(request, exception=None):
    message = str(exception) if exception and str(exception) else "You don't have permission to see this page."
    return render(request, "errors/error.html", {"heading": "Access denied", "explanation": message}, status=403)


def error_404(request, exception=None):
    return render(
        request,
        "errors/error.html",
        {
            "heading": "Page not found",
            "explanation": "There's nothing here: it may have been deleted, or never existed, "
            "or it may not be posted yet.",
        },
        status=404,
    )


@requires_csrf_token
def error_500(request):
    # The 500 page must not depend on the database or context processors, which may be what failed.
    return HttpResponseServerError(loader.get_template("500.html").render())
