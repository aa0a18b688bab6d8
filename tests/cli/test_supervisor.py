"""The supervisor of ``jisr run``, on stand-in children, in its own process (it owns signals)."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from tests.cli.processes import is_alive, wait_for

SUPERVISE = """
import sys
from cli.supervisor import Child, Supervisor

python, starts, pid_file = sys.executable, sys.argv[1], sys.argv[2]
crashing = f"open({starts!r}, 'a').write('started\\\\n'); raise SystemExit(3)"
stubborn = (
    "import os, signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
    f"open({pid_file!r}, 'w').write(str(os.getpid())); time.sleep(600)"
)
children = [
    Child("crashing", [python, "-c", crashing]),
    Child("stubborn", [python, "-c", stubborn]),
]
sys.exit(Supervisor(children, say=print, grace_seconds=1).run())
"""


def test_a_dying_child_is_restarted_and_a_stubborn_one_is_killed_on_stop(tmp_path: Path) -> None:
    # given a supervisor of a child that keeps crashing and one that ignores SIGTERM
    starts, pid_file = tmp_path / "starts", tmp_path / "pid"
    with subprocess.Popen(
        [sys.executable, "-c", SUPERVISE, str(starts), str(pid_file)],
        stdout=subprocess.PIPE,
        text=True,
    ) as supervisor:
        assert wait_for(pid_file.exists, 10)
        stubborn = int(pid_file.read_text())

        # when the crashing child has had time for three starts (backoff 1 s, then 2 s)
        assert wait_for(lambda: starts.exists() and len(starts.read_text().split()) >= 3, 10)
        supervisor.send_signal(signal.SIGTERM)
        code = supervisor.wait(timeout=10)
        output = supervisor.stdout.read() if supervisor.stdout else ""

    # then it stops, the stubborn child killed once the grace period is over
    assert code == 0, output
    assert not is_alive(stubborn)
    assert "crashing exited with code 3; restarting in 1s" in output
    assert "crashing exited with code 3; restarting in 2s" in output
    assert "stubborn did not stop in time" in output
