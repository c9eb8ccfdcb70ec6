"""Failed log-in counting, shared by every process through Django's cache.

Each failure bumps two counters, one for the username and one for the client
address, in a fixed window that starts with the first failure. Counting by
address as well stops one machine from guessing across many accounts;
counting by username stops a botnet from guessing one account.
Only `add` and `incr` are used, so it works the same on LocMem and Redis.
"""

import hashlib
import math
import time

from django.conf import settings
from django.core.cache import cache


def client_ip(request) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is set by the client unless a trusted
    # proxy rewrites it, so trusting it would let anyone reset their counter.
    return request.META.get("REMOTE_ADDR") or "unknown"


class LoginLimiter:
    def __init__(self, request, username: str):
        # Hash the username: cache keys must be short and free of odd characters.
        name = hashlib.sha256((username or "").strip().lower().encode()).hexdigest()[:32]
        self.user_key = f"quire:login-fail:user:{name}"
        self.ip_key = f"quire:login-fail:ip:{client_ip(request)}"

    def _keys(self):
        return (self.user_key, self.ip_key)

    def seconds_blocked(self) -> int:
        """How long until another attempt is allowed; 0 when it is allowed now."""
        limit = settings.LOGIN_ATTEMPTS
        wait = 0
        for key in self._keys():
            if (cache.get(key) or 0) >= limit:
                until = cache.get(f"{key}:until") or time.time() + settings.LOGIN_WINDOW_SECONDS
                wait = max(wait, math.ceil(until - time.time()), 1)
        return wait

    def record_failure(self) -> None:
        window = settings.LOGIN_WINDOW_SECONDS
        for key in self._keys():
            # `add` only sets a missing key, so the window starts at the first failure
            # and further failures don't extend it.
            if cache.add(key, 0, timeout=window):
                cache.set(f"{key}:until", time.time() + window, timeout=window)
            try:
                cache.incr(key)
            except ValueError:  # the window ran out between add and incr
                cache.add(key, 1, timeout=window)

    def record_success(self) -> None:
        # Only the username's count is forgiven: clearing the address's count
        # would let someone with one account reset it between guesses at others.
        cache.delete_many([self.user_key, f"{self.user_key}:until"])


def blocked_message(seconds: int) -> str:
    minutes = max(1, math.ceil(seconds / 60))
    return f"Too many failed log-in attempts. Try again in {minutes} minute{'s' if minutes != 1 else ''}."
