"""Claiming works an archivist imported: the page the invitation links to, and
the page where a signed-in creator finds works archived under their email."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from . import claiming
from .models import ArchivedCreator


def claim_page(request, token):
    """Whoever holds the emailed link may claim the works into the account they are
    signed in to, make the placeholder their own account, or orphan the works."""
    archived = get_object_or_404(ArchivedCreator.objects.select_related("pseud", "archivist"), token=token)
    context = {"archived": archived, "works": claiming.works_of(archived), "errors": []}
    if request.method == "POST" and not archived.is_settled:
        action = request.POST.get("action")
        try:
            if action == "claim":
                if not request.user.is_authenticated:
                    return redirect(f"{_login_url()}?next={request.path}")
                works = claiming.claim(archived, request.user)
                messages.success(
                    request,
                    ngettext(
                        "%(count)s work is now in your account.", "%(count)s works are now in your account.", len(works)
                    )
                    % {"count": len(works)},
                )
                return redirect(request.user)
            if action == "new_account":
                username = request.POST.get("username", "").strip()
                password = request.POST.get("password", "")
                if not username:
                    raise claiming.ClaimError(_("Choose a user name."))
                try:
                    validate_password(password)
                except ValidationError as error:
                    raise claiming.ClaimError(" ".join(error.messages)) from error
                user = claiming.claim_into_new_account(archived, username, password)
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
                messages.success(request, _("Your account is ready and your works are in it."))
                return redirect(user)
            if action == "orphan":
                works = claiming.orphan(archived)
                messages.success(
                    request,
                    ngettext(
                        "%(count)s work is orphaned: still here, tied to no account.",
                        "%(count)s works are orphaned: still here, tied to no account.",
                        len(works),
                    )
                    % {"count": len(works)},
                )
                return redirect("works:claim", token=token)
        except claiming.ClaimError as error:
            context["errors"].append(str(error))
            context["username"] = request.POST.get("username", "")
            return render(request, "works/claim.html", context, status=400)
    return render(request, "works/claim.html", context)


def _login_url() -> str:
    from django.conf import settings
    from django.shortcuts import resolve_url

    return resolve_url(settings.LOGIN_URL)


@login_required
def claims(request):
    """Works archived under the signed-in person's email. The claim link is sent to
    that address rather than shown, so only the address's owner can claim."""
    found = list(claiming.matching_email(request.user))
    return render(request, "works/claims.html", {"found": found})


@login_required
@require_POST
def claims_send(request):
    sent = sum(
        claiming.invite_to_claim(archived, to=request.user.email) for archived in claiming.matching_email(request.user)
    )
    if sent:
        messages.success(
            request,
            _("We sent the claim link to %(email)s: open it to claim your works.") % {"email": request.user.email},
        )
    else:
        messages.info(request, _("No archived works carry your email address."))
    return redirect("works:claims")
