"""Under overload a request gets the busy page at once (503, Retry-After, what it posted
kept) instead of waiting behind an ever longer queue; the health check never queues."""

import re

import pytest
from django.http import HttpResponse
from django.middleware.csrf import _unmask_cipher_token
from django.test import RequestFactory

from quire.core.overload import OverloadGuard

TEXT = "I kept every word of this comment."


def guard(slots=1):
    return OverloadGuard(lambda request: HttpResponse("the page"), slots=slots, wait=0)


def test_a_request_beyond_the_places_gets_the_busy_page_with_what_it_posted():
    shield = guard(slots=1)
    request = RequestFactory().post("/works/1/comments/", {"text": TEXT, "chapter": "3"})
    assert shield(request).content == b"the page"  # a free place: served (the positive control)

    shield.slots.acquire()  # another request is working
    try:
        response = shield(RequestFactory().post("/works/1/comments/", {"text": TEXT, "chapter": "3"}))
    finally:
        shield.slots.release()
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    page = response.content.decode()
    assert "Many readers are here at once" in page and TEXT in page and "Send again" in page

    assert shield(RequestFactory().get("/works/")).content == b"the page"  # the place is free again


def test_the_health_check_and_static_files_never_wait():
    shield = guard(slots=1)
    shield.slots.acquire()
    try:
        assert shield(RequestFactory().get("/healthz")).content == b"the page"
        assert shield(RequestFactory().get("/static/quire/site.css")).content == b"the page"
        assert shield(RequestFactory().get("/works/")).status_code == 503
    finally:
        shield.slots.release()


@pytest.mark.django_db
def test_healthz_answers_without_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200 and response.content == b"ok\n"


def test_the_busy_pages_send_again_form_carries_a_token_matching_the_readers_cookie():
    shield = guard(slots=1)
    secret = "a" * 32
    request = RequestFactory().post("/works/1/comments/", {"text": TEXT, "chapter": "3"})
    request.COOKIES["csrftoken"] = secret
    shield.slots.acquire()
    try:
        page = shield(request).content.decode()
    finally:
        shield.slots.release()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    assert _unmask_cipher_token(token) == secret


def test_time_already_spent_in_the_workers_queue_counts_against_the_wait():
    from quire.core.gunicorn_worker import accepted

    now = [1000.0]
    shield = OverloadGuard(lambda request: HttpResponse("the page"), slots=1, wait=5, clock=lambda: now[0])
    try:
        accepted.at = 998.0  # accepted two seconds ago
        assert shield.time_left() == 3.0
        accepted.at = 994.0  # six seconds in the worker's queue already
        assert shield.time_left() == 0.0
        assert shield(RequestFactory().get("/works/")).content == b"the page"  # a free place still serves it
        shield.slots.acquire()  # but with every place taken it is answered at once, not after 5 more s
        try:
            response = shield(RequestFactory().get("/works/"))
        finally:
            shield.slots.release()
        assert response.status_code == 503 and response["Retry-After"] == "5"
    finally:
        accepted.at = None
