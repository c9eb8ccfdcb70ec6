"""Failed log-in counting, shared by every process through Django's cache.

The limit must stop guessing without letting anyone lock the real owner out, so
nothing is ever blocked per username alone:

- per (username, address) pair: after `LOGIN_ATTEMPTS` failures that address
  may not try that name again until the window ends;
- per address: after `ADDRESS_FACTOR` times as many failures over any names,
  the address is refused for every name (one machine guessing across accounts).
  The headroom is for addresses many people share (an office, a campus);
- per username: once a name has `LOGIN_ATTEMPTS` failures from anywhere, an
  address that has itself failed on it is slowed down: it must wait 2, 4, 8 …
  (at most 60) seconds after its last failure before its next try. An address
  with no failures on the name, like the owner's own, is never slowed, and a
  password reset is always allowed.

Each window is fixed and starts with its first failure. Only `add`, `incr`,
`get` and `set` are used, so it works the same on LocMem and Redis.
"""

import hashlib
import math
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import ngettext

from quire.lib.ratelimit import Window

ADDRESS_FACTOR = 4
SLOWDOWN_MAX_SECONDS = 60


def client_ip(request) -> str:
    # REMOTE_ADDR unless QUIRE_BEHIND_PROXY: X-Forwarded-For is set by the client
    # unless a trusted proxy rewrites it, so trusting it would let anyone reset
    # their counter. Behind the proxy, the last entry is the one it appended.
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
        if forwarded:
            return forwarded
    return request.META.get("REMOTE_ADDR") or "unknown"


class LoginLimiter:
    def __init__(self, request, username: str):
        # Hash the username: cache keys must be short and free of odd characters.
        name = hashlib.sha256((username or "").strip().lower().encode()).hexdigest()[:32]
        address = client_ip(request)
        limit, seconds = settings.LOGIN_ATTEMPTS, settings.LOGIN_WINDOW_SECONDS
        self.by_pair = Window(f"quire:login-fail:pair:{name}:{address}", limit, seconds)
        self.by_ip = Window(f"quire:login-fail:ip:{address}", limit * ADDRESS_FACTOR, seconds)
        self.by_user = Window(f"quire:login-fail:user:{name}", limit, seconds)
        self.last_failure_key = f"quire:login-fail:last:{name}:{address}"

    def seconds_blocked(self) -> int:
        """How long until another attempt is allowed; 0 when it is allowed now."""
        return max(self.by_pair.seconds_blocked(), self.by_ip.seconds_blocked(), self._slowdown())

    def _slowdown(self) -> int:
        failures = self.by_pair.count()
        if not failures or not self.by_user.seconds_blocked():
            return 0
        wait = min(SLOWDOWN_MAX_SECONDS, 2**failures)
        last = cache.get(self.last_failure_key) or 0
        return max(0, math.ceil(last + wait - time.time()))

    def record_failure(self) -> None:
        self.by_pair.hit()
        self.by_ip.hit()
        self.by_user.hit()
        cache.set(self.last_failure_key, time.time(), timeout=settings.LOGIN_WINDOW_SECONDS)

    def record_success(self) -> None:
        # Only this name's counts are forgiven: clearing the address's count
        # would let someone with one account reset it between guesses at others.
        self.by_pair.clear()
        self.by_user.clear()


def blocked_message(seconds: int) -> str:
    if seconds < 60:
        return ngettext(
            "Too many failed log-in attempts. Try again in %(count)s second.",
            "Too many failed log-in attempts. Try again in %(count)s seconds.",
            seconds,
        ) % {"count": seconds}
    minutes = max(1, math.ceil(seconds / 60))
    return ngettext(
        "Too many failed log-in attempts. Try again in %(count)s minute.",
        "Too many failed log-in attempts. Try again in %(count)s minutes.",
        minutes,
    ) % {"count": minutes}
