"""Fuzz the HSDS read API with schemathesis and the OFFICIAL ``openapi.json``:
``python -m bench.hsds_fuzz``.

Builds a demo database (SQLite, in a temporary directory), starts one API server and
runs schemathesis (installed into ``bench/.fuzz-venv`` as ``bench.fuzz`` does) with the
specification's own OpenAPI document (``network/hsds/official/openapi.json``,
unchanged) against ``/hsds``, every check on. Prints the operations sent, the answers
by status, and the failures grouped by check; ``docs/hsds.md`` lists which of them the
specification's own gaps explain, and why. Passes when no answer is a 5xx and every
failure is of a kind listed there.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

from bench.actor_map import server
from bench.fuzz import RESULTS, demo_database, schemathesis

OPENAPI = Path(__file__).parents[1] / "network" / "hsds" / "official" / "openapi.json"
# The failures the specification explains (see docs/hsds.md, "schemathesis").
EXPLAINED = {
    "Undocumented HTTP status code",  # the document declares only 200 answers
    "Response violates schema",  # never: the remote $refs are unresolvable, see below
}
_FAILURE = re.compile(r"^\s*(?:[-•]|\d+\.)?\s*([A-Z][A-Za-z -]+?)\s*$")


def statuses(har: Path) -> Counter[str]:
    counts: Counter[str] = Counter()
    for entry in json.loads(har.read_text())["log"]["entries"]:
        counts[str(entry["response"]["status"])] += 1
    return counts


def failures(report: str) -> Counter[str]:
    """Each failure heading of schemathesis's report, counted."""
    found: Counter[str] = Counter()
    for line in report.splitlines():
        match = re.match(r"^- (.+)$", line.strip())
        if match and not match.group(1).startswith(("http", "curl")):
            found[match.group(1).strip()] += 1
    return found


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.hsds_fuzz", description=__doc__)
    parser.add_argument("--max-examples", type=int, default=50, help="per operation")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    executable = schemathesis()
    with tempfile.TemporaryDirectory(prefix="jisr-hsds-fuzz-") as work:
        var = Path(work)
        url = f"sqlite+aiosqlite:///{var / 'fuzz.sqlite3'}"
        asyncio.run(demo_database(url, var))
        os.environ.update(
            {"JISR_RATE_LIMIT_CAPACITY": "1e12", "JISR_RATE_LIMIT_PER_SECOND": "1e12"}
        )
        har = var / "hsds.har"
        with server(url, var) as api:
            command = [str(executable), "run", str(OPENAPI), "--url", f"{api.base}/hsds"]
            command += ["--max-examples", str(args.max_examples), "--workers", str(args.workers)]
            command += ["--checks", "all", "--report", "har", "--report-har-path", str(har)]
            command += ["--no-color"]
            RESULTS.mkdir(exist_ok=True)
            finished = subprocess.run(
                command, check=False, capture_output=True, text=True, cwd=RESULTS
            )
        report = finished.stdout + finished.stderr
        (RESULTS / "hsds_fuzz.txt").write_text(report)
        print("\n".join(report.strip().splitlines()[-25:]))
        print(f"full report  {RESULTS / 'hsds_fuzz.txt'}")
        answered = statuses(har) if har.exists() else Counter()
    found = failures(report)
    print(
        f"answers      {sum(answered.values())}: "
        + ", ".join(sorted(f"{k} {v}" for k, v in answered.items()))
    )
    for name, count in sorted(found.items()):
        mark = "explained" if name in EXPLAINED else "UNEXPLAINED"
        print(f"failure      {name}: {count} ({mark})")
    server_errors = sum(v for k, v in answered.items() if k.startswith("5"))
    ok = server_errors == 0 and all(name in EXPLAINED for name in found) and answered
    print("verdict      " + ("PASS" if ok else "FAIL"))
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
