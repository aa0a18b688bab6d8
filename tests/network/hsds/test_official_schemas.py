"""Every export of the demo network checked by the official HSDS 3.0 oracles, strictly."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from network.hsds.files import export_directory
from tests.api import test_settings as settings_for
from tests.demo_data import ACTIVE_ACTORS, PUBLIC_SERVICES
from tests.network.hsds.official import errors, official, package_errors, profile

CORE = {
    "organizations.json": "organization",
    "services.json": "service",
    "taxonomies.json": "taxonomy",
    "taxonomy_terms.json": "taxonomy_term",
}
PROFILE_FILES = {
    "jisr_service_details.json": "jisr_service_detail",
    "jisr_translations.json": "jisr_translation",
}


@pytest.mark.parametrize("lang", ["ar", "fr", "en"])
async def test_the_json_export_is_strict_hsds_3_0_and_its_profile(
    db_url: str, tmp_path: Path, lang: str
) -> None:
    # given the demo network exported as HSDS JSON
    settings = settings_for(db_url, tmp_path / "var")
    await export_directory(settings, tmp_path / "out", fmt="json", lang=lang)

    # then every record of every file passes its schema in strict mode
    found = {}
    for file, name in CORE.items():
        records = orjson.loads((tmp_path / "out" / file).read_bytes())
        found[file] = len(records)
        assert errors(official(name), records)[:5] == [], file
    for file, name in PROFILE_FILES.items():
        records = orjson.loads((tmp_path / "out" / file).read_bytes())
        found[file] = len(records)
        assert errors(profile(name), records)[:5] == [], file
    services = len(PUBLIC_SERVICES)
    assert found["organizations.json"] == len(ACTIVE_ACTORS) and found["services.json"] == services
    assert found["jisr_service_details.json"] == services
    assert found["jisr_translations.json"] > services
    assert (found["taxonomies.json"], found["taxonomy_terms.json"]) == (2, 35)


async def test_the_data_package_is_valid_for_frictionless(db_url: str, tmp_path: Path) -> None:
    # given the demo network exported as a data package
    settings = settings_for(db_url, tmp_path / "var")
    await export_directory(settings, tmp_path / "out", fmt="datapackage", lang="fr")

    # then frictionless finds no error in the descriptor nor in any table
    assert package_errors(tmp_path / "out" / "datapackage.json")[:10] == []
    assert (tmp_path / "out" / "service_at_location.csv").exists()
