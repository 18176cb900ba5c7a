"""Dossier import: every file checked before anything is stored; refusals name the cause; nothing half-done."""

from __future__ import annotations

import io
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from sqlalchemy import select

from ecabinet.agenda import documents as D
from ecabinet.agenda import sessions as S
from ecabinet.agenda.importer import (
    ImportRefused,
    check_pdf,
    import_files,
    replace_from_file,
)
from ecabinet.audit import verify_chain
from ecabinet.db import Database
from ecabinet.errors import InvalidInput, InvalidState, PermissionDenied
from ecabinet.model import CabinetSession, DocumentKind, DocumentVersion
from tests.agenda.factory import footprint, new_item
from tests.agenda.pdfs import (
    encrypted,
    make_pdf,
    no_pages,
    owner_only,
    with_attachment,
    with_javascript,
    with_launch,
)
from tests.conftest import TESTDATA, Cast, make_cast


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _testdata(name: str) -> Path:
    if not TESTDATA.is_dir():
        pytest.skip(f"shared/testdata not found: {TESTDATA} (CI puts shared/ beside the checkout)")
    return TESTDATA / name


# --- the real-world files of shared/testdata (README.md there says what import must do) -------------------


@pytest.mark.parametrize(
    ("name", "pages", "warning"),
    [
        ("minimal-document.pdf", 1, None),
        ("pdflatex-4-pages.pdf", 4, None),
        ("002-trivial-libre-office-writer.pdf", 1, None),
        ("google-doc-document.pdf", 1, None),
        ("pdflatex-outline.pdf", 4, None),
        ("pdflatex-forms.pdf", 1, "pdf_has_forms"),
        ("with-attachment.pdf", 1, "pdf_has_attachments"),
    ],
)
def test_testdata_files_are_accepted(sqlite_db: Database, name: str, pages: int, warning: str | None) -> None:
    cast = make_cast(sqlite_db)
    item_id = new_item(sqlite_db, cast.officer)
    report = import_files(sqlite_db, cast.officer, item_id, [_testdata(name)])
    (outcome,) = report.outcomes
    assert outcome.refusal is None and outcome.document is not None
    assert outcome.document.page_count == pages
    assert outcome.document.filename == name
    codes = [w.code for w in outcome.warnings]
    assert codes == ([warning] if warning else []) or warning in codes
    # stored once, byte for byte (nothing to decrypt here)
    assert sqlite_db.blobs.read(outcome.document.sha256) == _testdata(name).read_bytes()


def test_attachment_warning_names_the_file_and_the_risk(sqlite_db: Database) -> None:
    cast = make_cast(sqlite_db)
    item_id = new_item(sqlite_db, cast.officer)
    (outcome,) = import_files(sqlite_db, cast.officer, item_id, [_testdata("with-attachment.pdf")]).outcomes
    (warning,) = outcome.warnings
    assert "image.png" in warning.en and "image.png" in warning.vi
    assert "embedded files" in warning.en and "tệp đính kèm" in warning.vi


def test_forms_file_reports_fields_and_where_it_submits(sqlite_db: Database) -> None:
    cast = make_cast(sqlite_db)
    item_id = new_item(sqlite_db, cast.officer)
    (outcome,) = import_files(sqlite_db, cast.officer, item_id, [_testdata("pdflatex-forms.pdf")]).outcomes
    assert [w.code for w in outcome.warnings] == ["pdf_has_forms", "pdf_submits_data"]
    assert "3 form fields" in outcome.warnings[0].en
    assert "http://exampe.com" in outcome.warnings[1].en


def test_outline_is_kept(sqlite_db: Database) -> None:
    cast = make_cast(sqlite_db)
    item_id = new_item(sqlite_db, cast.officer)
    (outcome,) = import_files(sqlite_db, cast.officer, item_id, [_testdata("pdflatex-outline.pdf")]).outcomes
    assert outcome.document is not None
    with sqlite_db.read() as s:
        outline = s.get(DocumentVersion, outcome.document.version_id).outline  # type: ignore[union-attr]
    assert outline and len(outline) >= 3
    assert all({"title", "page", "children"} <= set(entry) for entry in outline)
    assert all(entry["page"] >= 0 for entry in outline)


def test_encrypted_testdata_without_password_is_refused_and_nothing_stored(sqlite_db: Database) -> None:
    db, cast = sqlite_db, make_cast(sqlite_db)
    item_id = new_item(db, cast.officer)
    before = footprint(db)
    report = import_files(db, cast.officer, item_id, [_testdata("libreoffice-writer-password.pdf")])
    (outcome,) = report.outcomes
    assert outcome.document is None and outcome.refusal is not None
    assert outcome.refusal.code == "pdf_encrypted"
    assert "encrypted, a password is needed" in outcome.refusal.en
    assert "mã hóa" in outcome.refusal.vi and "mật khẩu" in outcome.refusal.vi
    assert footprint(db) == before


def test_encrypted_testdata_wrong_password_says_so(sqlite_db: Database) -> None:
    cast = make_cast(sqlite_db)
    item_id = new_item(sqlite_db, cast.officer)
    before = footprint(sqlite_db)
    report = import_files(
        sqlite_db, cast.officer, item_id, [_testdata("libreoffice-writer-password.pdf")], password="nope"
    )
    assert report.outcomes[0].refusal is not None
    assert report.outcomes[0].refusal.code == "pdf_wrong_password"
    assert footprint(sqlite_db) == before


def test_encrypted_testdata_with_password_stores_a_decrypted_copy(sqlite_db: Database) -> None:
    db, cast = sqlite_db, make_cast(sqlite_db)
    item_id = new_item(db, cast.officer)
    report = import_files(
        db, cast.officer, item_id, [_testdata("libreoffice-writer-password.pdf")], password="openpassword"
    )
    (outcome,) = report.outcomes
    assert outcome.document is not None, outcome.refusal
    assert [w.code for w in outcome.warnings] == ["pdf_decrypted"]
    stored = db.blobs.read(outcome.document.sha256)
    reader = PdfReader(io.BytesIO(stored))
    assert not reader.is_encrypted
    assert "Lorem ipsum" in reader.pages[0].extract_text()


def test_the_whole_testdata_folder_in_one_import(db: Database, cast: Cast) -> None:
    if not TESTDATA.is_dir():
        pytest.skip(f"shared/testdata not found: {TESTDATA}")
    files = sorted(TESTDATA.glob("*.pdf"))
    item_id = new_item(db, cast.officer)
    report = import_files(db, cast.officer, item_id, files)
    refused = {o.filename: o.refusal.code for o in report.outcomes if o.refusal}
    assert refused == {"libreoffice-writer-password.pdf": "pdf_encrypted"}
    assert len(report.stored) == len(files) - 1
    with db.read() as s:
        assert verify_chain(s) == []


# --- generated bad inputs ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "pdf_not_pdf"),
        (b"Hello, this is a text file\n" * 20, "pdf_not_pdf"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "pdf_not_pdf"),
        (b"%PDF-1.7\n", "pdf_damaged"),
        (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF", "pdf_damaged"),
        (no_pages(), "pdf_no_pages"),
    ],
    ids=["empty", "text", "png", "header-only", "no-page-tree", "no-pages"],
)
def test_bad_inputs_are_refused_with_their_cause(
    sqlite_db: Database, tmp_path: Path, data: bytes, code: str
) -> None:
    cast = make_cast(sqlite_db)
    item_id = new_item(sqlite_db, cast.officer)
    before = footprint(sqlite_db)
    report = import_files(sqlite_db, cast.officer, item_id, [_write(tmp_path, "bad.pdf", data)])
    assert report.outcomes[0].refusal is not None
    assert report.outcomes[0].refusal.code == code
    assert footprint(sqlite_db) == before


def test_truncated_pdf_is_refused_and_the_others_go_on(sqlite_db: Database, tmp_path: Path) -> None:
    db, cast = sqlite_db, make_cast(sqlite_db)
    good = make_pdf(["Tờ trình Chính phủ", "Trang hai", "Trang ba"])
    item_id = new_item(db, cast.officer)
    files = [
        _write(tmp_path, "one.pdf", make_pdf(["Một"])),
        _write(tmp_path, "cut.pdf", good[: len(good) // 3]),
        _write(tmp_path, "notes.txt", b"just text"),
        _write(tmp_path, "two.pdf", good),
    ]
    report = import_files(db, cast.officer, item_id, files)
    assert [o.stored for o in report.outcomes] == [True, False, False, True]
    assert [o.refusal.code for o in report.refused if o.refusal] == ["pdf_damaged", "pdf_not_pdf"]
    assert report.outcomes[3].document is not None and report.outcomes[3].document.page_count == 3
    assert footprint(db).documents == 2


def test_unreadable_and_missing_files(sqlite_db: Database, tmp_path: Path) -> None:
    cast = make_cast(sqlite_db)
    item_id = new_item(sqlite_db, cast.officer)
    report = import_files(sqlite_db, cast.officer, item_id, [tmp_path / "missing.pdf", tmp_path])
    assert [o.refusal.code for o in report.outcomes if o.refusal] == ["file_unreadable", "file_unreadable"]


def test_size_limit(sqlite_db: Database, tmp_path: Path) -> None:
    cast = make_cast(sqlite_db)
    item_id = new_item(sqlite_db, cast.officer)
    data = make_pdf(["Phụ lục"] * 3)
    path = _write(tmp_path, "big.pdf", data)
    before = footprint(sqlite_db)
    report = import_files(sqlite_db, cast.officer, item_id, [path], max_bytes=len(data) - 1)
    refusal = report.outcomes[0].refusal
    assert refusal is not None and refusal.code == "pdf_too_large"
    assert "limit" in refusal.en and "giới hạn" in refusal.vi
    assert footprint(sqlite_db) == before
    with pytest.raises(ImportRefused, match="too large"):
        check_pdf(data, max_bytes=100)
    assert import_files(sqlite_db, cast.officer, item_id, [path], max_bytes=len(data)).outcomes[0].stored


@pytest.mark.parametrize(
    "error",
    [TypeError("bad"), AssertionError(), KeyError("/Root"), ValueError("x"), RecursionError(), IndexError()],
)
def test_any_parser_exception_becomes_a_refusal(monkeypatch: pytest.MonkeyPatch, error: Exception) -> None:
    import ecabinet.agenda.importer as importer

    def explode(*_args: object, **_kwargs: object) -> None:
        raise error

    monkeypatch.setattr(importer, "PdfReader", explode)
    with pytest.raises(ImportRefused) as refused:
        check_pdf(make_pdf())
    assert refused.value.code == "pdf_damaged"


def test_risks_are_reported_but_do_not_block(sqlite_db: Database, tmp_path: Path) -> None:
    cast = make_cast(sqlite_db)
    item_id = new_item(sqlite_db, cast.officer)
    base = make_pdf(["Báo cáo thẩm tra"])
    files = [
        _write(tmp_path, "js.pdf", with_javascript(base)),
        _write(tmp_path, "launch.pdf", with_launch(base)),
        _write(tmp_path, "attached.pdf", with_attachment(base, "payload.exe")),
    ]
    report = import_files(sqlite_db, cast.officer, item_id, files)
    assert all(o.stored for o in report.outcomes)
    assert [[w.code for w in o.warnings] for o in report.outcomes] == [
        ["pdf_has_javascript"],
        ["pdf_has_launch"],
        ["pdf_has_attachments"],
    ]
    assert "payload.exe" in report.outcomes[2].warnings[0].en


# --- random corruption: never a traceback; stored whole or refused with nothing left ----------------------

_SAMPLE = make_pdf(["Nghị định về đầu tư công", "Điều 2. Phạm vi điều chỉnh"])


@st.composite
def corrupted(draw: st.DrawFn) -> bytes:
    data = bytearray(_SAMPLE)
    how = draw(st.sampled_from(["flip", "truncate", "splice"]))
    if how == "flip":
        for _ in range(draw(st.integers(1, 24))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    elif how == "truncate":
        data = data[: draw(st.integers(0, len(data) - 1))]
    else:
        at = draw(st.integers(0, len(data)))
        data[at : at + draw(st.integers(0, 300))] = draw(st.binary(max_size=300))
    return bytes(data)


@settings(max_examples=150, deadline=None)
@given(corrupted())
def test_check_pdf_never_raises_anything_but_a_refusal(data: bytes) -> None:
    try:
        checked = check_pdf(data)
    except ImportRefused as refused:
        assert refused.code in {"pdf_not_pdf", "pdf_damaged", "pdf_no_pages", "pdf_encrypted"}
        assert refused.message("vi") and refused.message("en")
        return
    assert checked.page_count >= 1


@pytest.fixture(scope="module")
def shared_db(
    tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path
) -> Iterator[tuple[Database, Cast]]:
    """One database for all examples of a property test (a fresh one per example would be slow)."""
    home = tmp_path_factory.mktemp("corrupt-home")
    shutil.copy(sqlite_template, home / "ecabinet.db")
    database = Database(f"sqlite:///{home / 'ecabinet.db'}", home)
    yield database, make_cast(database)
    database.close()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=corrupted())
def test_corrupt_import_is_stored_fully_or_not_at_all(
    shared_db: tuple[Database, Cast], tmp_path: Path, data: bytes
) -> None:
    database, cast = shared_db
    item_id = new_item(database, cast.officer, title=f"Nội dung {uuid.uuid4().hex[:6]}")
    path = _write(tmp_path, f"{uuid.uuid4().hex}.pdf", data)
    before = footprint(database)
    (outcome,) = import_files(database, cast.officer, item_id, [path]).outcomes
    after = footprint(database)
    if outcome.document is None:
        assert after == before
        return
    assert after.documents == before.documents + 1 and after.versions == before.versions + 1
    stored = database.blobs.read(outcome.document.sha256)
    assert check_pdf(stored).page_count == outcome.document.page_count


# --- encryption, made here ---------------------------------------------------------------------------------


def test_generated_encrypted_file(sqlite_db: Database, tmp_path: Path) -> None:
    cast = make_cast(sqlite_db)
    item_id = new_item(sqlite_db, cast.officer)
    plain = make_pdf(["Tài liệu mật", "Trang hai"])
    path = _write(tmp_path, "locked.pdf", encrypted(plain, "mật-khẩu"))
    assert import_files(sqlite_db, cast.officer, item_id, [path]).outcomes[0].refusal.code == "pdf_encrypted"  # type: ignore[union-attr]
    wrong = import_files(sqlite_db, cast.officer, item_id, [path], password="sai")
    assert wrong.outcomes[0].refusal.code == "pdf_wrong_password"  # type: ignore[union-attr]
    right = import_files(sqlite_db, cast.officer, item_id, [path], password="mật-khẩu")
    doc = right.outcomes[0].document
    assert doc is not None and doc.page_count == 2
    assert not PdfReader(io.BytesIO(sqlite_db.blobs.read(doc.sha256))).is_encrypted
    # the same file again decrypts to the same bytes: it is recognised as a duplicate
    again = import_files(sqlite_db, cast.officer, item_id, [path], password="mật-khẩu")
    assert again.outcomes[0].refusal.code == "pdf_duplicate"  # type: ignore[union-attr]


def test_owner_password_only_opens_without_one(sqlite_db: Database, tmp_path: Path) -> None:
    checked = check_pdf(owner_only(make_pdf(["Hạn chế in"])))
    assert checked.decrypted and not PdfReader(io.BytesIO(checked.data)).is_encrypted


# --- duplicates, the blob store, permissions, progress and cancel --------------------------------------------


def test_duplicate_in_the_same_item_is_named_and_not_added(sqlite_db: Database, tmp_path: Path) -> None:
    db, cast = sqlite_db, make_cast(sqlite_db)
    item_id = new_item(db, cast.officer)
    data = make_pdf(["Tờ trình"])
    a, b = _write(tmp_path, "a.pdf", data), _write(tmp_path, "b.pdf", data)
    report = import_files(db, cast.officer, item_id, [a, b], titles=["Tờ trình số 1", "Bản sao"])
    assert report.outcomes[0].stored
    refusal = report.outcomes[1].refusal
    assert refusal is not None and refusal.code == "pdf_duplicate"
    assert "«Tờ trình số 1»" in refusal.en and "«Tờ trình số 1»" in refusal.vi
    # another item may have the same file; the file store keeps it once
    other = new_item(db, cast.officer, title="Nội dung khác")
    assert import_files(db, cast.officer, other, [b]).outcomes[0].stored
    assert footprint(db).blobs == 1


def test_permission_and_state_are_checked_before_any_file(sqlite_db: Database, tmp_path: Path) -> None:
    db, cast = sqlite_db, make_cast(sqlite_db)
    item_id = new_item(db, cast.officer, publish=True)
    path = _write(tmp_path, "a.pdf", make_pdf())
    before = footprint(db)
    with pytest.raises(PermissionDenied):
        import_files(db, cast.minister, item_id, [path])
    with db.read() as s:
        session_id = s.execute(select(CabinetSession.id)).scalar_one()
    with db.write(cast.officer) as s:
        S.start_session(s, cast.officer, session_id)
    with pytest.raises(InvalidState):
        import_files(db, cast.officer, item_id, [path])
    with pytest.raises(InvalidInput):
        import_files(db, cast.officer, item_id, [path], titles=["a", "b"])
    assert footprint(db).documents == before.documents


def test_progress_and_cancel(sqlite_db: Database, tmp_path: Path) -> None:
    cast = make_cast(sqlite_db)
    item_id = new_item(sqlite_db, cast.officer)
    files = [_write(tmp_path, f"{n}.pdf", make_pdf([f"Tài liệu {n}"])) for n in range(3)]
    seen: list[tuple[int, int, str]] = []
    report = import_files(sqlite_db, cast.officer, item_id, files, progress=lambda *a: seen.append(a))
    assert seen == [(0, 3, "0.pdf"), (1, 3, "1.pdf"), (2, 3, "2.pdf"), (3, 3, "")]
    assert not report.cancelled and len(report.stored) == 3

    # Cancel pressed once the second file is being checked: the first stays, nothing of the second is stored.
    other = new_item(sqlite_db, cast.officer, title="Khác")
    pressed: list[bool] = []
    report = import_files(
        sqlite_db,
        cast.officer,
        other,
        files,
        progress=lambda done, _total, _name: pressed.append(done == 1) if done == 1 else None,
        cancelled=lambda: bool(pressed),
    )
    assert report.cancelled
    assert len(report.outcomes) == 1 and report.outcomes[0].stored
    assert footprint(sqlite_db).documents == 4


def test_titles_kind_and_default_title(sqlite_db: Database, tmp_path: Path) -> None:
    cast = make_cast(sqlite_db)
    item_id = new_item(sqlite_db, cast.officer)
    path = _write(tmp_path, "to_trinh_chinh_phu.pdf", make_pdf())
    report = import_files(sqlite_db, cast.officer, item_id, [path], kind=DocumentKind.SUBMISSION)
    doc = report.outcomes[0].document
    assert doc is not None and doc.title == "to trinh chinh phu" and doc.kind is DocumentKind.SUBMISSION


# --- a new version from a file ------------------------------------------------------------------------------


def test_replace_from_file(db: Database, cast: Cast, tmp_path: Path) -> None:
    item_id = new_item(db, cast.officer)
    first = _write(tmp_path, "v1.pdf", make_pdf(["Bản một"]))
    second = _write(tmp_path, "v2.pdf", with_attachment(make_pdf(["Bản hai", "Trang hai"])))
    (outcome,) = import_files(db, cast.officer, item_id, [first]).outcomes
    assert outcome.document is not None
    doc_id = outcome.document.id
    with pytest.raises(InvalidInput):
        replace_from_file(db, cast.officer, doc_id, second, "  ")
    with pytest.raises(ImportRefused, match="same as the current version"):
        replace_from_file(db, cast.officer, doc_id, first, "no change")
    with pytest.raises(ImportRefused) as refused:
        replace_from_file(db, cast.officer, doc_id, _write(tmp_path, "bad.pdf", b"%PDF-1.4 junk"), "broken")
    assert refused.value.code == "pdf_damaged"
    with pytest.raises(PermissionDenied):
        replace_from_file(db, cast.minister, doc_id, second, "not mine to do")
    result = replace_from_file(db, cast.officer, doc_id, second, "Tiếp thu ý kiến thẩm định")
    assert result.document.version_number == 2 and result.document.page_count == 2
    assert [w.code for w in result.warnings] == ["pdf_has_attachments"]
    with db.read() as s:
        history = D.document_history(s, cast.officer, doc_id)
    assert [v.reason for v in history] == ["", "Tiếp thu ý kiến thẩm định"]
    with db.read() as s:
        assert verify_chain(s) == []
