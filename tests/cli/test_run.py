"""``jisr run`` as an operator starts it: a real process tree, stopped with Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import httpx
import pytest

from tests.cli.processes import descendants, is_alive, kill_tree, wait_for
from tests.network.notifications.servers import free_port

REGIONS = {"query": "query { territories(level: REGION) { code } }"}
START_SECONDS = 120
STOP_SECONDS = 20


def answers_regions(port: int) -> bool:
    try:
        response = httpx.post(f"http://127.0.0.1:{port}/graphql", json=REGIONS, timeout=2)
    except httpx.TransportError:
        return False
    return response.status_code == 200 and len(response.json()["data"]["territories"]) == 12


@pytest.mark.slow
def test_jisr_run_serves_works_and_stops_cleanly_on_ctrl_c(tmp_path: Path) -> None:
    # given jisr run on a fresh var directory
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("JISR_")}
    env["JISR_VAR_DIR"] = str(tmp_path / "var")
    with subprocess.Popen(
        [sys.executable, "-m", "cli", "run", "--port", str(port)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    ) as process:
        log: list[str] = []
        reader = threading.Thread(target=lambda: log.extend(process.stdout or []), daemon=True)
        reader.start()
        try:
            # when it has started
            serving = wait_for(lambda: answers_regions(port), START_SECONDS)
            working = wait_for(lambda: any(" ready." in line for line in log), START_SECONDS)
            banner = f"Console: http://127.0.0.1:{port}/ "
            announced = wait_for(lambda: any(banner in line for line in log), START_SECONDS)
            assert serving and working and announced, "".join(log)
            console = httpx.get(f"http://127.0.0.1:{port}/", timeout=10)
            assert console.status_code == 200 and "<html" in console.text
            assert any("admin@jisr.example.ma" in line for line in log)
            children = descendants(process.pid)
            assert len(children) >= 2

            # and is interrupted
            process.send_signal(signal.SIGINT)
            code = process.wait(timeout=STOP_SECONDS)
        finally:
            kill_tree(process)
            reader.join(timeout=5)

    # then everything stopped
    assert code == 0, "".join(log)
    assert not [pid for pid in children if is_alive(pid)]
