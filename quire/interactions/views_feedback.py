"""Kudos and comments on the work page, and the author's moderation of comments."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from quire.accounts.confirmation import confirmed_email_required
from quire.lib.redirects import safe_next
from quire.works.access import work_for_interacting

from . import feedback
from .access import access_comment
from .forms import CommentEditForm, CommentForm, GuestCommentForm
from .keys import client_ip, guest_key
from .safety import Refused


def _comment_anchor(comment) -> str:
    return f"{comment.chapter.get_absolute_url()}#comment-{comment.pk}"


@require_POST
def kudos(request, pk):
    work = work_for_interacting(request.user, pk)
    back = safe_next(request, work.get_absolute_url())
    try:
        added = feedback.leave_kudos(work, request.user, guest_key=guest_key(request))
    except Refused as refusal:
        messages.error(request, str(refusal))
        return redirect(back + "#feedback")
    if added:
        messages.success(request, _("Thank you for leaving kudos!"))
    else:
        messages.info(request, _("You have already left kudos here. :)"))
    return redirect(back + "#kudos")


@require_POST
@confirmed_email_required
def comment_new(request, pk):
    work = work_for_interacting(request.user, pk)
    signed_in = request.user.is_authenticated
    form = (CommentForm if signed_in else GuestCommentForm)(request.POST)
    parent = None
    error = None
    status = 400
    if form.is_valid():
        chapter = work.chapters.published().filter(pk=form.cleaned_data["chapter"]).first()
        if chapter is None:
            raise Http404("No such chapter in this work.")
        if form.cleaned_data.get("parent"):
            parent = access_comment(request, form.cleaned_data["parent"])
            if parent.work_id != work.pk:
                raise Http404("No such comment.")
        actor = f"user:{request.user.pk}" if signed_in else f"ip:{client_ip(request)}"
        try:
            comment = feedback.post_comment(
                work, chapter, form.cleaned_data["text"], user=request.user, parent=parent, actor_key=actor,
                guest_name=form.cleaned_data.get("name", ""), guest_email=form.cleaned_data.get("email", ""),
                guest_key="" if signed_in else guest_key(request), ip_address=client_ip(request),
            )  # fmt: skip
        except Refused as refusal:
            error, status = str(refusal), refusal.status
        else:
            if comment.approved:
                messages.success(request, _("Comment posted.") if parent is None else _("Reply posted."))
            else:
                messages.success(request, _("Your comment was received. It will show once the creator approves it."))
            return redirect(safe_next(request, _comment_anchor(comment)))
    return render(
        request,
        "interactions/comment_form.html",
        {"work": work, "form": form, "error": error, "parent": parent},
        status=status,
    )


def comment_detail(request, comment_id):
    comment = access_comment(request, comment_id)
    return redirect(_comment_anchor(comment))


@login_required
def comment_edit(request, comment_id):
    comment = access_comment(request, comment_id)
    if not comment.can_edit(request.user):
        messages.error(request, _("You can only edit your own comments, within the first minutes after posting."))
        return redirect(_comment_anchor(comment))
    form = CommentEditForm(request.POST or None, initial={"text": comment.text})
    if request.method == "POST" and form.is_valid():
        try:
            feedback.edit_comment(comment, request.user, form.cleaned_data["text"])
        except Refused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("Comment updated."))
        return redirect(_comment_anchor(comment))
    return render(request, "interactions/comment_edit.html", {"comment": comment, "form": form, "work": comment.work})


def _moderation_action(request, comment_id, action, done: str):
    comment = access_comment(request, comment_id)
    try:
        action(comment, request.user)
    except Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, done)
    return redirect(safe_next(request, _comment_anchor(comment)))


@require_POST
@login_required
def comment_delete(request, comment_id):
    comment = access_comment(request, comment_id)
    back = safe_next(request, comment.chapter.get_absolute_url() + "#comments")
    try:
        feedback.delete_comment(comment, request.user)
    except Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Comment deleted."))
    return redirect(back)


@require_POST
@login_required
def comment_approve(request, comment_id):
    return _moderation_action(
        request, comment_id, feedback.approve_comment, _("Comment approved: everyone can see it now.")
    )


@require_POST
@login_required
def comment_hide(request, comment_id):
    return _moderation_action(
        request, comment_id, feedback.hide_comment_as_creator, _("Comment hidden: only you and its writer can see it.")
    )


@require_POST
@login_required
def comment_unhide(request, comment_id):
    return _moderation_action(
        request,
        comment_id,
        lambda c, u: feedback.hide_comment_as_creator(c, u, hidden=False),
        _("Comment shown again."),
    )


@require_POST
@login_required
def comment_freeze(request, comment_id):
    return _moderation_action(
        request, comment_id, feedback.freeze_thread, _("Thread frozen: no new replies can be added.")
    )


@require_POST
@login_required
def comment_unfreeze(request, comment_id):
    return _moderation_action(
        request, comment_id, lambda c, u: feedback.freeze_thread(c, u, frozen=False), _("Thread unfrozen.")
    )


@require_POST
@login_required
def comment_settings(request, pk):
    work = work_for_interacting(request.user, pk)
    if not work.is_creator(request.user):
        messages.error(request, _("Only the creators of this work can change how its comments are handled."))
    else:
        moderated = request.POST.get("moderated") == "on"
        feedback.set_moderated(work, moderated)
        messages.success(
            request,
            _("New comments will wait for your approval.") if moderated else _("New comments will show right away."),
        )
    return redirect(work.get_absolute_url() + "#feedback")
