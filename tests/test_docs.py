"""The shipped docs are the shared ones, and say nothing the server contradicts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
SHARED = ROOT.parent / "shared"
COPIES = [("docs/access.md", "api/ACCESS.md"), ("docs/design.md", "DESIGN.md")]


@pytest.mark.parametrize(("shipped", "shared"), COPIES)
def test_a_shipped_doc_is_the_shared_one(shipped: str, shared: str) -> None:
    if not (SHARED / shared).exists():
        pytest.skip("no shared/ checkout beside the repository")
    assert (ROOT / shipped).read_bytes() == (SHARED / shared).read_bytes()


def test_the_code_names_the_shipped_docs_not_the_shared_ones() -> None:
    bare = re.compile(r"(?<![/\w])(ACCESS|DESIGN)\.md")
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("network", "schema", "workers", "cli", "tests", "bench")
        for path in (ROOT / folder).rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if bare.search(line) and path != Path(__file__)
    ]
    assert found == []


def test_the_api_guide_links_the_access_rules_and_claims_nothing_unbuilt() -> None:
    guide = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    assert "(access.md)" in guide and "(design.md)" in guide
    assert not re.search(r"not yet built|being built", guide, re.I)
