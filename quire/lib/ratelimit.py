"""A fixed-window counter in Django's cache, shared by every rate limit.

The window starts with the first hit and is not extended by later ones. Only
`add`, `incr`, `get` and `set` are used, so it behaves the same on LocMem and Redis.
"""

import math
import time

from django.core.cache import cache


class Window:
    def __init__(self, key: str, limit: int, seconds: int):
        self.key, self.limit, self.seconds = key, limit, seconds

    def count(self) -> int:
        return cache.get(self.key) or 0

    def seconds_blocked(self) -> int:
        """0 while under the limit; otherwise how long until the window ends (at least 1)."""
        if self.count() < self.limit:
            return 0
        until = cache.get(f"{self.key}:until") or time.time() + self.seconds
        return max(1, math.ceil(until - time.time()))

    def hit(self) -> None:
        if cache.add(self.key, 0, timeout=self.seconds):
            cache.set(f"{self.key}:until", time.time() + self.seconds, timeout=self.seconds)
        try:
            cache.incr(self.key)
        except ValueError:  # the window ran out between add and incr
            cache.add(self.key, 1, timeout=self.seconds)

    def clear(self) -> None:
        cache.delete_many([self.key, f"{self.key}:until"])
