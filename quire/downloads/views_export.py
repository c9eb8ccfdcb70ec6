""""Download my data": ask for the zip, see whether it is ready, fetch it. Only the
owner ever reaches a file: it is looked up by id and owner together."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from quire.lib.ratelimit import Window

from . import export
from .models import DataExport

EXPORTS_PER_DAY = 3


@login_required
def data_export(request):
    export.prune_expired()
    exports = DataExport.objects.filter(user=request.user).defer("content")[:5]
    pending = any(e.status == "pending" for e in exports)
    return render(request, "downloads/data_export.html", {"exports": exports, "pending": pending})


@require_POST
@login_required
def data_export_start(request):
    # Each export writes every work again: a few a day is plenty and keeps the worker free.
    window = Window(f"quire:data-export:{request.user.pk}", EXPORTS_PER_DAY, 24 * 60 * 60)
    if window.seconds_blocked():
        messages.error(request, _("You can ask for %(count)s exports a day. Try again tomorrow.") % {
            "count": EXPORTS_PER_DAY})
        return redirect("downloads:data_export")
    window.hit()
    export.request_export(request.user)
    messages.success(
        request,
        _("We're putting your data together. We'll email you when it's ready; you can also check this page."),
    )
    return redirect("downloads:data_export")


@login_required
def data_export_file(request, pk):
    item = DataExport.objects.filter(pk=pk, user=request.user, status="ready", expires_at__gt=timezone.now()).first()
    if item is None:
        raise Http404("No such export: it may have expired. Ask for a new one.")
    response = HttpResponse(bytes(item.content), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{item.filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
