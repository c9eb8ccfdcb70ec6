"""Reads from a PostgreSQL streaming replica, without hiding anyone's own changes.

Installed only when QUIRE_REPLICA_URL is set (settings.py adds the `replica` database,
this router and ReplicaRoutingMiddleware); without it nothing here runs and every query
goes to the one database as before.

The rule, in order:

- Writes, transactions, migrations, the background worker, management commands and
  anything else outside a web request use the primary. The replica is opt-in per request:
  only ReplicaRoutingMiddleware lets a request read from it, so code that writes then
  reads back (a task, `quire load_demo`) never meets a replica that is a moment behind.
- A request that may change something (POST, PUT, PATCH, DELETE) reads from the primary
  throughout: its form checks and redirects must see the state it is about to change.
- A request that wrote, and every request from the same browser for
  QUIRE_REPLICA_PIN_SECONDS after it, reads from the primary: whoever posts a comment or
  a work sees it on the next page even while the replica lags. The pin is a cookie signed
  with the time of the write ("primary until then + the pin"), so it works for guests
  too and costs no lookup.
- Reads inside a transaction (`transaction.atomic()`) go to the primary, where the
  transaction is; the replica would show them the state before it.
- Everything else (the guest and signed-in pages that only read) reads from the replica.

GET requests also write bookkeeping (a hit, reading history). Those writes go to the
primary but neither move the rest of the page to the primary nor pin the browser: every
work page writes a hit, so pinning on them would send every reader to the primary.
"""

from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db import connections
from django.http import HttpRequest, HttpResponseBase

PRIMARY = "default"
REPLICA = "replica"
PIN_COOKIE = "quire_primary"
_UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


@dataclass
class _RequestRouting:
    """What the router knows about the request being served on this thread."""

    use_replica: bool
    wrote: bool = False


# None outside a web request (the worker, commands, the server's start-up): primary only.
# A ContextVar, not a global: gunicorn's threads each serve their own request.
_current: ContextVar[_RequestRouting | None] = ContextVar("quire_db_routing", default=None)


class PrimaryReplicaRouter:
    """Django database router: see the module's docstring for the rule."""

    def db_for_read(self, model, **hints) -> str:
        state = _current.get()
        if state is None or not state.use_replica:
            return PRIMARY
        if connections[PRIMARY].in_atomic_block:
            return PRIMARY
        return REPLICA

    def db_for_write(self, model, **hints) -> str:
        state = _current.get()
        if state is not None:
            state.wrote = True
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        return True  # the replica is a copy of the primary: same rows, same ids

    def allow_migrate(self, db: str, app_label: str, model_name: str | None = None, **hints) -> bool:
        return db == PRIMARY  # the replica gets the schema by replication


def pin_seconds() -> int:
    return settings.REPLICA_PIN_SECONDS


def is_pinned(request: HttpRequest) -> bool:
    """Whether this browser wrote within the last pin_seconds(). The cookie is signed with
    the time it was set (Django's timestamp signer, on the same clock as everything else),
    so it can be neither forged nor stretched: its age, not its value, ends the pin."""
    try:
        request.get_signed_cookie(PIN_COOKIE, salt=PIN_COOKIE, max_age=pin_seconds())
    except (KeyError, signing.BadSignature):  # absent, forged, or older than a pin
        return False
    return True


class ReplicaRoutingMiddleware:
    """Decides, per request, whether its reads may go to the replica, and pins the browser
    to the primary for a while after a request that wrote. Placed outside every other
    middleware but the overload guard, so the session saved on the way out counts as a
    write too."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        unsafe = request.method in _UNSAFE_METHODS
        state = _RequestRouting(use_replica=not unsafe and not is_pinned(request))
        token = _current.set(state)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        if unsafe and state.wrote:
            response.set_signed_cookie(
                PIN_COOKIE, "primary", salt=PIN_COOKIE, max_age=pin_seconds(),
                httponly=True, samesite="Lax", secure=settings.SESSION_COOKIE_SECURE,
            )
        return response
