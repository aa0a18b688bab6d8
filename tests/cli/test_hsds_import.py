"""``jisr hsds import`` of the specification's JSON example, as a user types it."""

from __future__ import annotations

from pathlib import Path

from tests.cli.invoke import jisr_on

ROOT = Path(__file__).parents[1]
SERVICE = ROOT / "data" / "hsds" / "examples" / "service_full.json"
MAPPING = ROOT / "network" / "hsds" / "data" / "spec_mapping.json"


async def test_a_json_file_needs_its_language_then_imports(
    migrated_url: str, tmp_path: Path
) -> None:
    # given an empty database
    jisr = jisr_on(migrated_url, tmp_path / "var")

    # when the specification's full service is imported without, then with, a language
    bare = await jisr("hsds", "import", str(SERVICE))
    dry = await jisr(
        "hsds", "import", str(SERVICE), "--lang", "en", "--mapping", str(MAPPING),
        "--province", "MA-RAB", "--dry-run",
    )  # fmt: skip
    real = await jisr(
        "hsds", "import", str(SERVICE), "--lang", "en", "--mapping", str(MAPPING),
        "--province", "MA-RAB",
    )  # fmt: skip

    # then the first is refused, the dry run says what it would do, the import does it
    assert bare.exit_code == 1 and "--lang" in bare.output
    assert "services: 1 would be created" in dry.output
    assert "not kept: table funding: 1 rows not kept" in dry.output
    assert real.exit_code == 0 and "services: 1 were created" in real.output
