"""A server process a benchmark started: waited for until it answers, stopped after."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import httpx


@contextmanager
def answering(
    process: subprocess.Popen[Any],
    answers: Callable[[], bool],
    *,
    seconds: float,
    interval: float,
    exited: Callable[[], str],
    late: str,
) -> Iterator[None]:
    """Once ``answers()`` is true (a transport error counts as not yet); the benchmark
    stops with ``exited()`` if the process ends first, with ``late`` after ``seconds``.
    The process is terminated when the block ends."""
    try:
        deadline = time.monotonic() + seconds
        while True:
            if process.poll() is not None:
                raise SystemExit(exited())
            try:
                if answers():
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit(late)
            time.sleep(interval)
        yield
    finally:
        process.terminate()
        process.wait(timeout=10)
