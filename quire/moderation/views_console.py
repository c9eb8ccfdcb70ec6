"""The moderators' console at /moderation/: the report queue with its actions in
place, people under sanction, the sign-up blocklist and the audit log.

Every view checks `can_moderate`; every change goes through services.py, which
writes the audit log in the same transaction."""

from datetime import timedelta
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from quire.accounts import allowances
from quire.accounts.models import User
from quire.accounts.sanctions import BlockedAddress, Suspension
from quire.policy import models as archive_policy
from quire.policy import services as policy_services
from quire.policy.forms import ArchivePolicyForm

from . import review, services
from .forms import BlockAddressForm, ModeratorActionForm, ReportAction
from .models import ModerationLogEntry, Report, ReportStatus, ReviewItem, ReviewReason, ReviewStatus


def moderator_required(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.can_moderate:
            raise PermissionDenied(_("Only moderators can use the moderators' console."))
        return view(request, *args, **kwargs)

    return wrapper


def _poster(report: Report):
    """The member responsible for the reported thing, if any."""
    if report.user_id:
        return report.user
    if report.comment_id:
        return report.comment.user
    if report.work_id:
        return next((p.user for p in report.work.accepted_pseuds()), None)
    return None


def _actions_for(report: Report) -> set[str]:
    actions = {ReportAction.RESOLVE, ReportAction.DISMISS}
    if report.work_id or report.comment_id:
        hidden = report.work.hidden_by_moderator if report.work_id else report.comment.hidden_by_moderator
        actions |= {ReportAction.RESTORE if hidden else ReportAction.HIDE, ReportAction.DELETE_SPAM}
    poster = _poster(report)
    if poster is not None and not (poster.can_moderate or poster.is_staff):
        actions |= {ReportAction.WARN, ReportAction.SUSPEND, ReportAction.BAN}
    return actions


def _queue_row(report: Report) -> dict:
    """A report in the queue, with the links its "About … by …, filed … by …" line needs
    built here, so the template keeps that line one sentence for translators."""
    poster = _poster(report)
    subject = report.work or report.comment or report.user
    label = report.subject_label
    about = format_html('<a href="{}">{}</a>', subject.get_absolute_url(), label) if subject else label
    if report.reporter:
        filer = str(report.reporter)
    elif report.reporter_email:
        filer = _("a guest (%(email)s)") % {"email": report.reporter_email}
    else:
        filer = _("a guest")
    return {
        "report": report, "poster": poster, "about": about, "filer": filer,
        "poster_link": format_html('<a href="{}">{}</a>', reverse("moderation:member", args=[poster.username]), poster)
        if poster else "",
        "form": ModeratorActionForm(actions=_actions_for(report), prefix=f"r{report.pk}"),
    }  # fmt: skip


@moderator_required
def queue(request):
    status = request.GET.get("status", ReportStatus.OPEN)
    if status not in ReportStatus.values:
        status = ReportStatus.OPEN
    reports = (
        Report.objects.filter(status=status)
        .select_related("reporter", "work", "comment__user", "user", "handled_by")
        .order_by("created_at" if status == ReportStatus.OPEN else "-handled_at")
    )
    page = Paginator(reports, 25).get_page(request.GET.get("page"))
    rows = [_queue_row(r) for r in page]
    statuses = [(value, label, Report.objects.filter(status=value).count()) for value, label in ReportStatus.choices]
    return render(
        request, "moderation/console/queue.html", {"rows": rows, "page": page, "status": status, "statuses": statuses}
    )


def _apply(request, action: str, data: dict, *, report: Report | None, user: User | None) -> str:
    """Run one action; returns the message to show. Raises services.NotAllowed."""
    moderator, reason = request.user, data.get("reason", "").strip()
    work = report.work if report and report.work_id else None
    comment = report.comment if report and report.comment_id else None
    if action in (ReportAction.HIDE, ReportAction.RESTORE):
        hidden = action == ReportAction.HIDE
        if work is not None:
            services.hide_work(moderator, work, hidden=hidden, report=report, note=reason)
        elif comment is not None:
            services.hide_comment(moderator, comment, hidden=hidden, report=report, note=reason)
        else:
            raise services.NotAllowed(_("There is no work or comment to hide."))
        return _("Hidden: only its creators and moderators can see it.") if hidden else _("Visible again.")
    if action == ReportAction.DELETE_SPAM:
        services.delete_spam(moderator, work=work, comment=comment, report=report, note=reason)
        return _("Deleted as spam.")
    if action in (ReportAction.RESOLVE, ReportAction.DISMISS) and report is not None:
        services.close_report(moderator, report, dismiss=action == ReportAction.DISMISS, note=reason)
        return _("Report dismissed.") if action == ReportAction.DISMISS else _("Report resolved.")
    if user is None:
        raise services.NotAllowed(_("There is no member to act on."))
    if action == ReportAction.WARN:
        services.warn(moderator, user, reason=reason, report=report)
        return _("%(name)s was warned; they will read it on their next visit.") % {"name": user}
    if action == ReportAction.SUSPEND:
        until = timezone.now() + timedelta(days=data["days"])
        services.suspend(moderator, user, reason=reason, until=until, report=report)
        return ngettext(
            "%(name)s is suspended for %(days)d day.", "%(name)s is suspended for %(days)d days.", data["days"]
        ) % {"name": user, "days": data["days"]}
    if action == ReportAction.BAN:
        services.suspend(moderator, user, reason=reason, until=None, report=report)
        return _("%(name)s is banned.") % {"name": user}
    raise services.NotAllowed(_("Choose an action."))


@require_POST
@moderator_required
def report_act(request, pk):
    report = get_object_or_404(Report.objects.select_related("work", "comment__user", "user"), pk=pk)
    form = ModeratorActionForm(request.POST, actions=_actions_for(report), prefix=f"r{report.pk}")
    if not form.is_valid():
        errors = "; ".join(f"{e}" for errs in form.errors.values() for e in errs)
        messages.error(
            request, _("Report #%(number)s: nothing done. %(errors)s") % {"number": report.pk, "errors": errors}
        )
        return redirect("moderation:console")
    try:
        done = _apply(request, form.cleaned_data["action"], form.cleaned_data, report=report, user=_poster(report))
    except services.NotAllowed as refusal:
        messages.error(request, _("Report #%(number)s: %(refusal)s") % {"number": report.pk, "refusal": refusal})
    else:
        messages.success(request, _("Report #%(number)s: %(done)s Logged.") % {"number": report.pk, "done": done})
    return redirect("moderation:console")


@moderator_required
def member(request, username):
    """A member's record: their sanctions and warnings, and actions on them."""
    target = get_object_or_404(User, username=username)
    actions = {ReportAction.WARN, ReportAction.SUSPEND, ReportAction.BAN}
    form = ModeratorActionForm(request.POST or None, actions=actions)
    if request.method == "POST":
        if form.is_valid():
            try:
                done = _apply(request, form.cleaned_data["action"], form.cleaned_data, report=None, user=target)
            except services.NotAllowed as refusal:
                messages.error(request, str(refusal))
            else:
                messages.success(request, _("%(done)s Logged.") % {"done": done})
                return redirect("moderation:member", target.username)
    context = {
        "target": target,
        "form": form,
        "suspensions": target.suspensions.select_related("created_by"),
        "warnings": target.warnings_received.select_related("created_by"),
        "reports": Report.objects.filter(user=target).order_by("-created_at")[:20],
        "invitations_left": allowances.remaining_for(target),
        "now": timezone.now(),
    }
    return render(request, "moderation/console/member.html", context)


@require_POST
@moderator_required
def grant_invitations(request, username):
    target = get_object_or_404(User, username=username)
    try:
        count = int(request.POST.get("count", ""))
    except ValueError:
        count = 0
    if not 1 <= count <= 1000:
        messages.error(request, _("Grant between 1 and 1000 invitations."))
    else:
        try:
            total = services.grant_invitations(request.user, target, count)
        except services.NotAllowed as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, ngettext(
                "%(name)s now has %(count)d invitation to give. Logged.",
                "%(name)s now has %(count)d invitations to give. Logged.",
                total,
            ) % {"name": target, "count": total})  # fmt: skip
    return redirect("moderation:member", target.username)


@require_POST
@moderator_required
def lift(request, pk):
    suspension = get_object_or_404(Suspension.objects.select_related("user"), pk=pk, lifted_at__isnull=True)
    services.lift(request.user, suspension, note=request.POST.get("note", "")[:1000])
    lifted = _("Lifted the ban of %(name)s. Logged.") if suspension.is_ban else _(
        "Lifted the suspension of %(name)s. Logged."
    )
    messages.success(request, lifted % {"name": suspension.user})
    return redirect("moderation:member", suspension.user.username)


@moderator_required
def sanctions(request):
    wanted = request.GET.get("username", "").strip()
    if wanted:
        found = User.objects.filter(username__iexact=wanted).first()
        if found is not None:
            return redirect("moderation:member", found.username)
        messages.error(request, _("No member is called “%(name)s”.") % {"name": wanted})
    current = Suspension.objects.in_force().select_related("user", "created_by")
    return render(request, "moderation/console/sanctions.html", {"current": current})


@moderator_required
def blocklist(request):
    form = BlockAddressForm(request.POST or None)
    if request.method == "POST":
        if request.POST.get("remove"):
            blocked = get_object_or_404(BlockedAddress, pk=request.POST["remove"])
            services.unblock_address(request.user, blocked)
            messages.success(request, _("%(pattern)s may sign up again. Logged.") % {"pattern": blocked.pattern})
            return redirect("moderation:blocklist")
        if form.is_valid():
            blocked = services.block_address(request.user, form.cleaned_data["pattern"], note=form.cleaned_data["note"])
            messages.success(
                request, _("Sign-ups from %(pattern)s are now refused. Logged.") % {"pattern": blocked.pattern}
            )
            return redirect("moderation:blocklist")
    return render(request, "moderation/console/blocklist.html", {"form": form, "blocked": BlockedAddress.objects.all()})


@moderator_required
def audit_log(request):
    entries = ModerationLogEntry.objects.select_related("moderator", "work", "comment", "user", "report")
    action = request.GET.get("action", "")
    if action:
        entries = entries.filter(action=action)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    choices = ModerationLogEntry._meta.get_field("action").choices
    return render(request, "moderation/console/log.html", {"page": page, "action": action, "actions": choices})


def admin_required(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not (request.user.is_superuser or request.user.is_staff):
            raise PermissionDenied(_("Only the archive's admins can change its policy."))
        return view(request, *args, **kwargs)

    return wrapper


@admin_required
def policy(request):
    """The archive policy page: the rating scale, warnings, categories, anonymous posting."""
    current = archive_policy.current()
    form = ArchivePolicyForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        try:
            changed = policy_services.save_policy(form.save(commit=False), request.user)
        except policy_services.PolicyError as problem:
            form.add_error(None, str(problem))
        else:
            if changed:
                services.log_policy_change(request.user, "; ".join(changed))
            messages.success(request, _("Archive policy saved. New and edited works use it from now on.") if changed
                             else _("Nothing changed."))
            return redirect("moderation:policy")
    return render(request, "moderation/console/policy.html", {"form": form, "policy": current})


@moderator_required
def review_queue(request):
    items = ReviewItem.objects.filter(status=ReviewStatus.PENDING).select_related("work", "comment__user")
    page = Paginator(items, 25).get_page(request.GET.get("page"))
    return render(request, "moderation/console/review.html", {"page": page})


@require_POST
@moderator_required
def review_act(request, pk):
    item = get_object_or_404(ReviewItem.objects.select_related("work", "comment"), pk=pk, status=ReviewStatus.PENDING)
    note = request.POST.get("note", "").strip()[:1000]
    if request.POST.get("action") == "approve":
        review.approve(request.user, item, note)
        messages.success(request, _("Approved: it is public now. Logged."))
    elif request.POST.get("action") == "reject":
        review.reject(request.user, item, note)
        messages.success(request, _("Rejected: deleted as spam. Logged.") if item.reason == ReviewReason.SPAM
                         else _("Rejected: kept hidden; its creators were told why. Logged."))  # fmt: skip
    else:
        messages.error(request, _("Choose Approve or Reject."))
    return redirect("moderation:review")
