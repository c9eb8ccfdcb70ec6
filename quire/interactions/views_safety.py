"""Blocking and muting, from a profile, an (anonymous) work page, or the settings list."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from quire.accounts.models import Block, Mute, User
from quire.lib.redirects import safe_next
from quire.works.access import work_for_interacting

from . import safety


@require_POST
@login_required
def block_user(request, username):
    other = get_object_or_404(User, username__iexact=username, is_active=True)
    back = safe_next(request, other.get_absolute_url())
    try:
        if request.POST.get("action") == "unblock":
            safety.unblock(request.user, other)
            messages.success(request, _("You have unblocked %(name)s.") % {"name": other.username})
        else:
            safety.block(request.user, other)
            messages.success(
                request,
                _(
                    "You have blocked %(name)s. They can no longer comment on, reply to, "
                    "or leave kudos on your works, nor subscribe to you."
                )
                % {"name": other.username},
            )
    except safety.Refused as refusal:
        messages.error(request, str(refusal))
    return redirect(back)


@require_POST
@login_required
def mute_user(request, username):
    other = get_object_or_404(User, username__iexact=username, is_active=True)
    back = safe_next(request, other.get_absolute_url())
    try:
        if request.POST.get("action") == "unmute":
            Mute.objects.filter(muter=request.user, muted=other, via_work__isnull=True).delete()
            messages.success(request, _("You have unmuted %(name)s.") % {"name": other.username})
        else:
            safety.mute(request.user, other)
            messages.success(
                request,
                _("You have muted %(name)s: you won't see their works, comments or bookmarks.")
                % {"name": other.username},
            )
    except safety.Refused as refusal:
        messages.error(request, str(refusal))
    return redirect(back)


@require_POST
@login_required
def mute_work_creator(request, pk):
    """Mute whoever wrote a work, even an anonymous one, without being told who that is."""
    work = work_for_interacting(request.user, pk)
    try:
        safety.mute_work_creators(request.user, work)
    except safety.Refused as refusal:
        messages.error(request, str(refusal))
        return redirect(work.get_absolute_url())
    if work.anonymous:
        messages.success(request, _("Muted: you won't see this work any more."))
    else:
        messages.success(
            request, _("Muted: you won't see works, comments or bookmarks by this work's creator any more.")
        )
    return redirect("works:index")


@login_required
def blocked_and_muted(request):
    if request.method == "POST":
        mute_id = request.POST.get("unmute", "")
        if mute_id.isdigit():
            safety.unmute(request.user, int(mute_id))
            messages.success(request, _("Unmuted."))
        return redirect("interactions:blocked")
    return render(
        request,
        "interactions/blocked.html",
        {
            "blocks": Block.objects.filter(blocker=request.user).select_related("blocked"),
            "mutes": Mute.objects.filter(muter=request.user).select_related("muted", "via_work"),
        },
    )
