"""The checks import makes on each page: content streams that decode, pages PDFium can read, text indexed."""

from __future__ import annotations

import base64
import io
import zlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter
from pypdf.filters import ASCII85Decode
from pypdf.generic import DecodedStreamObject, NameObject
from sqlalchemy import func, select

from ecabinet.agenda.importer import ImportCancelled, ImportRefused, check_pdf, import_files
from ecabinet.db import Database
from ecabinet.model import SearchPage, SearchVersion
from ecabinet.pdf.streams import StreamDamaged, a85decode, inflate
from ecabinet.search import search
from tests.agenda.factory import footprint, new_item
from tests.agenda.pdfs import make_pdf
from tests.conftest import make_cast

PAGES = ["Tờ trình Chính phủ", "Điều 2. Phạm vi điều chỉnh của Nghị định", "Phụ lục"]


def _rewrite_page(data: bytes, index: int, change: object) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    change(writer.pages[index])  # type: ignore[operator]
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _with_flate_contents(data: bytes, index: int, encode: object) -> bytes:
    """`data` with page `index`'s content stored as `encode(content)` under /FlateDecode."""
    content = PdfReader(io.BytesIO(data)).pages[index].get_contents()
    assert content is not None
    raw = encode(content.get_data())  # type: ignore[operator]

    def change(page: object) -> None:
        stream = DecodedStreamObject()
        stream.set_data(raw)  # written as it is: with the filter below, it is read back as Flate data
        stream[NameObject("/Filter")] = NameObject("/FlateDecode")
        page.replace_contents(stream)  # type: ignore[attr-defined]

    return _rewrite_page(data, index, change)


def _refusal(database: Database, tmp_path: Path, data: bytes) -> tuple[str, str]:
    """Import `data` as one file; returns the refusal's (code, English text) after checking nothing stayed."""
    cast = make_cast(database)
    item_id = new_item(database, cast.officer)
    before = footprint(database)
    path = tmp_path / "dossier.pdf"
    path.write_bytes(data)
    (outcome,) = import_files(database, cast.officer, item_id, [path]).outcomes
    assert outcome.refusal is not None and outcome.document is None
    assert footprint(database) == before
    with database.read() as s:
        assert s.execute(select(func.count()).select_from(SearchPage)).scalar_one() == 0
    return outcome.refusal.code, outcome.refusal.en


# --- content streams --------------------------------------------------------------------------------------


def test_broken_flate_data_is_refused_naming_the_page(sqlite_db: Database, tmp_path: Path) -> None:
    # Every reader would draw this page blank (pypdf and PDFium decode what they can, silently).
    broken = _with_flate_contents(make_pdf(PAGES), 1, lambda c: zlib.compress(c)[:2] + b"\xff" * 40)
    code, text = _refusal(sqlite_db, tmp_path, broken)
    assert code == "pdf_damaged"
    assert "page 2: content stream: the compressed data is broken" in text


def test_broken_zlib_header_is_refused(sqlite_db: Database, tmp_path: Path) -> None:
    broken = _with_flate_contents(make_pdf(PAGES), 2, lambda c: b"\x00\x00" + zlib.compress(c)[2:])
    code, text = _refusal(sqlite_db, tmp_path, broken)
    assert code == "pdf_damaged" and "page 3: content stream: the compressed data has no valid zlib" in text


def test_a_wrong_checksum_with_sound_operators_is_accepted_and_read(
    sqlite_db: Database, tmp_path: Path
) -> None:
    # Written carelessly, read fine by every viewer: the operators are parsed to tell, and they parse.
    sloppy = _with_flate_contents(make_pdf(PAGES), 1, lambda c: zlib.compress(c)[:-4] + b"\x00\x00\x00\x00")
    checked = check_pdf(sloppy)
    assert checked.page_count == 3 and "Phạm vi điều chỉnh" in checked.texts[1]


def test_a_wrong_checksum_with_broken_operators_is_refused(sqlite_db: Database, tmp_path: Path) -> None:
    def garble(content: bytes) -> bytes:
        return zlib.compress(content + b"\nBT (a string never closed")[:-4] + b"\x00\x00\x00\x00"

    code, text = _refusal(sqlite_db, tmp_path, _with_flate_contents(make_pdf(PAGES), 0, garble))
    assert code == "pdf_damaged" and "page 1: Stream has ended unexpectedly" in text


def test_streams_that_decode_cleanly_are_never_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    import ecabinet.pdf.streams as streams

    def parse(*_args: object) -> None:
        raise AssertionError("a stream with a matching checksum needs no parse")

    monkeypatch.setattr(streams, "_parse_operators", parse)
    assert check_pdf(make_pdf(PAGES)).page_count == 3  # reportlab: ASCII85 over Flate
    flate_only = _with_flate_contents(make_pdf(PAGES), 1, zlib.compress)
    assert check_pdf(flate_only).page_count == 3


# --- PDFium reads every page ------------------------------------------------------------------------------


def test_a_page_pdfium_cannot_load_is_refused(sqlite_db: Database, tmp_path: Path) -> None:
    # pypdf takes any dictionary in the page tree for a page; PDFium (the reader) loads only a /Page.
    def retype(page: object) -> None:
        page[NameObject("/Type")] = NameObject("/Pagx")  # type: ignore[index]

    code, text = _refusal(sqlite_db, tmp_path, _rewrite_page(make_pdf(PAGES), 1, retype))
    assert code == "pdf_damaged" and "page 2: PDFium: Failed to load page" in text


def test_a_file_pdfium_cannot_open_is_refused(
    sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pypdfium2

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise pypdfium2.PdfiumError("Failed to load document (PDFium: Data format error).")

    monkeypatch.setattr(pypdfium2, "PdfDocument", refuse)
    code, text = _refusal(sqlite_db, tmp_path, make_pdf(PAGES))
    assert code == "pdf_damaged" and "PDFium: Failed to load document" in text


def test_cancel_while_pdfium_reads_stores_nothing(sqlite_db: Database, tmp_path: Path) -> None:
    calls: list[None] = []

    def cancelled() -> bool:  # pypdf's pass polls once a page, then PDFium's: stop in the second
        calls.append(None)
        return len(calls) > len(PAGES) + 1

    with pytest.raises(ImportCancelled):
        check_pdf(make_pdf(PAGES), cancelled=cancelled)
    assert len(calls) == len(PAGES) + 2

    cast = make_cast(sqlite_db)
    item_id = new_item(sqlite_db, cast.officer)
    path = tmp_path / "a.pdf"
    path.write_bytes(make_pdf(PAGES))
    before = footprint(sqlite_db)
    calls.clear()
    report = import_files(sqlite_db, cast.officer, item_id, [path], cancelled=cancelled)
    assert report.cancelled and report.outcomes == ()
    assert footprint(sqlite_db) == before


# --- the text goes into the index with the file ----------------------------------------------------------


def test_import_indexes_the_text_it_read(db: Database, tmp_path: Path) -> None:
    cast = make_cast(db)
    item_id = new_item(db, cast.officer)
    path = tmp_path / "to_trinh.pdf"
    path.write_bytes(make_pdf([*PAGES, "   "]))  # a page without text is not indexed
    (outcome,) = import_files(db, cast.officer, item_id, [path], titles=["Tờ trình"]).outcomes
    assert outcome.document is not None
    with db.read() as s:
        indexed = s.execute(select(SearchVersion)).scalar_one()
        assert (indexed.version_id, indexed.pages, indexed.failed_pages) == (
            outcome.document.version_id,
            3,
            0,
        )
        assert [h.page for h in search(s, cast.officer, "pham vi dieu chinh")] == [2]
        assert [h.page for h in search(s, cast.officer, "to trinh")][:1] == [None]  # the title


# --- the decoders ------------------------------------------------------------------------------------------


@given(st.binary(max_size=600), st.sampled_from([0, 1, 75]), st.booleans())
def test_a85decode_matches_the_standard_library(data: bytes, wrapcol: int, marker: bool) -> None:
    encoded = base64.a85encode(data, adobe=True, wrapcol=wrapcol)
    if not marker:
        encoded = encoded[2:]  # pypdf's streams carry no "<~"
    assert a85decode(encoded) == data


@given(st.binary(max_size=200).map(lambda b: b + b"~>"))
def test_a85decode_agrees_with_pypdf_or_steps_aside(data: bytes) -> None:
    ours = a85decode(data)
    if ours is None:
        return
    assert ours == ASCII85Decode.decode(data)


def test_inflate_tells_sound_sloppy_and_broken_data() -> None:
    content = b"BT /F1 12 Tf 72 712 Td (Tr\\341ng hai) Tj ET\n" * 20
    packed = zlib.compress(content)
    assert inflate(packed) == (content, True)
    assert inflate(packed[:-4] + b"\x00\x00\x00\x00") == (content, False)  # checksum wrong
    assert inflate(packed[:-4]) == (content, False)  # checksum missing
    assert inflate(packed + b"\r\n") == (content, True)  # bytes after the end do not matter
    with pytest.raises(StreamDamaged, match="broken"):
        inflate(packed[:2] + b"\xff" * 8)
    with pytest.raises(StreamDamaged, match="zlib header"):
        inflate(b"\x00\x00" + packed[2:])


def test_refusals_of_the_checks_are_import_refusals() -> None:
    with pytest.raises(ImportRefused) as refused:
        check_pdf(_with_flate_contents(make_pdf(PAGES), 0, lambda c: zlib.compress(c)[:2] + b"\xff"))
    assert refused.value.code == "pdf_damaged"
    assert refused.value.message("vi") and refused.value.message("en")
