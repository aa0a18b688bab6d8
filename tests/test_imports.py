"""The import graph (read by grimp from the source, function-local imports included,
``if TYPE_CHECKING:`` imports left out: they never run).

- ``schema/`` has no import circle between its modules;
- between the packages (and top-level modules) of ``network/`` there is no import circle
  either: each group of packages that import each other, directly or through others, is
  reported.
"""

from __future__ import annotations

import grimp
import pytest


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph(
        "network", "schema", exclude_type_checking_imports=True, cache_dir=None
    )


def _direct(graph: grimp.ImportGraph, package: str) -> list[tuple[str, str]]:
    imports = graph.find_matching_direct_imports(import_expression=f"{package}.** -> {package}.**")
    return [(i["importer"], i["imported"]) for i in imports]


def test_no_import_circle_in_schema(graph: grimp.ImportGraph) -> None:
    circles = []
    for importer, imported in _direct(graph, "schema"):
        back = graph.find_shortest_chain(importer=imported, imported=importer)
        if back is not None:
            circles.append(" -> ".join((importer, *back)))
    assert circles == []


def _top(module: str) -> str:
    return module.split(".")[1]


def test_no_package_circle_in_network(graph: grimp.ImportGraph) -> None:
    reaches: dict[str, set[str]] = {}
    for importer, imported in _direct(graph, "network"):
        a, b = _top(importer), _top(imported)
        if a != b:
            reaches.setdefault(a, set()).add(b)
    for _ in range(len(reaches)):  # transitive closure over a few dozen packages
        for a in reaches:
            reaches[a] |= set().union(*(reaches.get(b, set()) for b in reaches[a]))
    groups = {
        frozenset({a} | {b for b in reaches[a] if a in reaches.get(b, set())})
        for a in reaches
        if a in reaches[a]
    }
    assert sorted(map(sorted, groups)) == []
