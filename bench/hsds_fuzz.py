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

import json
import re
from collections import Counter
from pathlib import Path

from bench.fuzz import RESULTS, fuzz_arguments, fuzzed_server, run_schemathesis, schemathesis

OPENAPI = Path(__file__).parents[1] / "network" / "hsds" / "official" / "openapi.json"
# The failures the specification explains (see docs/hsds.md, "schemathesis"): it
# declares no answer but 200, so a refused parameter (400) or an unknown id (404) is
# "undocumented" (ST103), and its parameters have no bounds or formats Jisr could keep
# to (page 0, a proximity "abc"), so refusing them is "rejecting a valid request" (ST202).
EXPLAINED = {"ST103", "ST202"}
# The parameters whose refusals those gaps explain: integers without bounds, strings
# without a format or an enum, a "datetime" format JSON Schema does not define.
LOOSE = {"page", "per_page", "format", "modified_after", "postcode", "proximity"}
BOOLEANS = {"minimal", "full", "full_service", "top_only"}


def answers(har: Path) -> tuple[Counter[str], Counter[str]]:
    """Answers by status, and 400s by the parameter they name."""
    counts: Counter[str] = Counter()
    refused: Counter[str] = Counter()
    for entry in json.loads(har.read_text())["log"]["entries"]:
        status = entry["response"]["status"]
        counts[str(status)] += 1
        if status == 400:
            body = entry["response"].get("content", {}).get("text") or "{}"
            message = json.loads(body).get("error", "")
            refused[message.split(":")[0]] += 1
    return counts, refused


def failures(report: str) -> Counter[str]:
    """The summary lines of schemathesis's report: ``❌ ST103 Undocumented…: 11``."""
    found: Counter[str] = Counter()
    for line in report.splitlines():
        match = re.match(r"^\s*❌ (ST\d+) ([^:]+): (\d+)$", line)
        if match:
            found[f"{match.group(1)} {match.group(2)}"] += int(match.group(3))
    return found


def main() -> None:
    args = fuzz_arguments("python -m bench.hsds_fuzz", __doc__, examples=50, per="operation")
    executable = schemathesis()
    with fuzzed_server("jisr-hsds-fuzz-") as (var, api):
        har = var / "hsds.har"
        command = [str(executable), "run", str(OPENAPI), "--url", f"{api.base}/hsds"]
        command += ["--checks", "all", "--continue-on-failure"]
        finished = run_schemathesis(command, har, args)
        report = finished.stdout + finished.stderr
        (RESULTS / "hsds_fuzz.txt").write_text(report)
        print("\n".join(report.strip().splitlines()[-25:]))
        print(f"full report  {RESULTS / 'hsds_fuzz.txt'}")
        answered, refused = answers(har) if har.exists() else (Counter(), Counter())
    found = failures(report)
    print(
        f"answers      {sum(answered.values())}: "
        + ", ".join(f"{k} {v}" for k, v in sorted(answered.items()))
    )
    print("refused      " + ", ".join(f"{k} {v}" for k, v in sorted(refused.items())))
    for name, count in sorted(found.items()):
        mark = "explained" if name.split()[0] in EXPLAINED else "UNEXPLAINED"
        print(f"failure      {name}: {count} ({mark})")
    unresolvable = re.search(r"Unresolvable references: (\d+) operations", report)
    if unresolvable:
        print(f"unchecked    {unresolvable.group(1)} operations' answers: remote $refs")
    server_errors = sum(v for k, v in answered.items() if k.startswith("5"))
    ok = (
        server_errors == 0
        and all(name.split()[0] in EXPLAINED for name in found)
        and set(refused) <= LOOSE | BOOLEANS
        and bool(answered)
    )
    print("verdict      " + ("PASS" if ok else "FAIL"))
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
