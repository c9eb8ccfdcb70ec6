"""Download pages: the file when it is ready, a progress page while it is made."""

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from quire.works.access import work_for_downloading
from quire.works.models import Series, Work

from . import services
from .auth import BadCredentials, challenge, viewer
from .formats import FORMATS, Format, available_formats
from .models import DownloadFile, FileStatus

REFRESH_SECONDS = 2
# What an e-reader app is told when its file is still being made: try again after this long.
RETRY_AFTER_SECONDS = 30
# The marker the OPDS catalog puts on its acquisition links: whatever the app's Accept
# header says, the answer is the file or a plain retry, never a progress page.
CLIENT_PARAM = "client"


class Unavailable(Exception):
    pass


def _format(key: str) -> Format:
    fmt = FORMATS.get(key)
    if fmt is None:
        raise Http404("We don't offer downloads in that format.")
    if not fmt.available:
        raise Unavailable(_("%(format)s downloads are not available on this archive. %(why)s") % {
            "format": fmt.label, "why": fmt.unavailable()})
    return fmt


def _unavailable(view):
    """A format this install can't make gets a page that says why, not a bare 404."""

    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Unavailable as exc:
            context = {"heading": _("Format not available"), "explanation": str(exc)}
            return render(request, "errors/error.html", context, status=404)

    wrapped.__name__ = view.__name__
    return wrapped


def is_browser(request) -> bool:
    """A person in a browser, who can watch a progress page. E-reader and OPDS apps
    either don't ask for HTML or come through the catalog's links."""
    if request.GET.get(CLIENT_PARAM):
        return False
    return "text/html" in request.headers.get("Accept", "")


def _prepare(request, target: services.Target, fmt: Format) -> DownloadFile:
    inline = None if is_browser(request) else max(fmt.inline_words, fmt.client_inline_words)
    return services.prepare(target, fmt, inline_words=inline)


def _client_answer(file: DownloadFile, fmt: Format) -> HttpResponse:
    """Not ready, to an app: a plain answer it can't mistake for the book."""
    if file.status == FileStatus.FAILED:
        message = f"{file.error or f'The {fmt.label} file could not be made.'} Try another format."
        return HttpResponse(message, status=500, content_type="text/plain; charset=utf-8")
    response = HttpResponse(
        f"The {fmt.label} file is being made. Try again in {RETRY_AFTER_SECONDS} seconds.",
        status=503,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def _respond(request, file: DownloadFile, fmt: Format, title: str, back_url: str):
    if file.status == FileStatus.READY:
        content = DownloadFile.objects.values_list("content", flat=True).get(pk=file.pk)
        response = HttpResponse(bytes(content), content_type=fmt.mime)
        response["Content-Disposition"] = f'attachment; filename="{file.filename}"'
        response["Content-Length"] = str(file.size)
        if request.method == "GET":
            services.record_download(file)
        return response
    if not is_browser(request):
        return _client_answer(file, fmt)
    if request.method == "POST" and file.status == FileStatus.FAILED:
        services.retry(file)
        return redirect(request.path)
    context = {"file": file, "fmt": fmt, "title": title, "back_url": back_url, "refresh": REFRESH_SECONDS}
    # 202 Accepted: the file is on its way; the page refreshes itself (no JavaScript needed).
    return render(request, "downloads/progress.html", context, status=202 if file.status == FileStatus.PENDING else 500)


@require_http_methods(["GET", "HEAD", "POST"])
@_unavailable
def work_download(request, pk, fmt):
    fmt = _format(fmt)
    try:
        user = viewer(request)  # e-reader apps send an app password (HTTP Basic)
    except BadCredentials:
        return challenge(_("That user name and app password don't match."))
    work = work_for_downloading(user, pk)
    file = _prepare(request, services.work_target(work), fmt)
    return _respond(request, file, fmt, work.title, work.get_absolute_url())


@require_http_methods(["GET", "HEAD", "POST"])
@_unavailable
def series_download(request, pk, fmt):
    fmt = _format(fmt)
    try:
        user = viewer(request)
    except BadCredentials:
        return challenge(_("That user name and app password don't match."))
    series = get_object_or_404(Series, pk=pk)
    file = _prepare(request, services.series_target(series, user), fmt)
    return _respond(request, file, fmt, series.title, series.get_absolute_url())


@require_http_methods(["GET", "HEAD", "POST"])
@_unavailable
def later_download(request, fmt):
    """A reader's own marked-for-later list as one book."""
    fmt = _format(fmt)
    try:
        user = viewer(request)
    except BadCredentials:
        return challenge(_("That user name and app password don't match."))
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    file = _prepare(request, services.later_target(user), fmt)
    return _respond(request, file, fmt, _("Marked for later"), reverse("downloads:later_list"))


@login_required
def later_list(request):
    """Where a reader downloads their marked-for-later list."""
    ids = services.marked_for_later_ids(request.user)
    if ids is None:
        raise Http404("Marked for later is not available on this archive.")
    works = Work.objects.filter(pk__in=ids).order_by("title")
    return render(request, "downloads/later.html", {"works": works, "formats": available_formats()})
