from django.urls import path

from . import views_feedback as feedback
from . import views_inbox as inbox
from . import views_safety as safety
from . import views_subscriptions as subs
from . import views_tracking as tracking

app_name = "interactions"

urlpatterns = [
    # Kudos and comments
    path("works/<int:pk>/kudos/", feedback.kudos, name="kudos"),
    path("works/<int:pk>/comments/", feedback.comment_new, name="comment_new"),
    path("works/<int:pk>/comment-settings/", feedback.comment_settings, name="comment_settings"),
    path("comments/<int:comment_id>/", feedback.comment_detail, name="comment"),
    path("comments/<int:comment_id>/edit/", feedback.comment_edit, name="comment_edit"),
    path("comments/<int:comment_id>/delete/", feedback.comment_delete, name="comment_delete"),
    path("comments/<int:comment_id>/approve/", feedback.comment_approve, name="comment_approve"),
    path("comments/<int:comment_id>/hide/", feedback.comment_hide, name="comment_hide"),
    path("comments/<int:comment_id>/unhide/", feedback.comment_unhide, name="comment_unhide"),
    path("comments/<int:comment_id>/freeze/", feedback.comment_freeze, name="comment_freeze"),
    path("comments/<int:comment_id>/unfreeze/", feedback.comment_unfreeze, name="comment_unfreeze"),
    # Inbox
    path("inbox/", inbox.inbox, name="inbox"),
    path("inbox/update/", inbox.inbox_update, name="inbox_update"),
    path("inbox/<int:pk>/", inbox.inbox_open, name="inbox_open"),
    # Subscriptions and notification settings
    path("subscribe/<str:kind>/<int:pk>/", subs.subscribe, name="subscribe"),
    path("subscriptions/", subs.subscription_list, name="subscriptions"),
    path("subscriptions/<int:pk>/delete/", subs.subscription_delete, name="subscription_delete"),
    path("settings/notifications/", subs.reader_settings, name="settings"),
    path("unsubscribe/<str:token>/", subs.unsubscribe, name="unsubscribe"),
    # Bookmarks, history, marked for later, stats
    path("bookmark/<str:kind>/<int:pk>/", tracking.bookmark_edit, name="bookmark"),
    path("bookmarks/<int:pk>/delete/", tracking.bookmark_delete, name="bookmark_delete"),
    path("bookmarks/", tracking.my_bookmarks, name="my_bookmarks"),
    path("users/<str:username>/bookmarks/", tracking.user_bookmarks, name="bookmarks"),
    path("works/<int:pk>/bookmarks/", tracking.work_bookmarks, name="work_bookmarks"),
    path("works/<int:pk>/later/", tracking.mark_for_later, name="later"),
    path("history/", tracking.history, name="history"),
    path("history/clear/", tracking.history_clear, name="history_clear"),
    path("history/toggle/", tracking.history_toggle, name="history_toggle"),
    path("stats/", tracking.stats, name="stats"),
    # Blocking and muting
    path("users/<str:username>/block/", safety.block_user, name="block"),
    path("users/<str:username>/mute/", safety.mute_user, name="mute"),
    path("works/<int:pk>/mute-creator/", safety.mute_work_creator, name="mute_work_creator"),
    path("settings/blocked/", safety.blocked_and_muted, name="blocked"),
]
