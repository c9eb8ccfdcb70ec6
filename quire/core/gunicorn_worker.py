"""gunicorn's threaded worker, telling the app how long each connection has waited.

A worker accepts a few more connections than it has threads; the extra ones wait
in its thread pool's queue. The stamp taken when a connection is accepted lets the
overload guard (core/overload.py) answer one that already waited too long with the
busy page at once, instead of doing the work for a reader who has waited
QUIRE_WEB_QUEUE_WAIT seconds already.
"""

import threading
import time

from gunicorn.workers.gthread import ThreadWorker

accepted = threading.local()  # .at: when the connection this thread is serving was accepted


class QuireThreadWorker(ThreadWorker):
    def enqueue_req(self, conn):
        if not hasattr(conn, "quire_accepted"):  # a kept-alive connection keeps its first stamp
            conn.quire_accepted = time.monotonic()
        super().enqueue_req(conn)

    def handle_request(self, req, conn):
        accepted.at = getattr(conn, "quire_accepted", None)
        try:
            return super().handle_request(req, conn)
        finally:
            accepted.at = None
