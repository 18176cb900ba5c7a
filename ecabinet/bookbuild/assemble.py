"""Put the board book together with pypdf: front matter, the documents' pages each with its stamp, the outline.

A stamp becomes a small form XObject whose /Matrix turns it upright onto its page; the page's own content is
wrapped in q … Q (so whatever state it leaves cannot skew the stamp) and followed by one `Do`. The "q" and
"Q … Do" streams are shared by all pages and so are the stamps' resources, so a page costs one new object:
about the work of `qpdf --overlay`, without parsing or rewriting any content stream.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO
from typing import Any, cast

from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Link
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    Fit,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
    PdfObject,
    StreamObject,
    TextStringObject,
)

from ecabinet.bookbuild.geometry import PageFrame
from ecabinet.bookbuild.layout import PageStamp, Stamps
from ecabinet.bookbuild.plan import BookDocument, BookPlan

STAMP_NAME = "/EcabBookStamp"
_MAX_OUTLINE_DEPTH = 32  # deeper than any real document; guards against malformed (cyclic) outlines
_FIT = ArrayObject([NameObject("/Fit")])


@dataclass(frozen=True)
class OpenedDocument:
    document: BookDocument
    reader: PdfReader
    frames: tuple[PageFrame, ...]


def _stream(data: bytes) -> DecodedStreamObject:
    stream = DecodedStreamObject()
    stream.set_data(data)
    return stream


def _numbers(values: Sequence[float]) -> ArrayObject:
    return ArrayObject([FloatObject(round(v, 4)) for v in values])


class Assembler:
    """Builds the book in a `PdfWriter`: front matter first, then each document in book order."""

    def __init__(self, stamps: Stamps) -> None:
        self.writer = PdfWriter()
        self.stamps = stamps
        self.source = PdfReader(BytesIO(stamps.pdf))
        self._open = self.writer._add_object(_stream(b"q\n"))
        self._close = self.writer._add_object(_stream(f"\nQ\n{STAMP_NAME} Do\n".encode()))
        self._next_stamp = 0
        self._fonts: PdfObject | None = None
        self._resources: dict[int | None, IndirectObject] = {}

    def add_front_matter(self) -> None:
        self.writer.append(self.source, pages=(0, self.stamps.front_pages), import_outline=False)
        # reportlab gives every page one font dictionary with all the subsets, the footers' among them.
        resources = cast(DictionaryObject, self.source.pages[0]["/Resources"])
        fonts = resources.raw_get("/Font").clone(self.writer)
        self._fonts = fonts if isinstance(fonts, IndirectObject) else self.writer._add_object(fonts)

    def add_document(self, opened: OpenedDocument) -> int:
        """Append a document (with its links and form fields), stamp its pages; returns its first page index."""
        start = len(self.writer.pages)
        _resolve_named_links(opened.reader)
        self.writer.append(opened.reader, import_outline=False)
        for offset, frame in enumerate(opened.frames):
            self._stamp(self.writer.pages[start + offset], frame, self.stamps.pages[self._next_stamp])
            self._next_stamp += 1
        return start

    def _stamp_resources(self, template: int | None) -> IndirectObject:
        """The resources of the stamps that call `template` (or none): shared by all of those stamps."""
        ref = self._resources.get(template)
        if ref is not None:
            return ref
        if self._fonts is None:
            raise RuntimeError("add_front_matter() first")
        resources = DictionaryObject({NameObject("/Font"): self._fonts})
        if template is not None:
            page = self.source.pages[template]
            content = page.raw_get("/Contents").get_object()
            if not isinstance(content, StreamObject):  # reportlab writes one stream per page
                raise RuntimeError("unexpected template page layout")
            form = content.clone(self.writer)
            box = page.mediabox
            form[NameObject("/Type")] = NameObject("/XObject")
            form[NameObject("/Subtype")] = NameObject("/Form")
            form[NameObject("/BBox")] = _numbers((0, 0, float(box.width), float(box.height)))
            form[NameObject("/Resources")] = page.raw_get("/Resources").clone(self.writer)
            xobjects = DictionaryObject({NameObject("/EcabWm"): self.writer._add_object(form)})
            resources[NameObject("/XObject")] = xobjects
        ref = self._resources[template] = self.writer._add_object(resources)
        return ref

    def _stamp(self, page: Any, frame: PageFrame, stamp: PageStamp) -> None:
        form = _stream(stamp.content)
        form[NameObject("/Type")] = NameObject("/XObject")
        form[NameObject("/Subtype")] = NameObject("/Form")
        form[NameObject("/BBox")] = _numbers((0, 0, frame.width, frame.height))
        form[NameObject("/Matrix")] = _numbers(frame.matrix)
        form[NameObject("/Resources")] = self._stamp_resources(stamp.watermark)
        form_ref = self.writer._add_object(form)

        # The page's resources may be shared with other pages (or inherited): give this page its own copy.
        resources = page.get("/Resources")
        resources = DictionaryObject(resources.get_object()) if resources is not None else DictionaryObject()
        xobjects = resources.get("/XObject")
        xobjects = DictionaryObject(xobjects.get_object()) if xobjects is not None else DictionaryObject()
        name, close = STAMP_NAME, self._close
        if name in xobjects:  # the document already uses our name (a board book compiled into another)
            n = 1
            while f"{STAMP_NAME}{n}" in xobjects:
                n += 1
            name = f"{STAMP_NAME}{n}"
            close = self.writer._add_object(_stream(f"\nQ\n{name} Do\n".encode()))
        xobjects[NameObject(name)] = form_ref
        resources[NameObject("/XObject")] = xobjects
        page[NameObject("/Resources")] = resources

        contents = ArrayObject([self._open])
        existing = page.raw_get("/Contents") if "/Contents" in page else None
        if existing is not None:
            resolved = existing.get_object()
            if isinstance(resolved, ArrayObject):
                contents.extend(resolved)
            else:
                contents.append(existing)
        contents.append(close)
        page[NameObject("/Contents")] = contents

    def add_outline(
        self, plan: BookPlan, documents: Sequence[OpenedDocument], first_pages: Sequence[int]
    ) -> None:
        """Mục lục, then per item (sub-items beneath their parent) its documents, each with its own outline."""
        w = self.writer
        w.add_outline_item(title="Mục lục", page_number=1, fit=Fit.fit())
        where = {d.document.id: (d, start) for d, start in zip(documents, first_pages, strict=True)}
        # An item's bookmark leads to its first document, or else its first sub-item's. Walked backwards, so
        # the earliest sub-item is the last to set its parent's page, and the parent's own documents win.
        first_of: dict[Any, int] = {}
        for item in reversed(plan.items):
            pages = [where[d.id][1] for d in item.documents if d.id in where]
            if pages:
                first_of[item.id] = pages[0]
            if item.parent_id is not None and item.id in first_of:
                first_of[item.parent_id] = first_of[item.id]
        entries: dict[Any, IndirectObject] = {}
        for item in plan.items:
            if item.id not in first_of:
                continue
            parent = entries.get(item.parent_id) if item.parent_id is not None else None
            entry = w.add_outline_item(
                title=f"{item.number}. {item.title}",
                page_number=first_of[item.id],
                parent=parent,
                bold=True,
                fit=Fit.fit(),
            )
            entries[item.id] = entry
            for doc in item.documents:
                if doc.id not in where:
                    continue
                opened, start = where[doc.id]
                mark = doc.classification.mark
                title = f"{doc.title} ({mark})" if doc.classification.is_classified else doc.title
                doc_entry = w.add_outline_item(
                    title=title, page_number=start, parent=entry, fit=Fit.fit(), is_open=False
                )
                copy = _OutlineCopy(w, opened.reader, start, len(opened.frames))
                if doc.outline is not None:
                    copy.stored(doc_entry, doc.outline)
                else:
                    copy.under(doc_entry)

    def add_toc_links(self) -> None:
        for link in self.stamps.links:
            self.writer.add_annotation(link.page, Link(rect=link.rect, target_page_index=link.target))


class _OutlineCopy:
    """A document's own outline, copied beneath a bookmark of the book: the hierarchy, titles, colours and
    views kept, each destination moved to the book's page. Entries are written closed (a long document's
    outline unfolded would bury the agenda), so the counts above the document's bookmark do not change."""

    def __init__(self, writer: PdfWriter, reader: PdfReader, start: int, count: int) -> None:
        self.writer = writer
        self.reader = reader
        self.pages = [writer.pages[start + k].indirect_reference for k in range(count)]
        self._index: dict[int, int] | None = None
        self._names: dict[str, Any] | None = None
        self._seen: set[int] = set()

    def stored(self, parent_ref: IndirectObject, nodes: list[dict[str, Any]], depth: int = 0) -> None:
        """From the outline the import recorded: no need to parse the file's outline objects again (a long
        document has thousands), at the price of the view within the page (each entry shows its whole page)."""
        made: list[tuple[IndirectObject, DictionaryObject]] = []
        for node in nodes:
            page = node["page"]
            entry = DictionaryObject(
                {
                    NameObject("/Title"): TextStringObject(node["title"]),
                    NameObject("/Parent"): parent_ref,
                    NameObject("/Dest"): ArrayObject(
                        [self.pages[page if 0 <= page < len(self.pages) else 0], *_FIT]
                    ),
                }
            )
            ref = self._link(made, entry)
            if node.get("children") and depth < _MAX_OUTLINE_DEPTH:
                self.stored(ref, node["children"], depth + 1)
        self._close(parent_ref, made)

    def _link(
        self, made: list[tuple[IndirectObject, DictionaryObject]], entry: DictionaryObject
    ) -> IndirectObject:
        ref = self.writer._add_object(entry)
        if made:
            made[-1][1][NameObject("/Next")] = ref
            entry[NameObject("/Prev")] = made[-1][0]
        made.append((ref, entry))
        return ref

    @staticmethod
    def _close(parent_ref: IndirectObject, made: list[tuple[IndirectObject, DictionaryObject]]) -> None:
        if made:
            parent = cast(DictionaryObject, parent_ref.get_object())
            parent[NameObject("/First")] = made[0][0]
            parent[NameObject("/Last")] = made[-1][0]
            parent[NameObject("/Count")] = NumberObject(-len(made))  # closed: this many when opened

    def under(self, parent_ref: IndirectObject) -> None:
        try:
            outlines = self.reader.root_object.get("/Outlines")
            first = outlines.get_object().get("/First") if outlines is not None else None
        except Exception:  # an unreadable outline is not worth refusing the document for
            return
        if first is not None:
            self._children(parent_ref, first, 0)

    def _children(self, parent_ref: IndirectObject, first: Any, depth: int) -> None:
        made: list[tuple[IndirectObject, DictionaryObject]] = []
        node_ref = first
        while node_ref is not None and depth < _MAX_OUTLINE_DEPTH:
            key = node_ref.idnum if isinstance(node_ref, IndirectObject) else id(node_ref)
            if key in self._seen:  # a cycle in a damaged file
                break
            self._seen.add(key)
            node = node_ref.get_object()
            if not isinstance(node, DictionaryObject):
                break
            entry = DictionaryObject(
                {
                    NameObject("/Title"): TextStringObject(str(node.get("/Title", "") or "")),
                    NameObject("/Parent"): parent_ref,
                    NameObject("/Dest"): self._destination(node),
                }
            )
            for extra in ("/C", "/F"):  # colour and bold/italic
                if extra in node:
                    entry[NameObject(extra)] = node[extra].get_object()
            ref = self._link(made, entry)
            if node.get("/First") is not None:
                self._children(ref, node["/First"], depth + 1)
            node_ref = node.get("/Next")
        self._close(parent_ref, made)

    def _destination(self, node: DictionaryObject) -> ArrayObject:
        """The entry's destination on the book's page; the document's first page when it has none."""
        try:
            dest = node.get("/Dest")
            if dest is None:
                action = node.get("/A")
                action = action.get_object() if action is not None else None
                if isinstance(action, DictionaryObject) and action.get("/S") == "/GoTo":
                    dest = action.get("/D")
            dest = dest.get_object() if dest is not None else None
            if isinstance(dest, str):  # a named destination
                if self._names is None:
                    self._names = dict(self.reader.named_destinations)
                named = self._names.get(str(dest)) or self._names.get(str(dest).lstrip("/"))
                dest = named.dest_array if named is not None else None
            elif isinstance(dest, DictionaryObject):  # the old form: << /D [page …] >>
                dest = dest.get("/D")
            if isinstance(dest, ArrayObject) and dest:
                page = self._page_of(dest[0])
                if page is not None:
                    return ArrayObject([self.pages[page], *(d.get_object() for d in dest[1:])])
        except Exception:
            pass
        return ArrayObject([self.pages[0], *_FIT])

    def _page_of(self, target: Any) -> int | None:
        if isinstance(target, IndirectObject):
            if self._index is None:
                self._index = {
                    p.indirect_reference.idnum: n
                    for n, p in enumerate(self.reader.pages)
                    if p.indirect_reference is not None
                }
            page = self._index.get(target.idnum)
        elif isinstance(target, int):  # a page number, as some producers write
            page = int(target)
        else:
            return None
        return page if page is not None and 0 <= page < len(self.pages) else None


def _resolve_named_links(reader: PdfReader) -> None:
    """Point the document's links at explicit pages instead of named destinations.

    Names such as "section.1" are per file; in a book made of two pdfLaTeX documents the second one's names
    would resolve to the first one's pages. An explicit destination is moved to the book's page by pypdf.
    """
    names: dict[str, Any] | None = None
    for page in reader.pages:
        annots = page.get("/Annots")
        if annots is None:
            continue
        annots = annots.get_object()
        if not isinstance(annots, list):
            continue
        for ref in annots:
            annot = ref.get_object()
            if not isinstance(annot, DictionaryObject) or annot.get("/Subtype") != "/Link":
                continue
            holder: DictionaryObject | None = None
            key = "/Dest"
            if "/Dest" in annot:
                holder = annot
            else:
                action = annot.get("/A")
                action = action.get_object() if action is not None else None
                if isinstance(action, DictionaryObject) and action.get("/S") == "/GoTo" and "/D" in action:
                    holder, key = action, "/D"
            if holder is None or not isinstance(holder[key], str):
                continue
            if names is None:
                try:
                    names = dict(reader.named_destinations)
                except Exception:
                    names = {}
            name = str(holder[key])
            dest = names.get(name) or names.get(name.lstrip("/"))
            if dest is not None and dest.get("/Page") is not None:
                holder[NameObject(key)] = dest.dest_array
