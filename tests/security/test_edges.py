"""Robust edges: ids and cursors out of range are refused cleanly (never INTERNAL), on
SQLite and PostgreSQL alike; ``jisr hsds import`` reads nothing outside its package."""

from __future__ import annotations

import base64
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from network.ids import to_global_id
from tests.api import Api
from tests.cli.invoke import jisr_on
from tests.security.demo import ADMIN, token

VALID = Path(__file__).parents[1] / "network" / "hsds" / "data" / "valid"
HUGE = [99_999_999_999_999_999, 2**31, 2**62, 2**63 - 1, 2**63, 2**64 + 1, 10**40]


def cursor(*values: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(values)).encode()).decode().rstrip("=")


def codes(answer: dict[str, Any]) -> set[str]:
    found = {e["extensions"]["code"] for e in answer.get("errors") or []}
    for value in (answer.get("data") or {}).values():
        for error in (value or {}).get("userErrors", []) if isinstance(value, dict) else []:
            found.add(error["code"])
    return found


@pytest.mark.parametrize("pk", HUGE)
async def test_huge_ids_are_not_found_or_invalid_never_internal(api: Api, pk: int) -> None:
    admin = await token(api, ADMIN)
    asked = [
        ("query($id: ID!) { node(id: $id) { id } }", {"id": to_global_id("Youth", pk)}),
        ("query($id: ID!) { nodes(ids: [$id]) { id } }", {"id": to_global_id("Actor", pk)}),
        (
            "query($id: ID!) { referrals(filter: {youthId: $id}) { totalCount } }",
            {"id": to_global_id("Youth", pk)},
        ),
        (
            "query($id: ID!) { coordinationMetrics(actorId: $id) { referralsSent } }",
            {"id": to_global_id("Actor", pk)},
        ),
        (
            "query($c: String) { actors(after: $c) { totalCount } }",
            {"c": cursor(pk)},
        ),
        (
            "query($c: String) { referrals(after: $c) { totalCount } }",
            {"c": cursor(pk)},
        ),
        (
            "mutation($id: ID!) { deleteWebhook(id: $id) { userErrors { code } } }",
            {"id": to_global_id("Webhook", pk)},
        ),
    ]
    for query, variables in asked:
        answer = await api.gql(query, variables, admin)
        assert "INTERNAL" not in codes(answer), (query, answer)
        assert codes(answer) <= {"INVALID_INPUT", "NOT_FOUND"}, (query, answer)


async def test_the_largest_possible_id_is_simply_null(api: Api) -> None:
    admin = await token(api, ADMIN)
    data = await api.data(
        "query($id: ID!) { node(id: $id) { id } }", {"id": to_global_id("Youth", 2**31 - 1)}, admin
    )
    assert data == {"node": None}


@pytest.mark.parametrize(
    "escape", ["../outside.csv", "/ABSOLUTE", "link.csv", "sub/../../outside.csv"]
)
async def test_hsds_import_reads_no_file_outside_its_package(
    db_url: str, tmp_path: Path, escape: str
) -> None:
    # given a file outside the package, and a package whose organizations point at it
    outside = tmp_path / "outside.csv"
    outside.write_text("id,name\nb2000000-0000-4000-8000-000000000001,SECRET-OUTSIDE\n")
    package = tmp_path / "package"
    shutil.copytree(VALID, package)
    (package / "link.csv").symlink_to(outside)
    descriptor = json.loads((package / "datapackage.json").read_text())
    for resource in descriptor["resources"]:
        if resource["name"] == "organization":
            resource["path"] = str(outside) if escape == "/ABSOLUTE" else escape
    (package / "datapackage.json").write_text(json.dumps(descriptor))

    # when the operator imports it
    result = await jisr_on(db_url, tmp_path / "var")("hsds", "import", str(package))

    # then the import is refused, naming the path, and nothing outside was read
    assert result.exit_code != 0
    assert "must stay inside the package" in result.output
    assert "SECRET-OUTSIDE" not in result.output
