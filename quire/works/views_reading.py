"""Pages readers see: lists of works, a work by chapter or entire, series.

Every work reaches a reader through `Work.objects.visible_to`, by way of the
access helpers in access.py.
"""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from . import events
from .access import refuse_empty_series, work_for_reading
from .models import Chapter, Series, Work

PER_PAGE = 20


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


def work_detail(request, pk):
    work = work_for_reading(request.user, pk)
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
    work = work_for_reading(request.user, pk)
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
    events.work_viewed.send(Work, request=request, work=work, chapter=shown[0])  # hits and reading history
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
    work = work_for_reading(request.user, pk)
    return render(request, "works/navigate.html", {"work": work, "chapters": _chapters_for(request, work)})


def series_detail(request, pk):
    series = get_object_or_404(Series.objects.prefetch_related("creators__user"), pk=pk)
    works = series.works_visible_to(request.user).for_listing()
    if not works.exists() and not series.creators.filter(user_id=request.user.pk).exists():
        raise refuse_empty_series(request.user, series, "read")
    # Saved exclusions (the search app's) apply here as on every list, unless the reader
    # asked to see what they hide.
    show_excluded = request.GET.get("show_excluded") == "1"
    hidden = 0
    if not show_excluded:
        for _, narrowed in events.works_listed.send(Work, viewer=request.user, works=works):
            if narrowed is not None:
                hidden += works.count() - narrowed.count()
                works = narrowed
    page = Paginator(works, PER_PAGE).get_page(request.GET.get("page"))
    user = request.user
    context = {
        "series": series,
        "page": page,
        "can_edit": any(p.user_id == user.pk for p in series.creators.all()),
        "creators": series.creators_visible_to(user),
        "subscribed": user.is_authenticated and series.subscriptions.filter(user=user).exists(),
        "hidden_by_filters": hidden,
        "show_excluded": show_excluded,
    }
    return render(request, "works/series.html", context)
