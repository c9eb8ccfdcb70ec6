"""Loading a comment for the person asking: the comment's work through the access
helpers in quire.works.access (one refusal rule), then the comment rules."""

from django.http import Http404

from quire.works.access import work_for_interacting

from .models import Comment


def access_comment(request, pk: int) -> Comment:
    comment = Comment.objects.select_related("work", "chapter", "user").filter(pk=pk).first()
    if comment is None:
        raise Http404("No such comment.")
    work = work_for_interacting(request.user, comment.work_id)
    if not Comment.objects.visible_to(request.user, work).filter(pk=pk).exists():
        raise Http404("No such comment.")
    comment.work = work
    return comment
