"""`quire serve` keeps its background worker running: a worker that exits is
started again with the reason logged and a growing pause, and stopping the
server (Ctrl+C or SIGTERM) stops the worker for good."""

import logging
import os
import re
import signal
import sys
import urllib.request

import pytest

from quire.core.management.commands import serve
from quire.core.supervise import FIRST_DELAY, HEALTHY_AFTER, MAX_DELAY, Supervisor, exit_reason
from tests.core.conftest import HANG, QUIRE, Process, free_port, quire_env

DIES_ON_LOCK = [
    sys.executable,
    "-c",
    "import sys; print('Traceback (most recent call last):', file=sys.stderr);"
    "print('  File \"worker.py\", line 1', file=sys.stderr);"
    "print('django.db.utils.OperationalError: database is locked', file=sys.stderr); sys.exit(3)",
]


class FakeClock:
    """Each worker run lasts `run_lengths[i]` seconds of pretend time."""

    def __init__(self, run_lengths):
        self.now, self.run_lengths, self.reads = 0.0, list(run_lengths), 0

    def __call__(self):
        self.reads += 1
        if self.reads % 2 == 0:  # the read after a run: that run's length has passed
            self.now += self.run_lengths.pop(0)
        return self.now


def test_a_worker_that_keeps_dying_is_restarted_with_growing_pauses_and_the_reason_logged(caplog, tmp_path):
    pauses = []
    runs = 9
    # Seven quick deaths, then one after a healthy hour, then a quick one again.
    clock = FakeClock([0.5] * 7 + [HEALTHY_AFTER + 1, 0.5])

    def pause(seconds):
        pauses.append(seconds)
        return len(pauses) >= runs  # then stop, as Ctrl+C would

    errors = (tmp_path / "stderr").open("w")
    supervisor = Supervisor(DIES_ON_LOCK, announce=lambda line: None, clock=clock, pause=pause, stderr=errors)
    with caplog.at_level(logging.WARNING, logger="quire.serve"):
        supervisor.run()
    assert pauses == [1, 2, 4, 8, 16, 32, MAX_DELAY, FIRST_DELAY, 2]
    assert supervisor.restarts == runs - 1
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == runs
    assert messages[0] == (
        "Background worker stopped (exit code 3; last output: django.db.utils.OperationalError: "
        "database is locked); restarting in 1 s."
    )
    errors.close()
    assert "database is locked" in (tmp_path / "stderr").read_text()  # the worker's own output still shows


def test_exit_reasons_name_the_signal_or_the_code():
    assert exit_reason(-9, []) == "killed by SIGKILL"
    assert exit_reason(1, ["Traceback:", "  File x", "MemoryError"]) == "exit code 1; last output: MemoryError"
    assert exit_reason(0, []) == "exit code 0"


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie has exited but not yet been collected by its parent.
    with open(f"/proc/{pid}/stat") as stat:
        return stat.read().split(")")[-1].split()[0] != "Z"


def started_pid(line: str) -> int | None:
    match = re.search(r"Background worker started \(pid (\d+)\)", line)
    return int(match.group(1)) if match else None


@pytest.mark.parametrize("stop_with", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "Ctrl+C"])
def test_serve_restarts_a_killed_worker_and_stops_it_on_shutdown(data_dir, stop_with):
    port = free_port()
    serve = Process([*QUIRE, "serve", "--addr", f"127.0.0.1:{port}"], quire_env(data_dir))
    try:
        first = started_pid(serve.wait_for(started_pid))
        assert alive(first)  # announced after it started
        os.kill(first, signal.SIGKILL)  # as the OOM killer, or a crash, would

        serve.wait_for(lambda line: "Background worker stopped (killed by SIGKILL); restarting in 1 s." in line)
        second = started_pid(serve.wait_for(started_pid))
        assert second != first and alive(second)
        serve.wait_until_serving(f"http://127.0.0.1:{port}/")

        # Ctrl+C in a terminal reaches the whole foreground group; a service manager signals the server.
        os.killpg(serve.popen.pid, stop_with) if stop_with == signal.SIGINT else serve.popen.send_signal(stop_with)
        serve.wait_for(lambda line: "Background worker stopped." in line)
        assert serve.popen.wait(timeout=HANG) == 0
        assert not alive(second)
        assert sum(1 for line in serve.lines if started_pid(line)) == 2  # not restarted on the way out
    finally:
        serve.stop()


@pytest.mark.parametrize(("addr", "url"), [
    ("127.0.0.1:8104", "http://127.0.0.1:8104"), ("8123", "http://127.0.0.1:8123"),
    ("0.0.0.0:8000", "http://127.0.0.1:8000"), ("archive.example:80", "http://archive.example:80"),
])  # fmt: skip
def test_the_served_address_is_the_one_links_name(addr, url):
    assert serve.site_url_for(addr) == url


def test_serve_on_another_port_links_to_that_port_unless_the_site_url_is_set(monkeypatch, settings):
    """`make demo PORT=8104`: feeds and books link to 8104; an operator's QUIRE_SITE_URL wins."""
    monkeypatch.setattr(serve, "call_command", lambda *args, **kwargs: None)
    monkeypatch.delenv("QUIRE_SITE_URL", raising=False)
    serve.Command().handle(addr="127.0.0.1:8104", no_worker=True, dev=True)
    assert settings.SITE_URL == os.environ["QUIRE_SITE_URL"] == "http://127.0.0.1:8104"
    monkeypatch.setenv("QUIRE_SITE_URL", "https://archive.example")
    settings.SITE_URL = "https://archive.example"
    serve.Command().handle(addr="127.0.0.1:8105", no_worker=True, dev=True)
    assert settings.SITE_URL == "https://archive.example"


# --- the production server -----------------------------------------------------------------


def test_serve_runs_gunicorn_with_the_configured_workers_an_access_log_and_static_files(data_dir):
    port = free_port()
    serve = Process([*QUIRE, "serve", "--no-worker", "--addr", f"127.0.0.1:{port}"],
                    quire_env(data_dir, QUIRE_WEB_WORKERS="2", QUIRE_WEB_THREADS="3"))
    base = f"http://127.0.0.1:{port}"
    try:
        ready = serve.wait_for(lambda line: "Quire is ready" in line)
        assert f"http://127.0.0.1:{port}/ with 2 workers x 3 threads" in ready
        serve.wait_until_serving(base + "/healthz")
        with urllib.request.urlopen(base + "/healthz", timeout=HANG) as response:  # noqa: S310 - our server
            assert response.headers["Server"] == "gunicorn"
            assert response.read() == b"ok\n"
        serve.wait_for(lambda line: '"GET /healthz HTTP/1.1" 200' in line)  # the access log
        with urllib.request.urlopen(base + "/static/quire/site.css", timeout=HANG) as response:  # noqa: S310
            assert response.status == 200 and b"{" in response.read()
        with urllib.request.urlopen(base + "/works/", timeout=HANG) as response:  # noqa: S310
            assert response.status == 200 and b"<html" in response.read()

        os.killpg(serve.popen.pid, signal.SIGINT)  # Ctrl+C in the terminal
        assert serve.popen.wait(timeout=HANG) == 0
        with pytest.raises(OSError):  # it stopped listening
            urllib.request.urlopen(base + "/healthz", timeout=HANG)  # noqa: S310
    finally:
        serve.stop()


def test_the_dev_option_still_runs_the_reloading_development_server(data_dir):
    port = free_port()
    serve = Process([*QUIRE, "serve", "--dev", "--no-worker", "--addr", f"127.0.0.1:{port}"], quire_env(data_dir))
    try:
        serve.wait_for(lambda line: "Quit the server with" in line)
        serve.wait_until_serving(f"http://127.0.0.1:{port}/healthz")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=HANG) as response:  # noqa: S310
            assert "gunicorn" not in response.headers.get("Server", "")
        assert not any("Quire is ready" in line for line in serve.lines)
    finally:
        os.killpg(serve.popen.pid, signal.SIGKILL)  # the reloader's child too
        serve.stop()


def test_worker_count_is_two_per_cpu_plus_one_unless_set(settings, monkeypatch):
    from quire.core import gunicorn_conf

    monkeypatch.setattr(gunicorn_conf, "cpu_count", lambda: 4)
    settings.WEB_WORKERS = 0
    assert gunicorn_conf.worker_count() == 9
    settings.WEB_WORKERS = 3
    assert gunicorn_conf.worker_count() == 3


def test_the_master_warms_the_shared_search_index_before_forking(monkeypatch, capsys):
    from quire.core import gunicorn_conf
    from quire.search import warmup

    warmed = []
    monkeypatch.setattr(warmup, "warm", lambda: warmed.append(True))
    gunicorn_conf.when_ready(None)
    assert warmed == [True]
    assert "Quire is ready" in capsys.readouterr().out
