"""Jisr under faults: ``python -m bench.faults``.

Runs each scenario against servers of its own (bench.fault_rig: PostgreSQL cluster,
Redis with AOF, SMTP sink, webhook receiver, two prefork workers, a beat, an API) on
loopback: ``--count`` messages due on each channel (email, webhook, in-app), a fault
while they are being delivered, then the wait until every one is settled. Prints per
scenario and channel: due, delivered, raw duplicates (the same Message-ID or
Idempotency-Key accepted twice, or a second notification row), lost; whether every
process recovered without a restart; the API's answers during the fault (kind, HTTP
status, error codes) and whether every write it acknowledged is in the database.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import redis
from sqlalchemy import func, select

from bench.fault_probe import Probe
from bench.fault_rig import CHANNELS, Rig, Tally, stop
from network.database import standalone_unit_of_work
from network.records.referrals import Referral
from tests.network.notifications.outbox_data import eventually

SETTLE_SECONDS = 90.0
OUTAGE_SECONDS = 3.0
KILLS = 3


@dataclass
class Outcome:
    name: str
    tallies: dict[str, Tally]
    recovered: bool
    note: str
    answers: str
    acknowledged: int
    present: int
    api_back: bool


async def some_mail_out(rig: Rig, rule: str, count: int, share: float = 0.2) -> None:
    """Until ``share`` of the scenario's emails reached the sink: the fault lands mid-run."""

    async def enough() -> bool:
        return (await rig.tally(rule))["EMAIL"].delivered >= max(1, int(count * share))

    await eventually(enough, 60)


async def worker_sigkill(rig: Rig, rule: str, count: int) -> str:
    for kill in range(KILLS):
        await some_mail_out(rig, rule, count, share=(kill + 1) / (KILLS + 2))
        rig.kill_worker(0)  # replaced, as a supervisor would
    return f"{KILLS} SIGKILLs of a worker (pool and all) mid-batch, each replaced"


async def redis_restart(rig: Rig, rule: str, count: int) -> str:
    await some_mail_out(rig, rule, count)
    rig.redis.kill()
    await asyncio.sleep(OUTAGE_SECONDS)
    rig.redis.start()
    return f"Redis SIGKILLed, back after {OUTAGE_SECONDS:.0f} s (AOF)"


async def redis_flush(rig: Rig, rule: str, count: int) -> str:
    await some_mail_out(rig, rule, count)
    client = redis.Redis(port=rig.redis.port)
    try:
        client.flushall()
    finally:
        client.close()
    return "FLUSHALL mid-run (queued and unacknowledged tasks gone)"


async def postgres_restart(rig: Rig, rule: str, count: int) -> str:
    await some_mail_out(rig, rule, count)
    rig.postgres.stop("fast")
    await asyncio.sleep(OUTAGE_SECONDS)
    rig.postgres.start()
    return f"PostgreSQL stopped (fast), back after {OUTAGE_SECONDS:.0f} s"


async def two_beats(rig: Rig, rule: str, count: int) -> str:
    second = rig.start_beat()
    await eventually(lambda: rig.settled(rule), SETTLE_SECONDS)
    stop(second)
    rig.beats.remove(second)
    return "a second beat ran the whole time"


async def smtp_451(rig: Rig, rule: str, count: int) -> str:
    rig.smtp.refuse_all = True
    await asyncio.sleep(OUTAGE_SECONDS)
    rig.smtp.refuse_all = False
    return f"SMTP answered 451 to everything for {OUTAGE_SECONDS:.0f} s"


Fault = Callable[[Rig, str, int], Awaitable[str]]
SCENARIOS: dict[str, Fault] = {
    "worker-sigkill": worker_sigkill,
    "redis-restart": redis_restart,
    "redis-flush": redis_flush,
    "postgres-restart": postgres_restart,
    "two-beats": two_beats,
    "smtp-451": smtp_451,
}


async def present(rig: Rig, ids: set[int]) -> int:
    if not ids:
        return 0
    async with standalone_unit_of_work(rig.database_url) as uow:
        found = await uow.session.scalar(
            select(func.count()).select_from(Referral).where(Referral.id.in_(ids))
        )
    return int(found or 0)


async def run_scenario(rig: Rig, name: str, fault: Fault, count: int, run: int) -> Outcome:
    rule = f"fault_{run}_" + name.replace("-", "_")
    processes = len(rig.workers) + len(rig.beats)
    probe = Probe(rig.api)
    await probe.sign_in()
    await rig.queue(rule, count)
    probing = asyncio.create_task(probe.run())
    note = await fault(rig, rule, count)
    settled = await eventually(lambda: rig.settled(rule), SETTLE_SECONDS)
    probe.stop()
    await probing
    answers = probe.summary()
    read_back, write_back = await probe.once()
    await probe.close()
    alive = len(rig.alive()) == processes
    return Outcome(
        name=name,
        tallies=await rig.tally(rule),
        recovered=settled and alive,
        note=note,
        answers=answers,
        acknowledged=len(probe.acknowledged),
        present=await present(rig, probe.acknowledged),
        api_back=read_back and write_back,
    )


def table(outcomes: list[Outcome]) -> str:
    lines = [
        "| scenario | channel | due | delivered | raw duplicates | lost | recovered |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for o in outcomes:
        for channel in CHANNELS:
            t = o.tallies[channel]
            recovered = "yes" if o.recovered else "NO"
            lines.append(
                f"| {o.name} | {channel} | {t.due} | {t.delivered} | {t.raw_duplicates}"
                f" | {t.lost} | {recovered} |"
            )
    lines += [
        "",
        "| scenario | fault | API answers during it | writes acknowledged/present | API back |",
    ]
    lines.append("|---|---|---|---|---|")
    for o in outcomes:
        lines.append(
            f"| {o.name} | {o.note} | {o.answers} | {o.acknowledged}/{o.present}"
            f" | {'yes' if o.api_back else 'NO'} |"
        )
    return "\n".join(lines)


async def main_async(names: list[str], count: int, workdir: Path) -> list[Outcome]:
    rig = Rig(workdir)
    try:
        await rig.start()
        outcomes = []
        for run, name in enumerate(names):
            started = time.monotonic()
            outcome = await run_scenario(rig, name, SCENARIOS[name], count, run)
            print(f"{name}: {time.monotonic() - started:.0f} s", flush=True)
            outcomes.append(outcome)
        return outcomes
    finally:
        rig.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=40, help="messages per channel")
    parser.add_argument("--only", choices=sorted(SCENARIOS), action="append")
    parser.add_argument("--keep", action="store_true", help="keep the logs' folder")
    args = parser.parse_args()
    names = args.only or list(SCENARIOS)
    folder = tempfile.mkdtemp(prefix="jisr-faults-")
    outcomes = asyncio.run(main_async(names, args.count, Path(folder)))
    print(table(outcomes))
    print(f"logs: {folder}" if args.keep else "")
    if not args.keep:
        import shutil

        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
