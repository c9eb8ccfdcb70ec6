"""Getting a work or series for a person and a purpose: the only way views, feeds,
downloads and the API load one by id.

Each helper starts from the one visibility rule (`Work.objects.visible_to`) and,
when the answer is no, refuses through `refusal` below: a guest asking for a
restricted work is asked to log in (403); anything else the person may not see
does not admit to existing (404). A person who may see a work but not change it
is told so (403).

They take a user rather than a request because downloads and feeds identify
their reader by an app password as well as by a session.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from .models import Series, Work, WorkQuerySet


def _signed_in(user) -> bool:
    return bool(user and user.is_authenticated)


def refusal(user, *, for_members: bool, what: str, verb: str) -> Exception:
    """The one refusal rule. `for_members`: what was asked for exists and signing in
    would show it (a posted, restricted work; a series with works in it)."""
    if for_members and not _signed_in(user):
        # Whole sentences, one per case, so each reads naturally once translated.
        messages = {
            ("work", "read"): _("This work is only available to registered users of the archive. Log in to read it."),
            ("work", "download"): _(
                "This work is only available to registered users of the archive. Log in to download it."
            ),
            ("series", "read"): _(
                "The works in this series are only available to registered users. Log in to read them."
            ),
            ("series", "download"): _(
                "The works in this series are only available to registered users. Log in to download them."
            ),
        }
        return PermissionDenied(messages[(what, verb)])
    return Http404(f"No such {what}.")


def _work_or_refuse(queryset: WorkQuerySet, user, pk: int, verb: str) -> Work:
    work = queryset.filter(pk=pk).first()
    if work is not None:
        return work
    members_only = Work.objects.filter(
        pk=pk, restricted=True, is_draft=False, hidden_by_moderator=False, unrevealed=False,
        held_for_review=False,
    ).exists()
    raise refusal(user, for_members=members_only, what="work", verb=verb)


def work_for_reading(user, pk: int) -> Work:
    """The work page and its chapters, with what a listing shows (tags, creators, series)."""
    return _work_or_refuse(Work.objects.visible_to(user).for_listing(), user, pk, "read")


def work_for_interacting(user, pk: int) -> Work:
    """Kudos, comments, bookmarks, subscriptions, reports: whoever may read the work."""
    return _work_or_refuse(Work.objects.visible_to(user), user, pk, "read")


def work_for_downloading(user, pk: int) -> Work:
    """Files, feeds and the reader-tool routes: see `WorkQuerySet.downloadable_by`."""
    return _work_or_refuse(Work.objects.downloadable_by(user), user, pk, "download")


def work_for_editing(user, pk: int) -> Work:
    """The work if `user` is one of its accepted creators. A work they may read but
    not edit is refused (403); one they can't see doesn't exist (404)."""
    work = Work.objects.visible_to(user).filter(pk=pk).first()
    if work is None:
        raise Http404("No such work.")
    if not work.is_creator(user):
        raise PermissionDenied(_("Only the creators of this work can change it."))
    return work


def refuse_empty_series(user, series: Series, verb: str) -> Exception:
    """Why a series shows `user` no works: guests are asked to log in when it has
    works at all; to anyone else it does not exist."""
    return refusal(user, for_members=series.memberships.exists(), what="series", verb=verb)


def series_for_editing(user, pk: int) -> Series:
    series = Series.objects.filter(pk=pk).first()
    if series is None:
        raise Http404("No such series.")
    if not (_signed_in(user) and series.creators.filter(user=user).exists()):
        raise PermissionDenied(_("Only the creators of this series can change it."))
    return series
