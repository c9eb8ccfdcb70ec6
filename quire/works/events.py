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
