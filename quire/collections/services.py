"""Collection workflows: joining (by the author's choice or by invitation),
the moderation queue, leaving, revealing; gifts; related works.

Every change that moves a work in or out of an anonymous or unrevealed
collection ends in `sync_work_flags`, which copies the collection flags onto
the work (`Work.anonymous`, `Work.unrevealed`) and writes the search change
log in the same transaction, so the one visibility rule and the bitmap index
see the change together and a rolled-back change leaves no trace."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from quire.accounts.language import speaking
from quire.accounts.models import User
from quire.interactions import hooks as interaction_hooks
from quire.interactions.models import Notification, NotificationKind
from quire.works import freshness
from quire.works.models import ChapterState, Work

from .models import Collection, CollectionItem, Gift, ItemState, RelatedWork, RelationKind

GIFT_HEADLINE = gettext_lazy("%(title)s is a gift for you")
# Whole sentences per kind, so a translator can word each one.
RELATED_HEADLINES: dict[str, Promise] = {
    RelationKind.INSPIRED: gettext_lazy("%(child)s says it is inspired by your work %(parent)s"),
    RelationKind.TRANSLATION: gettext_lazy("%(child)s says it is a translation of your work %(parent)s"),
    RelationKind.REMIX: gettext_lazy("%(child)s says it is a remix of your work %(parent)s"),
    RelationKind.PODFIC: gettext_lazy("%(child)s says it is a podfic of your work %(parent)s"),
}


class Refused(Exception):
    """A collection action that can't be done; the message says why, for the person."""


# --- notifications ---------------------------------------------------------------------
def notify(user, event_key: str, headline, link: str, *, work: Work | None = None, params: dict | None = None) -> None:
    """One inbox item per (user, event): retrying an action adds nothing.

    The inbox keeps the headline as text, so it is written here in the recipient's
    language: pass a gettext_lazy string and its `params` (%(name)s placeholders),
    and it is translated for them, not for whoever's action sent it."""
    if user is None:
        return
    with speaking(user):
        text = str(headline) % params if params else str(headline)
    Notification.objects.get_or_create(
        user=user,
        event_key=event_key[:100],
        defaults={"kind": NotificationKind.COLLECTION, "headline": text[:300], "link": link[:500], "work": work},
    )


def _creators(work: Work):
    return {p.user for p in work.accepted_pseuds()}


# --- the flags the visibility rule reads -------------------------------------------------
def work_in_anonymous_collection(work: Work) -> bool:
    """Whether `work` is in an anonymous, not yet revealed collection (or waiting for one's
    approval). For the archive's anonymous-posting policy: AO3's model is that
    anonymity belongs to collections."""
    return CollectionItem.objects.live().filter(work=work, collection__anonymous=True).exists()


def sync_work_flags(work: Work) -> None:
    """Copy the collection flags onto the work. `Work.anonymous` is also the author's own
    "Post anonymously" choice: joining an anonymous collection sets it, and only a
    reveal (or leaving) clears what the collection set (`_was_set_by_collection`)."""
    live = CollectionItem.objects.live().filter(work=work)
    unrevealed = live.filter(collection__unrevealed=True).exists()
    anonymous = live.filter(collection__anonymous=True).exists()
    fields = {}
    if work.unrevealed != unrevealed:
        fields["unrevealed"] = unrevealed
    if anonymous and not work.anonymous:
        fields["anonymous"] = True
    elif not anonymous and work.anonymous and _was_set_by_collection(work):
        fields["anonymous"] = False
    if fields:
        Work.objects.filter(pk=work.pk).update(**fields)
        for name, value in fields.items():
            setattr(work, name, value)
        freshness.works_changed([work.pk])


def _was_set_by_collection(work: Work) -> bool:
    # A work that has ever been in an anonymous collection took its anonymity from there.
    return CollectionItem.objects.filter(work=work, collection__anonymous_history=True).exists()


# --- joining and leaving -----------------------------------------------------------------
@transaction.atomic
def add_work_to_collection(work: Work, collection: Collection, *, by) -> CollectionItem:
    """`by` adds `work` to `collection`: as its creator (it joins, or waits for the
    moderators of a moderated collection) or as a maintainer (an invitation the
    creators accept). Closed collections refuse. Gift exchanges call this to post a gift."""
    is_creator = work.is_creator(by)
    is_maintainer = collection.is_maintainer(by)
    if not (is_creator or is_maintainer):
        raise Refused(_("Only the work's creators or the collection's maintainers can add it."))
    if collection.closed and not is_maintainer:
        raise Refused(_("%(collection)s is closed: it accepts no new works.") % {"collection": collection.title})
    item = CollectionItem.objects.filter(collection=collection, work=work).first()
    if item is not None and item.author_state != ItemState.REJECTED and item.collection_state != ItemState.REJECTED:
        # Already there or on its way: adding it again answers the other side's request
        # (a creator adding an invited work accepts; a maintainer adding a submission approves).
        if is_creator and item.author_state == ItemState.PENDING:
            answer_invitation(item, by, accept=True)
        if is_maintainer and item.collection_state == ItemState.PENDING:
            moderate_item(item, by, approve=True)
        return item
    item = item or CollectionItem(collection=collection, work=work)
    item.added_by = by
    item.author_state = ItemState.APPROVED if is_creator else ItemState.PENDING
    item.collection_state = ItemState.APPROVED if (is_maintainer or not collection.moderated) else ItemState.PENDING
    item.created_at = timezone.now()
    item.save()
    sync_work_flags(work)
    if not is_creator:
        for user in _creators(work):
            notify(
                user, f"collection-invite:{item.pk}",
                gettext_lazy("%(collection)s invites your work %(title)s"),
                reverse("collections:invitations"), work=work,
                params={"collection": collection.title, "title": work.title},
            )  # fmt: skip
    elif item.collection_state == ItemState.PENDING:
        for user in maintainers(collection):
            notify(
                user, f"collection-submission:{item.pk}",
                gettext_lazy("%(title)s is waiting for approval in %(collection)s"),
                collection_url(collection, "queue"), work=work,
                params={"collection": collection.title, "title": work.title},
            )  # fmt: skip
    return item


@transaction.atomic
def add_bookmark_to_collection(bookmark, collection: Collection, *, by) -> CollectionItem:
    if bookmark.user_id != by.pk:
        raise Refused(_("Only the bookmark's owner can add it to a collection."))
    if collection.closed and not collection.is_maintainer(by):
        raise Refused(_("%(collection)s is closed: it accepts no new bookmarks.") % {"collection": collection.title})
    item, created = CollectionItem.objects.get_or_create(
        collection=collection, bookmark=bookmark,
        defaults={
            "added_by": by,
            "collection_state": ItemState.PENDING if collection.moderated and not collection.is_maintainer(by)
            else ItemState.APPROVED,
        },
    )  # fmt: skip
    return item


@transaction.atomic
def answer_invitation(item: CollectionItem, user, *, accept: bool) -> None:
    if item.work is None or not item.work.is_creator(user):
        raise Refused(_("Only the work's creators can answer this invitation."))
    item.author_state = ItemState.APPROVED if accept else ItemState.REJECTED
    item.save(update_fields=["author_state"])
    sync_work_flags(item.work)


@transaction.atomic
def moderate_item(item: CollectionItem, by, *, approve: bool) -> None:
    if not item.collection.is_maintainer(by):
        raise Refused(_("Only the collection's owner and moderators can approve its items."))
    item.collection_state = ItemState.APPROVED if approve else ItemState.REJECTED
    item.save(update_fields=["collection_state"])
    if item.work is not None:
        sync_work_flags(item.work)
        if approve:
            for user in _creators(item.work):
                notify(
                    user, f"collection-approved:{item.pk}",
                    gettext_lazy("Your work %(title)s was approved into %(collection)s"),
                    item.collection.get_absolute_url(), work=item.work,
                    params={"collection": item.collection.title, "title": item.work.title},
                )  # fmt: skip


@transaction.atomic
def remove_item(item: CollectionItem, by) -> None:
    """The creator takes their work out, or a maintainer removes it."""
    work = item.work
    owner_of_item = (work is not None and work.is_creator(by)) or (
        item.bookmark is not None and item.bookmark.user_id == by.pk
    )
    if not (owner_of_item or item.collection.is_maintainer(by)):
        raise Refused(_("You can't remove this item."))
    item.delete()
    if work is not None:
        sync_work_flags(work)


@transaction.atomic
def set_work_collections(work: Work, collections, *, by) -> list[str]:
    """The work form's collections field: join the chosen ones, leave the others the
    author had chosen. Returns what could not be done, for the form to say."""
    problems = []
    chosen = {c.pk: c for c in collections}
    for item in CollectionItem.objects.filter(work=work, author_state=ItemState.APPROVED).select_related("collection"):
        if item.collection_id not in chosen:
            item.delete()
    for collection in chosen.values():
        try:
            add_work_to_collection(work, collection, by=by)
        except Refused as refusal:
            problems.append(str(refusal))
    sync_work_flags(work)
    return problems


def maintainers(collection: Collection):
    return [collection.owner, *collection.moderators.all()]


def collection_url(collection: Collection, page: str = "detail") -> str:
    return reverse(f"collections:{page}", args=[collection.name])


# --- revealing -------------------------------------------------------------------------
@transaction.atomic
def reveal(collection: Collection, by) -> int:
    """One action: the collection stops hiding its works and their creators; every work
    loses the flags it had from here (unless another collection still holds them),
    is re-indexed, and its creators and gift recipients are told. Returns works revealed."""
    if not collection.is_maintainer(by):
        raise Refused(_("Only the collection's owner and moderators can reveal it."))
    Collection.objects.filter(pk=collection.pk).update(anonymous=False, unrevealed=False, revealed_at=timezone.now())
    collection.anonymous = collection.unrevealed = False
    works = list(Work.objects.filter(collection_items__in=CollectionItem.objects.live().filter(collection=collection)))
    for work in works:
        sync_work_flags(work)
        # Subscribers could not hear of the work (or of its creator) while it was hidden:
        # deliver its "new work" event again now; those already told are not told twice.
        first = work.chapters.filter(state=ChapterState.PUBLISHED).order_by("position").first()
        if first is not None and not work.is_draft:
            interaction_hooks.chapter_published(first)
        for user in _creators(work):
            notify(
                user, f"collection-reveal:{collection.pk}:{work.pk}",
                gettext_lazy("%(collection)s has been revealed: your work %(title)s is now shown with your name"),
                work.get_absolute_url(), work=work, params={"collection": collection.title, "title": work.title},
            )  # fmt: skip
        for gift in Gift.objects.filter(work=work, refused=False, recipient__isnull=False):
            notify(
                gift.recipient, f"gift:{gift.pk}",
                GIFT_HEADLINE, work.get_absolute_url(), work=work, params={"title": work.title},
            )  # fmt: skip
    return len(works)


# --- gifts -----------------------------------------------------------------------------
@transaction.atomic
def set_gifts(work: Work, names: list[str], *, by) -> None:
    """The work form's gift field: each name is a user of the archive (by username) or
    a plain name. Refused gifts are kept (refused) so they are not offered again."""
    wanted = []
    for name in dict.fromkeys(n.strip() for n in names if n.strip()):
        user = User.objects.filter(username__iexact=name).first()
        wanted.append((user, "" if user else name[:100]))
    keep = set()
    for user, plain in wanted:
        if user is not None:
            gift, created = Gift.objects.get_or_create(work=work, recipient=user)
            if created and not work.is_draft and not work.unrevealed:
                notify(user, f"gift:{gift.pk}", GIFT_HEADLINE, work.get_absolute_url(), work=work,
                       params={"title": work.title})  # fmt: skip
        else:
            gift, _created = Gift.objects.get_or_create(work=work, recipient=None, recipient_name=plain)
        keep.add(gift.pk)
    Gift.objects.filter(work=work, refused=False).exclude(pk__in=keep).delete()


def notify_gifts_posted(work: Work) -> None:
    """When a drafted gift goes up: tell its recipients (skipped while unrevealed)."""
    if work.is_draft or work.unrevealed:
        return
    for gift in Gift.objects.filter(work=work, refused=False, recipient__isnull=False):
        notify(gift.recipient, f"gift:{gift.pk}", GIFT_HEADLINE, work.get_absolute_url(), work=work,
               params={"title": work.title})  # fmt: skip


@transaction.atomic
def refuse_gift(gift: Gift, user) -> None:
    if gift.recipient_id != user.pk:
        raise Refused(_("Only the recipient can refuse a gift."))
    gift.refused = True
    gift.save(update_fields=["refused"])


# --- related works ---------------------------------------------------------------------
@transaction.atomic
def link_related(
    child: Work, *, kind: str, parent: Work | None = None, url: str = "", title: str = "", author_name: str = ""
) -> RelatedWork:
    """The child's author says it relates to `parent` (a work here: its author approves)
    or to an external work at `url` (shown at once: nobody here can approve it)."""
    if parent is not None and parent.pk == child.pk:
        raise Refused(_("A work can't be related to itself."))
    if parent is not None:
        relation, created = RelatedWork.objects.get_or_create(
            child=child, parent=parent, defaults={"kind": kind, "state": ItemState.PENDING}
        )
        if created:
            for user in _creators(parent):
                if child.is_creator(user):
                    relation.state = ItemState.APPROVED
                    relation.save(update_fields=["state"])
                    break
            else:
                for user in _creators(parent):
                    notify(
                        user, f"related:{relation.pk}", RELATED_HEADLINES[relation.kind],
                        reverse("collections:related_pending"), work=parent,
                        params={"child": child.title, "parent": parent.title},
                    )  # fmt: skip
        return relation
    return RelatedWork.objects.create(
        child=child, url=url, title=title[:255], author_name=author_name[:100], kind=kind, state=ItemState.APPROVED
    )


@transaction.atomic
def answer_relation(relation: RelatedWork, user, *, approve: bool) -> None:
    if relation.parent is None or not relation.parent.is_creator(user):
        raise Refused(_("Only the creators of the original work can answer this."))
    relation.state = ItemState.APPROVED if approve else ItemState.REJECTED
    relation.save(update_fields=["state"])


def relations_visible_to(work: Work, user) -> dict:
    """Approved relations whose other work `user` may see; the child's creators also
    see their pending links (marked pending)."""
    visible = Work.objects.visible_to(user).posted()
    parents = [
        r
        for r in work.parent_relations.select_related("parent")
        if (r.parent is None or visible.filter(pk=r.parent_id).exists())
        and (r.state == ItemState.APPROVED or (r.state == ItemState.PENDING and work.is_creator(user)))
    ]
    children = [
        r
        for r in work.child_relations.filter(state=ItemState.APPROVED).select_related("child")
        if visible.filter(pk=r.child_id).exists()
    ]
    return {"parents": parents, "children": children}
