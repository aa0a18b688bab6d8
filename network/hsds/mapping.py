"""The mapping file: how another publisher's taxonomy terms become Jisr's axes and
categories.

A JSON file::

    {
      "default": "SOCIAL_ASSISTANCE",
      "terms": {"<term id, code or name>": "<Jisr axis or category code>", ...}
    }

A service is classified by the first of its terms (``attributes``) that the mapping
names, looked up by the term's id, then code, then name (case and accents ignored);
a service with none takes ``default`` and the import report lists the terms it had.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from network.text import fold


class MappingError(Exception):
    """The mapping file cannot be read or names no Jisr code."""


@dataclass(frozen=True)
class Mapping:
    terms: dict[str, str] = field(default_factory=dict)
    default: str | None = None

    @classmethod
    def load(cls, path: Path, known: set[str]) -> Mapping:
        """The mapping in ``path``; every code must be in ``known`` (axes and categories)."""
        try:
            document: Any = orjson.loads(path.read_bytes())
        except (OSError, orjson.JSONDecodeError) as error:
            raise MappingError(f"{path}: {error}") from None
        if not isinstance(document, dict) or not isinstance(document.get("terms", {}), dict):
            raise MappingError(f"{path}: an object with 'terms' (an object) and 'default'")
        terms = {fold(str(k)): str(v) for k, v in document.get("terms", {}).items()}
        default = document.get("default")
        for code in [*terms.values(), *([default] if default else [])]:
            if code not in known:
                raise MappingError(f"{path}: {code!r} is no Jisr axis or category")
        return cls(terms, str(default) if default else None)

    def code_of(self, *keys: str | None) -> str | None:
        """The Jisr code mapped to the first of ``keys`` (id, code, name) it knows."""
        for key in keys:
            if key and fold(key) in self.terms:
                return self.terms[fold(key)]
        return None
