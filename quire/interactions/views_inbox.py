"""The inbox: comments on your works, replies to your comments, and updates from
your subscriptions. Read/unread, and replying right from the list."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from quire.lib.redirects import safe_next

from .emails import describe
from .feedback import check_can_comment
from .forms import CommentForm
from .models import Notification
from .safety import Refused

PER_PAGE = 20


@login_required
def inbox(request):
    show = request.GET.get("show", "all")
    items = Notification.objects.filter(user=request.user).select_related(
        "work", "chapter", "series", "comment__user", "comment__chapter", "comment__work"
    )
    if show == "unread":
        items = items.filter(read_at__isnull=True)
    page = Paginator(items, PER_PAGE).get_page(request.GET.get("page"))
    rows = []
    for n in page.object_list:
        row = {"n": n, **describe(n, request.user), "can_reply": False}
        c = n.comment
        if c is not None and c.is_shown:
            try:
                check_can_comment(c.work, request.user, parent=c)
                row["can_reply"] = True
            except Refused as refusal:
                row["reply_refused"] = str(refusal)
            row["reply_form"] = CommentForm(
                initial={"parent": c.pk, "chapter": c.chapter_id, "next": request.get_full_path()}, prefix=None
            )
        rows.append(row)
    unread = Notification.objects.filter(user=request.user, read_at__isnull=True).count()
    return render(request, "interactions/inbox.html", {"page": page, "rows": rows, "show": show, "unread": unread})


@require_POST
@login_required
def inbox_update(request):
    """Mark chosen items read or unread, or delete them; "all_read" marks everything read."""
    action = request.POST.get("action")
    mine = Notification.objects.filter(user=request.user)
    if action == "all_read":
        mine.filter(read_at__isnull=True).update(read_at=timezone.now())
        messages.success(request, _("Everything in your inbox is marked as read."))
        return redirect("interactions:inbox")
    chosen = mine.filter(pk__in=[int(i) for i in request.POST.getlist("items") if i.isdigit()])
    if not chosen.exists():
        messages.error(request, _("Choose at least one item first."))
    elif action == "read":
        chosen.update(read_at=timezone.now())
        messages.success(request, _("Marked as read."))
    elif action == "unread":
        chosen.update(read_at=None)
        messages.success(request, _("Marked as unread."))
    elif action == "delete":
        chosen.delete()
        messages.success(request, _("Deleted from your inbox."))
    else:
        messages.error(request, _("Choose what to do with the items."))
    return redirect(safe_next(request, "interactions:inbox", field="back"))


@login_required
def inbox_open(request, pk):
    """Follow an inbox item: it becomes read."""
    n = Notification.objects.filter(user=request.user, pk=pk).first()
    if n is None:
        messages.error(request, _("That inbox item no longer exists."))
        return redirect("interactions:inbox")
    Notification.objects.filter(pk=n.pk, read_at__isnull=True).update(read_at=timezone.now())
    return redirect(describe(n, request.user)["path"])
