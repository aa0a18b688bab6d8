from pathlib import Path

from tests.api import running_api
from tests.cli.invoke import Jisr

REGIONS = "query { territories(level: REGION) { code } }"
CATEGORIES = "query { taxonomy { code } }"


async def test_db_upgrade_migrates_and_loads_the_reference_data(
    jisr_empty: Jisr, empty_db_url: str, tmp_path: Path
) -> None:
    # when
    result = await jisr_empty("db", "upgrade")

    # then
    assert result.exit_code == 0, result.output
    async with running_api(empty_db_url, tmp_path / "api") as api:
        assert len((await api.data(REGIONS))["territories"]) == 12
        assert len((await api.data(CATEGORIES))["taxonomy"]) == 19


async def test_db_upgrade_twice_changes_nothing(
    jisr_empty: Jisr, empty_db_url: str, tmp_path: Path
) -> None:
    # given
    assert (await jisr_empty("db", "upgrade")).exit_code == 0

    # when
    result = await jisr_empty("db", "upgrade")

    # then
    assert result.exit_code == 0, result.output
    async with running_api(empty_db_url, tmp_path / "api") as api:
        assert len((await api.data(REGIONS))["territories"]) == 12
