"""The specification's own example data imported with a mapping file, and exported again."""

from __future__ import annotations

from pathlib import Path

import orjson

from network.hsds.files import export_directory, import_directory
from network.hsds.importer import ImportReport
from network.settings import Settings
from tests.network.hsds.official import OFFICIAL, errors, official, package_errors

MAPPING = Path(__file__).parent / "data" / "spec_mapping.json"
EXAMPLES = OFFICIAL / "examples"
SPEC_TABLES_NOT_KEPT = {
    "funding",
    "meta_table_description",
    "metadata",
    "organization_identifier",
    "program",
}


async def imported(
    settings: Settings, source: Path, *, strict: bool = False, dry_run: bool = False
) -> ImportReport:
    """``source`` imported as English, with the mapping file and Rabat as the default
    province."""
    return await import_directory(
        settings,
        source,
        dry_run=dry_run,
        lang="en",
        strict=strict,
        mapping=MAPPING,
        province="MA-RAB",
    )


async def test_the_example_package_imports_and_exports_valid_hsds(
    migrated_settings: Settings, tmp_path: Path
) -> None:
    # given an empty database

    # when the specification's CSV package is imported (it says no language) with the
    # mapping file and a default province, then exported as a package and as JSON
    report = await imported(migrated_settings, EXAMPLES / "csv")
    await export_directory(migrated_settings, tmp_path / "package", fmt="datapackage", lang="en")
    await export_directory(migrated_settings, tmp_path / "json", fmt="json", lang="en")

    # then its organization and service are in Jisr, nothing was skipped, every table
    # and field Jisr does not keep is named, and the export passes the official checks
    assert [str(s) for s in report.skipped] == []
    assert sorted(str(s).split(":")[2].strip() for s in report.left_out) == [
        "parent_organization_id",
        "service area 'The service is available to all residents of the MyCity area. We"
        " provide the service in our offices or via video conferencing to any who can"
        " provide evidence of their residency.'",
    ]
    assert (report.created["organization"], report.created["service"]) == (1, 1)
    tables = {line.split()[1].rstrip(":") for line in report.not_kept if line.startswith("table ")}
    assert tables == SPEC_TABLES_NOT_KEPT
    assert "field organization.tax_id: not kept (1 rows)" in report.not_kept
    assert "field service_area.extent: not kept (1 rows)" in report.not_kept
    assert package_errors(tmp_path / "package" / "datapackage.json") == []
    services = orjson.loads((tmp_path / "json" / "services.json").read_bytes())
    assert errors(official("service"), services) == []
    assert services[0]["id"] == "ac148810-d857-441c-9679-408f346de14b"


async def test_the_json_examples_import_keeping_what_a_young_person_needs(
    migrated_settings: Settings, tmp_path: Path
) -> None:
    # given an empty database

    # when the specification's full service, then its full organization, are imported
    reports = [
        await imported(migrated_settings, EXAMPLES / name)
        for name in ("service_full.json", "organization_full.json")
    ]
    await export_directory(migrated_settings, tmp_path / "json", fmt="json", lang="en")

    # then the service came in once (the organization's copy of it changed nothing),
    # with its schedule, fees, documents and accessibility, and exports valid HSDS
    assert [(r.created["service"], r.skipped) for r in reports] == [(1, []), (0, [])]
    services = orjson.loads((tmp_path / "json" / "services.json").read_bytes())
    assert errors(official("service"), services) == []
    service = services[0]
    assert service["schedules"][0]["description"]
    assert service["fees_description"]
    assert service["required_documents"][0]["document"]
    details = orjson.loads((tmp_path / "json" / "jisr_service_details.json").read_bytes())
    assert details[0]["accessibility"]
    assert any(line.startswith("table funding:") for line in reports[0].not_kept)
    assert any(line.startswith("field service.url:") for line in reports[0].not_kept)


async def test_a_row_the_directory_refuses_is_skipped_the_others_kept(
    migrated_settings: Settings, tmp_path: Path
) -> None:
    # given a file of two services, one with its ages the wrong way round
    good = orjson.loads((EXAMPLES / "service_full.json").read_bytes())
    bad = {**good, "id": "0f0c8a51-8a4a-4f4e-9d3c-3b1f0c9b8f11", "minimum_age": 30}
    bad["maximum_age"] = 10
    (tmp_path / "two.json").write_bytes(orjson.dumps([bad, good]))

    # when it is imported, not strictly, then strictly
    lenient, strict = [
        await imported(migrated_settings, tmp_path / "two.json", strict=strict, dry_run=strict)
        for strict in (False, True)
    ]

    # then the good one was imported and the bad one named; strictly, nothing would be
    assert lenient.created["service"] == 1
    assert [s.source for s in lenient.skipped] == ["two.json:[0]"]
    assert lenient.skipped[0].message == "eligibility.minAge: minAge is above maxAge"
    assert strict.created["service"] == 0 and strict.errors
