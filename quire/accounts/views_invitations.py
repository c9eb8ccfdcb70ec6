"""The invitation queue, for archives with QUIRE_SIGNUP=invite: people ask to
join, moderators invite them in order."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import allowances, services
from .forms import InviteEmailForm, InviteNextForm, InviteRequestForm, posted_data
from .models import Invitation, InviteRequest

QUEUE_SHOWN = 200  # the page lists the head of the queue; that is who gets invited next


def invite_request(request):
    if settings.SIGNUP_MODE != "invite":
        return render(request, "accounts/invite_request_unavailable.html")
    form = InviteRequestForm(posted_data(request))
    if request.method == "POST" and form.is_valid():
        entry = InviteRequest.objects.create(email=form.cleaned_data["email"])
        position = InviteRequest.objects.filter(
            invited_at__isnull=True, created_at__lte=entry.created_at
        ).count()
        messages.success(
            request,
            _("You're on the list at position %(position)s. We'll email %(email)s when your invitation is ready.")
            % {"position": position, "email": entry.email},
        )
        return redirect("accounts:invite_request")
    waiting = InviteRequest.objects.filter(invited_at__isnull=True).count()
    return render(request, "accounts/invite_request.html", {"form": form, "waiting": waiting})


@login_required
def my_invitations(request):
    """A member gives the invitations an admin granted them."""
    form = InviteEmailForm(posted_data(request), prefix="single")
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        with transaction.atomic():
            if allowances.take_one(request.user):
                services.send_invitation(email, request.user)
                messages.success(request, _("Sent an invitation to %(email)s.") % {"email": email})
                return redirect("accounts:my_invitations")
        form.add_error(None, _("You have no invitations left to give. Admins can grant more."))
    sent = Invitation.objects.filter(created_by=request.user).select_related("used_by").order_by("-created_at")[:50]
    return render(request, "accounts/my_invitations.html", {
        "form": form, "remaining": allowances.remaining_for(request.user), "sent": sent,
    })  # fmt: skip


@login_required
def invitations(request):
    if not request.user.can_moderate:
        raise PermissionDenied(_("Only moderators can send invitations."))
    next_form = InviteNextForm(prefix="next")
    email_form = InviteEmailForm(prefix="single")
    if request.method == "POST":
        # Two forms on one page; the button pressed says which was sent.
        if "invite_next" in request.POST:
            next_form = InviteNextForm(request.POST, prefix="next")
            if next_form.is_valid():
                sent = services.invite_next(next_form.cleaned_data["count"], request.user)
                if sent:
                    messages.success(
                        request,
                        ngettext("Sent %(count)s invitation.", "Sent %(count)s invitations.", len(sent))
                        % {"count": len(sent)},
                    )
                else:
                    messages.info(request, _("Nobody is waiting in the queue."))
                return redirect("accounts:invitations")
        elif "invite_email" in request.POST:
            email_form = InviteEmailForm(request.POST, prefix="single")
            if email_form.is_valid():
                email = email_form.cleaned_data["email"]
                services.send_invitation(email, request.user)
                messages.success(request, _("Sent an invitation to %(email)s.") % {"email": email})
                return redirect("accounts:invitations")
    queue = InviteRequest.objects.filter(invited_at__isnull=True).order_by("created_at", "pk")
    queue_count = queue.count()
    recent = Invitation.objects.select_related("used_by").order_by("-created_at", "-pk")[:50]
    return render(
        request,
        "accounts/invitations.html",
        {
            "queue": queue[:QUEUE_SHOWN],
            "queue_count": queue_count,
            "recent": recent,
            "next_form": next_form,
            "email_form": email_form,
        },
    )
