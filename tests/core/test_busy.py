""""database is locked" never reaches a reader as a 500: while another connection
holds SQLite's write lock, reading a work still works (the visit goes uncounted),
and posting a comment gets a 503 "busy, try again" page with Retry-After that
gives back what was typed, and sending it again works."""

import html
import re
import sqlite3
import subprocess
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.db import OperationalError
from django.test import RequestFactory

from quire.core.busy import DatabaseBusyMiddleware, server_error
from tests.core.conftest import HANG, QUIRE, Process, free_port, quire_env

SETUP = """
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from tests.factories import make_user, make_work
user = make_user("corin")
work = make_work(make_user("amara"), "Harbour Lights", chapters=["The lamps came on one by one."])
session = SessionStore()
session.update({SESSION_KEY: str(user.pk), HASH_SESSION_KEY: user.get_session_auth_hash(),
                BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend"})
session.create()
print(work.pk, work.chapters.get().pk, session.session_key)
"""

COMMENT = "I read this twice.\nThe second lamp scene made me stop and look out of the window for a while."


def request(url, *, cookies, data=None):
    """(status, headers, body) for a GET, or a POST of `data`, without following redirects."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
    cookie = "; ".join(f"{k}={v}" for k, v in cookies.items())
    req = urllib.request.Request(url, data=body, headers={"Cookie": cookie})  # noqa: S310 - http to our test server
    if data is not None:
        req.add_header("Referer", url)
    try:
        with urllib.request.build_opener(NoRedirect).open(req, timeout=HANG) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


@pytest.fixture
def site(data_dir):
    env = quire_env(data_dir, QUIRE_DB_BUSY_TIMEOUT="1")
    out = subprocess.run([*QUIRE, "shell", "-c", SETUP], env=env, check=True, capture_output=True, text=True)
    work_id, chapter_id, session_key = out.stdout.split()[-3:]
    port = free_port()
    server = Process([*QUIRE, "serve", "--no-worker", "--addr", f"127.0.0.1:{port}"], env)
    base = f"http://127.0.0.1:{port}"
    try:
        server.wait_until_serving(base + "/")
        yield {"base": base, "work": work_id, "chapter": chapter_id, "session": session_key, "db": data_dir / "quire.sqlite3"}
    finally:
        server.stop()


def comments_in(db_path) -> list[str]:
    with sqlite3.connect(db_path) as db:
        return [row[0] for row in db.execute("SELECT text FROM interactions_comment")]


def test_a_comment_posted_while_the_database_is_locked_gets_a_busy_page_that_keeps_the_text(site):
    work_url = f"{site['base']}/works/{site['work']}/"
    cookies = {"sessionid": site["session"]}
    status, headers, page = request(work_url, cookies=cookies)
    assert status == 200
    cookies["csrftoken"] = re.search(r"csrftoken=([^;]+)", headers["Set-Cookie"]).group(1)
    form = {"text": COMMENT, "chapter": site["chapter"], "csrfmiddlewaretoken": cookies["csrftoken"]}
    comment_url = f"{site['base']}/works/{site['work']}/comments/"

    # Another writer (a long import, a backup restore) holds SQLite's write lock.
    holder = sqlite3.connect(site["db"], isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        # Reading goes on: the visit just isn't counted while the lock is held.
        read_status, _, read_page = request(work_url, cookies=cookies)
        status, headers, page = request(comment_url, cookies=cookies, data=form)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert read_status == 200 and "The lamps came on one by one." in read_page
    assert status == 503
    assert headers["Retry-After"] == "5"
    assert "The archive is busy" in page and "Traceback" not in page
    assert COMMENT in html.unescape(page)  # what they typed is on the page
    assert f'action="/works/{site["work"]}/comments/"' in page and "Send again" in page
    assert comments_in(site["db"]) == []

    # The lock is gone: sending the kept form again posts the comment.
    fields = re.findall(r'<input type="(?:hidden|text)" name="([^"]+)" value="([^"]*)"', page)
    fields += re.findall(r'<textarea name="([^"]+)"[^>]*>(.*?)</textarea>', page, re.S)
    resent = {name: html.unescape(value) for name, value in fields}
    assert resent == {"text": COMMENT, "chapter": site["chapter"], "csrfmiddlewaretoken": resent["csrfmiddlewaretoken"]}
    status, headers, _ = request(comment_url, cookies=cookies, data=resent)
    assert status == 302
    assert comments_in(site["db"]) == [COMMENT]
    with sqlite3.connect(site["db"]) as db:  # the visit before the lock was counted, as usual
        assert db.execute("SELECT count(*) FROM interactions_hit").fetchone()[0] == 1


def locked(*args, **kwargs):
    raise OperationalError("database is locked")


def test_the_busy_page_never_echoes_passwords_and_other_errors_stay_500(rf: RequestFactory):
    request = rf.post("/login/", {"username": "corin", "password": "hunter2-secret", "note": "hello there"})
    middleware = DatabaseBusyMiddleware(locked)
    response = middleware.process_exception(request, OperationalError("database is locked"))
    page = response.content.decode()
    assert response.status_code == 503
    assert "corin" in page and "hello there" in page
    assert "hunter2-secret" not in page and "type yours again" in page
    assert middleware.process_exception(request, OperationalError("no such table: x")) is None
    assert middleware.process_exception(request, ValueError("database is locked")) is None


def test_a_lock_raised_outside_a_view_is_still_a_busy_page(rf: RequestFactory):
    request = rf.get("/works/1/")
    try:
        locked()
    except OperationalError:
        response = server_error(request)  # Django calls handler500 inside its except block
    assert response.status_code == 503 and response["Retry-After"] == "5"
    try:
        raise RuntimeError("something else")
    except RuntimeError:
        response = server_error(request)
    assert response.status_code == 500 and "Something went wrong" in response.content.decode()
