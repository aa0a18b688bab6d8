"""Keeps child processes running: restarts one that dies, stops them all on a signal.

Each child leads its own process group, so a terminal's Ctrl-C reaches only the
supervisor, which then stops the children in order: SIGTERM to each, a grace period,
then SIGKILL to whatever is left of their groups. A second Ctrl-C skips the grace period.
On Linux a child is also killed if the supervisor itself dies.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from types import FrameType

POLL_SECONDS = 0.2
MAX_BACKOFF_SECONDS = 30.0
# A child that ran this long before dying is restarted at once, its backoff forgotten.
STABLE_SECONDS = 60.0
PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


@dataclass
class Child:
    name: str
    argv: Sequence[str]
    process: subprocess.Popen[bytes] | None = None
    started_at: float = 0.0
    quick_deaths: int = 0
    restart_at: float | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            self.argv,
            start_new_session=True,
            preexec_fn=_die_with_parent if sys.platform == "linux" else None,
        )
        self.started_at = time.monotonic()
        self.restart_at = None

    def backoff(self, now: float) -> float:
        """Seconds to wait before restarting a child that just died."""
        if now - self.started_at >= STABLE_SECONDS:
            self.quick_deaths = 0
        self.quick_deaths += 1
        return min(MAX_BACKOFF_SECONDS, 2.0 ** (self.quick_deaths - 1))

    def signal_group(self, signum: int) -> None:
        if self.process is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signum)


@dataclass
class Supervisor:
    children: list[Child]
    say: Callable[[str], None]
    grace_seconds: float = 15.0
    _signals: list[int] = field(default_factory=list)

    def _on_signal(self, signum: int, _frame: FrameType | None) -> None:
        self._signals.append(signum)

    def run(self) -> int:
        """Supervise until SIGINT or SIGTERM; 0 once every child has stopped."""
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, self._on_signal)
        for child in self.children:
            child.start()
        while not self._signals:
            self._tend(time.monotonic())
            time.sleep(POLL_SECONDS)
        self.say("stopping…")
        self._stop()
        return 0

    def _tend(self, now: float) -> None:
        for child in self.children:
            if child.restart_at is not None:
                if now >= child.restart_at:
                    self.say(f"restarting {child.name}")
                    child.start()
                continue
            assert child.process is not None
            code = child.process.poll()
            if code is not None:
                delay = child.backoff(now)
                self.say(f"{child.name} exited with code {code}; restarting in {delay:.0f}s")
                child.signal_group(signal.SIGKILL)
                child.restart_at = now + delay

    def _stop(self) -> None:
        running = [c for c in self.children if c.process and c.process.poll() is None]
        for child in running:
            assert child.process is not None
            child.process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + self.grace_seconds
        for child in running:
            assert child.process is not None
            while child.process.poll() is None and time.monotonic() < deadline:
                if len(self._signals) > 1:
                    break
                time.sleep(POLL_SECONDS)
            if child.process.poll() is None:
                self.say(f"{child.name} did not stop in time; killing it")
        for child in self.children:
            # Whatever the child left behind in its group (pool processes, embedded beat).
            child.signal_group(signal.SIGKILL)
            if child.process is not None:
                child.process.wait()
