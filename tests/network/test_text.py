import pytest

from network.text import fold, like_escape, search_document, search_terms, sort_key


@pytest.mark.parametrize(
    ("variant", "plain"),
    [
        ("إسعاف", "اسعاف"),  # alef with hamza below
        ("أسرة", "اسره"),  # alef with hamza above, ta marbuta
        ("آمنة", "امنه"),  # alef with madda
        ("مستشفى", "مستشفي"),  # alef maqsura
        ("مـــركز", "مركز"),  # tatweel
        ("مَرْكَزُ", "مركز"),  # harakat
        ("Médecin", "medecin"),
        ("ÉCOLE Supérieure", "ecole superieure"),
    ],
)
def test_variants_fold_to_the_same_text(variant: str, plain: str) -> None:
    # given a spelling variant and its plain form / when folded / then they agree
    assert fold(variant) == fold(plain) == plain


def test_search_terms_drop_punctuation_and_direction_marks() -> None:
    # given a query mixing scripts, bidi controls and punctuation
    query = "\u202bمركز\u202c — Fès, (Médecin)!"

    # when it is split into terms
    terms = search_terms(query)

    # then only the folded words remain
    assert terms == ["مركز", "fes", "medecin"]


def test_a_query_of_punctuation_only_has_no_terms() -> None:
    assert search_terms(" %%% ; -- ") == []


def test_search_document_pads_words_with_spaces() -> None:
    assert search_document(["Centre de Santé", None, "مركز صحي"]) == " centre de sante مركز صحي "


def test_sort_key_is_folded_and_empty_for_nothing() -> None:
    assert sort_key("Éducation") == "education"
    assert sort_key(None) == ""


def test_like_escape_makes_wildcards_literal() -> None:
    assert like_escape("50%_a\\b") == "50\\%\\_a\\\\b"
