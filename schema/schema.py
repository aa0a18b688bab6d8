"""The served schema, assembled from the domain packages of ``schema/``.

Each domain package may hold ``queries.py``, ``mutations.py`` and ``subscriptions.py``
whose strawberry types named ``*Query``, ``*Mutation`` and ``*Subscription`` are merged
into the roots, and ``types.py`` whose Node types are always part of the schema. Adding
a domain needs no edit here.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache
from types import ModuleType
from typing import Any

import strawberry
from strawberry.extensions import ParserCache, ValidationCache
from strawberry.tools import merge_types

import schema as package
from schema.errors import ErrorCodes
from schema.node import NodeQuery
from schema.relay import Node

ROOT_SUFFIXES = {"queries": "Query", "mutations": "Mutation", "subscriptions": "Subscription"}


def _domain_modules(kind: str) -> list[ModuleType]:
    found = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if not info.ispkg:
            continue
        try:
            found.append(importlib.import_module(f"schema.{info.name}.{kind}"))
        except ModuleNotFoundError as error:
            if error.name != f"schema.{info.name}.{kind}":
                raise
    return found


def _is_strawberry_type(value: Any) -> bool:
    return isinstance(value, type) and hasattr(value, "__strawberry_definition__")


def _parts(kind: str) -> list[type]:
    suffix = ROOT_SUFFIXES[kind]
    parts = []
    for module in _domain_modules(kind):
        for name, value in vars(module).items():
            if (
                name.endswith(suffix)
                and _is_strawberry_type(value)
                and value.__module__ == module.__name__
            ):
                parts.append(value)
    return parts


def _node_types() -> list[type]:
    types = []
    for module in _domain_modules("types"):
        for value in vars(module).values():
            if (
                _is_strawberry_type(value)
                and value.__module__ == module.__name__
                and issubclass(value, Node)
            ):
                types.append(value)
    return types


class JisrSchema(strawberry.Schema):
    def process_errors(self, errors: Any, execution_context: Any = None) -> None:
        """Errors are formatted and logged by the ErrorCodes extension, never here."""


@lru_cache(maxsize=1)
def build_schema() -> JisrSchema:
    subscriptions = _parts("subscriptions")
    return JisrSchema(
        query=merge_types("Query", (NodeQuery, *_parts("queries"))),
        mutation=merge_types("Mutation", tuple(_parts("mutations"))),
        subscription=merge_types("Subscription", tuple(subscriptions)) if subscriptions else None,
        types=_node_types(),
        extensions=[
            ErrorCodes,
            lambda: ParserCache(maxsize=1024),
            lambda: ValidationCache(maxsize=1024),
        ],
    )
