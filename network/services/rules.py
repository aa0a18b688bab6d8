"""Derived fields of a service, recomputed whenever its texts change."""

from __future__ import annotations

from collections.abc import Mapping

from network.text import search_document, sort_key


def search_fields(
    names: Mapping[str, str], description: Mapping[str, str] | None
) -> dict[str, str]:
    """``search_text`` (folded names and descriptions) and the two NAME sort keys."""
    return {
        "search_text": search_document([*names.values(), *(description or {}).values()]),
        "sort_fr": sort_key(names.get("fr") or names.get("ar")),
        "sort_ar": sort_key(names.get("ar") or names.get("fr")),
    }
