"""Telling visitors apart without storing who they are."""

import hashlib
import hmac

from django.conf import settings


def _digest(value: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()[:40]


def client_ip(request) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is whatever the client says unless a trusted proxy rewrites it.
    return request.META.get("REMOTE_ADDR") or "unknown"


def guest_key(request) -> str:
    """A keyed hash of a guest's address: stable for a day's kudos, useless if the table leaks."""
    return _digest("ip:" + client_ip(request))


def visitor_key(request) -> str:
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    return _digest("ip:" + client_ip(request))
