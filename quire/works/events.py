"""What happens to works that apps above `works` act on: notifications, hit counts.

`works` sits below `interactions` and must not import it, so the workflows and
views here send these signals and the interactions app connects its receivers
(quire/interactions/apps.py). Each receiver decides for itself whether to wait
for the transaction to commit."""

from django.dispatch import Signal

# A chapter went up, by posting, publishing now or the scheduled worker. Sent with chapter=.
chapter_published = Signal()

# A work joined a series it was not in before. Sent with series= and work=.
series_grew = Signal()

# Someone opened a work page or a chapter of it. Sent with request=, work= and chapter=.
work_viewed = Signal()

# A series page is about to list its works to a reader. Sent with viewer= and works= (a Work
# queryset). A receiver returns the queryset narrowed by that reader's own filters (the search
# app's saved exclusions), or None to leave it as it is.
works_listed = Signal()

# A placeholder account's archived works were claimed by a person: their activity follows.
# Sent inside the claim's transaction with old_user= and new_user=.
account_claimed = Signal()

# An account is about to be deleted for good (its grace period is over). Sent inside the
# deletion's transaction with user=; receivers settle what the person left in their apps.
account_leaving = Signal()

# What a search reads about these works changed (their text, tags, creators), inside the
# transaction that changed it. Sent by `freshness.works_changed` only, with work_ids= (a set);
# the search app rebuilds their search text in the same transaction.
works_changed = Signal()
