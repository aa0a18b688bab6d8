"""Text folding for search and sorting, identical on PostgreSQL and SQLite.

Folded text is computed in Python when a row is written and stored beside it, so both
databases compare plain lowercase strings: French accents and case go away; Arabic
hamza and alef variants become a bare alef, ta marbuta becomes ha, alef maqsura
becomes ya, and diacritics (harakat) and tatweel are dropped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_ARABIC = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ٲ": "ا",
        "ٳ": "ا",
        "ؤ": "و",
        "ئ": "ي",
        "ء": "",
        "ة": "ه",
        "ى": "ي",
        "ـ": "",
        "’": "'",
        "œ": "oe",
        "Œ": "oe",
        "æ": "ae",
        "Æ": "ae",
    }
)
_MARKS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_SPACES = re.compile(r"[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]+")
_PUNCT = re.compile(r"[^\w\s']+")


def fold(text: str) -> str:
    """Lowercase, unaccented, Arabic-normalised text with single spaces."""
    text = _MARKS.sub("", text.translate(_ARABIC))
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    # NFKD splits Arabic letters with hamza (أ → ا + ٔ); recompose what is left.
    stripped = unicodedata.normalize("NFC", stripped).translate(_ARABIC)
    stripped = _MARKS.sub("", stripped).casefold()
    return _SPACES.sub(" ", _PUNCT.sub(" ", stripped)).strip()


def search_document(parts: Iterable[str | None]) -> str:
    """One folded string to search in, built from the given texts."""
    return " " + " ".join(fold(p) for p in parts if p) + " "


def search_terms(query: str) -> list[str]:
    """The folded words of a search query; empty when nothing searchable is left."""
    return [term for term in fold(query).split(" ") if term]


def sort_key(text: str | None) -> str:
    return fold(text or "")


def like_escape(term: str) -> str:
    """Escape LIKE wildcards so a term matches literally (with ESCAPE '\\')."""
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
