"""The migrated archive's old addresses, answered with permanent redirects so
links and bookmarks into the eFiction site keep working.

`viewstory.php` and `viewuser.php` are also Quire's own FanFicFare pages
(quire/downloads/compat.py), keyed by Quire ids: the printable page stays
theirs; a plain story or author address with a migrated eFiction id goes to
what that id became, and anything else falls through to them.
"""

from django.http import Http404, HttpResponsePermanentRedirect

from quire.accounts.models import Pseud
from quire.downloads import compat
from quire.works.models import Chapter, Series, Work

from .models import ImportedId, Kind


def _number(request, name: str) -> int | None:
    value = request.GET.get(name, "")
    return int(value) if value.isdigit() else None


def viewstory(request):
    printable = request.GET.get("action") == "printable" or "index" in request.GET
    sid = _number(request, "sid")
    work_pk = None if printable or sid is None else ImportedId.lookup(Kind.STORY, sid)
    if work_pk is None:
        return compat.viewstory(request)
    work = Work.objects.filter(pk=work_pk).first()
    if work is None:
        raise Http404("This story is no longer here.")
    position = _number(request, "chapter")
    if position:
        chapter = Chapter.objects.filter(work=work, position=position).first()
        if chapter:
            return HttpResponsePermanentRedirect(chapter.get_absolute_url())
    return HttpResponsePermanentRedirect(work.get_absolute_url())


def viewuser(request):
    uid = _number(request, "uid")
    pseud_pk = None if uid is None else ImportedId.lookup(Kind.AUTHOR, uid)
    if pseud_pk is None:
        return compat.viewuser(request)
    pseud = Pseud.objects.select_related("user").filter(pk=pseud_pk).first()
    if pseud is None:
        raise Http404("This author is no longer here.")
    return HttpResponsePermanentRedirect(pseud.get_absolute_url())


def series(request):
    seriesid = _number(request, "seriesid")
    series_pk = None if seriesid is None else ImportedId.lookup(Kind.SERIES, seriesid)
    found = Series.objects.filter(pk=series_pk).first() if series_pk else None
    if found is None:
        raise Http404("No such series.")
    return HttpResponsePermanentRedirect(found.get_absolute_url())
