"""Build board book…: the reader to choose, the file, a build with progress and Cancel, then open it."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from pypdf import PdfReader
from PySide6.QtCore import Qt

from ecabinet.agenda.sessions import list_sessions
from ecabinet.db import Database
from ecabinet.ui import bookbuild_dialog
from ecabinet.ui.context import AppContext
from ecabinet.ui.reader import reader_windows
from ecabinet.ui.reader.bookbuild import BookBuildDialog, safe_file_name
from ecabinet.ui.reader.options import BOOK_FOLDER
from ecabinet.ui.tasks import Progress
from tests.ui.conftest import OFFSCREEN_NOISE
from tests.ui.reader.conftest import People, wait_ready

ContextFor = Callable[..., AppContext]


@pytest.fixture
def session_id(demo_db: Database, people: People) -> uuid.UUID:
    """The demo session with the fewest documents (a quick book)."""
    with demo_db.read() as s:
        return min(list_sessions(s, people.leader), key=lambda summary: summary.document_count).id


@pytest.fixture
def open_dialog() -> Iterator[Callable[[AppContext, uuid.UUID], BookBuildDialog]]:
    """The dialog as session screens open it; it deletes itself once closed, so only live ones are closed."""
    opened: list[BookBuildDialog] = []

    def make(context: AppContext, session_id: uuid.UUID) -> BookBuildDialog:
        dialog = bookbuild_dialog.show_bookbuild_dialog(context, session_id, None)
        opened.append(dialog)
        return dialog

    yield make
    for dialog in opened:
        if shiboken6.isValid(dialog):
            dialog.close()


def test_a_member_builds_their_own_board_book(
    qtbot: Any,
    open_dialog: Any,
    context_for: ContextFor,
    people: People,
    session_id: uuid.UUID,
    tmp_path: Path,
    prompts: Any,
) -> None:
    context = context_for(people.minister)
    dialog = open_dialog(context, session_id)
    assert [dialog.reader.itemText(i) for i in range(dialog.reader.count())] == [people.minister.name]
    default = Path(dialog.path.text())
    assert default.suffix == ".pdf" and people.minister.name in default.name
    assert dialog.session_label.text() in default.name
    target = tmp_path / "books" / "mine"
    target.parent.mkdir()
    dialog.path.setText(str(target))  # ".pdf" is added
    prompts.answers = [False]  # do not open it
    qtbot.mouseClick(dialog.build_button, Qt.MouseButton.LeftButton)
    result = dialog.book
    assert result is not None and result.path == target.with_suffix(".pdf")
    assert prompts.asked == ["Board book ready"]
    pages = len(PdfReader(result.path).pages)
    assert pages == result.page_count
    assert pages > sum(e.page_count for e in result.documents)  # a cover and contents come first
    assert context.settings.get(BOOK_FOLDER) == str(target.parent)
    assert reader_windows(context) == []


# The book's bookmarks are /Fit destinations (no point on the page); Qt's bookmark model warns about each.
@pytest.mark.qt_log_ignore("bookmark with invalid location", OFFSCREEN_NOISE)
def test_the_secretariat_chooses_anyone_invited_and_opens_the_book(
    qtbot: Any,
    open_dialog: Any,
    context_for: ContextFor,
    people: People,
    session_id: uuid.UUID,
    tmp_path: Path,
    prompts: Any,
    demo_db: Database,
) -> None:
    context = context_for(people.leader)
    dialog = open_dialog(context, session_id)
    names = [dialog.reader.itemText(i) for i in range(dialog.reader.count())]
    assert people.minister.name in names and people.cleared.name in names
    assert any(name.endswith("(invited guest)") for name in names)
    dialog.reader.setCurrentIndex(dialog.reader.findData(str(people.cleared.member_id)))
    assert people.cleared.name in dialog.path.text()  # the default name follows the reader
    dialog.path.setText(str(tmp_path / "pm.pdf"))
    prompts.answers = [True]  # open it
    dialog.build()
    [window] = reader_windows(context)
    wait_ready(qtbot, window)
    assert window.path == tmp_path / "pm.pdf"
    assert window.pdf.pageCount() == dialog.book.page_count
    assert window.side_panel.outline_model.rowCount() > 0  # the book's bookmarks
    assert not window.notes_action.isVisible() and not window.readers_action.isVisible()


def test_cancel_stops_the_build_and_leaves_no_file(
    qtbot: Any,
    open_dialog: Any,
    context_for: ContextFor,
    people: People,
    session_id: uuid.UUID,
    tmp_path: Path,
    prompts: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = open_dialog(context_for(people.minister), session_id)
    folder = tmp_path / "out"
    folder.mkdir()
    dialog.path.setText(str(folder / "book.pdf"))
    # The user presses Cancel in the progress dialog as soon as the first progress arrives.
    monkeypatch.setattr(Progress, "report", lambda self, percent, text="": self.cancel())
    dialog.build()
    assert dialog.status.text() == "Stopped. No file was written."
    assert list(folder.iterdir()) == []  # neither the book nor a part of it
    assert dialog.book is None and prompts.asked == [] and prompts.errors == []
    assert dialog.build_button.isEnabled()


def test_an_existing_file_is_replaced_only_when_the_user_agrees(
    qtbot: Any,
    open_dialog: Any,
    context_for: ContextFor,
    people: People,
    session_id: uuid.UUID,
    tmp_path: Path,
    prompts: Any,
) -> None:
    existing = tmp_path / "book.pdf"
    existing.write_bytes(b"old")
    dialog = open_dialog(context_for(people.minister), session_id)
    dialog.path.setText(str(existing))
    prompts.answers = [False]
    dialog.build()
    assert prompts.asked == ["Replace the file?"] and existing.read_bytes() == b"old"
    dialog.path.setText("")
    dialog.build()
    assert dialog.status.text().startswith("Type where to save")


def test_file_names_are_safe() -> None:
    assert (
        safe_file_name('Bộ tài liệu - Phiên họp 10/2026: "A" * B?')
        == "Bộ tài liệu - Phiên họp 10-2026- -A- - B"
    )
    assert safe_file_name("///") == "board-book"
    assert len(safe_file_name("x" * 400)) == 150
