"""Every message the console shows has its Arabic and French translation, placeholders kept.

The messages are extracted from web/ by Babel itself, with the mapping `make messages` uses,
so a string added to a page or a label without its translations fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "web" / "locale"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def extracted() -> dict[str, str | None]:
    """msgid → plural msgid (None when singular only), as Babel finds them in web/."""
    with (ROOT / "web" / "babel.cfg").open() as mapping:
        # Babel's frontend module has no annotations.
        method_map, options_map = parse_mapping_cfg(mapping)  # type: ignore[no-untyped-call]
    found: dict[str, str | None] = {}
    for _, _, message, _, _ in extract_from_dir(
        str(ROOT), method_map, options_map, keywords={"_": None, "N_": None, "ngettext": (1, 2)}
    ):
        if isinstance(message, tuple):
            found[message[0]] = message[1]
        else:
            found.setdefault(message, None)
    return found


def catalog(lang: str) -> Catalog:
    with (LOCALE / lang / "LC_MESSAGES" / "messages.po").open("rb") as source:
        return read_po(source, locale=lang)


def test_the_extraction_finds_the_console_messages() -> None:
    messages = extracted()
    assert "Find a service" in messages  # web/visit.py
    assert "There is a problem" in messages  # web/templates/_macros.html
    assert len(messages) > 100


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_every_message_is_translated_with_its_placeholders(lang: str) -> None:
    translations = catalog(lang)
    missing, fuzzy, broken = [], [], []
    for msgid, plural in extracted().items():
        entry = translations.get(msgid if plural is None else (msgid, plural))
        if entry is None:
            entry = translations.get(msgid)
        if entry is None:
            missing.append(msgid)
            continue
        if entry.fuzzy:
            fuzzy.append(msgid)
        string = entry.string
        forms = tuple(string) if isinstance(string, tuple | list) else (string,)
        if not all(forms):
            missing.append(msgid)
        wanted = set(PLACEHOLDER.findall(msgid)) | set(PLACEHOLDER.findall(plural or ""))
        if any(not _same_placeholders(form, wanted) for form in forms if form):
            broken.append(msgid)
    assert missing == [], f"{len(missing)} messages without a {lang} translation: {missing[:20]}"
    assert fuzzy == [], fuzzy
    assert broken == [], f"placeholders changed in {lang}: {broken}"


def _same_placeholders(translation: str, wanted: set[str]) -> bool:
    """Nothing unknown is added; all but the count (a plural form may spell it) is kept."""
    used = set(PLACEHOLDER.findall(translation))
    return used <= wanted and wanted - {"num"} <= used


def test_arabic_has_its_six_plural_forms() -> None:
    assert catalog("ar").num_plurals == 6
