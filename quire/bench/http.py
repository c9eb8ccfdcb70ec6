"""`quire bench http`: the archive over real HTTP, on the production server.

Builds a throw-away archive (works with chapters, readers with real sessions) in a
data folder of its own (SQLite) or a database of its own (PostgreSQL), starts
`quire serve` on it, and drives it with asyncio clients (httpx):

- trivial: /healthz, which touches no database: the server's ceiling in this run,
  so the other figures can be read against it on a shared machine;
- guest mix and signed-in mix: work pages, /works/, search and tag listings;
- write mix: many signed-in readers at once each reading a work page (for its CSRF
  token, as a browser would) then leaving kudos or a comment, while authors post
  chapters. Afterwards the rows in the database are counted against the requests that
  answered success: "lost" is a success with no row behind it.

The archive is made and counted by subprocesses with the same environment as the
server, so this command never touches its own database.
"""

import asyncio
import json
import os
import random
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field

WORDS = "lantern orchard river quiet letter window morning tide harbour violin".split()
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


# --- the archive (run in a subprocess: `python -m quire.bench.http populate|count`) ------------


def main() -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "quire.settings")
    django.setup()
    from . import http_archive  # reads models: only once Django is set up

    what, *args = sys.argv[1:]
    if what == "populate":
        http_archive.populate(int(args[0]), int(args[1]), args[2])
    elif what == "count":
        http_archive.count(args[0])


# --- the load ---------------------------------------------------------------------------------


@dataclass
class Tally:
    times: dict[str, list[float]] = field(default_factory=dict)  # kind -> ms of each answered request
    errors: int = 0
    shed: int = 0  # 503 busy answers (load shed, or a locked database)
    ok: dict[str, int] = field(default_factory=dict)  # kind -> successes
    started: float = 0.0
    ended: float = 0.0

    def add(self, kind: str, ms: float) -> None:
        self.times.setdefault(kind, []).append(ms)

    def summary(self) -> dict:
        every = sorted(t for ts in self.times.values() for t in ts)
        wall = max(self.ended - self.started, 1e-9)
        return {
            "requests": len(every),
            "rps": round(len(every) / wall, 1),
            "p50_ms": _pct(every, 0.50),
            "p95_ms": _pct(every, 0.95),
            "p99_ms": _pct(every, 0.99),
            "errors": self.errors,
            "shed_503": self.shed,
        }


def _pct(times: list[float], p: float) -> float:
    if not times:
        return 0.0
    times = sorted(times)
    return round(times[min(len(times) - 1, max(0, int(len(times) * p + 0.5) - 1))], 1)


async def _timed(tally: Tally, client, kind: str, method: str, url: str, ok=(200,), **kw):
    t0 = time.perf_counter()
    try:
        response = await client.request(method, url, **kw)
    except Exception:  # refused, reset or timed out: the server didn't answer
        tally.errors += 1
        return None
    tally.add(kind, (time.perf_counter() - t0) * 1000)
    if response.status_code in ok:
        tally.ok[kind] = tally.ok.get(kind, 0) + 1
    elif response.status_code == 503:
        tally.shed += 1
        tally.errors += 1
    else:
        tally.errors += 1
    return response


def _read_urls(data: dict, rng: random.Random) -> tuple[str, str]:
    roll = rng.random()
    if roll < 0.55:
        return "work", f"/works/{rng.choice(data['works'])}/"
    if roll < 0.75:
        return "index", f"/works/?page={rng.randint(1, 5)}"
    if roll < 0.9:
        return "search", f"/search/?q={rng.choice(WORDS)}"
    return "tag", f"/tags/{rng.choice(data['tags'])}/works/" if data["tags"] else "/works/"


async def _run_clients(count: int, seconds: float, body: Callable) -> Tally:
    tally = Tally()
    stop_at = time.monotonic() + seconds
    tally.started = time.perf_counter()
    await asyncio.gather(*(body(i, tally, stop_at) for i in range(count)))
    tally.ended = time.perf_counter()
    return tally


def _client(base: str, session: str | None = None):
    import httpx

    cookies = {"sessionid": session} if session else None
    return httpx.AsyncClient(base_url=base, cookies=cookies, timeout=120, follow_redirects=False,
                             limits=httpx.Limits(max_keepalive_connections=0))


async def trivial(base: str, clients: int, seconds: float) -> Tally:
    async def body(i, tally, stop_at):
        async with _client(base) as client:
            while time.monotonic() < stop_at:
                await _timed(tally, client, "healthz", "GET", "/healthz")

    return await _run_clients(clients, seconds, body)


async def read_mix(base: str, data: dict, clients: int, seconds: float, signed_in: bool) -> Tally:
    async def body(i, tally, stop_at):
        rng = random.Random(i)
        session = data["readers"][i % len(data["readers"])] if signed_in else None
        async with _client(base, session) as client:
            while time.monotonic() < stop_at:
                kind, url = _read_urls(data, rng)
                await _timed(tally, client, kind, "GET", url)

    return await _run_clients(clients, seconds, body)


async def write_mix(base: str, data: dict, clients: int, seconds: float) -> Tally:
    """Readers alternate kudos and comments on works of their own random order (kudos once
    per work, so every success is a new row); the first few clients are authors posting chapters."""
    authors = data["authors"]

    async def body(i, tally, stop_at):
        rng = random.Random(1000 + i)
        author = authors[i] if i < len(authors) else None
        session = author["session"] if author else data["readers"][i % len(data["readers"])]
        order = list(data["works"])
        rng.shuffle(order)
        async with _client(base, session) as client:
            n = 0
            while time.monotonic() < stop_at and n < len(order):
                if author:
                    page = await _timed(tally, client, "page", "GET", f"/works/{author['work']}/chapters/new/")
                    token = _token(page)
                    if token is None:
                        continue
                    await _timed(tally, client, "chapter", "POST", f"/works/{author['work']}/chapters/new/",
                                 ok=(302,), data={"csrfmiddlewaretoken": token, "title": f"Bench {i}.{n}",
                                                  "text": "A new chapter, written for the benchmark.\n\n" * 20,
                                                  "text_format": "plain", "action": "post",
                                                  "notes_begin": "", "notes_end": ""})
                    n += 1
                    continue
                work = order[n]
                n += 1
                page = await _timed(tally, client, "page", "GET", f"/works/{work}/")
                token = _token(page)
                if token is None:
                    continue
                if (n + i) % 2:  # half the readers start with kudos, half with a comment
                    await _timed(tally, client, "kudos", "POST", f"/works/{work}/kudos/", ok=(302,),
                                 data={"csrfmiddlewaretoken": token})
                else:
                    await _timed(tally, client, "comment", "POST", f"/works/{work}/comments/", ok=(302,),
                                 data={"csrfmiddlewaretoken": token, "text": f"Reader {i} liked part {n}.",
                                       "chapter": data["first_chapter"][str(work)]})

    return await _run_clients(clients, seconds, body)


def _token(response) -> str | None:
    if response is None or response.status_code != 200:
        return None
    match = CSRF_INPUT.search(response.text)
    return match.group(1) if match else None


# --- the run ----------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def _database(db: str):
    """The environment of a throw-away archive, removed afterwards."""
    folder = tempfile.mkdtemp(prefix="quire-bench-http-")
    env = {k: v for k, v in os.environ.items() if not k.startswith("QUIRE_")}
    # Measure the server and the database, not the per-person comment limit.
    env.update({"QUIRE_DATA_DIR": folder, "QUIRE_SECRET_KEY": secrets.token_urlsafe(32), "QUIRE_COMMENT_RATE": "100000",
                "PYTHONUNBUFFERED": "1", "QUIRE_DEBUG": "false"})
    name = f"quire_bench_http_{os.getpid()}"
    admin = os.environ.get("QUIRE_BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432/postgres")
    if db == "postgres":
        import psycopg

        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        env["QUIRE_DATABASE_URL"] = admin.rsplit("/", 1)[0] + "/" + name
    try:
        yield env, folder
    finally:
        if db == "postgres":
            import psycopg

            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        shutil.rmtree(folder, ignore_errors=True)


def _quire(env: dict, *args: str) -> None:
    result = subprocess.run([sys.executable, "-m", *args], env=env, capture_output=True, text=True)  # noqa: S603
    if result.returncode:
        raise RuntimeError(f"{' '.join(args)} failed:\n{result.stderr[-3000:]}")


def _start_server(env: dict, port: int, report, dev_server: bool = False) -> subprocess.Popen:
    """`quire serve` (gunicorn), or with `dev_server` Django's development server (the
    figures before there was a production server)."""
    server = subprocess.Popen(  # noqa: S603 - our own command
        [sys.executable, "-m", "quire.manage", "serve", "--addr", f"127.0.0.1:{port}",
         *(["--dev"] if dev_server else [])],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, start_new_session=True,
    )
    for line in server.stdout:  # wait for the server's own "ready" line
        if "Quire is ready" in line or "Quit the server with" in line:
            report(line.strip())
            break
    else:
        raise RuntimeError("The server stopped before it was ready.")

    def drain():  # the access log must not fill the pipe and block the server
        for _ in server.stdout:
            pass

    import threading

    threading.Thread(target=drain, daemon=True).start()
    return server


def run(small: bool = False, works: int | None = None, db: str = "sqlite", report=print,
        dev_server: bool = False) -> dict:
    import logging

    logging.getLogger("httpx").setLevel(logging.WARNING)  # not a line per request
    works = works or (60 if small else 1000)
    readers = 200
    seconds = 8.0 if small else 30.0
    read_clients = 16
    with _database(db) as (env, folder):
        report(f"http: building an archive of {works} works and {readers} readers on {db}…")
        t0 = time.perf_counter()
        _quire(env, "quire.manage", "migrate", "--noinput")
        archive = os.path.join(folder, "archive.json")
        _quire(env, "quire.bench.http", "populate", str(works), str(readers), archive)
        with open(archive) as f:
            data = json.load(f)
        report(f"http: archive built in {time.perf_counter() - t0:.0f} s; starting the server…")
        _quire(env, "quire.bench.http", "count", os.path.join(folder, "before.json"))
        port = _free_port()
        server = _start_server(env, port, report, dev_server)
        base = f"http://127.0.0.1:{port}"
        try:
            # Unmeasured: every worker loads its templates and search index first.
            asyncio.run(read_mix(base, data, read_clients, seconds / 2, signed_in=True))
            results = {}
            for name, phase in (
                ("trivial", lambda: trivial(base, read_clients, seconds)),
                ("guest_mix", lambda: read_mix(base, data, read_clients, seconds, signed_in=False)),
                ("signed_in_mix", lambda: read_mix(base, data, read_clients, seconds, signed_in=True)),
                ("write_mix", lambda: write_mix(base, data, readers, seconds)),
            ):
                report(f"http: {name}…")
                tally = asyncio.run(phase())
                results[name] = tally
                report(f"http: {name}: {json.dumps(tally.summary())}")
        finally:
            os.killpg(server.pid, signal.SIGINT)  # Ctrl+C in its terminal: a graceful stop
            server.wait()
        before = json.load(open(os.path.join(folder, "before.json")))
        _quire(env, "quire.bench.http", "count", os.path.join(folder, "after.json"))
        after = json.load(open(os.path.join(folder, "after.json")))
    writes = results["write_mix"]
    rows = {k: after[k] - before[k] for k in after}
    answered = {"kudos": writes.ok.get("kudos", 0), "comments": writes.ok.get("comment", 0),
                "chapters": writes.ok.get("chapter", 0)}
    lost = sum(max(0, answered[k] - rows[k]) for k in answered)
    posts = Tally(times={k: v for k, v in writes.times.items() if k in ("kudos", "comment", "chapter")},
                  errors=writes.errors, shed=writes.shed, started=writes.started, ended=writes.ended)
    guest_work = statistics.median(results["guest_mix"].times.get("work", [0]) or [0])
    signed_work = statistics.median(results["signed_in_mix"].times.get("work", [0]) or [0])
    return {
        "database": db,
        "server": "runserver" if dev_server else "gunicorn",
        "works": works,
        "trivial_rps": results["trivial"].summary()["rps"],
        "guest_mix": results["guest_mix"].summary(),
        "signed_in_mix": results["signed_in_mix"].summary(),
        "write_mix": posts.summary() | {"writers": readers, "with_page_reads": writes.summary(),
                                        "succeeded": answered, "rows_added": rows, "lost": lost},
        "work_page_signed_in_over_guest": round(signed_work / guest_work, 2) if guest_work else None,
    }


if __name__ == "__main__":
    main()
