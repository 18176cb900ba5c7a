"""Folding Vietnamese for search, and turning any user text into safe query terms."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from ecabinet.search.normalize import MAX_TOKEN, fold, fold_char, normalize, spelling_pattern, tokens
from ecabinet.search.service import (
    Term,
    fts5_expression,
    make_snippet,
    marked,
    parse_query,
    tsquery_expression,
)


def test_vietnamese_folds_to_plain_letters() -> None:
    assert normalize("Nghị định") == "nghi dinh"
    assert normalize("ĐẦU TƯ CÔNG") == "dau tu cong"
    assert normalize("Đường   bộ\n\tcao tốc") == "duong bo cao toc"
    assert normalize("Nghị định 39/2022/NĐ-CP") == "nghi dinh 39 2022 nd cp"
    # decomposed input (combining marks) folds the same as precomposed
    assert normalize(unicodedata.normalize("NFD", "Quyết định số 45")) == "quyet dinh so 45"
    assert normalize("ﬁnance «Mật»") == "finance mat"


def test_spelling_patterns_find_every_spelling_of_a_folded_word() -> None:
    text = "Nghị định, ĐỊNH dinh; Dinhx quy-định đinh"
    assert [m.group() for m in re.finditer(spelling_pattern("dinh"), text)] == [
        "định",
        "ĐỊNH",
        "dinh",
        "định",
        "đinh",
    ]
    assert [m.group() for m in re.finditer(spelling_pattern("di", prefix=True), text)] == [
        "định",
        "ĐỊNH",
        "dinh",
        "Dinhx",
        "định",
        "đinh",
    ]
    assert [m.group() for m in re.finditer(spelling_pattern("мир"), "Мир, мир; МИР")] == ["Мир", "мир", "МИР"]


# Any character, and runs of the ones that fold to several (ligatures, fractions, "İ") or to nothing (marks).
_ANY_TEXT = st.text(
    st.one_of(st.characters(), st.sampled_from("ﬁﬂ½²İẞǅ\u0301\u0323đĐ_-·'")), max_size=80
) | st.text(st.sampled_from("a" * 70 + " "), max_size=200)


@settings(max_examples=500)
@given(_ANY_TEXT)
def test_folding_tables_give_what_the_definitions_give(text: str) -> None:
    """fold and tokens run on `str.translate` tables: the same as folding each character, then taking the runs
    of letters and digits no longer than MAX_TOKEN (the index's scheme depends on it: SCHEME was not bumped)."""
    folded = "".join(map(fold_char, text))
    assert fold(text) == folded
    assert tokens(text) == [t for t in re.findall(r"[^\W_]+", folded) if len(t) <= MAX_TOKEN]


@settings(max_examples=300)
@given(st.text())
def test_folding_is_stable_and_leaves_no_marks(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    assert not any(unicodedata.combining(c) for c in once)
    assert "đ" not in once and once == once.lower()


_VIETNAMESE = "".join(
    unicodedata.normalize("NFC", v + t)
    for v in "aăâeêioôơuưy"
    for t in ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
)
_ALPHABET = _VIETNAMESE + _VIETNAMESE.upper() + "đĐbcdghklmnpqrstvxBCDGHKLMNPQRSTVX0123456789 .,-/\n"


@settings(max_examples=200)
@given(st.text(alphabet=_ALPHABET, max_size=60), st.booleans())
def test_every_word_is_found_again_in_its_spelling(text: str, decomposed: bool) -> None:
    source = unicodedata.normalize("NFD", text) if decomposed else text
    nfc = unicodedata.normalize("NFC", source)
    for token in tokens(source):
        assert token in [fold(m.group()) for m in re.finditer(spelling_pattern(token), nfc)]


def test_query_terms() -> None:
    assert parse_query("nghi dinh") == (Term(("nghi",)), Term(("dinh",), prefix=True))
    assert parse_query("nghi dinh ") == (Term(("nghi",)), Term(("dinh",)))
    assert parse_query('"đầu tư công" luật') == (Term(("dau", "tu", "cong")), Term(("luat",), prefix=True))
    assert parse_query('luật "đầu tư"') == (Term(("luat",)), Term(("dau", "tu")))
    assert parse_query("NĐ-CP") == (Term(("nd", "cp")),)
    assert parse_query("39/2022/NĐ-CP") == (Term(("39", "2022", "nd", "cp")),)
    assert parse_query("đầu tư") == (Term(("dau",)), Term(("tu",)))  # too short for a prefix
    assert parse_query('  "" * AND OR NOT ( ) : ^ ') == (Term(("and",)), Term(("or",)), Term(("not",)))
    assert parse_query("") == () and parse_query("!!! ???") == ()


def test_expressions_quote_every_token() -> None:
    terms = (Term(("and",)), Term(("dau", "tu")), Term(("o",), prefix=True))
    assert fts5_expression(terms) == '"and" AND "dau tu" AND "o"*'
    assert tsquery_expression(terms) == "('and') & ('dau' <-> 'tu') & ('o':*)"


def test_snippet_marks_the_hits_in_the_original_spelling() -> None:
    text = "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định chi tiết về quản lý đầu tư công."
    fragments = make_snippet(text, parse_query("nghi dinh "))
    assert marked(fragments) == (
        "Điều 1. Phạm vi điều chỉnh [[Nghị]] [[định]] này quy [[định]] chi tiết về quản lý đầu tư công."
    )
    long = " ".join(["lời"] * 100) + " đầu tư công " + " ".join(["kết"] * 100)
    snippet = marked(make_snippet(long, parse_query("dau tu cong ")))
    assert snippet.startswith("…") and snippet.endswith("…")
    assert "[[đầu]] [[tư]] [[công]]" in snippet and len(snippet) < 250


@settings(max_examples=200)
@given(st.text(), st.text(max_size=30))
def test_snippets_never_fail(text: str, query: str) -> None:
    fragments = make_snippet(text, parse_query(query))
    assert all(piece for piece, _hit in fragments)
