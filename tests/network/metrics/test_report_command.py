"""``jisr report activity`` writes the activity report as CSV."""

from __future__ import annotations

import asyncio
import csv
import io
from pathlib import Path

from click.testing import CliRunner

from cli.report import report
from tests.network.metrics import test_activity
from tests.network.metrics.built import built


async def test_the_activity_csv_of_a_region(bare_url: str, tmp_path: Path) -> None:
    # given the referrals of test_activity
    await built(bare_url, test_activity.build)
    env = {"JISR_DATABASE_URL": bare_url, "JISR_VAR_DIR": str(tmp_path), "JISR_ENV": "development"}

    # when the report of MA-01 for May is asked for, then that of an unknown territory
    args = ["activity", "--territory", "MA-01", "--from", "2026-05-01", "--to", "2026-05-31"]
    result = await asyncio.to_thread(CliRunner().invoke, report, args, env=env)
    unknown = await asyncio.to_thread(
        CliRunner().invoke, report, [*args[:2], "MA-XX", *args[3:]], env=env
    )

    # then the CSV holds the three lines of MA-01; the unknown territory is one clear line
    assert result.exit_code == 0, result.output
    lines = list(csv.DictReader(io.StringIO(result.stdout)))
    assert sorted(
        (line["actor"], line["category"], line["services_delivered"]) for line in lines
    ) == [
        ("Complexe social", "", "1"),
        ("Unité mobile", "education.literacy", "1"),
        ("Unité mobile", "education.schooling-support", "2"),
    ]
    assert unknown.exit_code == 1 and "no territory MA-XX" in unknown.output
