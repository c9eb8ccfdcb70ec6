"""What happens to a person's comments, bookmarks and subscriptions when their
account changes hands or goes: the works app's claiming and account deletion
send `events.account_claimed` and `events.account_leaving` inside their
transactions, and these receivers (connected in apps.py) act in the same one."""

from django.db.models import Q

from quire.accounts.models import User

from .models import Bookmark, Comment, Subscription


def on_account_claimed(sender, old_user, new_user, **kwargs) -> None:
    _move_activity(old_user, new_user)


def on_account_leaving(sender, user, **kwargs) -> None:
    _settle_comments(user)


def _move_activity(old_user, new_user) -> None:
    """The placeholder's comments, bookmarks and subscriptions (an eFiction
    member's reviews and favourites) follow them to the account that claims them."""
    Comment.objects.filter(user=old_user).update(user=new_user)
    for bookmark in Bookmark.objects.filter(user=old_user):
        clash = Bookmark.objects.filter(user=new_user).filter(
            Q(work_id=bookmark.work_id) if bookmark.work_id else Q(series_id=bookmark.series_id)
        )
        if clash.exists():
            bookmark.delete()
        else:
            Bookmark.objects.filter(pk=bookmark.pk).update(user=new_user)
    for sub in Subscription.objects.filter(user=old_user):
        same = Subscription.objects.filter(
            user=new_user, work_id=sub.work_id, author_id=sub.author_id, pseud_id=sub.pseud_id, series_id=sub.series_id
        )
        if same.exists() or sub.author_id == new_user.pk:
            sub.delete()
        else:
            Subscription.objects.filter(pk=sub.pk).update(user=new_user)


def _settle_comments(user: User) -> None:
    """A deleted account's comments go; one with replies stays as "(Previous comment
    deleted.)" so other people's replies still read as a thread."""
    with_replies = Comment.objects.filter(user=user, replies__isnull=False).distinct()
    Comment.objects.filter(pk__in=with_replies.values("pk")).update(
        user=None, deleted=True, text="", text_html="", guest_name="", guest_email=""
    )
    Comment.objects.filter(user=user).delete()
