"""Read routing to a replica (quire/core/dbrouting.py): who reads where, and for how long
a writer stays on the primary. The suite has no replica, so each request here records the
router's answers; the CI cluster job (.ci/cluster.sh) proves the same rule on a real one."""

import json
import os
import subprocess
import sys
from datetime import timedelta

import pytest
import time_machine
from django.db import transaction
from django.http import HttpResponse
from django.test import RequestFactory

from quire.core import dbrouting
from quire.core.dbrouting import PIN_COOKIE, PrimaryReplicaRouter, ReplicaRoutingMiddleware
from quire.tags.models import Tag
from quire.works.models import Work

router = PrimaryReplicaRouter()
factory = RequestFactory()


@pytest.fixture(autouse=True)
def _pin_length(settings):
    settings.REPLICA_PIN_SECONDS = 10


def serve(method="get", cookies=None, *, write=False, in_transaction=False, real_write=False):
    """One request through the middleware; returns (response, where its reads went before
    and after any write it made)."""
    seen = {}

    def view(request):
        seen["before"] = router.db_for_read(Work)
        if write:
            router.db_for_write(Work)
        if real_write:
            Tag.objects.filter(pk=-1).update(name="x")  # an ORM write: asks the installed router
        seen["after"] = router.db_for_read(Work)
        if in_transaction:
            with transaction.atomic():
                seen["in_transaction"] = router.db_for_read(Work)
        return HttpResponse("ok")

    request = getattr(factory, method)("/somewhere/")
    for name, value in (cookies or {}).items():
        request.COOKIES[name] = value
    response = ReplicaRoutingMiddleware(view)(request)
    return response, seen


def pin_of(response) -> dict:
    return {PIN_COOKIE: response.cookies[PIN_COOKIE].value} if PIN_COOKIE in response.cookies else {}


def test_reads_outside_a_web_request_go_to_the_primary():
    """The worker, commands and migrations never read from the replica."""
    assert router.db_for_read(Work) == "default"
    assert router.db_for_write(Work) == "default"
    _, seen = serve()
    assert seen["before"] == "replica"  # positive control: inside a request they may


def test_a_guest_reading_pages_reads_from_the_replica_and_is_not_pinned():
    response, seen = serve()
    assert seen == {"before": "replica", "after": "replica"}
    assert PIN_COOKIE not in response.cookies


def test_bookkeeping_writes_on_a_get_neither_move_the_page_nor_pin_the_browser():
    """Every work page records a hit: pinning on that would send every reader to the primary."""
    response, seen = serve(write=True)
    assert seen == {"before": "replica", "after": "replica"}
    assert PIN_COOKIE not in response.cookies


def test_a_post_reads_from_the_primary_and_a_write_pins_the_browser():
    response, seen = serve("post", write=True)
    assert seen == {"before": "default", "after": "default"}
    assert PIN_COOKIE in response.cookies
    assert response.cookies[PIN_COOKIE]["max-age"] == 10
    assert response.cookies[PIN_COOKIE]["httponly"]
    _, next_page = serve(cookies=pin_of(response))
    assert next_page["before"] == "default"  # the writer's next page shows their change
    _, someone_else = serve()
    assert someone_else["before"] == "replica"


@pytest.mark.django_db
def test_a_real_orm_write_in_a_post_pins_the_browser(settings):
    settings.DATABASE_ROUTERS = ["quire.core.dbrouting.PrimaryReplicaRouter"]
    response, _ = serve("post", real_write=True)
    assert PIN_COOKIE in response.cookies
    quiet, _ = serve("post")
    assert PIN_COOKIE not in quiet.cookies


def test_a_post_that_wrote_nothing_does_not_pin():
    """A form sent back with a mistake changed nothing: nothing to show at once."""
    response, seen = serve("post")
    assert seen["before"] == "default"
    assert PIN_COOKIE not in response.cookies


def test_the_pin_lasts_its_length_then_reads_return_to_the_replica():
    with time_machine.travel(1_800_000_000, tick=False) as clock:
        response, _ = serve("post", write=True)
        clock.shift(timedelta(seconds=9))
        _, still = serve(cookies=pin_of(response))
        assert still["before"] == "default"
        clock.shift(timedelta(seconds=2))
        _, later = serve(cookies=pin_of(response))
        assert later["before"] == "replica"


def test_each_write_restarts_the_pin():
    with time_machine.travel(1_800_000_000, tick=False) as clock:
        first, _ = serve("post", write=True)
        clock.shift(timedelta(seconds=8))
        second, _ = serve("post", write=True, cookies=pin_of(first))
        clock.shift(timedelta(seconds=8))
        _, seen = serve(cookies=pin_of(second))
        assert seen["before"] == "default"  # 16 s after the first write, 8 s after the second


def test_a_pin_cookie_cannot_be_forged_or_stretched():
    _, forged = serve(cookies={PIN_COOKIE: "primary"})
    assert forged["before"] == "replica"  # not signed by us
    with time_machine.travel(1_800_000_000, tick=False) as clock:
        response, _ = serve("post", write=True)
        clock.shift(timedelta(seconds=11))
        # A client that keeps sending the cookie past its max-age gets the replica anyway:
        # the signature's own timestamp ends the pin.
        _, kept = serve(cookies=pin_of(response))
        assert kept["before"] == "replica"


# No test-wide transaction around it; serialized_rollback as the suite's other committing tests.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_reads_inside_a_transaction_go_to_the_primary():
    _, seen = serve(in_transaction=True)
    assert seen["before"] == "replica"
    assert seen["in_transaction"] == "default"


def test_only_the_primary_is_migrated():
    assert router.allow_migrate("default", "works")
    assert not router.allow_migrate("replica", "works")


def test_the_routing_state_ends_with_the_request():
    serve()
    assert dbrouting._current.get() is None
    with pytest.raises(RuntimeError):
        ReplicaRoutingMiddleware(lambda request: (_ for _ in ()).throw(RuntimeError("boom")))(factory.get("/"))
    assert dbrouting._current.get() is None


def _settings_with(env_extra: dict, tmp_path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QUIRE_")}
    env.update({"QUIRE_DATA_DIR": str(tmp_path), **env_extra})
    code = (
        "import json; from django.conf import settings as s; import django; django.setup(); "
        "print(json.dumps({'dbs': sorted(s.DATABASES), 'routers': s.DATABASE_ROUTERS, 'mw': s.MIDDLEWARE, "
        "'ssc': s.DATABASES['default'].get('DISABLE_SERVER_SIDE_CURSORS', False), "
        "'mirror': s.DATABASES.get('replica', {}).get('TEST', {}).get('MIRROR'), 'session': s.SESSION_ENGINE}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env={**env, "DJANGO_SETTINGS_MODULE": "quire.settings"},
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_without_a_replica_there_is_one_database_and_no_routing(tmp_path):
    plain = _settings_with({"QUIRE_DATABASE_URL": "postgres://q@127.0.0.1:5432/q"}, tmp_path)
    assert plain["dbs"] == ["default"] and plain["routers"] == []
    assert "quire.core.dbrouting.ReplicaRoutingMiddleware" not in plain["mw"]
    assert plain["ssc"] is False
    routed = _settings_with(
        {"QUIRE_DATABASE_URL": "postgres://q@127.0.0.1:5432/q", "QUIRE_REPLICA_URL": "postgres://q@127.0.0.1:5433/q",
         "QUIRE_DB_TRANSACTION_POOLING": "true"},
        tmp_path,
    )
    assert routed["dbs"] == ["default", "replica"]
    assert routed["routers"] == ["quire.core.dbrouting.PrimaryReplicaRouter"]
    assert routed["mw"][1] == "quire.core.dbrouting.ReplicaRoutingMiddleware"
    assert routed["ssc"] is True and routed["mirror"] == "default"


def test_a_replica_beside_sqlite_stops_start_up_with_a_message(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("QUIRE_")}
    env.update({"QUIRE_DATA_DIR": str(tmp_path), "QUIRE_REPLICA_URL": "postgres://q@127.0.0.1:5433/q"})
    result = subprocess.run(
        [sys.executable, "-m", "quire.manage", "check"], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0
    assert "QUIRE_REPLICA_URL needs QUIRE_DATABASE_URL to be PostgreSQL" in result.stderr


def test_with_redis_sessions_are_read_from_the_cache_and_kept_in_the_database(tmp_path):
    assert _settings_with({}, tmp_path)["session"] == "django.contrib.sessions.backends.db"
    with_redis = _settings_with({"QUIRE_REDIS_URL": "redis://127.0.0.1:6379/7"}, tmp_path)
    assert with_redis["session"] == "django.contrib.sessions.backends.cached_db"
