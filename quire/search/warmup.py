"""Build the search index once per machine, before a server forks its workers.

`warm()` is the hook a pre-forking server calls in its master process (the
production server in `quire serve` calls it when this module exists). The
index is built there once; each worker forked afterwards starts with it and
shares its memory pages copy-on-write, reading the change log on top of it
for what changed since. So memory stays flat as workers are added and no
worker builds at its first search (meanwhile answering from SQL at 1–2 s a
listing at a million works).

Copy-on-write holds because the index is mostly numpy buffers and roaring
bitmaps, whose data live outside Python objects and are only written when a
work changes; `gc.freeze()` keeps the cyclic garbage collector from writing to
every object's header (and so copying every page) in each worker.
"""

import gc
import logging
import time

from django.conf import settings
from django.db import connections

logger = logging.getLogger(__name__)


def warm():
    """Build the shared search index in this process. Safe to call once in a
    master before forking: it leaves no database connection open (a connection
    shared across fork would be used by two processes at once). Returns the
    index, or None when the SQL backend is configured (it keeps no index)."""
    if settings.SEARCH_BACKEND != "bitmap":
        return None
    from .backends.bitmap import build_shared

    started = time.perf_counter()
    try:
        index = build_shared()
    finally:
        connections.close_all()
    gc.collect()
    gc.freeze()
    logger.info("search index ready for the workers in %.1f s", time.perf_counter() - started)
    return index
