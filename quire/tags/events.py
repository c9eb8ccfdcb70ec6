"""What happens to tags that apps above `tags` act on.

`tags` sits below `works` and must not import it, so the wrangling workflows send
this signal and the works app connects its receiver (quire/works/apps.py)."""

from django.dispatch import Signal

# A wrangler changed these tags (canonical, synonym, meta tags, name) inside the current
# transaction: works filed under them may move. Sent with tags= (a list of Tag).
canon_changed = Signal()
