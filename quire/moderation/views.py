"""Reporting abuse (anyone), and moderators hiding content from the page itself.
The queue of reports is in the Django admin (see admin.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from quire.accounts.models import User
from quire.interactions.access import access_comment
from quire.interactions.models import Comment
from quire.lib.redirects import safe_next
from quire.works.access import work_for_interacting
from quire.works.models import Work

from . import services
from .forms import GuestReportForm, ReportForm


def _subject(request, kind: str, pk: int) -> dict:
    if kind == "work":
        return {"work": work_for_interacting(request.user, pk)}
    if kind == "comment":
        return {"comment": access_comment(request, pk)}
    if kind == "user":
        return {"user": get_object_or_404(User, pk=pk, is_active=True)}
    raise Http404("Nothing to report here.")


def report(request, kind, pk):
    subject = _subject(request, kind, pk)
    thing = next(iter(subject.values()))
    form_class = ReportForm if request.user.is_authenticated else GuestReportForm
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.file_report(
            reporter=request.user, reason=form.cleaned_data["reason"], details=form.cleaned_data["details"],
            email=form.cleaned_data.get("email", ""), **subject,
        )  # fmt: skip
        messages.success(request, _("Thank you: your report was sent to the moderators."))
        back = thing.get_absolute_url()
        return redirect(back)
    headings = {
        "work": _("Report the work “%(title)s”"), "comment": _("Report a comment"),
        "user": _("Report the user %(name)s"),
    }  # fmt: skip
    label = headings[kind] % {"title": thing, "name": thing}
    return render(request, "moderation/report.html", {"form": form, "label": label, "thing": thing})


def _moderator(request):
    if not request.user.can_moderate:
        raise PermissionDenied(_("Only moderators can do that."))


@require_POST
@login_required
def hide_work(request, pk):
    _moderator(request)
    work = get_object_or_404(Work, pk=pk)
    hidden = request.POST.get("action") != "unhide"
    services.hide_work(request.user, work, hidden=hidden, note=request.POST.get("note", "")[:1000])
    messages.success(
        request,
        _("Work hidden: only its creators and moderators can see it. Logged.")
        if hidden
        else _("Work visible again. Logged."),
    )
    return redirect(work.get_absolute_url())


@require_POST
@login_required
def hide_comment(request, pk):
    _moderator(request)
    comment = get_object_or_404(Comment.objects.select_related("chapter"), pk=pk)
    hidden = request.POST.get("action") != "unhide"
    services.hide_comment(request.user, comment, hidden=hidden, note=request.POST.get("note", "")[:1000])
    messages.success(
        request,
        _("Comment hidden: only its writer and moderators can see it. Logged.")
        if hidden
        else _("Comment visible again. Logged."),
    )
    return redirect(safe_next(request, f"{comment.chapter.get_absolute_url()}#comment-{comment.pk}"))
