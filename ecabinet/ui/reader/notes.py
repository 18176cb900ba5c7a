"""Ghi chú riêng: the reader's own note on each page, saved as they type and kept on this computer only."""

from __future__ import annotations

import uuid

import qtawesome as qta
from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ecabinet.agenda.reading import Note, notes, save_note
from ecabinet.services.actor import Actor
from ecabinet.ui.context import AppContext

NAVY = "#1f3a60"
TYPING_PAUSE_MS = 600  # a save after each pause in typing, not after each key
PREVIEW_CHARS = 60


class NotesPanel(QWidget):
    """The note of the current page, and the pages that have one. One save per pause, on the write pool."""

    page_requested = Signal(int)  # 1-based

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.actor: Actor | None = None
        self.version_id: uuid.UUID | None = None
        self.page = 0  # 1-based; 0 while nothing is open
        self.notes: dict[int, str] = {}
        self._dirty: int | None = None  # the page whose typed text is not saved yet
        self._loading = False

        self.privacy_icon = QLabel()
        self.privacy_icon.setPixmap(qta.icon("mdi6.lock-outline", color=NAVY).pixmap(18, 18))
        self.privacy = QLabel(wordWrap=True, objectName="muted")
        self.heading = QLabel(objectName="sectionTitle")
        self.editor = QPlainTextEdit(objectName="noteEditor")
        self.editor.setTabChangesFocus(True)  # Tab leaves the note, as everywhere else in the window
        self.state = QLabel(objectName="muted")
        self.list_heading = QLabel(objectName="sectionTitle")
        self.pages = QListWidget(objectName="notedPages")
        self.pages.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.pages.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.heading.setBuddy(self.editor)
        self.list_heading.setBuddy(self.pages)
        self._typing = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)

        privacy = QHBoxLayout()
        privacy.addWidget(self.privacy_icon, 0, Qt.AlignmentFlag.AlignTop)
        privacy.addWidget(self.privacy, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(privacy)
        layout.addWidget(self.heading)
        layout.addWidget(self.editor, 2)
        layout.addWidget(self.state)
        layout.addWidget(self.list_heading)
        layout.addWidget(self.pages, 1)
        self.editor.textChanged.connect(self._typed)
        self._typing.timeout.connect(self.save_now)
        self.pages.itemActivated.connect(self._page_activated)
        self.setEnabled(False)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.privacy.setText(
            self.tr(
                "Private notes: kept on this computer only. They are never sent to the secretariat "
                "or to anyone else, and no one else can read them."
            )
        )
        self.heading.setText(self.tr("&Note on page {page}").format(page=self.page or "–"))
        self.editor.setPlaceholderText(self.tr("Write your note on this page; it is saved as you type."))
        self.editor.setToolTip(self.tr("Your private note on the page being read (Ctrl+Shift+N)"))
        self.list_heading.setText(self.tr("&Pages with notes"))
        self.pages.setToolTip(self.tr("Enter goes to the page"))
        self._fill_list()

    # --- the document -----------------------------------------------------------------------------------

    def open(self, actor: Actor, version_id: uuid.UUID, page: int) -> None:
        """Load `actor`'s notes on this version (theirs only: the service returns no one else's)."""
        self.actor, self.version_id, self.page = actor, version_id, page
        self.context.runner.query(lambda s: notes(s, actor, version_id)).success(
            self._loaded
        ).run_in_background()

    @Slot(object)
    def _loaded(self, loaded: list[Note]) -> None:
        self.notes = {n.page: n.text for n in loaded}
        self.setEnabled(True)
        self._fill_list()
        self._show_page()

    def set_page(self, page: int) -> None:
        """The reader moved to `page` (1-based): save what was typed on the last one, show this one's."""
        if page == self.page:
            return
        self.save_now()
        self.page = page
        self._show_page()

    def _show_page(self) -> None:
        self._loading = True
        self.editor.setPlainText(self.notes.get(self.page, ""))
        self._loading = False
        self.heading.setText(self.tr("&Note on page {page}").format(page=self.page))
        self.state.setText(self.tr("Saved") if self.page in self.notes else "")
        row = next(
            (
                r
                for r in range(self.pages.count())
                if self.pages.item(r).data(Qt.ItemDataRole.UserRole) == self.page
            ),
            -1,
        )
        self.pages.setCurrentRow(row)

    # --- saving -----------------------------------------------------------------------------------------

    @Slot()
    def _typed(self) -> None:
        if self._loading or not self.isEnabled():
            return
        self._dirty = self.page
        self.state.setText(self.tr("Not saved yet…"))
        self._typing.start()

    @Slot()
    def save_now(self, final: bool = False) -> None:
        """Save the typed note at once. `final`: the window is closing, so nothing is shown afterwards."""
        self._typing.stop()
        page, actor, version_id = self._dirty, self.actor, self.version_id
        if page is None or actor is None or version_id is None:
            return
        self._dirty = None
        text = self.editor.toPlainText()
        if text.strip():
            self.notes[page] = text
        else:
            self.notes.pop(page, None)
        op = self.context.runner.write(actor, lambda s: save_note(s, actor, version_id, page, text))
        if not final:
            self.state.setText(self.tr("Saving…"))
            self._fill_list()
            op.success(lambda _note: self._saved(page)).from_source(self)
        op.run_in_background()

    def _saved(self, page: int) -> None:
        if page == self.page and self._dirty is None:
            self.state.setText(self.tr("Saved") if page in self.notes else self.tr("Note removed"))

    # --- the list of pages with notes -------------------------------------------------------------------

    def _fill_list(self) -> None:
        self.pages.blockSignals(True)
        self.pages.clear()
        for page in sorted(self.notes):
            first = self.notes[page].strip().splitlines()[0] if self.notes[page].strip() else ""
            if len(first) > PREVIEW_CHARS:
                first = first[: PREVIEW_CHARS - 1] + "…"
            item = QListWidgetItem(self.tr("Page {page}: {text}").format(page=page, text=first))
            item.setData(Qt.ItemDataRole.UserRole, page)
            item.setToolTip(self.notes[page])
            self.pages.addItem(item)
            if page == self.page:
                self.pages.setCurrentItem(item)
        self.pages.blockSignals(False)

    @Slot(QListWidgetItem)
    def _page_activated(self, item: QListWidgetItem) -> None:
        self.page_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))
