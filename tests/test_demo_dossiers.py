"""Demo data: the Government's structure is consistent, and generated dossiers are real Vietnamese PDFs."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from io import BytesIO
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from ecabinet.demo import dossiers as D
from ecabinet.demo import government as G
from ecabinet.demo.dossiers import render_dossier
from ecabinet.model import enums
from ecabinet.pdf.fonts import register_fonts

SESSION = "Phiên họp Chính phủ thường kỳ tháng 2 năm 2026"
KINDS = ("submission", "draft", "appraisal", "annex")
TITLES = {
    "submission": "Tờ trình dự thảo Nghị định về phân cấp, phân quyền trong lĩnh vực xây dựng",
    "draft": "Dự thảo Nghị quyết về nhiệm vụ, giải pháp đẩy mạnh chuyển đổi số quốc gia",
    "appraisal": "Báo cáo thẩm định dự thảo Nghị định của Bộ Tư pháp",
    "annex": "Phụ lục tỷ lệ giải ngân vốn đầu tư công của các bộ, cơ quan trung ương và địa phương",
}
PRESENTERS = {"submission": "BXD", "draft": "BKHCN", "appraisal": "BXD", "annex": "Bộ Tài chính"}


@functools.cache
def _pdf(kind: str, pages: int, seed: int = 1, classification: str = "normal") -> bytes:
    return render_dossier(kind, TITLES[kind], PRESENTERS[kind], pages, SESSION, seed, classification)


def _reader(data: bytes) -> PdfReader:
    return PdfReader(BytesIO(data))


def _text(page: Any) -> str:
    """A page's text in NFC with whitespace collapsed, so words broken over lines still match."""
    return " ".join(unicodedata.normalize("NFC", page.extract_text()).split())


def _walk(items: tuple[G.ItemSpec, ...]) -> Iterator[G.ItemSpec]:
    for item in items:
        yield item
        yield from _walk(item.sub_items)


# --- government.py --------------------------------------------------------------------------------------


def test_organisation_codes_are_unique_and_the_structure_is_the_2025_one() -> None:
    codes = [o.code for o in G.ORGANISATIONS]
    assert len(codes) == len(set(codes))
    kinds = Counter(o.kind for o in G.ORGANISATIONS)
    assert kinds["government"] == 1
    assert kinds["ministry"] == 14
    assert kinds["ministry_level"] == 3
    assert {o.kind for o in G.ORGANISATIONS} <= {k.value for k in enums.OrgKind}
    assert G.org_by_code("NHNN").name == "Ngân hàng Nhà nước Việt Nam"


def test_every_referenced_organisation_exists() -> None:
    codes = {o.code for o in G.ORGANISATIONS}
    assert {p.org_code for p in G.all_people()} <= codes
    for items in (G.REGULAR_SESSION_ITEMS, G.PAST_SESSION_ITEMS):
        assert {i.presenter_code for i in _walk(items)} <= codes


def test_members_one_head_of_government_with_a_vote_and_one_head_per_body() -> None:
    heads = [p for p in G.all_people() if p.is_head_of_government]
    assert len(heads) == 1
    (pm,) = heads
    assert pm.has_vote and pm.role == "member" and pm.org_code == G.GOVERNMENT_CODE
    assert pm.title == "Thủ tướng Chính phủ"
    assert sum(p.title.startswith("Phó Thủ tướng") for p in G.MEMBERS) == 7
    assert all(p.role == "member" and p.has_vote for p in G.MEMBERS)
    assert len(G.MEMBERS) == 25  # the module docstring states this number
    bodies = [o.code for o in G.ORGANISATIONS if o.kind in ("ministry", "ministry_level")]
    assert Counter(p.org_code for p in G.MEMBERS if p.org_code != "CP") == Counter(bodies)


def test_secretariat_and_guests_have_no_vote() -> None:
    assert Counter(p.role for p in G.SECRETARIAT) == {"secretariat": 2, "secretariat_leader": 1}
    assert all(p.org_code == "VPCP" for p in G.SECRETARIAT)
    assert len(G.GUESTS) == 3 and all(p.role == "guest" for p in G.GUESTS)
    assert not any(p.has_vote for p in G.SECRETARIAT + G.GUESTS)
    assert {p.role for p in G.all_people()} <= {r.value for r in enums.Role}


def test_names_are_unique_full_vietnamese_names() -> None:
    names = [p.full_name for p in G.all_people()]
    assert len(names) == len(set(names))
    for name in names:
        words = name.split()
        assert len(words) >= 3, name  # family, middle and given name
        assert all(w[0].isupper() for w in words), name
        assert unicodedata.normalize("NFC", name) == name


def test_regular_session_agenda() -> None:
    items = G.REGULAR_SESSION_ITEMS
    assert len(items) >= 8
    assert any(i.classification != "normal" for i in _walk(items))
    assert any(len(i.sub_items) >= 2 for i in items)
    for item in _walk(items):
        assert 2 <= len(item.documents) <= 4, item.title
        assert all(5 <= d.pages <= 60 for d in item.documents), item.title
        assert item.planned_minutes > 0
    assert sum(d.pages for i in _walk(items) for d in i.documents) < 250  # the demo must generate quickly


def test_past_session_agenda_and_vocabularies() -> None:
    assert len(G.PAST_SESSION_ITEMS) == 4
    assert all(1 <= len(i.documents) <= 2 for i in G.PAST_SESSION_ITEMS)
    everything = list(_walk(G.REGULAR_SESSION_ITEMS + G.PAST_SESSION_ITEMS))
    assert {i.kind for i in everything} <= {k.value for k in enums.ItemKind}
    assert {i.classification for i in everything} <= {c.value for c in enums.Classification}
    assert {d.kind for i in everything for d in i.documents} <= {k.value for k in enums.DocumentKind}


def test_every_demo_text_has_glyphs_in_every_face() -> None:
    fonts = register_fonts()
    texts = [o.name for o in G.ORGANISATIONS] + [o.short_name for o in G.ORGANISATIONS]
    texts += [p.full_name for p in G.all_people()] + [p.title for p in G.all_people()]
    for item in _walk(G.REGULAR_SESSION_ITEMS + G.PAST_SESSION_ITEMS):
        texts += [item.title] + [d.title for d in item.documents]
    from ecabinet.pdf.fonts import missing_glyphs

    for face in (fonts.regular, fonts.bold, fonts.italic, fonts.bold_italic):
        missing = {ch for t in texts for ch in missing_glyphs(t, face)}
        assert missing == set(), (face, missing)
        # Upper case too: issuing bodies and headings are printed in capitals.
        assert {ch for t in texts for ch in missing_glyphs(t.upper(), face)} == set()


# --- dossiers.py ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("pages", [1, 2, 5, 13, 60])
def test_page_count_is_exact(kind: str, pages: int) -> None:
    assert len(_reader(_pdf(kind, pages)).pages) == pages


@settings(max_examples=12, deadline=None)
@given(
    kind=st.sampled_from(KINDS),
    pages=st.integers(min_value=1, max_value=9),
    seed=st.integers(min_value=0, max_value=2**31),
    classification=st.sampled_from(["normal", "confidential", "secret"]),
)
def test_page_count_is_exact_for_any_seed(kind: str, pages: int, seed: int, classification: str) -> None:
    data = render_dossier(kind, TITLES[kind], PRESENTERS[kind], pages, SESSION, seed, classification)
    assert len(_reader(data).pages) == pages


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("pages", [1, 4, 11])
def test_the_retry_layout_is_exact_too(kind: str, pages: int) -> None:
    fonts = register_fonts()
    data, count = D._build(
        kind, TITLES[kind], PRESENTERS[kind], pages, SESSION, 3, "confidential", fonts, D._styles(fonts), True
    )
    assert count == pages
    assert len(_reader(data).pages) == pages


@pytest.mark.parametrize("kind", KINDS)
def test_text_is_vietnamese_and_searchable(kind: str) -> None:
    reader = _reader(_pdf(kind, 3))
    text = " ".join(_text(p) for p in reader.pages)
    assert "Chính phủ" in text
    assert "nghị định" in text
    assert "đầu tư công" in text
    assert "lorem" not in text.lower()
    assert "\ufffd" not in text  # nothing lost in the ToUnicode maps
    words = re.findall(r"\w+", text)
    assert len(words) > 3 * 250  # about 250 or more words a page: real body text
    assert len(set(words)) > 200


def test_first_page_follows_decree_30() -> None:
    first = _text(_reader(_pdf("submission", 2)).pages[0])
    assert "BỘ XÂY DỰNG" in first
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first
    assert "Độc lập - Tự do - Hạnh phúc" in first
    assert re.search(r"Số: \d+/TTr-BXD", first)
    # Days under 10 and months 1-2 carry a leading 0.
    assert re.search(r"Hà Nội, ngày \d\d tháng 02 năm 2026", first)
    assert "TỜ TRÌNH" in first and "Kính gửi: Chính phủ" in first
    assert "I. SỰ CẦN THIẾT BAN HÀNH" in first


def test_draft_is_marked_and_issued_by_the_government() -> None:
    reader = _reader(_pdf("draft", 3))
    first = _text(reader.pages[0])
    assert "DỰ THẢO" in first and "CHÍNH PHỦ" in first and "NGHỊ QUYẾT" in first
    assert re.search(r"Số: /2026/NQ-CP", first)
    assert "Theo đề nghị của Bộ trưởng Bộ Khoa học và Công nghệ" in first
    last = _text(reader.pages[-1])
    assert "ĐIỀU KHOẢN THI HÀNH" in last and "TM. CHÍNH PHỦ" in last
    assert G.MEMBERS[0].full_name in last  # signed by the Prime Minister


def test_later_pages_are_numbered_and_classified_pages_marked() -> None:
    reader = _reader(_pdf("submission", 3, classification="confidential"))
    for number, page in enumerate(reader.pages, start=1):
        words = _text(page).split()
        if number == 1:
            assert "MẬT" in words[:40]  # in a box under the number
        else:
            assert words[:2] in (["MẬT", str(number)], [str(number), "MẬT"])  # page header
    plain = _reader(_pdf("submission", 3))
    assert all("MẬT" not in _text(p).split() for p in plain.pages)


def test_every_font_is_embedded() -> None:
    for kind in KINDS:
        reader = _reader(_pdf(kind, 2, classification="secret"))
        seen = 0
        for page in reader.pages:
            resources = page["/Resources"].get_object()
            assert isinstance(resources, DictionaryObject)
            fonts = resources["/Font"].get_object()
            assert isinstance(fonts, DictionaryObject)
            for ref in fonts.values():
                font = ref.get_object()
                descendants = font.get("/DescendantFonts")
                targets = [d.get_object() for d in descendants] if descendants else [font]
                for target in targets:
                    assert "/FontDescriptor" in target, font["/BaseFont"]  # not one of the 14 standard fonts
                    descriptor = target["/FontDescriptor"].get_object()
                    assert isinstance(descriptor, DictionaryObject)
                    assert "/FontFile2" in descriptor, font["/BaseFont"]  # an embedded TrueType program
                    seen += 1
        assert seen >= 2


@pytest.mark.parametrize("kind", KINDS)
def test_dossier_has_an_outline_of_its_sections(kind: str) -> None:
    reader = _reader(_pdf(kind, 5))
    top = [entry for entry in reader.outline if not isinstance(entry, list)]
    assert len(top) >= 2
    titles = [entry.title for entry in top]
    expected = {
        "submission": "I. SỰ CẦN THIẾT BAN HÀNH",
        "draft": "Chương I. QUY ĐỊNH CHUNG",
        "appraisal": "I. VỀ SỰ CẦN THIẾT BAN HÀNH",
        "annex": "I. TÌNH HÌNH CHUNG",
    }[kind]
    assert titles[0] == expected
    pages = [reader.get_destination_page_number(entry) for entry in top]
    assert None not in pages
    assert pages == sorted(p for p in pages if p is not None)
    assert pages[0] == 0 and (pages[-1] or 0) < 5
    assert any(isinstance(entry, list) and entry for entry in reader.outline)  # sub-entries, nested


def test_metadata_and_determinism() -> None:
    data = _pdf("submission", 2)
    meta = _reader(data).metadata
    assert meta is not None
    assert meta.title == TITLES["submission"]
    assert meta.author == "Bộ Xây dựng"
    assert meta.subject == SESSION
    again = render_dossier("submission", TITLES["submission"], "BXD", 2, SESSION, 1)
    assert again == data
    assert render_dossier("submission", TITLES["submission"], "BXD", 2, SESSION, 2) != data


def test_unknown_presenter_and_bad_page_counts() -> None:
    data = render_dossier("submission", "Tờ trình về một đề án", "Sở Tư pháp tỉnh Lào Cai", 2, "", 5)
    assert "SỞ TƯ PHÁP TỈNH LÀO CAI" in _text(_reader(data).pages[0])
    with pytest.raises(ValueError):
        render_dossier("submission", "Tờ trình", "BTC", 0, SESSION, 1)
    with pytest.raises(ValueError, match="needs more than 1 page"):
        render_dossier("submission", "Tờ trình " + "rất dài " * 200, "BTC", 1, SESSION, 1)
