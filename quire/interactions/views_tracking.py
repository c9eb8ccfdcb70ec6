"""Bookmarks, reading history, marked for later, and the author's stats page."""

from collections import Counter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from quire.accounts.models import Mute, User
from quire.lib.redirects import safe_next
from quire.works.access import work_for_interacting
from quire.works.models import Series, Work

from . import tracking
from .forms import BookmarkForm
from .models import Bookmark, ReaderSettings, Reading

PER_PAGE = 20


def _bookmark_target(request, kind, pk) -> dict:
    if kind == "series":
        series = get_object_or_404(Series, pk=pk)
        if not series.works_visible_to(request.user).exists():
            raise Http404("No such series.")
        return {"series": series}
    return {"work": work_for_interacting(request.user, pk)}


@login_required
def bookmark_edit(request, kind, pk):
    """Create or edit the signed-in reader's bookmark of a work or a series."""
    target = _bookmark_target(request, kind, pk)
    thing = next(iter(target.values()))
    existing = Bookmark.objects.filter(user=request.user, **target).first()
    form = BookmarkForm(request.POST or None, instance=existing)
    if request.method == "POST" and form.is_valid():
        tracking.save_bookmark(request.user, **target, **form.cleaned_data)
        if existing is None:
            messages.success(request, _("Bookmarked %(name)s.") % {"name": thing})
        else:
            messages.success(request, _("Bookmark updated."))
        return redirect(safe_next(request, thing.get_absolute_url()))
    return render(
        request, "interactions/bookmark_form.html", {"form": form, "thing": thing, "existing": existing, "kind": kind}
    )


@require_POST
@login_required
def bookmark_delete(request, pk):
    bookmark = get_object_or_404(Bookmark, pk=pk, user=request.user)
    tracking.delete_bookmark(bookmark)
    messages.success(request, _("Bookmark deleted."))
    return redirect(safe_next(request, "interactions:my_bookmarks"))


@login_required
def my_bookmarks(request):
    return redirect("interactions:bookmarks", request.user.username)


def _with_work_blurbs(bookmarks):
    """Each bookmarked work with what its blurb shows (creators, tags, series, stats)."""
    return bookmarks.select_related("user", "series").prefetch_related(
        Prefetch("work", queryset=Work.objects.for_listing())
    )


def _bookmark_tag_counts(bookmarks) -> list[tuple[str, int]]:
    """The bookmarker's own tags on these bookmarks, most used first: the filter's choices."""
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for tags in bookmarks.values_list("tags", flat=True):
        for name in {" ".join(t.split()) for t in tags.split(",") if t.strip()}:
            counts[name.lower()] += 1
            shown.setdefault(name.lower(), name)
    return [(shown[key], n) for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))][:30]


def user_bookmarks(request, username):
    """A reader's bookmarks as AO3 lists them: each work's blurb with the bookmarker's
    note, rec and tags; searched by words and filtered by their tags and recs."""
    owner = get_object_or_404(User, username__iexact=username, is_active=True)
    muted = request.user.is_authenticated and owner.pk in set(
        Mute.objects.muted_user_ids(request.user).values_list("muted_id", flat=True)
    )
    everything = Bookmark.objects.none() if muted else Bookmark.objects.visible_to(request.user).filter(user=owner)
    rec = request.GET.get("rec") == "1"
    tag = " ".join(request.GET.get("tag", "").split())[:100]
    text = " ".join(request.GET.get("q", "").split())[:200]
    bookmarks = everything.with_bookmark_tag(tag).matching(text)
    if rec:
        bookmarks = bookmarks.filter(rec=True)
    page = Paginator(_with_work_blurbs(bookmarks), PER_PAGE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "owner": owner,
        "page": page,
        "is_own": request.user == owner,
        "muted": muted,
        "filters": {"rec": rec, "tag": tag, "q": text},
        "filtered": bool(rec or tag or text),
        "bookmark_tags": _bookmark_tag_counts(everything),
        "params": params.urlencode(),
    }
    return render(request, "interactions/bookmarks.html", context)


def work_bookmarks(request, pk):
    work = work_for_interacting(request.user, pk)
    bookmarks = _with_work_blurbs(Bookmark.objects.visible_to(request.user).filter(work=work, private=False))
    page = Paginator(bookmarks, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "interactions/work_bookmarks.html", {"work": work, "page": page})


# --- history and marked for later ------------------------------------------------------


@login_required
def history(request):
    later = request.GET.get("show") == "later"
    readings = Reading.objects.filter(user=request.user, work__in=Work.objects.visible_to(request.user).values("pk"))
    readings = readings.filter(marked_for_later=True) if later else readings.filter(in_history=True)
    page = Paginator(readings.select_related("work", "chapter"), PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "interactions/history.html",
        {"page": page, "later": later, "keep_history": ReaderSettings.for_user(request.user).keep_history},
    )


@require_POST
@login_required
def mark_for_later(request, pk):
    work = work_for_interacting(request.user, pk)
    marked = request.POST.get("action") != "unmark"
    tracking.set_marked_for_later(request.user, work, marked)
    if marked:
        messages.success(request, _("Marked for later: find it under History → Marked for later."))
    else:
        messages.success(request, _("No longer marked for later."))
    return redirect(safe_next(request, work.get_absolute_url()))


@require_POST
@login_required
def history_clear(request):
    tracking.clear_history(request.user)
    messages.success(request, _("Your reading history is cleared."))
    return redirect("interactions:history")


@require_POST
@login_required
def history_toggle(request):
    keep = request.POST.get("keep") == "on"
    tracking.set_keep_history(request.user, keep)
    messages.success(request, _("Reading history is on.") if keep else _("Reading history is off and cleared."))
    return redirect("interactions:history")


# --- stats -------------------------------------------------------------------------------


@login_required
def stats(request):
    year = request.GET.get("year", "")
    chosen = int(year) if year.isdigit() else None
    context = tracking.author_stats(request.user, chosen)  # a year it doesn't offer means all years
    if context["year"] is None:
        # Downloads are counted all-time only, so they show when no year is chosen. The
        # downloads app keeps the count (Work.download_count); reached through the work,
        # so this app, below downloads, does not import it.
        rows = Work.objects.filter(pk__in=[r["work"].pk for r in context["rows"]], download_count__isnull=False)
        counts = dict(rows.values_list("pk", "download_count__count"))
        for row in context["rows"]:
            row["downloads"] = counts.get(row["work"].pk, 0)
        context["totals"]["downloads"] = sum(counts.values())
        context["show_downloads"] = True
    return render(request, "interactions/stats.html", context)
