"""The reader window: opening, pages, zoom, find, outline, thumbnails, private notes, receipts, bad files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdfWidgets import QPdfView

from ecabinet.agenda.reading import notes, read_states, readers
from ecabinet.db import Database
from ecabinet.model import DocumentVersion
from ecabinet.services.actor import Actor
from ecabinet.ui.context import AppContext
from ecabinet.ui.reader import open_reader, reader_windows
from ecabinet.ui.reader.notes import TYPING_PAUSE_MS
from ecabinet.ui.reader.readers_dialog import ReadersDialog
from tests.ui.reader.conftest import Doc, People, wait_ready

ContextFor = Callable[..., AppContext]


def test_the_reader_opens_a_document_at_the_page_asked_for(
    qtbot: Any, qtlog: Any, context_for: ContextFor, people: People, long_doc: Doc
) -> None:
    context = context_for(people.minister)
    window = wait_ready(qtbot, open_reader(context, long_doc.id, page=3))
    assert window.stack.currentWidget() is window.reading
    assert window.pdf.pageCount() == long_doc.pages
    assert window.current_page == 3
    assert window.page_box.value() == 3
    assert window.page_total.text() == f"of {long_doc.pages}"
    assert window.status_page.text() == f"Page 3 of {long_doc.pages}"
    assert long_doc.title in window.windowTitle()
    # Asked for again (say from search): the same window, moved to the page and raised (which the
    # offscreen platform cannot do, and says so).
    with qtlog.disabled():
        assert open_reader(context, long_doc.id, page=5) is window
    assert window.current_page == 5
    assert len(reader_windows(context)) == 1


def test_page_keys_move_through_the_pages(
    qtbot: Any, context_for: ContextFor, people: People, long_doc: Doc
) -> None:
    window = wait_ready(qtbot, open_reader(context_for(people.minister), long_doc.id))
    view = window.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert window.current_page == 3
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert window.current_page == 2
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert window.current_page == long_doc.pages
    assert not window.next_action.isEnabled()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert window.current_page == 1
    assert not window.previous_action.isEnabled()
    # Ctrl+G: type a page number, Enter, and the keys belong to the pages again.
    qtbot.keyClick(view, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert window.page_box.hasFocus()
    qtbot.keyClicks(window.page_box, "4")
    qtbot.keyClick(window.page_box, Qt.Key.Key_Return)
    assert window.current_page == 4
    assert view.hasFocus()
    assert window.status_page.text() == f"Page 4 of {long_doc.pages}"
    # In the note, PageDown is the editor's own: the page stays.
    window.notes.editor.setFocus()
    qtbot.keyClick(window.notes.editor, Qt.Key.Key_PageDown)
    assert window.current_page == 4


def test_zoom_in_and_out_and_fit_modes(
    qtbot: Any, context_for: ContextFor, people: People, long_doc: Doc
) -> None:
    window = wait_ready(qtbot, open_reader(context_for(people.minister), long_doc.id))
    view = window.view
    assert view.zoomMode() == QPdfView.ZoomMode.FitToWidth and window.fit_width_action.isChecked()
    qtbot.keyClick(view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert view.zoomMode() == QPdfView.ZoomMode.Custom and view.zoomFactor() == 1.0
    assert window.zoom_label.text() == "100 %"
    qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoomFactor() == 1.1
    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.zoomFactor() == 1.25
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoomFactor() == 1.0
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.zoomMode() == QPdfView.ZoomMode.FitInView
    assert window.fit_page_action.isChecked() and not window.fit_width_action.isChecked()
    fitted = window.effective_zoom()
    qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoomMode() == QPdfView.ZoomMode.Custom and view.zoomFactor() > fitted  # from what is shown
    qtbot.keyClick(view, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert view.zoomMode() == QPdfView.ZoomMode.FitToWidth


def test_find_highlights_every_hit_and_f3_moves_between_them(
    qtbot: Any, context_for: ContextFor, people: People, long_doc: Doc
) -> None:
    window = wait_ready(qtbot, open_reader(context_for(people.minister), long_doc.id, page=2))
    bar, model = window.find_bar, window.find_bar.model
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert bar.isVisible() and bar.edit.hasFocus()
    bar.edit.insert("nghị định")  # QTest types ASCII only
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert model.searchString() == "nghị định"
    assert window.view.searchModel() is model  # the view paints every match
    # The first match on or after the page being read is the current one, framed, and in view.
    page, which = bar.current
    assert page >= 1 and which == 0 and not any(model.resultsOnPage(p) for p in range(1, page))
    assert window.view.currentSearchResultIndex() == bar.current_row
    assert window.current_page == page + 1
    pages = window.pdf.pageCount()
    found = [(p, n) for p in range(pages) for n in range(len(model.resultsOnPage(p)))]
    assert len(found) >= 3 and bar.current_row == found.index(bar.current)
    qtbot.waitUntil(lambda: bar.count.text() == f"{bar.current_row + 1} of {len(found)}")

    # F3 and Shift+F3, from the find box or from the pages.
    row = bar.current_row
    qtbot.keyClick(bar.edit, Qt.Key.Key_F3)
    assert bar.current == found[row + 1] and window.view.currentSearchResultIndex() == row + 1
    assert window.current_page == found[row + 1][0] + 1
    qtbot.keyClick(bar.edit, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert bar.current == found[row]
    window.view.setFocus()
    bar._choose(*found[-2])
    qtbot.keyClick(window.view, Qt.Key.Key_F3)
    assert bar.current == found[-1] and window.current_page == found[-1][0] + 1
    qtbot.keyClick(window.view, Qt.Key.Key_F3)
    assert bar.current == found[0] and bar.current_row == 0  # round again
    qtbot.keyClick(window.view, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert bar.current == found[-1]

    # Esc closes the bar and takes the highlights away.
    bar.edit.setFocus()
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible() and model.searchString() == ""
    assert window.view.currentSearchResultIndex() == -1 and window.view.hasFocus()


def test_the_outline_panel_lists_the_documents_own_contents(
    qtbot: Any, context_for: ContextFor, people: People, long_doc: Doc, demo_db: Database
) -> None:
    window = wait_ready(qtbot, open_reader(context_for(people.minister), long_doc.id))
    with demo_db.read() as s:
        version = s.get(DocumentVersion, window.opened.version_id)
        outline = version.outline
    model = window.side_panel.outline_model
    assert outline, "demo dossiers carry an outline"
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [n["title"] for n in outline]
    assert window.side_panel.currentWidget() is window.side_panel.outline_stack
    last = model.index(model.rowCount() - 1, 0)
    window.side_panel.outline.setFocus()
    window.side_panel.outline.setCurrentIndex(last)
    qtbot.keyClick(window.side_panel.outline, Qt.Key.Key_Return)
    assert window.current_page == outline[-1]["page"] + 1


def test_thumbnails_are_rendered_only_for_pages_in_sight(
    qtbot: Any, context_for: ContextFor, people: People, long_doc: Doc
) -> None:
    window = wait_ready(qtbot, open_reader(context_for(people.minister), long_doc.id))
    model = window.side_panel.thumbnails_model
    assert model.rowCount() == long_doc.pages
    assert not model.rendered_pages  # the contents tab is in front: nothing painted, nothing rendered
    qtbot.keyClick(
        window.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert (
        window.side_panel.currentWidget() is window.side_panel.thumbnails
        and window.side_panel.thumbnails.hasFocus()
    )
    qtbot.waitUntil(lambda: 0 in model.rendered_pages, timeout=5000)
    assert len(model.rendered_pages) < long_doc.pages
    window.side_panel.thumbnails.setCurrentIndex(model.index(5))
    qtbot.keyClick(window.side_panel.thumbnails, Qt.Key.Key_Return)
    assert window.current_page == 6


def _type_note(qtbot: Any, window: Any, text: str) -> None:
    window.notes_action.trigger()
    assert window.notes.editor.hasFocus()
    window.notes.editor.insertPlainText(text)  # as typed (QTest types ASCII only)
    assert window.notes.state.text() == "Not saved yet…"
    qtbot.waitUntil(lambda: window.notes.state.text() == "Saved", timeout=TYPING_PAUSE_MS * 5)


def test_a_private_note_is_saved_per_page_reloaded_and_seen_by_no_one_else(
    qtbot: Any, context_for: ContextFor, people: People, long_doc: Doc, demo_db: Database
) -> None:
    context = context_for(people.minister)
    window = wait_ready(qtbot, open_reader(context, long_doc.id, page=2))
    assert "kept on this computer only" in window.notes.privacy.text()
    _type_note(qtbot, window, "Hỏi Bộ Tài chính về nguồn vốn")
    window.go_to_page(3)
    assert window.notes.editor.toPlainText() == ""
    window.close()

    window = wait_ready(qtbot, open_reader(context, long_doc.id, page=1))
    assert window.notes.editor.toPlainText() == ""
    assert [window.notes.pages.item(r).text() for r in range(window.notes.pages.count())] == [
        "Page 2: Hỏi Bộ Tài chính về nguồn vốn"
    ]
    window.notes.pages.setCurrentRow(0)
    qtbot.keyClick(window.notes.pages, Qt.Key.Key_Return)
    assert window.current_page == 2
    assert window.notes.editor.toPlainText() == "Hỏi Bộ Tài chính về nguồn vốn"
    version_id = window.opened.version_id

    # Another member on the same computer: the open window closes, and their reader shows no notes.
    context.set_actor(people.other_minister)
    assert window not in reader_windows(context)
    window = wait_ready(qtbot, open_reader(context, long_doc.id, page=2))
    assert window.notes.editor.toPlainText() == "" and window.notes.pages.count() == 0
    with demo_db.read() as s:
        assert notes(s, people.other_minister, version_id) == []
        assert [n.text for n in notes(s, people.minister, version_id)] == ["Hỏi Bộ Tài chính về nguồn vốn"]


def test_clearing_a_note_removes_it(
    qtbot: Any, context_for: ContextFor, people: People, long_doc: Doc, demo_db: Database
) -> None:
    window = wait_ready(qtbot, open_reader(context_for(people.minister), long_doc.id))
    _type_note(qtbot, window, "x")
    window.notes.editor.clear()
    window.notes.save_now()
    assert window.notes.pages.count() == 0
    with demo_db.read() as s:
        assert notes(s, people.minister, window.opened.version_id) == []


def _read_by(database: Database, leader: Actor, document_id: Any) -> dict[str, bool]:
    with database.read() as s:
        return {r.name: r.read_at is not None for r in readers(s, leader, document_id)}


def test_opening_marks_the_document_read_for_a_member_not_for_the_secretariat(
    qtbot: Any, context_for: ContextFor, people: People, long_doc: Doc, demo_db: Database
) -> None:
    assert not _read_by(demo_db, people.leader, long_doc.id)[people.minister.name]
    wait_ready(qtbot, open_reader(context_for(people.minister), long_doc.id))
    read = _read_by(demo_db, people.leader, long_doc.id)
    assert read[people.minister.name] and not read[people.other_minister.name]
    with demo_db.read() as s:
        assert read_states(s, people.minister, long_doc.session_id)[long_doc.id].read

    before = _read_by(demo_db, people.leader, long_doc.id)
    wait_ready(qtbot, open_reader(context_for(people.leader), long_doc.id))
    assert _read_by(demo_db, people.leader, long_doc.id) == before


def test_the_secretariat_sees_who_has_read_it(
    qtbot: Any, context_for: ContextFor, people: People, long_doc: Doc
) -> None:
    member_window = wait_ready(qtbot, open_reader(context_for(people.minister), long_doc.id))
    assert not member_window.readers_action.isVisible()
    window = wait_ready(qtbot, open_reader(context_for(people.leader), long_doc.id))
    assert window.readers_action.isVisible()
    qtbot.keyClick(
        window.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    dialog = window.findChild(ReadersDialog)
    assert dialog is not None
    qtbot.addWidget(dialog)
    rows = {
        dialog.table.topLevelItem(r).text(0): dialog.table.topLevelItem(r).text(1)
        for r in range(dialog.table.topLevelItemCount())
    }
    assert rows[people.other_minister.name] == "Not yet"
    assert rows[people.minister.name] not in ("", "Not yet")
    assert dialog.summary.text().startswith("1 of ")


@pytest.mark.parametrize(
    ("damage", "words"),
    [("corrupt", "damaged"), ("missing", "missing"), ("not_pdf", "not a PDF")],
)
def test_a_damaged_or_missing_file_is_shown_as_a_plain_error(
    qtbot: Any,
    context_for: ContextFor,
    people: People,
    long_doc: Doc,
    demo_db: Database,
    prompts: Any,
    damage: str,
    words: str,
) -> None:
    blob: Path = demo_db.blobs.path(long_doc.sha256)
    if damage == "corrupt":
        blob.write_bytes(blob.read_bytes()[:-200] + b"x" * 200)
    elif damage == "missing":
        blob.unlink()
    else:  # a file whose hash is right but which is no PDF: the reader itself must refuse it
        with demo_db.write(people.leader) as s:
            s.get(DocumentVersion, _version_of(demo_db, long_doc)).sha256 = demo_db.blobs.put(b"%PDF-1.7 no")
    window = wait_ready(qtbot, open_reader(context_for(people.minister), long_doc.id))
    assert window.stack.currentWidget() is window.error
    assert words in window.error.text.text()
    assert long_doc.title in window.windowTitle()
    assert ("Ask the secretariat to send the document again" in window.error.text.text()) == (
        damage != "not_pdf"
    )
    assert window.error.heading.text() == "This document cannot be shown"
    assert not window.find_action.isEnabled() and not window.notes.isEnabled()
    assert prompts.errors == []  # shown in the window, not as a message box on top of everything


def _version_of(database: Database, doc: Doc) -> Any:
    from ecabinet.model import Document

    with database.read() as s:
        return s.get(Document, doc.id).current_version_id


def test_reader_geometry_is_remembered(
    qtbot: Any, context_for: ContextFor, people: People, long_doc: Doc
) -> None:
    context = context_for(people.minister)
    window = wait_ready(qtbot, open_reader(context, long_doc.id))
    window.resize(700, 500)
    window.move(40, 30)
    window.close()
    again = wait_ready(qtbot, open_reader(context, long_doc.id))
    assert again is not window
    assert again.size().width() == 700 and again.size().height() == 500


def test_the_reader_speaks_vietnamese_and_its_models_are_sound(
    qtbot: Any, qtmodeltester: Any, context_for: ContextFor, people: People, long_doc: Doc
) -> None:
    window = wait_ready(qtbot, open_reader(context_for(people.minister, "vi"), long_doc.id, page=2))
    assert window.document_menu.title() == "&Tài liệu"
    assert window.status_page.text() == f"Trang 2/{long_doc.pages}"
    assert window.notes.privacy.text().startswith("Ghi chú riêng: chỉ lưu trên máy tính này")
    qtmodeltester.check(window.side_panel.thumbnails_model)
