"""A 1,000-page board book with a watermark on every page, against `qpdf --overlay` of the same stamp.

Data: 20 generated Vietnamese dossiers of 50 A4 pages each (the demo's `render_dossier`), all on classified
items distributed to one minister, in one published session built through the services, each with the
outline that import records (`pdf_facts`, as `ecabinet.agenda.importer` does); cached under
bench/out/ keyed by the data version and the migrations (`--fresh` rebuilds it). Each run works on a copy,
so the audit events our side records do not pile up in the cache.

Ours: `build_board_book` — read and check the 20 files from the file store, draw cover, contents and 1,000
stamp pages (footer "… — trang x/y", the boxed mark, the diagonal watermark with the reader's name), lay
each stamp over its page, outline, links, write the file atomically, record the audit event.

Reference: `qpdf` lays one stamp page (the same watermark, mark and footer, drawn by the same code) over
the same 1,000 pages, already concatenated into one file before timing (`--overlay … --repeat=1`). That is
the bound's comparison. Two informational rows: qpdf also concatenating the 20 files in the same run, and
our book from files whose outline was not recorded at import, so each file's outline is parsed (about
2,500 outline entries here, each read by pypdf).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

from bench.harness import Context, Measurement, benchmark, require_command

N_DOCUMENTS = 20
PAGES_EACH = 50
DATA_VERSION = "bookbuild-v3"
BOUND = 3.0
PRINTED_AT = datetime(2026, 11, 20, 2, 30, tzinfo=UTC)
SESSION_TITLE = "Phiên họp Chính phủ thường kỳ tháng 11 năm 2026"
READER = "Hồ Đức Tài"
READER_TITLE = "Bộ trưởng Bộ Tài chính"


@dataclass(frozen=True)
class Fixture:
    home: Path
    officer_id: uuid.UUID
    reader_id: uuid.UUID
    session_id: uuid.UUID
    unrecorded_session_id: uuid.UUID  # the same files without a recorded outline
    documents: tuple[Path, ...]  # the same files, as plain PDFs for qpdf
    pages: Path  # all of them concatenated (qpdf's input)


def _cache_key() -> str:
    from ecabinet.db import MIGRATIONS

    digest = hashlib.sha256(f"{DATA_VERSION}:{N_DOCUMENTS}x{PAGES_EACH}".encode())
    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def fixture(ctx: Context) -> Fixture:
    target = ctx.out_dir / f"bookbuild-{_cache_key()}"
    if ctx.fresh and target.exists():
        shutil.rmtree(target)
    if not (target / "manifest.json").exists():
        for stale in ctx.out_dir.glob("bookbuild-*"):
            shutil.rmtree(stale, ignore_errors=True)
        _build(target, ctx)
    manifest = json.loads((target / "manifest.json").read_text())
    return Fixture(
        target / "home",
        uuid.UUID(manifest["officer_id"]),
        uuid.UUID(manifest["reader_id"]),
        uuid.UUID(manifest["session_id"]),
        uuid.UUID(manifest["unrecorded_session_id"]),
        tuple(target / "pdf" / name for name in manifest["documents"]),
        target / "pdf" / "pages.pdf",
    )


def _build(target: Path, ctx: Context) -> None:
    from ecabinet.agenda import documents as D
    from ecabinet.agenda import items as I
    from ecabinet.agenda import sessions as S
    from ecabinet.db import Database
    from ecabinet.demo.dossiers import render_dossier
    from ecabinet.model import Classification, DocumentKind, OrgKind, Role, SessionKind
    from ecabinet.pdf.inspect import pdf_facts
    from ecabinet.services import members as M
    from ecabinet.services.actor import load_actor

    qpdf = require_command("qpdf", "apt-get install qpdf")
    scratch = target.with_name(f"{target.name}.tmp{os.getpid()}")
    shutil.rmtree(scratch, ignore_errors=True)
    (scratch / "home").mkdir(parents=True)
    (scratch / "pdf").mkdir()
    ctx.progress(f"rendering {N_DOCUMENTS} dossiers of {PAGES_EACH} pages")
    started = time.perf_counter()
    kinds = ("submission", "draft", "appraisal", "annex")
    files: list[tuple[str, Path]] = []
    for n in range(N_DOCUMENTS):
        title = f"Tài liệu {n + 1:02d}: dự án Luật sửa đổi, bổ sung một số điều (hồ sơ số {n + 1})"
        data = render_dossier(kinds[n % 4], title, "BTC", PAGES_EACH, SESSION_TITLE, seed=n)
        path = scratch / "pdf" / f"doc{n + 1:02d}.pdf"
        path.write_bytes(data)
        files.append((title, path))
    subprocess.run(
        [qpdf, "--empty", "--pages", *(str(p) for _t, p in files), "--", str(scratch / "pdf" / "pages.pdf")],
        check=True,
    )

    database = Database(f"sqlite:///{scratch / 'home' / 'ecabinet.db'}", scratch / "home")
    with database.write(None) as s:
        leader_id = M.bootstrap_secretariat(s, "Lê Thị Lãnh Đạo", "Vụ trưởng Vụ Tổng hợp").id
    with database.read() as s:
        leader = load_actor(s, leader_id)
    with database.write(leader) as s:
        org = M.add_organisation(s, leader, "BTC", "Bộ Tài chính", "Tài chính", OrgKind.MINISTRY).id
        officer_id = M.add_member(s, leader, "Trần Văn Chuyên", "Chuyên viên", Role.SECRETARIAT).id
        M.add_member(s, leader, "Phạm Minh Thủ", "Thủ tướng Chính phủ", Role.MEMBER, None, True, True)
        reader_id = M.add_member(s, leader, READER, READER_TITLE, Role.MEMBER, org, True).id
    with database.read() as s:
        officer = load_actor(s, officer_id)
    session_ids = []
    for recorded in (True, False):  # the second session's files have no recorded outline: read from the file
        with database.write(officer) as s:
            session = S.create_session(
                s, officer, SESSION_TITLE, SessionKind.REGULAR, PRINTED_AT, place="Trụ sở Chính phủ, Hà Nội"
            )
            session_ids.append(session.id)
            for k in range(N_DOCUMENTS // 2):
                item = I.add_item(
                    s,
                    officer,
                    session.id,
                    f"Nội dung {k + 1}: dự án Luật sửa đổi, bổ sung",
                    classification=Classification.CONFIDENTIAL,
                )
                for title, path in files[2 * k : 2 * k + 2]:
                    sha = database.blobs.put_file(path)
                    pages, outline = pdf_facts(path.read_bytes())
                    doc = D.add_document(
                        s,
                        officer,
                        item.id,
                        title,
                        sha,
                        path.name,
                        path.stat().st_size,
                        pages,
                        kind=DocumentKind.SUBMISSION,
                        outline=outline if recorded else None,
                    )
                    D.set_distribution(s, officer, doc.id, [reader_id])
            S.publish_session(s, officer, session.id)
    with database.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    manifest = {
        "data_version": DATA_VERSION,
        "officer_id": str(officer_id),
        "reader_id": str(reader_id),
        "session_id": str(session_ids[0]),
        "unrecorded_session_id": str(session_ids[1]),
        "documents": [p.name for _t, p in files],
        "built_seconds": round(time.perf_counter() - started, 1),
    }
    (scratch / "manifest.json").write_text(json.dumps(manifest, indent=2))
    os.replace(scratch, target)
    ctx.progress(f"built in {manifest['built_seconds']} s, cached in {target}")


def _stamp_page(path: Path, total: int) -> None:
    """The reference's overlay: the stamp our book puts on a page of a MẬT document, by the same code."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from ecabinet.bookbuild.layout import draw_footer, draw_mark, draw_watermark, footer_label, short_date
    from ecabinet.pdf.fonts import register_fonts

    fonts = register_fonts()
    buffer = BytesIO()
    c = Canvas(buffer, pagesize=A4, invariant=True, initialFontName=fonts.regular)
    when = PRINTED_AT.astimezone()
    detail = f"{READER_TITLE} — {short_date(when)} {when:%H:%M}"
    draw_watermark(c, fonts, f"Bản của: {READER}", detail, *A4)
    draw_mark(c, fonts, "MẬT", *A4)
    draw_footer(c, fonts, footer_label(SESSION_TITLE), 3, total, A4[0])
    c.showPage()
    c.save()
    path.write_bytes(buffer.getvalue())


@benchmark("bookbuild", "1,000-page board book with watermark vs qpdf --overlay of the same stamp")
def bookbuild_benchmark(ctx: Context) -> list[Measurement]:
    from pypdf import PdfReader

    from ecabinet.bookbuild import BoardBookResult, build_board_book
    from ecabinet.db import Database
    from ecabinet.services.actor import load_actor

    qpdf = require_command("qpdf", "apt-get install qpdf")
    fx = fixture(ctx)
    run = ctx.out_dir / f"bookbuild-run{os.getpid()}"
    shutil.rmtree(run, ignore_errors=True)
    shutil.copytree(fx.home, run / "home")
    database = Database(f"sqlite:///{run / 'home' / 'ecabinet.db'}", run / "home")
    try:
        with database.read() as s:
            officer = load_actor(s, fx.officer_id)
        book, overlaid, overlaid2 = run / "book.pdf", run / "qpdf-overlay.pdf", run / "qpdf-pages-overlay.pdf"
        stamp = run / "stamp.pdf"
        _stamp_page(stamp, 2 + N_DOCUMENTS * PAGES_EACH)

        def build(session_id: uuid.UUID) -> BoardBookResult:
            return build_board_book(database, officer, session_id, fx.reader_id, book, printed_at=PRINTED_AT)

        def ours() -> BoardBookResult:
            return build(fx.session_id)

        def ours_unrecorded() -> BoardBookResult:
            return build(fx.unrecorded_session_id)

        def qpdf_overlay() -> object:
            return subprocess.run(
                [qpdf, str(fx.pages), "--overlay", str(stamp), "--repeat=1", "--", str(overlaid)], check=True
            )

        def qpdf_pages_overlay() -> object:
            files = [str(p) for p in fx.documents]
            command = [qpdf, "--empty", "--pages", *files, "--", "--overlay", str(stamp), "--repeat=1", "--"]
            return subprocess.run([*command, str(overlaid2)], check=True)

        # Honesty check: both sides stamp the same 1,000 pages; our books keep the documents' outlines.
        qpdf_overlay()
        qpdf_pages_overlay()
        ref_pdf = PdfReader(str(overlaid))
        assert len(ref_pdf.pages) == len(PdfReader(str(overlaid2)).pages) == N_DOCUMENTS * PAGES_EACH
        for build_one in (ours_unrecorded, ours):
            result = build_one()
            assert result.page_count == 2 + N_DOCUMENTS * PAGES_EACH
            ours_pdf = PdfReader(str(book))
            for n in (0, 499, 999):
                mine, theirs = ours_pdf.pages[2 + n].extract_text(), ref_pdf.pages[n].extract_text()
                assert f"Bản của: {READER}" in mine and f"Bản của: {READER}" in theirs, n
                assert f"trang {n + 3}/{result.page_count}" in mine, n
            own_outline = ours_pdf.outline[2][1]  # item 1's first document's own entries
            assert isinstance(own_outline, list) and len(own_outline) > 10, "the documents' outlines are kept"
        return [
            ctx.compare("book_1000_pages", ours, "qpdf --overlay (1 file)", qpdf_overlay, BOUND),
            ctx.compare("book_1000_pages", ours, "qpdf --pages + --overlay", qpdf_pages_overlay, None),
            ctx.compare(
                "book_1000_pages_outline_from_files", ours_unrecorded, "qpdf --overlay (1 file)", qpdf_overlay
            ),
        ]
    finally:
        database.close()
        shutil.rmtree(run, ignore_errors=True)
