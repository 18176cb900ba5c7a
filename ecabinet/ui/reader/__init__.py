"""The built-in PDF reader, the Search page and the board book dialog (strings: ecabinet-reader_vi.ts).

Entry points for other screens:
    open_reader(context, document_id, page=1, parent=None)   a dossier in its own reader window
    open_file(context, path, title="", parent=None)           a PDF file (a board book just built)
    show_bookbuild_dialog(context, session_id, parent)        in ecabinet.ui.bookbuild_dialog
"""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtWidgets import QWidget

from ecabinet.ui.context import AppContext
from ecabinet.ui.reader.window import ReaderWindow

# Windows without a parent would be deleted with their last Python reference; this keeps them until closed.
_open: set[ReaderWindow] = set()

CASCADE = 28  # pixels between reader windows opened one after another


def reader_windows(context: AppContext) -> list[ReaderWindow]:
    return [w for w in _open if w.context is context and w.isVisible()]


def _present(window: ReaderWindow) -> ReaderWindow:
    if window.isVisible():  # already open, perhaps behind the main window
        window.raise_()
    window.show()
    window.activateWindow()
    return window


def _new_window(context: AppContext, parent: QWidget | None) -> ReaderWindow:
    others = reader_windows(context)
    # Owned by the caller's top-level window, not by the widget that asked: it lives on when that one goes.
    window = ReaderWindow(context, parent.window() if parent is not None else None)
    if others:  # not exactly on top of the one already open
        shift = CASCADE * len(others)
        window.move(window.pos().x() - shift, window.pos().y() + shift)
    _open.add(window)
    window.destroyed.connect(lambda *_: _open.discard(window))
    return window


def open_reader(
    context: AppContext, document_id: uuid.UUID, page: int = 1, parent: QWidget | None = None, find: str = ""
) -> ReaderWindow | None:
    """Show a dossier's current version at `page` (1-based), with `find` highlighted; None without a profile.

    A document already open in a window is brought to the front there. Opening records a reading receipt
    for members; a missing or damaged file is shown as a plain message in the window.
    """
    if context.actor is None:
        return None
    for window in reader_windows(context):
        if window.document_id == document_id and window.actor == context.actor:
            window.reopen_at(page, find)
            return _present(window)
    window = _new_window(context, parent)
    _present(window)
    window.show_document(document_id, page, find)
    return window


def open_file(
    context: AppContext, path: str | Path, title: str = "", parent: QWidget | None = None
) -> ReaderWindow:
    """Show a PDF file from disk in the reader (no notes and no reading receipt: it is not a dossier)."""
    path = Path(path)
    for window in reader_windows(context):
        if window.path == path:
            window.close()  # the file was probably rebuilt: read it again
    window = _new_window(context, parent)
    _present(window)
    window.show_file(path, title)
    return window


__all__ = ["ReaderWindow", "open_file", "open_reader", "reader_windows"]
