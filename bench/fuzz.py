"""Fuzz the GraphQL API with schemathesis: ``python -m bench.fuzz``.

Builds a demo database (SQLite, in a temporary directory), starts one API server
(bench.actor_map.server) and runs schemathesis in GraphQL mode against it: every query
and mutation field, ``--max-examples`` generated operations each. Schemathesis is not a
project dependency: it is installed into ``bench/.fuzz-venv`` on first use. Passes when
no answer is a 5xx and every GraphQL error carries ``extensions.code``, an INTERNAL one
with nothing but its request id. Then the same operations go over both WebSocket
protocols (``bench.fuzz_sockets``): at least 500, none unanswered, no server error.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.actor_map import server
from bench.fuzz_sockets import fuzz_sockets
from network.crypto import DataCipher
from network.database import standalone_unit_of_work
from network.migrate import upgrade
from network.seed.demo import seed_demo
from network.settings import Settings

VENV = Path(__file__).parent / ".fuzz-venv"
RESULTS = Path(__file__).parent / "results"
SCHEMATHESIS = "schemathesis==4.32.5"
MASKED = "Internal error. Quote the request id when reporting it."


def schemathesis() -> Path:
    executable = VENV / "bin" / "schemathesis"
    if not executable.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(VENV / "bin" / "pip"), "install", "-q", SCHEMATHESIS], check=True)
    return executable


async def demo_database(url: str, var: Path) -> None:
    await upgrade(url)
    cipher = DataCipher(Settings(database_url=url, var_dir=var).data_key)
    async with standalone_unit_of_work(url) as uow:
        await seed_demo(uow.session, cipher)


def unmasked(error: dict[str, Any]) -> bool:
    extensions = error.get("extensions") or {}
    if "code" not in extensions:
        return True
    return extensions["code"] == "INTERNAL" and (
        error.get("message") != MASKED or set(extensions) != {"code", "requestId"}
    )


def tally(har: Path) -> tuple[Counter[str], list[dict[str, Any]]]:
    statuses: Counter[str] = Counter()
    leaks: list[dict[str, Any]] = []
    for entry in json.loads(har.read_text())["log"]["entries"]:
        status = entry["response"]["status"]
        statuses[f"{status // 100}xx"] += 1
        body = entry["response"].get("content", {}).get("text") or ""
        try:
            answer = json.loads(body)
        except ValueError:
            continue
        for error in answer.get("errors") or () if isinstance(answer, dict) else ():
            if unmasked(error):
                leaks.append(error)
            elif error["extensions"]["code"] == "INTERNAL":
                statuses["INTERNAL (masked)"] += 1
    return statuses, leaks


@contextmanager
def fuzzed_server(prefix: str) -> Iterator[tuple[Path, Any]]:
    """A temporary folder, and an API server on a demo database in it, without rate
    limits (a fuzzer asks more than any bucket allows)."""
    with tempfile.TemporaryDirectory(prefix=prefix) as work:
        var = Path(work)
        url = f"sqlite+aiosqlite:///{var / 'fuzz.sqlite3'}"
        asyncio.run(demo_database(url, var))
        os.environ.update(
            {"JISR_RATE_LIMIT_CAPACITY": "1e12", "JISR_RATE_LIMIT_PER_SECOND": "1e12"}
        )
        with server(url, var) as api:
            yield var, api


def fuzz_arguments(
    prog: str, description: str | None, *, examples: int, per: str
) -> argparse.Namespace:
    """The options of a fuzzing benchmark: ``examples`` per ``per`` by default, and
    schemathesis's workers."""
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("--max-examples", type=int, default=examples, help=f"per {per}")
    parser.add_argument("--workers", type=int, default=2)
    return parser.parse_args()


def run_schemathesis(
    command: list[str], har: Path, args: argparse.Namespace
) -> subprocess.CompletedProcess[str]:
    """Schemathesis's ``command`` with the examples and workers asked, its HAR at ``har``;
    its cache lands in bench/results, not the checkout."""
    command += ["--max-examples", str(args.max_examples), "--workers", str(args.workers)]
    command += ["--report", "har", "--report-har-path", str(har), "--no-color"]
    RESULTS.mkdir(exist_ok=True)
    return subprocess.run(command, check=False, capture_output=True, text=True, cwd=RESULTS)


def main() -> None:
    args = fuzz_arguments("python -m bench.fuzz", __doc__, examples=80, per="GraphQL field")
    executable = schemathesis()
    with fuzzed_server("jisr-fuzz-") as (var, api):
        har = var / "fuzz.har"
        command = [str(executable), "run", f"{api.base}/graphql", "--checks", "not_a_server_error"]
        finished = run_schemathesis(command, har, args)
        sockets = asyncio.run(fuzz_sockets(api.base, har, unmasked))
        (RESULTS / "fuzz.txt").write_text(finished.stdout)
        print("\n".join(finished.stdout.strip().splitlines()[-12:]))
        print(f"full report  {RESULTS / 'fuzz.txt'}")
        statuses, leaks = tally(har)
    operations = sum(v for k, v in statuses.items() if k.endswith("xx"))
    print(
        f"operations   {operations} sent: "
        + ", ".join(f"{k} {v}" for k, v in sorted(statuses.items()))
    )
    print(f"unmasked     {len(leaks)} errors without a code or leaking detail")
    for error in leaks[:5]:
        print("  ", json.dumps(error)[:300])
    print(
        f"sockets      {sockets.operations} operations over both protocols: "
        + ", ".join(f"{k} {v}" for k, v in sorted(sockets.answers.items()))
    )
    print("  closed     " + ", ".join(f"{k} {v}" for k, v in sorted(sockets.closes.items())))
    print(
        f"  verdict    {sockets.server_errors} server errors, {len(sockets.leaks)} unmasked errors"
    )
    for error in sockets.leaks[:5]:
        print("  ", json.dumps(error)[:300])
    sockets_ok = sockets.server_errors == 0 and not sockets.leaks and sockets.operations >= 500
    ok = statuses.get("5xx", 0) == 0 and not leaks and operations >= 2000 and sockets_ok
    print("verdict      " + ("PASS" if ok else "FAIL"))
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
