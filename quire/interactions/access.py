"""Fetch helpers: the only way interaction views load a work or a comment.
They apply the visibility rule and raise Http404/PermissionDenied otherwise."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from quire.works.models import Work

from .models import Comment


def access_work(request, pk: int) -> Work:
    work = Work.objects.visible_to(request.user).filter(pk=pk).first()
    if work is not None:
        return work
    if (
        not request.user.is_authenticated
        and Work.objects.filter(pk=pk, restricted=True, is_draft=False, hidden_by_moderator=False).exists()
    ):
        raise PermissionDenied("This work is only available to registered users of the archive. Log in to read it.")
    raise Http404("No such work.")


def access_comment(request, pk: int) -> Comment:
    comment = Comment.objects.select_related("work", "chapter", "user").filter(pk=pk).first()
    if comment is None:
        raise Http404("No such comment.")
    work = access_work(request, comment.work_id)
    if not Comment.objects.visible_to(request.user, work).filter(pk=pk).exists():
        raise Http404("No such comment.")
    comment.work = work
    return comment
