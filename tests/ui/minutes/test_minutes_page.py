"""The minutes page: edit with rich text (saved at once, undoable), preview, approve and lock, correct, print
and save every output."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtPrintSupport import QPrinter

from ecabinet.minutes.draft import minutes_draft
from ecabinet.minutes.outputs import OutputKind
from ecabinet.model import Conclusion, MinutesState, SessionState
from ecabinet.ui.minutes.page import MinutesPage
from tests.minutes.scenario import Scenario
from tests.ui.conftest import FakePrompts, MakeContext


def open_page(
    qtbot: Any, make_context: MakeContext, sc: Scenario, actor: Any, lang: str = "en"
) -> MinutesPage:
    context = make_context(sc.db, lang)
    context.set_actor(actor)
    page = MinutesPage(context)
    qtbot.addWidget(page)
    with qtbot.waitActive(page):  # shortcuts only reach the active window
        page.show()
        page.activateWindow()
    return page


def conclusion_of(sc: Scenario, index: int) -> str:
    with sc.db.read() as s:
        row = s.query(Conclusion).filter(Conclusion.item_id == sc.items[index]).one()
        return row.text


def test_the_secretary_edits_a_conclusion_with_formats_and_undo(
    qtbot: Any, make_context: MakeContext, sc: Scenario
) -> None:
    page = open_page(qtbot, make_context, sc, sc.officer)
    assert page.session.count() == 1 and page.parts.count() == 1 + len(sc.items)
    assert not page.approve_action.isEnabled()  # an officer drafts; a leader approves
    page.parts.setCurrentRow(2)
    panel = page.item_panel
    assert (
        "Open vote" in panel.facts.toPlainText()
        and "19 for, 2 against, 1 abstain" in panel.facts.toPlainText()
    )
    editor = panel.conclusion
    editor.text.setFocus()
    editor.text.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor.text, " Giao them")  # QTest types ASCII only
    editor.text.insertPlainText(" Bộ Tư pháp")
    assert editor.pending
    editor.flush()
    assert conclusion_of(sc, 1).endswith("Giao them Bộ Tư pháp</p>")
    # Ctrl+B on a selection: bold, saved at the next pause
    editor.text.moveCursor(QTextCursor.MoveOperation.End)
    editor.text.moveCursor(QTextCursor.MoveOperation.StartOfWord, QTextCursor.MoveMode.KeepAnchor)
    qtbot.keyClick(editor.text, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "<b>pháp</b>" in conclusion_of(sc, 1), timeout=3000)
    # undo in the editor: the text goes back, and is saved
    editor.undo.trigger()
    editor.flush()
    assert "<b>pháp</b>" not in conclusion_of(sc, 1) and conclusion_of(sc, 1).endswith(
        "Giao them Bộ Tư pháp</p>"
    )
    # a bulleted list from the toolbar
    editor.bullets.trigger()
    editor.flush()
    assert "<ul><li>" in conclusion_of(sc, 1)


def test_preview_approve_lock_and_correct(
    qtbot: Any, make_context: MakeContext, sc: Scenario, prompts: FakePrompts
) -> None:
    page = open_page(qtbot, make_context, sc, sc.leader)
    page.update_preview()
    assert page.preview.page_count >= 4
    assert page.approve_action.isEnabled() and not page.correct_action.isEnabled()
    prompts.answers = [False]
    page.approve()  # declined: nothing happens
    assert page.draft is not None and not page.draft.locked
    prompts.answers = [True]
    page.approve()
    assert page.draft.locked and page.draft.versions[0].sha256 in page.hash.text()
    assert page.state.text() == "Approved and locked"
    page.parts.setCurrentRow(1)
    assert page.item_panel.conclusion.text.isReadOnly() and page.header.place.isReadOnly()
    with sc.db.read() as s:
        assert minutes_draft(s, sc.leader, sc.session_id).session_state is SessionState.MINUTES_APPROVED
    prompts.answers = ["Sửa tên cơ quan trình"]
    page.correct()
    assert page.draft.minutes_state is MinutesState.CORRECTING
    assert page.state.text() == "Correction: Sửa tên cơ quan trình"
    assert not page.item_panel.conclusion.text.isReadOnly() and page.approve_action.isEnabled()
    assert prompts.errors == []


def test_the_session_fields_are_saved_when_left(qtbot: Any, make_context: MakeContext, sc: Scenario) -> None:
    page = open_page(qtbot, make_context, sc, sc.officer)
    page.parts.setCurrentRow(0)
    page.header.place.setFocus()
    page.header.place.selectAll()
    qtbot.keyClicks(page.header.place, "Phong hop so 2")
    page.header.subject.setFocus()  # leaving the field saves it
    with sc.db.read() as s:
        assert minutes_draft(s, sc.officer, sc.session_id).place == "Phong hop so 2"
    assert "Ngô Hải Đăng" in page.header.attendance.toPlainText()
    assert page.header.chair.currentText().startswith("Trương Minh Khang")
    assert page.header.secretary.currentText().startswith(
        "Châu Quốc Hưng"
    )  # the head of the Government Office
    deputy = page.header.secretary.findText("Vũ Đức Thuận", Qt.MatchFlag.MatchStartsWith)
    page.header.secretary.setCurrentIndex(deputy)
    page.header.secretary.activated.emit(deputy)
    with sc.db.read() as s:
        assert minutes_draft(s, sc.officer, sc.session_id).secretary.name == "Vũ Đức Thuận"  # type: ignore[union-attr]


def test_every_output_prints_and_saves(
    qtbot: Any, make_context: MakeContext, sc: Scenario, tmp_path: Path
) -> None:
    page = open_page(qtbot, make_context, sc, sc.officer)
    outputs = page.outputs
    assert outputs.targets[OutputKind.BALLOT].count() == 1 and outputs.targets[OutputKind.VOTE].count() == 2
    for kind in OutputKind:
        target = tmp_path / f"{kind.value}.pdf"
        outputs.choose_path = lambda _parent, _title, _name, target=target: str(target)
        with qtbot.waitSignal(outputs.saved, timeout=5000):
            outputs.save_output(kind)
        assert len(PdfReader(str(target)).pages) >= 1, kind
    printed_to = tmp_path / "printed.pdf"

    def printer(_parent: Any, _title: str) -> QPrinter:
        p = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        p.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        p.setOutputFileName(str(printed_to))
        return p

    outputs.choose_printer = printer
    with qtbot.waitSignal(outputs.printed, timeout=10000) as signal:
        outputs.print_output(OutputKind.MINUTES)
    pages = len(PdfReader(str(tmp_path / "minutes.pdf")).pages)
    assert signal.args == [OutputKind.MINUTES, pages]
    assert len(PdfReader(str(printed_to)).pages) == pages


def test_members_are_told_the_minutes_are_the_secretariats(
    qtbot: Any, make_context: MakeContext, sc: Scenario
) -> None:
    page = open_page(qtbot, make_context, sc, sc.members[4], lang="vi")
    assert page.title() == "Biên bản"
    assert page.notice.text() == "Chỉ Văn phòng Chính phủ ghi biên bản."
    assert page.parts.count() == 0 and not page.preview_action.isEnabled()
