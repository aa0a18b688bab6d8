"""Every benchmark module imports: the benchmarks run outside the tests, so a moved or
renamed function they use would otherwise go unnoticed until someone runs them."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import bench

MODULES = sorted(f"bench.{m.name}" for m in pkgutil.iter_modules(bench.__path__))


def test_the_benchmarks_are_found() -> None:
    assert "bench.communes" in MODULES and "bench.actor_map" in MODULES


@pytest.mark.parametrize("name", MODULES)
def test_a_benchmark_module_imports(name: str) -> None:
    assert importlib.import_module(name).__name__ == name
