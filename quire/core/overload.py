"""Shed load instead of queueing without limit.

Each web worker process lets at most `QUIRE_WEB_ACTIVE` requests work at once.
Requests beyond that wait for a free place, but only until they have waited
`QUIRE_WEB_QUEUE_WAIT` seconds since their connection was accepted (the worker
stamps it, core/gunicorn_worker.py; time in the worker's own queue counts). A
request that can't get a place in time gets the "busy, try again" page (503 with
Retry-After), with what it posted, instead of a wait that grows with the crowd.
Connections no worker has accepted yet wait in the listen backlog, which
`QUIRE_WEB_BACKLOG` keeps short.
"""

import threading
import time

from django.conf import settings
from django.middleware.csrf import CsrfViewMiddleware

from quire.core.busy import busy_response
from quire.core.gunicorn_worker import accepted


class OverloadGuard:
    """Middleware: first in the chain, so a shed request costs no session or database work."""

    def __init__(self, get_response, *, slots: int | None = None, wait: float | None = None, clock=time.monotonic):
        self.get_response = get_response
        self.slots = threading.BoundedSemaphore(slots or settings.WEB_ACTIVE)
        self.wait = settings.WEB_QUEUE_WAIT if wait is None else wait
        self.clock = clock

    def time_left(self) -> float:
        """How much longer this request may wait for a place: the allowance less the time
        its connection already spent queued in the worker (unknown outside gunicorn: none)."""
        since = getattr(accepted, "at", None)
        waited = self.clock() - since if since is not None else 0.0
        return max(0.0, self.wait - waited)

    def __call__(self, request):
        # Static files and the health check never queue behind page work.
        if request.path == "/healthz" or request.path.startswith("/" + settings.STATIC_URL.lstrip("/")):
            return self.get_response(request)
        if not self.slots.acquire(timeout=self.time_left()):
            return self.busy(request)
        try:
            return self.get_response(request)
        finally:
            self.slots.release()

    def busy(self, request):
        # The CSRF middleware hasn't run yet: read the reader's token so the page's
        # "Send again" form carries one that matches their cookie (or set a new one).
        csrf = CsrfViewMiddleware(lambda request: None)
        csrf.process_request(request)
        return csrf.process_response(request, busy_response(request, overloaded=True))
