"""Nhập hồ sơ: check PDF files before anything is stored, then attach the sound ones to an agenda item.

Each file is read fully before anything is stored, so a damaged file is refused at import, with a reason,
instead of failing later in a reader, a board book or a watermark. pypdf checks the structure (trailer and
cross-references, the page tree and every page object, encryption, the outline, risks) and that every page's
content streams decode (`ecabinet.pdf.streams`); PDFium, the engine of the reader, then loads every page and
its text (`ecabinet.pdf.text`), which is also the text the search index takes in. A refused file leaves
nothing behind; the other files of the same import go on. An encrypted file is stored as a decrypted copy (it
must be searchable, printable and compiled into board books). Risks that do not block the import (embedded
files, JavaScript, launch actions, forms) come back as warnings.

Written for a worker thread: `import_files` takes `progress(done, total, text)` and `cancelled() -> bool`,
and commits each good file, with its text in the search index, in its own unit of work.
"""

from __future__ import annotations

import gc
import io
import logging
import uuid
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import Any

from pypdf import PasswordType, PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ecabinet.agenda.documents import add_document, replace_document
from ecabinet.agenda.items import _load_item
from ecabinet.agenda.sessions import DocumentInfo
from ecabinet.agenda.visibility import check_document_visible
from ecabinet.db import Database
from ecabinet.errors import DomainError, InvalidInput
from ecabinet.messages import render
from ecabinet.model import Classification, Document, DocumentKind, DocumentVersion, SearchVersion
from ecabinet.pdf.inspect import outline_of
from ecabinet.pdf.streams import check_page_contents
from ecabinet.pdf.text import PageUnreadable, TextCancelled, read_text
from ecabinet.search.index import PreparedText, prepare_pdf_text, write_text
from ecabinet.services.actor import Actor, Permission, require
from ecabinet.storage.blobs import sha256_bytes

# A setting: the largest file accepted (callers pass their own `max_bytes`).
DEFAULT_MAX_BYTES = 200 * 1024 * 1024

# How many objects the risk scan visits at most (a hostile file could be built to make it walk forever).
_SCAN_LIMIT = 200_000
_MB = 1024 * 1024

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]

# pypdf logs its repairs of damaged files; the reason a file is refused is reported by us, once.
logging.getLogger("pypdf").addHandler(logging.NullHandler())


@dataclass(frozen=True)
class Notice:
    """A refusal or a warning about one file: a stable code and its text in both languages."""

    code: str
    en: str
    vi: str

    @classmethod
    def of(cls, code: str, **params: Any) -> Notice:
        return cls(code, render(code, "en", params), render(code, "vi", params))

    def text(self, lang: str = "vi") -> str:
        return self.vi if lang == "vi" else self.en


class ImportRefused(DomainError):
    """A file that cannot be stored: not a PDF, damaged, encrypted without the password, too large, …"""

    @property
    def notice(self) -> Notice:
        return Notice.of(self.code, **self.params)


class ImportCancelled(Exception):
    """The user cancelled while a file was being checked; nothing was stored for it."""


@dataclass(frozen=True)
class CheckedPdf:
    """A PDF that passed the checks, with the bytes to store (a decrypted copy if the file was encrypted)."""

    data: bytes
    sha256: str
    page_count: int
    outline: list[dict[str, Any]]
    warnings: tuple[Notice, ...]
    decrypted: bool
    texts: tuple[str, ...] = ()  # every page's text as PDFium reads it, for the search index

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass(frozen=True)
class FileOutcome:
    """What became of one file: the stored document with its warnings, or why it was refused."""

    path: str
    filename: str
    document: DocumentInfo | None
    warnings: tuple[Notice, ...] = ()
    refusal: Notice | None = None

    @property
    def stored(self) -> bool:
        return self.document is not None


@dataclass(frozen=True)
class ImportReport:
    outcomes: tuple[FileOutcome, ...]
    cancelled: bool = False  # the files after the last outcome were not looked at

    @property
    def stored(self) -> tuple[FileOutcome, ...]:
        return tuple(o for o in self.outcomes if o.stored)

    @property
    def refused(self) -> tuple[FileOutcome, ...]:
        return tuple(o for o in self.outcomes if not o.stored)


@dataclass(frozen=True)
class ReplaceResult:
    document: DocumentInfo
    warnings: tuple[Notice, ...] = ()


# --- checking one file ---------------------------------------------------------------------------------


@contextmanager
def _quiet() -> Iterator[None]:
    """pypdf warns about what it repairs; under `filterwarnings=error` (and in the app) that is noise."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """pypdf builds hundreds of thousands of small containers while it reads a large file, and every few
    hundred of them the cyclic garbage collector may walk the whole heap (the app's and earlier readers'
    objects too): up to 100 ms more for a 500-page file, at random. The reader's own cycles are collected
    afterwards as usual. Process-wide, so the state found is restored, never forced on."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 160 else text[:157] + "…"


def _open_encrypted(reader: PdfReader, password: str | None) -> None:
    """Decrypt `reader` in place or refuse. A file with only an owner password opens with ""."""
    for attempt in ([password] if password else []) + [""]:
        if reader.decrypt(attempt) != PasswordType.NOT_DECRYPTED:
            return
    raise ImportRefused("pdf_wrong_password" if password else "pdf_encrypted")


def _check_pages(reader: PdfReader, cancelled: Cancelled | None) -> int:
    """Load every page object and decode its content streams, so damage shows now rather than later.

    The operators are parsed only where the compressed data alone cannot vouch for a stream (see
    `ecabinet.pdf.streams`; pypdf parses in Python, 3 ms a page): PDFium loads every page and its text
    afterwards, as the reader will.
    """
    count = 0
    for page in reader.pages:
        if cancelled is not None and cancelled():
            raise ImportCancelled
        _ = page.mediabox
        try:
            check_page_contents(page)
        except Exception as exc:  # StreamDamaged, or what pypdf's decoder and parser raise
            raise ImportRefused("pdf_damaged", reason=f"page {count + 1}: {_reason(exc)}") from exc
        count += 1
    return count


def _read_texts(data: bytes, page_count: int, cancelled: Cancelled | None) -> tuple[str, ...]:
    """Every page's text through PDFium; a page it cannot load, or whose text it cannot read, is damage."""
    try:
        texts = read_text(data, cancelled, strict=True).pages
    except TextCancelled:
        raise ImportCancelled from None
    except PageUnreadable as exc:
        raise ImportRefused("pdf_damaged", reason=str(exc)) from exc
    except Exception as exc:  # PDFium cannot open what pypdf repaired
        raise ImportRefused("pdf_damaged", reason=f"PDFium: {_reason(exc)}") from exc
    if len(texts) != page_count:
        raise ImportRefused("pdf_damaged", reason=f"PDFium finds {len(texts)} of the {page_count} pages")
    return texts


def _resolved(obj: Any) -> Any:
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def _filespec_name(spec: DictionaryObject) -> str:
    for key in ("/UF", "/F"):
        value = _resolved(spec.get(key))
        if isinstance(value, str) and value:
            return value
    return "?"


def _risks(reader: PdfReader) -> tuple[Notice, ...]:
    """Walk every object reachable from the catalog looking for active or hidden content."""
    attachments: list[str] = []
    javascript = launch = False
    submit_targets: list[str] = []
    stack: list[Any] = [reader.trailer.get("/Root")]
    seen: set[tuple[int, int]] = set()
    visited = 0
    while stack and visited < _SCAN_LIMIT:
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            key = (obj.idnum, obj.generation)
            if key in seen:
                continue
            seen.add(key)
            obj = obj.get_object()
        if isinstance(obj, DictionaryObject):
            visited += 1
            action = obj.get("/S")
            if action == "/JavaScript" or "/JS" in obj:
                javascript = True
            elif action == "/Launch":
                launch = True
            elif action == "/SubmitForm":
                target = _resolved(obj.get("/F"))
                name = _filespec_name(target) if isinstance(target, DictionaryObject) else str(target or "?")
                submit_targets.append(name)
            if "/EF" in obj:
                attachments.append(_filespec_name(obj))
            stack.extend(v for k, v in obj.items() if k != "/Parent")
        elif isinstance(obj, ArrayObject):
            stack.extend(obj)
    notices: list[Notice] = []
    if attachments:
        notices.append(Notice.of("pdf_has_attachments", names=", ".join(sorted(set(attachments)))))
    root = _resolved(reader.trailer["/Root"])
    names = _resolved(root.get("/Names"))
    if javascript or (isinstance(names, DictionaryObject) and "/JavaScript" in names):
        notices.append(Notice.of("pdf_has_javascript"))
    if launch:
        notices.append(Notice.of("pdf_has_launch"))
    form = _resolved(root.get("/AcroForm"))
    if isinstance(form, DictionaryObject):
        fields = reader.get_fields() or {}
        if fields or "/XFA" in form:
            notices.append(Notice.of("pdf_has_forms", count=len(fields)))
    for target in sorted(set(submit_targets)):
        notices.append(Notice.of("pdf_submits_data", target=target))
    return tuple(notices)


def _decrypted_copy(reader: PdfReader) -> bytes:
    out = io.BytesIO()
    PdfWriter(clone_from=reader).write(out)
    return out.getvalue()


def check_pdf(
    data: bytes,
    password: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cancelled: Cancelled | None = None,
) -> CheckedPdf:
    """Check a file's bytes; return what to store, or raise `ImportRefused` naming the cause.

    Never raises anything else for any input (pypdf's own errors and the TypeError, KeyError, RecursionError…
    it lets through on damaged files all become "damaged"), except `ImportCancelled` when `cancelled()`.
    """
    if len(data) > max_bytes:
        raise ImportRefused(
            "pdf_too_large", size_mb=f"{len(data) / _MB:.1f}", limit_mb=f"{max_bytes / _MB:.0f}"
        )
    if b"%PDF-" not in data[:1024]:
        raise ImportRefused("pdf_not_pdf")
    decrypted = False
    with _quiet(), _without_cycle_collection():
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                _open_encrypted(reader, password)
                data = _decrypted_copy(reader)
                reader = PdfReader(io.BytesIO(data), strict=False)
                decrypted = True
            if len(reader.pages) == 0:
                raise ImportRefused("pdf_no_pages")
            page_count = _check_pages(reader, cancelled)
            outline = outline_of(reader)
            risks = _risks(reader)
        except (ImportRefused, ImportCancelled):
            raise
        except Exception as exc:  # pypdf raises far more than PdfReadError on damaged input
            raise ImportRefused("pdf_damaged", reason=_reason(exc)) from exc
        texts = _read_texts(data, page_count, cancelled)
    notices = (Notice.of("pdf_decrypted"),) if decrypted else ()
    return CheckedPdf(data, sha256_bytes(data), page_count, outline, notices + risks, decrypted, texts)


def check_file(
    path: Path,
    password: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cancelled: Cancelled | None = None,
) -> CheckedPdf:
    """`check_pdf` on a file; its size is checked before it is read into memory."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ImportRefused(
                "pdf_too_large", size_mb=f"{size / _MB:.1f}", limit_mb=f"{max_bytes / _MB:.0f}"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise ImportRefused("file_unreadable", reason=exc.strerror or _reason(exc)) from exc
    return check_pdf(data, password, max_bytes, cancelled)


# --- storing ---------------------------------------------------------------------------------------------


def _title_for(path: Path) -> str:
    stem = " ".join(path.stem.replace("_", " ").split())
    return (stem or path.name)[:500]


def _index(session: Session, info: DocumentInfo, text: PreparedText) -> None:
    """The new version's text into the search index, in the unit of work that adds it: searchable at once,
    and a version is never indexed without being stored (the index is not audited: no events for it)."""
    assert info.version_id is not None  # a document just stored has its version
    write_text(session, info.version_id, info.title, text)


def _refuse_duplicate(session: Session, item_id: uuid.UUID, sha256: str) -> None:
    same = session.execute(
        select(Document.title, DocumentVersion.number)
        .join(DocumentVersion, DocumentVersion.document_id == Document.id)
        .where(Document.item_id == item_id, DocumentVersion.sha256 == sha256)
        .order_by(DocumentVersion.number.desc())
        .limit(1)
    ).first()
    if same is not None:
        raise ImportRefused("pdf_duplicate", title=same.title, number=same.number)


def import_files(
    database: Database,
    actor: Actor,
    item_id: uuid.UUID,
    paths: Sequence[str | PathLike[str]],
    titles: Sequence[str] | None = None,
    password: str | None = None,
    kind: DocumentKind = DocumentKind.OTHER,
    classification: Classification = Classification.NORMAL,
    for_guests: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportReport:
    """Check each file and attach the sound ones to the item as new documents, one unit of work per file.

    Raises a `DomainError` before touching any file when the actor may not prepare sessions or the item's
    session can no longer be edited; afterwards every problem is reported per file in the `ImportReport`.
    """
    files = [Path(p) for p in paths]
    if titles is not None and len(titles) != len(files):
        raise InvalidInput("field_invalid", field="title", reason="give one title per file")
    with database.read() as s:
        _load_item(s, actor, item_id)
    outcomes: list[FileOutcome] = []
    stopped = False
    for n, path in enumerate(files):
        if cancelled is not None and cancelled():
            stopped = True
            break
        if progress is not None:
            progress(n, len(files), path.name)
        title = titles[n] if titles is not None else _title_for(path)
        try:
            checked = check_file(path, password, max_bytes, cancelled)
            text = prepare_pdf_text(checked.texts)  # outside the unit of work: it holds the write lock
            sha = database.blobs.put(checked.data)  # before the row: a committed row never lacks its file
            with database.write(actor) as s:
                _refuse_duplicate(s, item_id, sha)
                info = add_document(
                    s,
                    actor,
                    item_id,
                    title,
                    sha,
                    path.name[:300],
                    checked.size,
                    checked.page_count,
                    kind=kind,
                    classification=classification,
                    outline=checked.outline,
                    for_guests=for_guests,
                )
                _index(s, info, text)
        except ImportCancelled:
            stopped = True
            break
        except DomainError as exc:
            outcomes.append(FileOutcome(str(path), path.name, None, (), Notice.of(exc.code, **exc.params)))
            continue
        outcomes.append(FileOutcome(str(path), path.name, info, checked.warnings))
    if progress is not None:
        progress(len(outcomes), len(files), "")
    return ImportReport(tuple(outcomes), stopped)


def replace_from_file(
    database: Database,
    actor: Actor,
    document_id: uuid.UUID,
    path: str | PathLike[str],
    reason: str,
    expected_version: int | None = None,
    password: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cancelled: Cancelled | None = None,
) -> ReplaceResult:
    """A new version of a document from a file, with the reason; raises `ImportRefused` naming the cause."""
    file = Path(path)
    if not reason.strip():
        raise InvalidInput("field_required", field="reason")
    with database.read() as s:
        require(s, actor, Permission.MANAGE_SESSIONS)
        doc = check_document_visible(s, actor, document_id)
        _load_item(s, actor, doc.item_id)
    checked = check_file(file, password, max_bytes, cancelled)
    text = prepare_pdf_text(checked.texts)
    sha = database.blobs.put(checked.data)
    with database.write(actor) as s:
        current = s.execute(
            select(Document.title, DocumentVersion.id, DocumentVersion.sha256)
            .join(DocumentVersion, DocumentVersion.id == Document.current_version_id)
            .where(Document.id == document_id)
        ).first()
        if current is not None and current.sha256 == sha:
            raise ImportRefused("pdf_same_as_current", title=current.title)
        info = replace_document(
            s,
            actor,
            document_id,
            expected_version,
            sha,
            file.name[:300],
            checked.size,
            checked.page_count,
            reason,
            outline=checked.outline,
        )
        if current is not None:  # the version replaced leaves the index with it
            s.execute(delete(SearchVersion).where(SearchVersion.version_id == current.id))
        _index(s, info, text)
    return ReplaceResult(info, checked.warnings)
