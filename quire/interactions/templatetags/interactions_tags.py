"""Template tags for the fragments other apps' pages include (the work page's
feedback section, the header, the profile): the including views pass nothing
extra, so the fragments fetch what they show here."""

from django import template
from django.core.paginator import Paginator
from django.utils.html import format_html_join

from quire.accounts.models import Block, Mute

from ..feedback import check_can_comment, comment_tree, kudos_summary
from ..forms import CommentForm, GuestCommentForm
from ..models import Bookmark, CommentSettings, Kudos, Notification, Reading, Subscription, WorkStats
from ..safety import Refused

register = template.Library()

# Comment threads (a top-level comment and its replies) per page, per chapter: a work
# with hundreds of comments still loads quickly and reads in order.
THREADS_PER_PAGE = 20


def _paged_tree(request, chapter, comments) -> dict:
    """One page of a chapter's comment threads, with links to the pages around it."""
    param = f"comments{chapter.pk}"
    page = Paginator(comment_tree(comments), THREADS_PER_PAGE).get_page(request.GET.get(param))

    def url(number: int) -> str:
        query = request.GET.copy()
        query[param] = number
        return f"?{query.urlencode()}#comments-{chapter.pk}"

    return {
        "tree": list(page.object_list),
        "page": page,
        "newer_url": url(page.next_page_number()) if page.has_next() else "",
        "older_url": url(page.previous_page_number()) if page.has_previous() else "",
    }


def _annotate(comments, user, work) -> None:
    if work.anonymous and getattr(work, "accepted_creatorships", None) is None:
        # Each comment checks whether its writer is a creator: fetch the creators once.
        work.accepted_creatorships = list(work.creatorships.filter(accepted=True).select_related("pseud__user"))
    is_creator = work.is_creator(user)
    for c in comments:
        c.viewer_can_edit = c.can_edit(user)
        c.viewer_can_delete = (
            user.is_authenticated and not c.deleted and (user.pk == c.user_id or is_creator or user.can_moderate)
        )
        c.viewer_is_work_creator = is_creator
        c.work = work
        c.viewer_sees_author = not c.hides_author_from(user)
        c.viewer_display_name = c.display_name_for(user)


@register.simple_tag(takes_context=True)
def work_feedback(context) -> dict:
    request = context["request"]
    user = request.user
    work = context["work"]
    shown = context.get("shown") or []
    signed_in = user.is_authenticated
    from ..models import Comment

    comments = list(
        Comment.objects.visible_to(user, work)
        .filter(chapter__in=[c.pk for c in shown if c.is_published])
        .select_related("user", "thread")
    )
    _annotate(comments, user, work)
    by_chapter = {}
    for c in comments:
        by_chapter.setdefault(c.chapter_id, []).append(c)
    try:
        check_can_comment(work, user)
        comment_refusal, log_in_to_comment = None, False
    except Refused as refusal:
        comment_refusal, log_in_to_comment = str(refusal), refusal.log_in
    form_class = CommentForm if signed_in else GuestCommentForm
    published = [ch for ch in shown if ch.is_published]
    # The entire work has one comment form, at its end (on the last chapter shown), not
    # one under every chapter; each chapter's own page keeps its form.
    one_form = bool(context.get("full")) and len(published) > 1
    chapters = [
        {
            "chapter": ch,
            **_paged_tree(request, ch, by_chapter.get(ch.pk, [])),
            "count": sum(1 for c in by_chapter.get(ch.pk, []) if c.is_shown),
            "form": form_class(initial={"chapter": ch.pk}, auto_id=f"id_ch{ch.pk}_%s")
            if not one_form or ch is published[-1]
            else None,
        }
        for ch in published
    ]
    kudos = kudos_summary(work)
    # The names as one piece of HTML, so the whole kudos sentence is one string to translate.
    kudos["links"] = format_html_join(
        ", ", '<a href="{}">{}</a>', ((u.get_absolute_url(), u.username) for u in kudos["users"])
    )
    data = {
        "stats": WorkStats.for_work(work),
        "kudos": kudos,
        "chapters": chapters,
        "comment_refusal": comment_refusal,
        "log_in_to_comment": log_in_to_comment,
        "guest_form": not signed_in,
        "is_creator": work.is_creator(user),
        "can_subscribe": signed_in and not work.is_creator(user),
    }
    if signed_in:
        data["left_kudos"] = Kudos.objects.filter(work=work, user=user).exists()
        data["bookmark"] = Bookmark.objects.filter(user=user, work=work).first()
        data["subscribed"] = Subscription.objects.filter(user=user, work=work).exists()
        data["series_subs"] = [
            {"series": m.series, "subscribed": Subscription.objects.filter(user=user, series=m.series).exists()}
            for m in work.series_memberships.all()
        ]
        data["later"] = Reading.objects.filter(user=user, work=work, marked_for_later=True).exists()
    if data["is_creator"]:
        data["moderated"] = CommentSettings.objects.filter(work=work, moderated=True).exists()
    return data


@register.simple_tag(takes_context=True)
def inbox_unread(context) -> int:
    user = context["request"].user
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


@register.simple_tag(takes_context=True)
def profile_relations(context, profile_user) -> dict:
    user = context["request"].user
    if not user.is_authenticated or user.pk == profile_user.pk:
        return {"show": False}
    subs = Subscription.objects.filter(user=user)
    return {
        "show": True,
        "blocked": Block.objects.filter(blocker=user, blocked=profile_user).exists(),
        # Only mutes by name: a mute made from an anonymous work's page must not say whose it was.
        "muted": Mute.objects.filter(muter=user, muted=profile_user, via_work__isnull=True).exists(),
        "subscribed": subs.filter(author=profile_user).exists(),
        "pseud_subs": set(subs.filter(pseud__user=profile_user).values_list("pseud_id", flat=True)),
    }


@register.simple_tag(takes_context=True)
def muted_people(context) -> int:
    """How many people the reader muted by name: listings say their works are hidden."""
    user = context["request"].user
    if not user.is_authenticated:
        return 0
    return Mute.objects.filter(muter=user, via_work__isnull=True).count()
