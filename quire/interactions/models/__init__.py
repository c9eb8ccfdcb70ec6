"""Everything between a reader and an author. Split by subdomain:

- feedback: kudos, comments, the per-work stats row
- tracking: bookmarks, readings (history and marked for later), hits
- notifications: subscriptions, inbox items, email preferences

Blocks and mutes are the accounts app's (quire/accounts/safety.py): the visibility rule
in works, below this app, applies mutes.
"""

from .feedback import COMMENT_MAX as COMMENT_MAX_LENGTH
from .feedback import Comment, CommentSettings, Kudos, WorkStats
from .notifications import EmailFrequency, Notification, NotificationKind, ReaderSettings, Subscription
from .tracking import Bookmark, Hit, Reading

__all__ = [
    "COMMENT_MAX_LENGTH",
    "Bookmark",
    "Comment",
    "CommentSettings",
    "EmailFrequency",
    "Hit",
    "Kudos",
    "Notification",
    "NotificationKind",
    "Reading",
    "ReaderSettings",
    "Subscription",
    "WorkStats",
]
