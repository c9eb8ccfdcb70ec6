"""The claims of the cluster job (.ci/cluster.sh), over real HTTP against the servers it started.

    cluster_check.py setup    accounts for the check (on the primary, through Django)
    cluster_check.py prove …  the three claims; prints PASS/FAIL for each, exits 1 on any FAIL

Rows are counted on the primary directly (not through pgbouncer or the replica), so the
count is the truth the claims are held to.
"""

import argparse
import os
import re
import secrets
import string
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PASSWORD = "cluster-check-password-2026"  # noqa: S105 - throw-away accounts in a throw-away database
AUTHOR = "cl_author"
READERS = [f"cl_reader{i}" for i in range(9)]  # reader0 comments under a paused replica, the others load
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
results: list[tuple[str, bool, str]] = []
_clock = [time.monotonic()]


def django_on(primary: str | None = None) -> None:
    if primary:  # count on the primary itself: no pooler, no replica
        os.environ.update({"QUIRE_DATABASE_URL": primary, "QUIRE_REPLICA_URL": "",
                           "QUIRE_DB_TRANSACTION_POOLING": "false"})
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "quire.settings")
    import django

    django.setup()


def word() -> str:
    """A word no generated text contains, so a search for it finds one work."""
    return "".join(secrets.choice(string.ascii_lowercase) for _ in range(12))


def claim(name: str, ok: bool, detail: str) -> None:
    results.append((name, ok, detail))
    now = time.monotonic()
    print(f"{'PASS' if ok else 'FAIL'}: {name} — {detail} [{now - _clock[0]:.1f} s]", flush=True)
    _clock[0] = now


# --- setup ---------------------------------------------------------------------------------


def setup() -> None:
    django_on()
    from django.contrib.auth.hashers import make_password

    from quire.accounts.models import User
    from quire.accounts.policies import accept_current

    hashed = make_password(PASSWORD)  # once: Argon2 is slow on purpose
    for name in [AUTHOR, *READERS]:
        user = User.objects.create_user(name, f"{name}@example.invalid", None)
        user.password = hashed
        user.save(update_fields=["password"])
        accept_current(user)  # else every signed-in page asks for the terms first
    print(f"Accounts: {AUTHOR} and {len(READERS)} readers.")


# --- HTTP ----------------------------------------------------------------------------------


def token_of(response) -> str:
    match = CSRF_INPUT.search(response.text)
    if response.status_code != 200 or not match:
        raise RuntimeError(f"{response.request.url} answered {response.status_code} without a form")
    return match.group(1)


def client(base: str):
    import httpx

    return httpx.Client(base_url=base, timeout=20, follow_redirects=False)


def logged_in(base: str, username: str):
    c = client(base)
    token = token_of(c.get("/login/"))
    response = c.post("/login/", data={"csrfmiddlewaretoken": token, "username": username, "password": PASSWORD})
    if response.status_code != 302:
        raise RuntimeError(f"log-in of {username} through {base} answered {response.status_code}")
    return c


def wait_until(predicate, seconds: float) -> float | None:
    """Seconds until predicate() held, or None if it never did (a CI script, not a test:
    waiting on another process here is the point)."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if predicate():
            return time.monotonic() - start
        time.sleep(0.2)
    return None


# --- the claims ----------------------------------------------------------------------------


def posted_on_a_found_on_b(a: str, b: str):
    from quire.accounts.models import User

    author = logged_in(a, AUTHOR)
    pseud = User.objects.get(username=AUTHOR).default_pseud.pk
    title_word = word()
    data = {
        "csrfmiddlewaretoken": token_of(author.get("/works/new/")), "title": f"Lighthouse {title_word}",
        "pseuds": [pseud], "rating": "General Audiences", "warnings": ["No Archive Warnings Apply"],
        "fandoms": "Original Work", "language": "en", "text_format": "plain", "comment_permission": "everyone",
        "chapter-text": "The lamp turned all night over the harbour.", "submit": "post",
    }  # fmt: skip
    response = author.post("/works/new/", data=data)
    match = re.match(r"^/works/(\d+)/$", response.headers.get("location", ""))
    if response.status_code != 302 or not match:
        raise RuntimeError(f"posting the work on A answered {response.status_code} {response.headers}")
    work_id = int(match.group(1))
    own = author.get(f"/works/{work_id}/")
    guest_b = client(b)
    took = wait_until(lambda: f"Lighthouse {title_word}" in guest_b.get("/search/", params={"q": title_word}).text, 20)
    claim(
        "a work posted through server A appears in search on server B",
        took is not None and own.status_code == 200 and title_word in own.text,
        f"work {work_id} posted on A (its author saw it at once: {title_word in own.text}); "
        + (f"found by a guest's search on B after {took:.1f} s" if took is not None else "not found on B in 20 s"),
    )
    return work_id


def own_comment_despite_lag(proxy: str, replica: str, work_id: int) -> None:
    import psycopg

    from quire.interactions.models import Comment
    from quire.works.models import Chapter

    chapter = Chapter.objects.filter(work_id=work_id).values_list("pk", flat=True).first()
    reader = logged_in(proxy, READERS[0])
    token = token_of(reader.get(f"/works/{work_id}/"))
    guest = client(proxy)
    marker = word()
    with psycopg.connect(replica, autocommit=True) as conn:
        conn.execute("SELECT pg_wal_replay_pause()")
        paused = wait_until(
            lambda: conn.execute("SELECT pg_get_wal_replay_pause_state()").fetchone()[0] == "paused", 10
        )
        try:
            comment = {"csrfmiddlewaretoken": token, "text": f"Own words {marker}.", "chapter": chapter}
            response = reader.post(f"/works/{work_id}/comments/", data=comment)
            landed = response.headers.get("location", "")
            shown_after_post = marker in reader.get(landed.split("#")[0]).text if "#comment-" in landed else False
            # Every later page of theirs for a while: two, so both app servers answer (round robin).
            shown_later = all(marker in reader.get(f"/works/{work_id}/").text for _ in range(2))
            stored = Comment.objects.filter(work_id=work_id, text__contains=marker).exists()
            guest_pages = [guest.get(f"/works/{work_id}/") for _ in range(2)]
            hidden_from_guest = all(p.status_code == 200 and marker not in p.text for p in guest_pages)
            on_replica = conn.execute("SELECT count(*) FROM interactions_comment WHERE text LIKE %s",
                                      (f"%{marker}%",)).fetchone()[0]
        finally:
            conn.execute("SELECT pg_wal_replay_resume()")
    claim(
        "with the replica paused, a reader's own comment is shown to them at once",
        paused is not None and stored and shown_after_post and shown_later,
        f"replay paused: {paused is not None}; comment stored on the primary: {stored}; shown on the page "
        f"after posting: {shown_after_post}, on their next 2 pages: {shown_later}",
    )
    claim(
        "…while another guest, reading the lagging replica, does not see it yet (the control)",
        hidden_from_guest and on_replica == 0,
        f"absent from the guest's 2 pages: {hidden_from_guest}; rows on the replica while paused: {on_replica}",
    )
    took = wait_until(lambda: marker in guest.get(f"/works/{work_id}/").text, 20)
    claim(
        "…and once replay resumes the guest sees it too",
        took is not None,
        f"after {took:.1f} s" if took is not None else "not within 20 s",
    )


def descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def kill_server(pid: int) -> int:
    """SIGKILL an app server and every process under it, as a machine dying would."""
    import signal

    victims = [pid, *descendants(pid)]
    for victim in victims:
        try:
            os.kill(victim, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return len(victims)


def haproxy_counts(stats_url: str) -> dict:
    """Retries and redispatches of the app backend, and each server's state, from haproxy."""
    import csv
    import io

    import httpx

    rows = list(csv.DictReader(io.StringIO(httpx.get(stats_url, timeout=5).text.lstrip("# "))))
    backend = next(r for r in rows if r["pxname"] == "apps" and r["svname"] == "BACKEND")
    servers = {r["svname"]: r["status"] for r in rows if r["pxname"] == "apps" and r["svname"] in ("a", "b")}
    return {"retries": int(backend["wretr"] or 0), "redispatches": int(backend["wredis"] or 0), **servers}


def no_write_lost_when_a_server_dies(proxy: str, server_a_pid: int, work_id: int, stats_url: str) -> None:
    from quire.interactions.models import Comment
    from quire.works.models import Chapter

    chapter = Chapter.objects.filter(work_id=work_id).values_list("pk", flat=True).first()
    writers: list = []

    def sign_in(name):
        c = logged_in(proxy, name)
        writers.append((c, token_of(c.get(f"/works/{work_id}/"))))

    signing_in = [threading.Thread(target=sign_in, args=(name,)) for name in READERS[1:]]
    for t in signing_in:
        t.start()
    for t in signing_in:
        t.join()
    if len(writers) != len(READERS) - 1:
        raise RuntimeError("not every writer could log in")
    seconds, kill_at = 9.0, 3.0
    outcomes: list[tuple[str, str, float]] = []  # (marker, "ok" | what went wrong, when)
    lock = threading.Lock()
    start = time.monotonic()

    def write(c, token, i):
        n = 0
        while time.monotonic() - start < seconds:
            marker = f"{word()}"
            n += 1
            try:
                r = c.post(f"/works/{work_id}/comments/",
                           data={"csrfmiddlewaretoken": token, "text": f"Load {i}.{n} {marker}", "chapter": chapter})
                ok = r.status_code == 302 and "#comment-" in r.headers.get("location", "")
                outcome = "ok" if ok else f"HTTP {r.status_code}"
            except Exception as exc:  # a connection cut by the dying server is an outcome to count
                outcome = type(exc).__name__
            with lock:
                outcomes.append((marker, outcome, time.monotonic() - start))

    threads = [threading.Thread(target=write, args=(c, t, i)) for i, (c, t) in enumerate(writers)]
    for t in threads:
        t.start()
    time.sleep(kill_at)
    killed = kill_server(server_a_pid)
    killed_at = time.monotonic() - start
    for t in threads:
        t.join()
    stored = set()
    for text in Comment.objects.filter(work_id=work_id, text__startswith="Load ").values_list("text", flat=True):
        stored.add(text.rsplit(" ", 1)[-1])
    acked = [m for m, outcome, _ in outcomes if outcome == "ok"]
    lost = [m for m in acked if m not in stored]
    after_kill = sum(1 for _, outcome, when in outcomes if outcome == "ok" and when > killed_at + 0.5)
    failures: dict[str, int] = {}
    for _, outcome, _ in outcomes:
        if outcome != "ok":
            failures[outcome] = failures.get(outcome, 0) + 1
    unanswered_but_stored = sum(1 for m, outcome, _ in outcomes if outcome != "ok" and m in stored)
    balancer = haproxy_counts(stats_url)
    claim(
        "killing an app server mid-load loses no write",
        bool(acked) and not lost and after_kill > 0,
        f"{len(writers)} writers for {seconds:.0f} s through haproxy, server A ({killed} processes) killed at "
        f"{killed_at:.1f} s: {len(outcomes)} comments sent, {len(acked)} answered success, {len(lost)} of those "
        f"missing from the database; {after_kill} succeeded after the kill (server B took over); "
        f"not answered success: {failures or 0} ({unanswered_but_stored} of them stored anyway); haproxy: "
        f"{balancer['retries']} retries, {balancer['redispatches']} sent to the other server, A {balancer.get('a')}, "
        f"B {balancer.get('b')}",
    )


def prove(args) -> int:
    django_on(args.primary)
    import logging

    logging.getLogger("httpx").setLevel(logging.WARNING)
    started = _clock[0] = time.monotonic()
    work_id = posted_on_a_found_on_b(args.server_a, args.server_b)
    own_comment_despite_lag(args.proxy, args.replica, work_id)
    no_write_lost_when_a_server_dies(args.proxy, args.server_a_pid, work_id, args.haproxy_stats)
    failed = [name for name, ok, _ in results if not ok]
    print(f"Claims checked in {time.monotonic() - started:.1f} s: "
          f"{len(results) - len(failed)} passed, {len(failed)} failed.")
    return 1 if failed else 0


def main() -> int:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="what", required=True)
    sub.add_parser("setup")
    p = sub.add_parser("prove")
    for option in ("--proxy", "--server-a", "--server-b", "--replica", "--primary", "--haproxy-stats"):
        p.add_argument(option, required=True)
    p.add_argument("--server-a-pid", type=int, required=True)
    args = parser.parse_args()
    if args.what == "setup":
        setup()
        return 0
    return prove(args)


if __name__ == "__main__":
    sys.exit(main())
