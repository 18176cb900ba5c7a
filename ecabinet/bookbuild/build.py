"""`build_board_book`: one reader's bộ tài liệu of a session, compiled into one PDF and written atomically."""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from ecabinet.audit import record_event
from ecabinet.bookbuild.assemble import Assembler, OpenedDocument
from ecabinet.bookbuild.geometry import frame_of
from ecabinet.bookbuild.layout import DocumentPages, footer_label, render_stamps
from ecabinet.bookbuild.plan import BookDocument, plan_board_book
from ecabinet.db import Database
from ecabinet.errors import DomainError
from ecabinet.model import Classification
from ecabinet.services.actor import Actor

Progress = Callable[[int, str], None]


class Cancelled(Exception):
    """The user stopped the build: no file was left behind and nothing was recorded."""


@dataclass(frozen=True)
class BookEntry:
    """A document as it stands in the book."""

    document_id: uuid.UUID
    version_id: uuid.UUID
    item_number: str
    title: str
    classification: Classification
    first_page: int  # 1-based, as the contents and the footers number the pages
    page_count: int


@dataclass(frozen=True)
class BoardBookResult:
    path: Path
    session_id: uuid.UUID
    reader_id: uuid.UUID
    reader_name: str
    page_count: int
    sha256: str
    size: int
    documents: tuple[BookEntry, ...]
    without_file: tuple[str, ...]  # documents the reader may see that have no file yet (left out)


def build_board_book(
    database: Database,
    actor: Actor,
    session_id: uuid.UUID,
    reader_id: uuid.UUID,
    out_path: str | Path,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    printed_at: datetime | None = None,
) -> BoardBookResult:
    """Compile `reader_id`'s board book of a session into `out_path`.

    The reader decides the content: the documents their distribution lets them see, in agenda order, after
    a cover and a table of contents; classified documents carry their mark and a watermark with the
    reader's name. `actor` must be the reader or the secretariat. Runs in a worker thread: it opens its own
    units of work, reports `progress(percent, text)` per document and stops (raising `Cancelled`, leaving no
    file) when `cancelled()` turns true. The export is recorded in the audit log ("bookbuild").
    """
    report = progress or (lambda _percent, _text: None)
    is_cancelled = cancelled or (lambda: False)

    def check() -> None:
        if is_cancelled():
            raise Cancelled()

    out = Path(out_path)
    if not out.parent.is_dir():  # say so now, not after the whole book is built
        raise DomainError("disk_write_failed", reason=f"no such folder: {out.parent}")
    if out.is_dir():
        raise DomainError("disk_write_failed", reason=f"{out} is a folder")
    printed_at = printed_at or datetime.now(UTC)
    with database.read() as s:
        plan = plan_board_book(s, actor, session_id, reader_id)

    documents = plan.documents
    opened: list[OpenedDocument] = []
    for n, doc in enumerate(documents):
        check()
        report(30 * n // len(documents), f"Đọc tài liệu {n + 1}/{len(documents)}: {doc.title}")
        opened.append(_open(database, doc))

    check()
    report(30, "Dựng bìa, mục lục và dấu trang")
    stamps = render_stamps(plan, [DocumentPages(o.document, o.frames) for o in opened], printed_at, check)
    assembler = Assembler(stamps)
    assembler.add_front_matter()
    for n, o in enumerate(opened):
        check()
        report(40 + 50 * n // len(opened), f"Ghép tài liệu {n + 1}/{len(opened)}: {o.document.title}")
        try:
            start = assembler.add_document(o)
        except (DomainError, Cancelled):
            raise
        except Exception as exc:  # pypdf met something in this file it cannot copy
            raise DomainError("bookbuild_bad_pdf", title=o.document.title, reason=_reason(exc)) from exc
        if start != stamps.first_pages[n]:
            raise RuntimeError(f"{o.document.title}: expected at page {stamps.first_pages[n]}, got {start}")
    assembler.add_outline(plan, opened, stamps.first_pages)
    assembler.add_toc_links()
    writer = assembler.writer
    writer.add_metadata(
        {
            "/Title": f"Bộ tài liệu — {footer_label(plan.session_title)}",
            "/Subject": f"Bản của: {plan.reader_name}",
            "/Creator": "e-Cabinet",
        }
    )
    writer.page_mode = "/UseOutlines"

    report(90, "Ghi tệp bộ tài liệu")
    check()
    tmp, sha256, size = _write_temporary(writer, out)
    try:
        check()  # a cancel during the write (which pypdf cannot stop) still leaves nothing behind
        numbers = {d.id: item.number for item in plan.items for d in item.documents}
        entries = tuple(
            BookEntry(
                o.document.id,
                o.document.version_id,
                numbers[o.document.id],
                o.document.title,
                o.document.classification,
                first + 1,
                len(o.frames),
            )
            for o, first in zip(opened, stamps.first_pages, strict=True)
        )
        # Recorded before the file appears under its name: an exported copy is never untraceable.
        with database.write(actor) as s:
            record_event(
                s,
                "bookbuild",
                "sessions",
                str(plan.session_id),
                {
                    "reader_id": str(plan.reader_id),
                    "reader": plan.reader_name,
                    "sha256": sha256,
                    "pages": stamps.total_pages,
                    "size": size,
                    "file": out.name,
                    "versions": [str(e.version_id) for e in entries],
                },
            )
        try:
            os.replace(tmp, out)
        except OSError as exc:  # recorded, not written: the log then holds one copy too many, never too few
            raise DomainError("disk_write_failed", reason=exc.strerror or str(exc)) from exc
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    report(100, "Đã tạo bộ tài liệu")
    return BoardBookResult(
        out,
        plan.session_id,
        plan.reader_id,
        plan.reader_name,
        stamps.total_pages,
        sha256,
        size,
        entries,
        plan.without_file,
    )


def _reason(exc: BaseException) -> str:
    return str(exc).strip() or type(exc).__name__


def _open(database: Database, doc: BookDocument) -> OpenedDocument:
    data = database.blobs.read(doc.sha256)  # checks the hash: a damaged file is refused, not compiled
    try:
        reader = PdfReader(BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DomainError("bookbuild_encrypted", title=doc.title)
        frames = tuple(frame_of(page) for page in reader.pages)
    except DomainError:
        raise
    except Exception as exc:
        raise DomainError("bookbuild_bad_pdf", title=doc.title, reason=_reason(exc)) from exc
    if not frames:
        raise DomainError("bookbuild_bad_pdf", title=doc.title, reason="no pages")
    return OpenedDocument(doc, reader, frames)


def _write_temporary(writer: PdfWriter, out: Path) -> tuple[str, str, int]:
    """Write to a temporary file beside `out` (so the rename is atomic); (its path, SHA-256, size)."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
    except OSError as exc:
        raise DomainError("disk_write_failed", reason=f"{exc.strerror or exc}: {out.parent}") from exc
    try:
        # pypdf writes in many small pieces: straight into a buffered file, they cost nothing extra.
        with os.fdopen(fd, "wb", buffering=1 << 20) as raw:
            writer.write(raw)
            raw.flush()
            os.fsync(raw.fileno())
        digest = hashlib.sha256()
        with open(tmp, "rb") as written:  # what is on disk is what the audit log vouches for
            while chunk := written.read(1 << 20):
                digest.update(chunk)
        size = os.path.getsize(tmp)
    except OSError as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise DomainError("disk_write_failed", reason=exc.strerror or str(exc)) from exc
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return tmp, digest.hexdigest(), size
