"""Keep the background worker running beside the web server.

A worker that exits (it died on "database is locked", ran out of memory, was
killed by an operator) is started again, with the reason logged and a growing
pause between restarts so a worker that cannot start (no tables yet, a bad
setting) doesn't spin a core in a restart storm. A worker that stayed up for a
while before exiting is restarted after the shortest pause again.
"""

import collections
import logging
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable

logger = logging.getLogger("quire.serve")

FIRST_DELAY = 1.0  # seconds before the first restart
MAX_DELAY = 60.0  # the longest pause between restarts
HEALTHY_AFTER = 60.0  # a worker that ran this long before exiting starts over at FIRST_DELAY


def exit_reason(returncode: int, last_lines: list[str]) -> str:
    """Why a worker stopped, in words: its exit code or signal, and its last error line."""
    if returncode < 0:
        try:
            why = f"killed by {signal.Signals(-returncode).name}"
        except ValueError:
            why = f"killed by signal {-returncode}"
    else:
        why = f"exit code {returncode}"
    # A traceback's last line names the error ("OperationalError: database is locked").
    errors = [line for line in last_lines if line.strip() and not line.startswith((" ", "\t"))]
    if errors:
        why += f"; last output: {errors[-1].strip()}"
    return why


def next_delay(previous: float, ran_for: float) -> float:
    """The pause before the next restart: the shortest after a first or a healthy run,
    else double the previous pause, up to MAX_DELAY."""
    if not previous or ran_for >= HEALTHY_AFTER:
        return FIRST_DELAY
    return min(MAX_DELAY, previous * 2)


class Supervisor:
    """Runs `command` in a thread-watched child process and restarts it when it exits.

    `clock` and `pause` are injectable so tests control time: `pause(seconds)`
    returns True when the supervisor should stop instead of restarting.
    """

    def __init__(
        self,
        command: list[str],
        *,
        announce: Callable[[str], None] = print,
        clock: Callable[[], float] = time.monotonic,
        pause: Callable[[float], bool] | None = None,
        stderr=None,
    ):
        self.command = command
        self.announce = announce
        self.clock = clock
        self._stopping = threading.Event()
        self.pause = pause or self._stopping.wait
        self.stderr = stderr  # where the worker's error output is echoed (default: ours)
        self.process: subprocess.Popen | None = None
        self.restarts = 0
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    # --- running ------------------------------------------------------------------------------

    def start(self) -> None:
        self._thread = threading.Thread(target=self.run, name="quire-worker-supervisor", daemon=True)
        self._thread.start()

    def run(self) -> None:
        delay = 0.0
        while not self._stopping.is_set():
            started = self.clock()
            returncode, last_lines = self._run_once()
            if returncode is None or self._stopping.is_set():
                return
            ran_for = self.clock() - started
            delay = next_delay(delay, ran_for)
            reason = exit_reason(returncode, last_lines)
            logger.warning("Background worker stopped (%s); restarting in %.0f s.", reason, delay)
            if self.pause(delay):
                return
            self.restarts += 1

    def _run_once(self) -> tuple[int | None, list[str]]:
        with self._lock:
            if self._stopping.is_set():
                return None, []
            # Its own session: Ctrl+C in the terminal reaches the server only, and
            # the supervisor stops the worker itself (and doesn't mistake it for a crash).
            self.process = subprocess.Popen(  # noqa: S603 - our own command
                self.command, stderr=subprocess.PIPE, start_new_session=True, text=True, errors="replace"
            )
        self.announce(f"Background worker started (pid {self.process.pid}).")
        last_lines: collections.deque[str] = collections.deque(maxlen=20)
        echo = threading.Thread(target=self._echo, args=(self.process.stderr, last_lines), daemon=True)
        echo.start()
        # Wait for the worker itself, not for the end of its output: a job process it
        # forked (RQ's work horse) may hold the pipe open after the worker died.
        returncode = self.process.wait()
        echo.join(timeout=10)
        # Still echoing after that (a forked job holds the pipe): give the exit code alone.
        return returncode, [] if echo.is_alive() else list(last_lines)

    def _echo(self, stream, last_lines) -> None:
        out = self.stderr or sys.stderr
        for line in stream:
            last_lines.append(line.rstrip("\n"))
            out.write(line)
            out.flush()

    # --- stopping -----------------------------------------------------------------------------

    def stop(self, timeout: float = 10) -> None:
        """Stop the worker (SIGTERM, then SIGKILL after `timeout`) and don't restart it."""
        with self._lock:
            self._stopping.set()
            process = self.process
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if self._thread is not None:
            self._thread.join(timeout=timeout)
