from pathlib import Path

from network.reference import TAXONOMY_CSV, TERRITORIES_CSV, _rows
from tests.api import Api
from tests.cli.invoke import Jisr

REGIONS = "query { territories(level: REGION) { code } }"
CATEGORIES = "query { taxonomy { code } }"
# what Jisr ships: the regions of territories-ma.csv, the terms of taxonomy.csv
SHIPPED_REGIONS = sorted(r["code"] for r in _rows(TERRITORIES_CSV) if r["level"] == "REGION")
SHIPPED_TERMS = sorted(r["code"] for r in _rows(TAXONOMY_CSV))


async def codes(api: Api, query: str, root: str) -> list[str]:
    return sorted(row["code"] for row in (await api.data(query))[root])


async def test_db_upgrade_migrates_and_loads_the_reference_data(
    jisr_empty: Jisr, tmp_path: Path
) -> None:
    # when
    result = await jisr_empty("db", "upgrade")

    # then
    assert result.exit_code == 0, result.output
    async with jisr_empty.api(tmp_path / "api") as api:
        assert await codes(api, REGIONS, "territories") == SHIPPED_REGIONS
        assert await codes(api, CATEGORIES, "taxonomy") == SHIPPED_TERMS


async def test_db_upgrade_twice_changes_nothing(jisr_upgraded: Jisr, tmp_path: Path) -> None:
    # when
    result = await jisr_upgraded("db", "upgrade")

    # then
    assert result.exit_code == 0, result.output
    async with jisr_upgraded.api(tmp_path / "api") as api:
        assert await codes(api, REGIONS, "territories") == SHIPPED_REGIONS
