"""Collection pages: the index, a collection's profile and works, creating and
editing, the moderation queue, invitations, reveal, bookmarks; gifts and
related works. Works are always reached through the one visibility rule."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from quire.accounts.models import User
from quire.interactions.models import Bookmark
from quire.search.listing import build_listing
from quire.works.models import Work

from . import services
from .forms import CollectionForm, InviteWorkForm
from .models import Collection, CollectionItem, Gift, ItemState, RelatedWork


def _collection(name) -> Collection:
    return get_object_or_404(Collection.objects.select_related("owner", "parent"), name=name)


def _maintained(request, name) -> Collection:
    collection = _collection(name)
    if not collection.is_maintainer(request.user):
        raise PermissionDenied(_("Only the collection's owner and moderators can do that."))
    return collection


def visible_work_count(collection: Collection, user) -> int:
    ids = CollectionItem.objects.approved().filter(collection_id__in=collection.with_children_ids())
    return Work.objects.visible_to(user).posted().filter(pk__in=ids.values("work_id")).count()


def collection_index(request):
    collections = Collection.objects.top_level().select_related("owner").prefetch_related("children")
    rows = [(c, visible_work_count(c, request.user)) for c in collections]
    return render(request, "collections/index.html", {"rows": rows})


def collection_detail(request, name):
    collection = _collection(name)
    is_maintainer = collection.is_maintainer(request.user)
    context = {
        "collection": collection,
        "is_maintainer": is_maintainer,
        "children": collection.children.all(),
        "moderators": collection.moderators.all(),
        "work_count": visible_work_count(collection, request.user),
        "pending": CollectionItem.objects.filter(collection=collection, collection_state=ItemState.PENDING).count()
        if is_maintainer
        else 0,
        "my_bookmarks": Bookmark.objects.filter(user=request.user, work__isnull=False)
        .exclude(collection_items__collection=collection)
        .select_related("work")[:200]
        if request.user.is_authenticated and not collection.closed
        else [],
    }
    return render(request, "collections/detail.html", context)


def collection_works(request, name):
    collection = _collection(name)
    context = build_listing(request, collection_ids=tuple(collection.with_children_ids()))
    context["heading"] = _("Works in %(collection)s") % {"collection": collection.title}
    context["collection"] = collection
    return render(request, "search/works.html", context)


def collection_bookmarks(request, name):
    collection = _collection(name)
    items = CollectionItem.objects.approved().filter(collection=collection, bookmark__isnull=False)
    bookmarks = (
        Bookmark.objects.visible_to(request.user)
        .filter(pk__in=items.values("bookmark_id"), work_shown=True)
        .select_related("user", "work")
    )
    return render(request, "collections/bookmarks.html", {"collection": collection, "bookmarks": bookmarks})


@login_required
def collection_new(request):
    parent = request.GET.get("parent", "")
    initial = {"parent": int(parent)} if parent.isdigit() else {}
    form = CollectionForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            collection = form.save(commit=False)
            collection.owner = request.user
            collection.save()
            collection.moderators.set(form.cleaned_data["moderator_names"])
        messages.success(request, _("Created the collection %(collection)s.") % {"collection": collection.title})
        return redirect(collection)
    return render(request, "collections/form.html", {"form": form, "collection": None})


@login_required
def collection_edit(request, name):
    collection = _collection(name)
    if collection.owner_id != request.user.pk:
        raise PermissionDenied(_("Only the collection's owner can change its settings."))
    form = CollectionForm(request.POST or None, instance=collection, user=request.user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            collection = form.save()
            collection.moderators.set(form.cleaned_data["moderator_names"])
            # Turning a flag on (or off) changes how its works are shown: one pass keeps them in step.
            for work in Work.objects.filter(collection_items__collection=collection).distinct():
                services.sync_work_flags(work)
        messages.success(request, _("Collection updated."))
        return redirect(collection)
    return render(request, "collections/form.html", {"form": form, "collection": collection})


@login_required
def collection_queue(request, name):
    """Items waiting for the collection's approval, and the invite form."""
    collection = _maintained(request, name)
    invite_form = InviteWorkForm(request.POST or None, user=request.user)
    if request.method == "POST" and invite_form.is_valid():
        try:
            services.add_work_to_collection(invite_form.cleaned_data["work"], collection, by=request.user)
            messages.success(request, _("Invitation sent: the work joins when its creators accept."))
            return redirect("collections:queue", collection.name)
        except services.Refused as refusal:
            messages.error(request, str(refusal))
    items = CollectionItem.objects.filter(collection=collection).select_related(
        "work", "bookmark__work", "bookmark__user"
    )
    context = {
        "collection": collection,
        "pending": items.filter(collection_state=ItemState.PENDING, author_state=ItemState.APPROVED),
        "invited": items.filter(author_state=ItemState.PENDING),
        "approved": items.approved(),
        "invite_form": invite_form,
    }
    return render(request, "collections/queue.html", context)


@login_required
@require_POST
def item_moderate(request, name, pk):
    collection = _maintained(request, name)
    item = get_object_or_404(CollectionItem, pk=pk, collection=collection)
    approve = request.POST.get("action") == "approve"
    services.moderate_item(item, request.user, approve=approve)
    messages.success(request, _("Approved.") if approve else _("Rejected."))
    return redirect("collections:queue", collection.name)


@login_required
@require_POST
def item_remove(request, name, pk):
    collection = _collection(name)
    item = get_object_or_404(CollectionItem, pk=pk, collection=collection)
    try:
        services.remove_item(item, request.user)
        messages.success(request, _("Removed from %(collection)s.") % {"collection": collection.title})
    except services.Refused as refusal:
        messages.error(request, str(refusal))
    return redirect(collection)


@login_required
@require_POST
def collection_reveal(request, name):
    collection = _maintained(request, name)
    count = services.reveal(collection, request.user)
    messages.success(request, ngettext(
        "Revealed %(collection)s: %(count)d work now shown with their creators.",
        "Revealed %(collection)s: %(count)d works now shown with their creators.",
        count,
    ) % {"collection": collection.title, "count": count})  # fmt: skip
    return redirect(collection)


@login_required
@require_POST
def bookmark_add(request, name):
    collection = _collection(name)
    bookmark = Bookmark.objects.filter(user=request.user, pk=request.POST.get("bookmark") or 0).first()
    if bookmark is None:
        messages.error(request, _("Choose one of your bookmarks."))
        return redirect(collection)
    try:
        item = services.add_bookmark_to_collection(bookmark, collection, by=request.user)
    except services.Refused as refusal:
        messages.error(request, str(refusal))
        return redirect(collection)
    if item.collection_state == ItemState.PENDING:
        messages.success(request, _("Bookmark submitted: it shows once a moderator approves it."))
    else:
        messages.success(request, _("Bookmark added to %(collection)s.") % {"collection": collection.title})
    return redirect(collection)


@login_required
def invitations(request):
    """Collections inviting the user's works."""
    items = (
        CollectionItem.objects.filter(
            author_state=ItemState.PENDING,
            work__creatorships__pseud__user=request.user,
            work__creatorships__accepted=True,
        )
        .select_related("collection", "work")
        .distinct()
    )
    return render(request, "collections/invitations.html", {"items": items})


@login_required
@require_POST
def invitation_answer(request, pk):
    item = get_object_or_404(CollectionItem, pk=pk, author_state=ItemState.PENDING)
    accept = request.POST.get("action") == "accept"
    try:
        services.answer_invitation(item, request.user, accept=accept)
        messages.success(
            request,
            _("Your work joined %(collection)s.") % {"collection": item.collection.title}
            if accept
            else _("Invitation declined."),
        )
    except services.Refused as refusal:
        messages.error(request, str(refusal))
    return redirect("collections:invitations")


# --- gifts -----------------------------------------------------------------------------
def gifts(request, username):
    recipient = get_object_or_404(User, username=username)
    visible = Work.objects.visible_to(request.user).posted()
    works = visible.filter(gifts__recipient=recipient, gifts__refused=False).for_listing().distinct()
    return render(
        request, "collections/gifts.html",
        {"recipient": recipient, "works": works, "is_own": request.user == recipient},
    )  # fmt: skip


@login_required
@require_POST
def gift_refuse(request, pk):
    gift = get_object_or_404(Gift, pk=pk, recipient=request.user)
    services.refuse_gift(gift, request.user)
    messages.success(request, _("You refused the gift %(title)s: it no longer names you.") % {"title": gift.work.title})
    return redirect("collections:gifts", request.user.username)


# --- related works ---------------------------------------------------------------------
@login_required
def related_pending(request):
    """Links to the user's works waiting for their approval."""
    relations = (
        RelatedWork.objects.filter(
            state=ItemState.PENDING, parent__creatorships__pseud__user=request.user, parent__creatorships__accepted=True
        )
        .select_related("child", "parent")
        .distinct()
    )
    visible = set(
        Work.objects.visible_to(request.user)
        .filter(pk__in=[r.child_id for r in relations])
        .values_list("pk", flat=True)
    )
    relations = [r for r in relations if r.child_id in visible]
    return render(request, "collections/related_pending.html", {"relations": relations})


@login_required
@require_POST
def related_answer(request, pk):
    relation = get_object_or_404(RelatedWork, pk=pk)
    try:
        services.answer_relation(relation, request.user, approve=request.POST.get("action") == "approve")
        approved = request.POST.get("action") == "approve"
        messages.success(request, _("Link approved.") if approved else _("Link refused."))
    except services.Refused as refusal:
        messages.error(request, str(refusal))
    return redirect("collections:related_pending")


@login_required
@require_POST
def related_remove(request, pk):
    relation = get_object_or_404(RelatedWork, pk=pk)
    if not (relation.child.is_creator(request.user) or (relation.parent and relation.parent.is_creator(request.user))):
        raise Http404("No such link.")
    relation.delete()
    messages.success(request, _("Link removed."))
    return redirect(relation.child)
