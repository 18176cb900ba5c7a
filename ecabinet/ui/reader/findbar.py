"""Find in the open document: the words highlighted on every page, and the current hit moved to with F3."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtPdf import QPdfDocument, QPdfSearchModel
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

NAVY = "#1f3a60"
TYPING_PAUSE_MS = 250


class FindBar(QWidget):
    """A bar under the pages; every match is highlighted by the view, the current one framed.

    The current match is known by its page and its place among that page's matches, not by its row in
    QPdfSearchModel: the model searches in the background and out of order (the pages in sight first), so
    rows move as earlier pages are searched. Going to a match searches the pages on the way (about 1.5 ms a
    page), so its row number is final.
    """

    closed = Signal()
    hit_chosen = Signal(int, int)  # page (0-based) and which match on it: the window moves the view there
    current_row_changed = Signal(int)  # the current match's row in the model (-1: none), for the view's frame

    def __init__(self, document: QPdfDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.document = document
        self.model = QPdfSearchModel(self)
        self.model.setDocument(document)
        self.current: tuple[int, int] | None = None
        self.current_row = -1
        self._reading_page = 0  # 0-based: where the search starts while no match is chosen

        self.label = QLabel()
        self.edit = QLineEdit(clearButtonEnabled=True, objectName="findEdit")
        self.label.setBuddy(self.edit)
        self.count = QLabel(objectName="muted")
        self.previous_button = QToolButton()
        self.next_button = QToolButton()
        self.close_button = QToolButton()
        self.close_button.setIcon(qta.icon("mdi6.close", color=NAVY))
        self.close_button.setAutoRaise(True)
        self._typing = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.addWidget(self.label)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.count)
        layout.addWidget(self.close_button)
        self._connect_signals()
        self.retranslate()

    def _connect_signals(self) -> None:
        self.edit.textEdited.connect(lambda _text: self._typing.start())
        self._typing.timeout.connect(self.search_now)
        self.edit.installEventFilter(self)
        self.model.countChanged.connect(self._show_count)
        self.close_button.clicked.connect(self.close_bar)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.label.setText(self.tr("F&ind:"))
        self.edit.setPlaceholderText(self.tr("Words in this document"))
        self.edit.setToolTip(
            self.tr("Every match is highlighted; Enter or F3 goes to the next, Shift+Enter or Shift+F3 back")
        )
        self.close_button.setToolTip(self.tr("Close the find bar (Esc)"))
        self._show_count()

    # --- searching --------------------------------------------------------------------------------------

    def start(self, text: str, from_page: int) -> None:
        """Search for `text` and go to its first match on or after `from_page` (0-based)."""
        self.show()
        self.edit.setText(text)
        self._reading_page = from_page
        self._typing.stop()
        self._new_search(text.strip())

    @Slot()
    def search_now(self) -> bool:
        """Search for the text typed, if it is not what was searched; True when it was new (and its first
        match is chosen)."""
        self._typing.stop()
        text = self.edit.text().strip()
        if text == self.model.searchString():
            return False
        self._new_search(text)
        return True

    def _new_search(self, text: str) -> None:
        self._set_current(None)
        if text != self.model.searchString():
            self.model.setSearchString(text)
        if text:
            self._go(self._reading_page, forward=True)
        self._show_count()

    def set_reading_page(self, page: int) -> None:
        """The page being read (0-based): "next" starts there while no match is chosen."""
        self._reading_page = page

    def next_hit(self) -> None:
        if self.search_now():  # a text still waiting for the pause: its first match is the next one
            return
        if self.current is None:
            self._go(self._reading_page, forward=True)
            return
        page, which = self.current
        if which + 1 < len(self.model.resultsOnPage(page)):
            self._choose(page, which + 1)
        else:
            self._go(page + 1, forward=True)

    def previous_hit(self) -> None:
        if self.search_now():
            return
        if self.current is None:
            self._go(self._reading_page, forward=False)
            return
        page, which = self.current
        if which > 0:
            self._choose(page, which - 1)
        else:
            self._go(page - 1, forward=False)

    def _go(self, page: int, forward: bool) -> None:
        """The first match on `page` or after it (before it, going back), round the end of the document."""
        pages = self.document.pageCount()
        if pages < 1 or not self.model.searchString():
            return
        for step in range(pages):
            here = (page + step if forward else page - step) % pages
            hits = self.model.resultsOnPage(here)
            if hits:
                self._choose(here, 0 if forward else len(hits) - 1)
                return

    def _choose(self, page: int, which: int) -> None:
        self._set_current((page, which))
        self.hit_chosen.emit(page, which)

    def _set_current(self, current: tuple[int, int] | None) -> None:
        self.current = current
        if current is None:
            row = -1
        else:  # every page before is searched now, so no row will be inserted before this one
            page, which = current
            row = sum(len(self.model.resultsOnPage(p)) for p in range(page)) + which
        if row != self.current_row:
            self.current_row = row
            self.current_row_changed.emit(row)
        self._show_count()

    def _show_count(self) -> None:
        total = self.model.count()
        if not self.model.searchString():
            self.count.setText("")
        elif total == 0:
            self.count.setText(self.tr("No matches"))
        elif self.current is None:
            self.count.setText(self.tr("%n found", "", total))
        else:
            self.count.setText(
                self.tr("{current} of {total}").format(current=self.current_row + 1, total=total)
            )

    # --- keys -------------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    self.previous_hit()
                else:
                    self.next_hit()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)

    @Slot()
    def close_bar(self) -> None:
        """Hide the bar and the highlights; the text stays for the next Ctrl+F."""
        self._typing.stop()
        self._set_current(None)
        self.model.setSearchString("")
        self.hide()
        self.closed.emit()
