"""The log-in limit shared through Redis, as a multi-process install runs it.

Uses the real Redis server at QUIRE_TEST_REDIS_URL (default redis://127.0.0.1:6379/15);
skipped when none answers there.
"""

import os
import uuid

import pytest
from django.urls import reverse

from tests.accounts.conftest import PASSWORD

REDIS_URL = os.environ.get("QUIRE_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def redis_cache(settings):
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.RedisError:
        pytest.skip(f"no Redis server at {REDIS_URL}")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            # A fresh prefix per test: other runs' counters never leak in.
            "KEY_PREFIX": uuid.uuid4().hex,
        }
    }
    # Django's test signals rebuild the cache connections when CACHES changes.
    settings.LOGIN_ATTEMPTS = 2


@pytest.mark.django_db
def test_failed_logins_counted_in_redis_block_even_the_right_password(client, author, redis_cache):
    from django.core.cache import caches

    assert type(caches["default"]).__name__ == "RedisCache"
    login = reverse("accounts:login")
    for _ in range(2):
        client.post(login, {"username": "amara", "password": "wrong-guess"})
    response = client.post(login, {"username": "amara", "password": PASSWORD})
    assert "Too many failed log-in attempts." in response.content.decode()
    assert client.get(reverse("accounts:preferences")).status_code == 302  # still signed out
