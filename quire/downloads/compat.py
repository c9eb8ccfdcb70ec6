"""The eFiction pages FanFicFare reads, so readers can download a Quire work with
it and update it in Calibre when new chapters go up.

FanFicFare's generic eFiction adapter (fanficfare/adapters/base_efiction_adapter.py)
asks for `viewstory.php?sid=N&action=printable&textsize=0&chapter=all` (`chapter=N`
when bulk loading is off, `&index=1` for the contents) and parses, exactly:
- `div#pagetitle`: the first link is the title, the second the author, whose href
  must hold the author's numeric id (`viewuser.php?uid=N`);
- `div.infobox > div.content`: `span.label` elements ("Rated:", "Summary:"...),
  each followed by its value up to the next label;
- `div.noteinfo`: the story notes;
- the contents: `<b>N.</b>` followed by a sibling `<a href="#N">` with the title;
- each chapter: `<a name="N">` whose parent is followed by `div.chapter` with the text.
Dates use its default format, "%d %b %Y".
"""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from quire.accounts.models import Pseud
from quire.tags.models import TagType
from quire.works.access import work_for_downloading

from .auth import BadCredentials, challenge, viewer

DATE_FORMAT = "%d %b %Y"
# The printable page's own words. FanFicFare matches the labels in English, so the
# page keeps them whatever language the reader's browser asks for: not translated.
WORDS = {
    "by": "by", "anonymous": "Anonymous", "summary": "Summary", "chapter_notes": "Chapter Notes",
    "chapter_end_notes": "Chapter End Notes", "end_notes": "End Notes", "back": "Back to index",
}


def _labels(work) -> list[tuple[str, str]]:
    def names(tag_type):
        return ", ".join(sorted(t.name for t in work.tags_of(tag_type)))

    labels = [
        ("Rated", work.rating.name if work.rating else "Not Rated"),
        ("Categories", names(TagType.FANDOM)),
        ("Characters", names(TagType.CHARACTER)),
        ("Pairing", names(TagType.RELATIONSHIP)),
        ("Genre", names(TagType.FREEFORM)),
        ("Warnings", names(TagType.WARNING)),
    ]
    for membership in work.series_memberships.all():
        labels.append(("Series", membership.series.title))
        break
    labels += [
        ("Chapters", str(work.chapter_count)),
        ("Completed", "Yes" if work.is_complete else "No"),
        ("Word count", str(work.word_count)),
        ("Published", work.published_at.strftime(DATE_FORMAT) if work.published_at else "None"),
        ("Updated", (work.updated_at or work.published_at).strftime(DATE_FORMAT) if work.published_at else "None"),
        ("Language", work.language),
    ]
    return [(label, value or "None") for label, value in labels]


def viewstory(request):
    """`viewstory.php?sid=N`: the printable page for FanFicFare; people asking for
    the story itself (no `action=printable` or `index`) go to the work page."""
    sid = request.GET.get("sid", "")
    if not sid.isdigit():
        raise Http404("No such story.")
    try:
        user = viewer(request)
    except BadCredentials:
        return challenge()
    work = work_for_downloading(user, int(sid))
    printable = request.GET.get("action") == "printable" or "index" in request.GET
    chapter_param = request.GET.get("chapter", "all")
    if not printable:
        if chapter_param.isdigit():
            chapter = work.chapters.published().filter(position=int(chapter_param)).first()
            if chapter:
                return redirect(chapter)
        return redirect(work)
    work = type(work).objects.filter(pk=work.pk).for_listing().get()
    chapters = list(work.chapters.published().order_by("position"))
    shown = chapters
    if chapter_param.isdigit() and "index" not in request.GET:
        shown = [c for c in chapters if c.position == int(chapter_param)]
        if not shown:
            raise Http404("No such chapter.")
    pseuds = work.creators_visible_to(user) if not work.anonymous else None
    context = {
        "work": work,
        "authors": pseuds or [],
        "labels": _labels(work),
        "words": WORDS,
        "chapters": chapters,
        "shown": shown,
        "numbered_titles": len(chapters) > 1,
    }
    return render(request, "downloads/efiction_printable.html", context)


def viewuser(request):
    """`viewuser.php?uid=N`: the author link of the printable page (a pseud id)."""
    uid = request.GET.get("uid", "")
    if not uid.isdigit():
        raise Http404("No such author.")
    return redirect(get_object_or_404(Pseud.objects.select_related("user"), pk=int(uid)))
