"""Failed log-in counting, shared by every process through Django's cache.

Each failure bumps two counters, one for the username and one for the client
address, in a fixed window that starts with the first failure. Counting by
address as well stops one machine from guessing across many accounts;
counting by username stops a botnet from guessing one account.
Only `add` and `incr` are used, so it works the same on LocMem and Redis.
"""

import hashlib
import math

from django.conf import settings

from quire.lib.ratelimit import Window


def client_ip(request) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is set by the client unless a trusted
    # proxy rewrites it, so trusting it would let anyone reset their counter.
    return request.META.get("REMOTE_ADDR") or "unknown"


class LoginLimiter:
    def __init__(self, request, username: str):
        # Hash the username: cache keys must be short and free of odd characters.
        name = hashlib.sha256((username or "").strip().lower().encode()).hexdigest()[:32]
        limit, seconds = settings.LOGIN_ATTEMPTS, settings.LOGIN_WINDOW_SECONDS
        self.by_user = Window(f"quire:login-fail:user:{name}", limit, seconds)
        self.by_ip = Window(f"quire:login-fail:ip:{client_ip(request)}", limit, seconds)

    def seconds_blocked(self) -> int:
        """How long until another attempt is allowed; 0 when it is allowed now."""
        return max(self.by_user.seconds_blocked(), self.by_ip.seconds_blocked())

    def record_failure(self) -> None:
        self.by_user.hit()
        self.by_ip.hit()

    def record_success(self) -> None:
        # Only the username's count is forgiven: clearing the address's count
        # would let someone with one account reset it between guesses at others.
        self.by_user.clear()


def blocked_message(seconds: int) -> str:
    minutes = max(1, math.ceil(seconds / 60))
    return f"Too many failed log-in attempts. Try again in {minutes} minute{'s' if minutes != 1 else ''}."
