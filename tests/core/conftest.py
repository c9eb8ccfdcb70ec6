"""Helpers for tests that run Quire's own commands as real processes against a
data directory of their own (a migrated SQLite file, copied per test)."""

import os
import queue
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

QUIRE = [sys.executable, "-m", "quire.manage"]
# Every wait in these tests is for an event (a line printed, a port answering); this bound
# only turns a hang into a failure, and is far above what a loaded machine needs.
HANG = 600


def quire_env(data_dir, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QUIRE_")}
    env.update({"QUIRE_DATA_DIR": str(data_dir), "QUIRE_SECRET_KEY": "test-only-key", "PYTHONUNBUFFERED": "1"})
    env.update(extra)
    return env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory):
    """A data directory with every migration applied, made once per test run."""
    data_dir = tmp_path_factory.mktemp("migrated")
    subprocess.run([*QUIRE, "migrate", "--noinput"], env=quire_env(data_dir), check=True, capture_output=True)  # noqa: S603
    return data_dir


@pytest.fixture
def data_dir(migrated_template, tmp_path):
    target = tmp_path / "data"
    shutil.copytree(migrated_template, target)
    return target


class Process:
    """A running command whose combined output is read line by line, so a test can
    wait for what it prints (with a generous upper bound, never a fixed sleep)."""

    def __init__(self, args, env):
        self.popen = subprocess.Popen(  # noqa: S603 - our own command
            args, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True
        )
        self.lines: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.popen.stdout:
            self._queue.put(line.rstrip("\n"))
        self._queue.put(None)

    def wait_for(self, predicate, timeout: float = HANG) -> str:
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError("Timed out waiting; output so far:\n" + "\n".join(self.lines))
            try:
                line = self._queue.get(timeout=remaining)
            except queue.Empty:
                continue
            if line is None:
                raise AssertionError("The process ended; its output:\n" + "\n".join(self.lines))
            self.lines.append(line)
            if predicate(line):
                return line

    def wait_until_serving(self, url: str) -> None:
        """Wait for the server to print that it is up (an event, not a guess at how long
        start-up takes), then check it answers. Both lines are printed only once the port
        is bound, so one request is enough: the kernel holds it until a worker takes it."""
        # `quire serve` prints "Quire is ready" from gunicorn's master after binding;
        # the development server (--dev) prints "Quit the server with" from its on_bind.
        def up(line):
            return "Quire is ready" in line or "Quit the server with" in line

        if not any(up(line) for line in self.lines):  # an earlier wait may have read it
            self.wait_for(up)
        with urllib.request.urlopen(url, timeout=HANG) as response:  # noqa: S310 - our own server
            assert response.status == 200, f"{url} answered {response.status}"


    def stop(self):
        if self.popen.poll() is None:
            self.popen.kill()
            self.popen.wait()
