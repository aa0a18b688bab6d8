"""``jisr serve`` runs ``web.app:create_served_app``: once started, the heap is frozen and
the young generation collected less often (schema.heap). Checked in a process of its own,
since freezing would change the test process's collector."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from schema import heap

STARTED = """
import gc
from starlette.testclient import TestClient
from web.app import create_served_app

before = gc.get_freeze_count()
with TestClient(create_served_app()) as client:
    assert client.get("/healthz").status_code == 200
    print("heap", before, gc.get_freeze_count(), gc.get_threshold()[0])
"""


def test_the_served_app_settles_its_heap_once_started(migrated_url: str, tmp_path: Path) -> None:
    # given: the served app on a migrated database
    env = {**os.environ, "JISR_DATABASE_URL": migrated_url, "JISR_VAR_DIR": str(tmp_path)}
    # when: it starts and answers
    done = subprocess.run(
        [sys.executable, "-c", STARTED], env=env, capture_output=True, text=True, timeout=120
    )
    # then: nothing was frozen before it started; its objects are, and gen 0 is spaced out
    assert done.returncode == 0, done.stderr[-2000:]
    [line] = [line for line in done.stdout.splitlines() if line.startswith("heap ")]
    before, frozen, young = (int(word) for word in line.split()[1:])
    assert before == 0
    assert frozen > 10_000
    assert young == heap.YOUNG_THRESHOLD
