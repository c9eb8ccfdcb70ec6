"""Enforcing suspensions and bans on every request, in one place.

A middleware rather than a check in each view: posting, editing and commenting are
spread over works, interactions and imports, and a new contributing page is
covered by adding its URL name here, not by remembering a decorator."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from .sanctions import MemberWarning, restriction_for

# The pages a suspended member may not use: everything that writes content others read.
CONTRIBUTING = {
    "works": {"new", "edit", "post", "chapter_new", "chapter_edit", "series_new", "series_edit"},
    "interactions": {"comment_new", "comment_edit", "bookmark"},
    "imports": {"new", "from_text"},
}


class SuspensionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and request.method == "GET":
            _deliver_warnings(request, user)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        match = request.resolver_match
        if match is None:
            return None
        restriction = None
        if match.url_name in CONTRIBUTING.get(match.app_name, ()):
            restriction = restriction_for(user)
        elif request.method == "POST":
            # A ban ends the session on the next write, whatever the page.
            found = restriction_for(user)
            restriction = found if found is not None and found.is_ban else None
        if restriction is None:
            return None
        if restriction.is_ban:
            logout(request)
            messages.error(request, restriction.explanation())
            return redirect("accounts:login")
        return render(request, "accounts/suspended.html", {"restriction": restriction}, status=403)


def _deliver_warnings(request, user) -> None:
    # One cheap indexed query per page for logged-in members; marked seen once shown.
    unseen = list(MemberWarning.objects.filter(user=user, seen_at__isnull=True).order_by("created_at"))
    for warning in unseen:
        messages.warning(request, _("A moderator has warned you: %(reason)s") % {"reason": warning.reason})
    if unseen:
        MemberWarning.objects.filter(pk__in=[w.pk for w in unseen]).update(seen_at=timezone.now())


@receiver(user_logged_in)
def _say_why_at_login(sender, request, user, **kwargs):
    restriction = restriction_for(user)
    if restriction is not None and request is not None and hasattr(request, "_messages"):
        messages.warning(request, restriction.explanation())
