"""Public pages about a user: their profile and each of their pseuds.

Works are listed through `Work.objects.by_user`, which applies the visibility
rule and keeps anonymous works off the lists of anyone but the creator and moderators.
The pages list works, so they are this app's; their names stay the accounts app's
(`accounts:profile`, `accounts:pseud`, wired in quire/urls.py) and so do their
templates.
"""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from quire.accounts import lifecycle
from quire.accounts.models import Pseud, User

from .models import Creatorship, Series, Work

PER_PAGE = 20


def _listed_works(request, profile_user):
    """The works a profile lists: by the visibility rule, and without tags the
    reader excluded (your own profile shows all of your works)."""
    works = Work.objects.by_user(profile_user, request.user)
    if request.user != profile_user:
        works = works.without_saved_exclusions(request.user)
    return works


def _user_or_renamed(username: str):
    """The active account named `username`, or a permanent redirect when the name
    is one an account gave up (old links keep working)."""
    user = User.objects.filter(username__iexact=username, is_active=True).first()
    if user is not None:
        return user, None
    renamed = lifecycle.renamed_user(username)
    if renamed is None:
        raise Http404("No such user.")
    return None, renamed


def profile(request, username):
    profile_user, renamed = _user_or_renamed(username)
    if renamed is not None:
        return redirect(renamed.get_absolute_url(), permanent=True)
    works = _listed_works(request, profile_user).for_listing().order_by("-updated_at", "-pk")
    page = Paginator(works, PER_PAGE).get_page(request.GET.get("page"))
    series = Series.objects.filter(creators__user=profile_user).distinct().order_by("-updated_at")
    if not (request.user == profile_user or (request.user.is_authenticated and request.user.can_moderate)):
        # A series holding an anonymous work would name its creator here.
        series = series.exclude(memberships__work__anonymous=True)
    return render(
        request,
        "accounts/profile.html",
        {
            "profile_user": profile_user,
            "pseuds": profile_user.pseuds.all(),
            "page": page,
            "series_list": series,
            "is_own": request.user == profile_user,
        },
    )


def pseud_detail(request, username, pseud):
    profile_user, renamed = _user_or_renamed(username)
    if renamed is not None:
        target = renamed.pseuds.filter(name__iexact=pseud).first() or renamed.default_pseud
        return redirect(target.get_absolute_url(), permanent=True)
    pseud = get_object_or_404(Pseud, user=profile_user, name__iexact=pseud)
    # by_user already drops anonymous works for other readers; narrowing to this
    # pseud's accepted credits must not bring them back, so it only filters further.
    credited = Creatorship.objects.filter(pseud=pseud, accepted=True).values("work_id")
    works = (
        _listed_works(request, profile_user)
        .filter(pk__in=credited)
        .for_listing()
        .order_by("-updated_at", "-pk")
    )
    page = Paginator(works, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "accounts/pseud_detail.html",
        {"profile_user": profile_user, "pseud": pseud, "page": page, "is_own": request.user == profile_user},
    )
