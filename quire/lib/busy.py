"""Writes that may give up when SQLite is busy.

Some writes are bookkeeping a reader should never wait for: counting a hit on a
work page, say. While another writer holds SQLite's lock (a long import, a
restore), such a write waits only a moment and is then skipped, so the page
still shows at once instead of waiting the full busy timeout and failing.
"""

import logging
from contextlib import contextmanager

from django.db import OperationalError, connections

logger = logging.getLogger(__name__)


@contextmanager
def skipped_when_busy(what: str, wait_seconds: float = 0.25, using: str = "default"):
    """Run the block's writes waiting at most `wait_seconds` for the lock; if it stays
    locked, log `what` as skipped and carry on. Other errors are raised as usual."""
    connection = connections[using]
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        # Inside a transaction the lock is already ours (IMMEDIATE) or the whole
        # transaction must fail together; PostgreSQL locks rows, not the database.
        yield
        return
    connection.ensure_connection()
    raw = connection.connection
    previous = raw.execute("PRAGMA busy_timeout").fetchone()[0]
    raw.execute(f"PRAGMA busy_timeout = {int(wait_seconds * 1000)}")
    try:
        yield
    except OperationalError as exc:
        if "is locked" not in str(exc):
            raise
        logger.info("Skipped %s: the database is busy.", what)
    finally:
        raw.execute(f"PRAGMA busy_timeout = {int(previous)}")
