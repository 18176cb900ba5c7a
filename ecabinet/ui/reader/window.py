"""The reader window: a document's pages, its contents or thumbnails, find, and the reader's private notes."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import qtawesome as qta
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEvent,
    QIODevice,
    QLocale,
    Qt,
    Slot,
)
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtPdf import QPdfDocument, QPdfPageRenderer
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ecabinet.agenda.reading import OpenedDocument, mark_read, open_document
from ecabinet.errors import DomainError
from ecabinet.services.actor import Actor, Permission
from ecabinet.ui.context import AppContext
from ecabinet.ui.errors import describe
from ecabinet.ui.geometry import PreserveGeometry
from ecabinet.ui.reader.error_panel import ErrorPanel
from ecabinet.ui.reader.findbar import FindBar
from ecabinet.ui.reader.notes import NotesPanel
from ecabinet.ui.reader.options import READER_GEOMETRY, READER_STATE
from ecabinet.ui.reader.readers_dialog import ReadersDialog
from ecabinet.ui.reader.side_panel import SidePanel
from ecabinet.ui.reader.view import PageView

NAVY = "#1f3a60"
ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)


def records_reading(actor: Actor) -> bool:
    """Opening a document is a reading receipt for the people it was sent to, not for the staff handling it."""
    return not actor.is_secretariat


def sees_readers(actor: Actor) -> bool:
    """Who has read what is the secretariat's view (`readers()` asks for the same permission)."""
    return actor.can(Permission.MANAGE_SESSIONS)


class ReaderWindow(PreserveGeometry, QMainWindow):
    """One open document (or PDF file) in a window of its own, beside the agenda."""

    geometry_option = READER_GEOMETRY
    state_option = READER_STATE

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("readerWindow")
        self.setWindowIcon(qta.icon("mdi6.book-open-page-variant-outline", color=NAVY))
        self.context = context
        self.actor = context.actor
        self.document_id: uuid.UUID | None = None
        self.path: Path | None = None
        self.opened: OpenedDocument | None = None
        self.document_title = ""
        self._start_page = 1
        self._start_find = ""
        self._buffer: QBuffer | None = None

        # Parented last (see the end): children are destroyed in order, and the page renderers' threads must
        # be gone before the document they render from.
        self.pdf = QPdfDocument()
        self.view = PageView()
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.pdf)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.nav = self.view.pageNavigator()
        self.find_bar = FindBar(self.pdf, self)
        self.find_bar.hide()
        self.view.setSearchModel(self.find_bar.model)
        self.loading = QLabel(objectName="muted", alignment=Qt.AlignmentFlag.AlignCenter)
        self.error = ErrorPanel()
        reading = QWidget()
        column = QVBoxLayout(reading)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.view, 1)
        column.addWidget(self.find_bar)
        self.reading = reading
        self.stack = QStackedWidget()
        for widget in (self.loading, reading, self.error):
            self.stack.addWidget(widget)
        self.setCentralWidget(self.stack)

        self._build_side_panel()
        self.notes = NotesPanel(context, self)
        self.notes_dock = QDockWidget(objectName="readerNotes")
        self.notes_dock.setWidget(self.notes)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.notes_dock)
        self._build_actions()
        self._build_bars()
        self._connect_signals()
        self.retranslate()
        self._update_actions()
        if not self.restore_geometry(context.settings):
            self._default_geometry()
        self.pdf.setParent(self)

    # --- building ---------------------------------------------------------------------------------------

    def _build_side_panel(self) -> None:
        self.side_panel = SidePanel(self.pdf, self)
        self.side = QDockWidget(objectName="readerSidePanel")
        self.side.setWidget(self.side_panel)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.side)

    def _action(self, icon: str, shortcuts: list[Any], context: Qt.ShortcutContext | None = None) -> QAction:
        action = QAction(qta.icon(icon, color=NAVY), "", self)
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        if context is not None:
            action.setShortcutContext(context)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        on_pages = Qt.ShortcutContext.WidgetWithChildrenShortcut
        # Page keys belong to the pages: in the note or a list, Home and PageDown keep their usual meaning.
        self.next_action = self._action("mdi6.chevron-down", [Qt.Key.Key_PageDown], on_pages)
        self.previous_action = self._action("mdi6.chevron-up", [Qt.Key.Key_PageUp], on_pages)
        self.first_action = self._action("mdi6.page-first", [Qt.Key.Key_Home], on_pages)
        self.last_action = self._action("mdi6.page-last", [Qt.Key.Key_End], on_pages)
        for action in (self.next_action, self.previous_action, self.first_action, self.last_action):
            self.removeAction(action)
            self.view.addAction(action)
        self.goto_action = self._action("mdi6.numeric-1-box-outline", ["Ctrl+G", "Ctrl+L"])
        self.back_action = self._action("mdi6.arrow-left", [QKeySequence.StandardKey.Back])
        self.forward_action = self._action("mdi6.arrow-right", [QKeySequence.StandardKey.Forward])
        self.zoom_in_action = self._action(
            "mdi6.magnify-plus-outline", [QKeySequence.StandardKey.ZoomIn, "Ctrl+="]
        )
        self.zoom_out_action = self._action("mdi6.magnify-minus-outline", [QKeySequence.StandardKey.ZoomOut])
        self.actual_size_action = self._action("mdi6.magnify", ["Ctrl+1"])
        self.fit_width_action = self._action("mdi6.arrow-expand-horizontal", ["Ctrl+2"])
        self.fit_page_action = self._action("mdi6.fit-to-page-outline", ["Ctrl+0"])
        self.fit_width_action.setCheckable(True)
        self.fit_page_action.setCheckable(True)
        self.find_action = self._action("mdi6.file-find-outline", [QKeySequence.StandardKey.Find])
        self.find_next_action = self._action("mdi6.chevron-down", ["F3"])
        self.find_previous_action = self._action("mdi6.chevron-up", ["Shift+F3"])
        self.side_action = self.side.toggleViewAction()
        self.side_action.setIcon(qta.icon("mdi6.dock-left", color=NAVY))
        self.side_action.setShortcut(QKeySequence("F9"))
        self.addAction(self.side_action)
        self.thumbnails_action = self._action("mdi6.image-multiple-outline", ["Ctrl+Shift+T"])
        self.contents_action = self._action("mdi6.format-list-bulleted", ["Ctrl+Shift+O"])
        self.notes_action = self._action("mdi6.note-text-outline", ["Ctrl+Shift+N"])
        self.notes_panel_action = self.notes_dock.toggleViewAction()
        self.readers_action = self._action("mdi6.account-eye-outline", ["Ctrl+Shift+R"])
        self.close_action = self._action("mdi6.close", [QKeySequence.StandardKey.Close, "Ctrl+W"])
        self.find_bar.previous_button.setDefaultAction(self.find_previous_action)
        self.find_bar.next_button.setDefaultAction(self.find_next_action)

    def _build_bars(self) -> None:
        self.page_box = QSpinBox(objectName="pageBox", minimum=1, maximum=1, keyboardTracking=False)
        self.page_box.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        self.page_box.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.page_box.setMinimumWidth(self.fontMetrics().horizontalAdvance("00000") + 16)
        self.page_total = QLabel()
        self.zoom_label = QLabel(objectName="zoomLabel")
        self.zoom_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("000 %") + 8)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        bar = self.addToolBar("reader")
        self.toolbar = bar
        bar.setObjectName("readerToolBar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.toggleViewAction().setVisible(False)
        bar.addAction(self.side_action)
        bar.addSeparator()
        bar.addAction(self.previous_action)
        bar.addAction(self.next_action)
        bar.addWidget(self.page_box)
        bar.addWidget(self.page_total)
        bar.addSeparator()
        bar.addAction(self.zoom_out_action)
        bar.addWidget(self.zoom_label)
        bar.addAction(self.zoom_in_action)
        bar.addAction(self.fit_width_action)
        bar.addAction(self.fit_page_action)
        bar.addSeparator()
        bar.addAction(self.find_action)
        bar.addAction(self.notes_action)
        bar.addAction(self.readers_action)

        menus = self.menuBar()
        self.document_menu = menus.addMenu("")
        self.document_menu.addAction(self.readers_action)
        self.document_menu.addSeparator()
        self.document_menu.addAction(self.close_action)
        self.view_menu = menus.addMenu("")
        self.view_menu.addActions(
            [self.zoom_in_action, self.zoom_out_action, self.actual_size_action, self.fit_width_action]
        )
        self.view_menu.addAction(self.fit_page_action)
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.side_action, self.contents_action, self.thumbnails_action])
        self.view_menu.addActions([self.notes_panel_action, self.notes_action])
        self.go_menu = menus.addMenu("")
        self.go_menu.addActions([self.next_action, self.previous_action, self.first_action, self.last_action])
        self.go_menu.addSeparator()
        self.go_menu.addActions([self.goto_action, self.back_action, self.forward_action])
        self.find_menu = menus.addMenu("")
        self.find_menu.addActions([self.find_action, self.find_next_action, self.find_previous_action])

        self.status_page = QLabel(objectName="statusLabel")
        self.status_version = QLabel(objectName="statusLabel")
        self.statusBar().addWidget(self.status_page, 1)
        self.statusBar().addPermanentWidget(self.status_version)
        self.setTabOrder(self.page_box, self.view)
        self.setTabOrder(self.view, self.find_bar.edit)

    def _connect_signals(self) -> None:
        self.view.page_changed.connect(self._page_changed)
        self.nav.backAvailableChanged.connect(self._update_actions)
        self.nav.forwardAvailableChanged.connect(self._update_actions)
        self.view.zoomModeChanged.connect(self._zoom_changed)
        self.view.zoomFactorChanged.connect(self._zoom_changed)
        self.view.resized.connect(self._zoom_changed)
        self.page_box.editingFinished.connect(self._page_box_done)
        self.next_action.triggered.connect(lambda: self.go_to_page(self.current_page + 1))
        self.previous_action.triggered.connect(lambda: self.go_to_page(self.current_page - 1))
        self.first_action.triggered.connect(lambda: self.go_to_page(1))
        self.last_action.triggered.connect(lambda: self.go_to_page(self.pdf.pageCount()))
        self.goto_action.triggered.connect(self._focus_page_box)
        self.back_action.triggered.connect(self.nav.back)
        self.forward_action.triggered.connect(self.nav.forward)
        self.zoom_in_action.triggered.connect(self.zoom_in)
        self.zoom_out_action.triggered.connect(self.zoom_out)
        self.actual_size_action.triggered.connect(lambda: self.set_zoom(1.0))
        self.fit_width_action.triggered.connect(lambda: self.view.set_zoom(QPdfView.ZoomMode.FitToWidth))
        self.fit_page_action.triggered.connect(lambda: self.view.set_zoom(QPdfView.ZoomMode.FitInView))
        self.find_action.triggered.connect(self.show_find)
        self.find_next_action.triggered.connect(self._find_next)
        self.find_previous_action.triggered.connect(self._find_previous)
        self.find_bar.hit_chosen.connect(self._show_hit)
        self.find_bar.current_row_changed.connect(self.view.setCurrentSearchResultIndex)
        self.find_bar.closed.connect(self.view.setFocus)
        self.thumbnails_action.triggered.connect(lambda: self._show_side(self.side_panel.show_pages))
        self.contents_action.triggered.connect(lambda: self._show_side(self.side_panel.show_contents))
        self.notes_action.triggered.connect(self.show_notes)
        self.readers_action.triggered.connect(self.show_readers)
        self.close_action.triggered.connect(self.close)
        self.side_panel.page_requested.connect(self._side_page_chosen)
        self.notes.page_requested.connect(self.go_to_page)
        self.context.actor_changed.connect(self._actor_changed)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self._show_title()
        self.loading.setText(self.tr("Opening the document…"))
        self.error.retranslate()
        self.side.setWindowTitle(self.tr("Contents and pages"))
        self.notes_dock.setWindowTitle(self.tr("My private notes"))
        self.document_menu.setTitle(self.tr("&Document"))
        self.view_menu.setTitle(self.tr("&View"))
        self.go_menu.setTitle(self.tr("&Go"))
        self.find_menu.setTitle(self.tr("F&ind"))
        texts = [
            (self.next_action, self.tr("&Next page"), self.tr("Go to the next page")),
            (self.previous_action, self.tr("&Previous page"), self.tr("Go to the previous page")),
            (self.first_action, self.tr("&First page"), self.tr("Go to the first page")),
            (self.last_action, self.tr("&Last page"), self.tr("Go to the last page")),
            (self.goto_action, self.tr("&Go to page…"), self.tr("Type a page number")),
            (self.back_action, self.tr("&Back"), self.tr("Back to where you were before the last jump")),
            (self.forward_action, self.tr("For&ward"), self.tr("Forward again after going back")),
            (self.zoom_in_action, self.tr("Zoom &in"), self.tr("Make the pages larger")),
            (self.zoom_out_action, self.tr("Zoom &out"), self.tr("Make the pages smaller")),
            (self.actual_size_action, self.tr("&Actual size"), self.tr("Show the pages at 100 %")),
            (self.fit_width_action, self.tr("Fit &width"), self.tr("Pages as wide as the window")),
            (self.fit_page_action, self.tr("Fit &page"), self.tr("A whole page in the window")),
            (self.find_action, self.tr("&Find in the document…"), self.tr("Find words in this document")),
            (self.find_next_action, self.tr("Find &next"), self.tr("Go to the next match")),
            (self.find_previous_action, self.tr("Find &previous"), self.tr("Go to the previous match")),
            (self.side_action, self.tr("&Side panel"), self.tr("Show or hide the contents and pages")),
            (self.contents_action, self.tr("&Contents"), self.tr("The document's table of contents")),
            (self.thumbnails_action, self.tr("Page &thumbnails"), self.tr("A small picture of each page")),
            (self.notes_panel_action, self.tr("Not&es panel"), self.tr("Show or hide your private notes")),
            (
                self.notes_action,
                self.tr("My &note on this page"),
                self.tr("Write a private note on this page"),
            ),
            (self.readers_action, self.tr("Who has &read it…"), self.tr("Who has opened this version")),
            (self.close_action, self.tr("&Close"), self.tr("Close this document")),
        ]
        for action, text, tip in texts:
            self._set_action(action, text, tip)
        self.page_box.setToolTip(self.tr("The page being read; type a number and press Enter (Ctrl+G)"))
        self.zoom_label.setToolTip(self.tr("Zoom (Ctrl++ larger, Ctrl+- smaller)"))
        self.view.setToolTip("")
        self.view.setAccessibleName(self.tr("Pages of the document"))
        self._show_page_state()
        self._zoom_changed()

    @staticmethod
    def _set_action(action: QAction, text: str, tip: str) -> None:
        action.setText(text)
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
        action.setStatusTip(tip)

    def _default_geometry(self) -> None:
        """Beside the main window: the right part of the screen, nearly full height (a page is tall), with
        narrow side panels so that the page keeps most of the width."""
        screen = QGuiApplication.primaryScreen().availableGeometry()
        width = min(1200, int(screen.width() * 0.7))
        height = int(screen.height() * 0.92)
        self.resize(width, height)
        self.move(screen.right() - width - 10, screen.top() + int(screen.height() * 0.03))
        side = max(self.fontMetrics().averageCharWidth() * 28, int(width * 0.2))
        self.resizeDocks([self.side, self.notes_dock], [side, side], Qt.Orientation.Horizontal)

    # --- opening ----------------------------------------------------------------------------------------

    def show_document(self, document_id: uuid.UUID, page: int = 1, find: str = "") -> None:
        """Open a dossier's current version as the acting user; the file is read and checked in a worker."""
        actor = self.actor
        if actor is None:
            return
        self.document_id = document_id
        self._start_page, self._start_find = page, find
        self.stack.setCurrentWidget(self.loading)
        self.context.runner.query(lambda s: open_document(s, actor, document_id)).success(
            self._opened
        ).failure(self._failed).run_in_background()

    @Slot(object)
    def _opened(self, opened: OpenedDocument) -> None:
        """The version to show is known: read its file (the store checks its hash) in a worker."""
        self.opened = opened
        self.document_title = opened.title
        self._show_title()
        blobs = self.context.database.blobs
        self.context.runner.operation(lambda _p: blobs.read(opened.sha256)).success(self._file_read).failure(
            self._failed
        ).run_in_background()

    def show_file(self, path: Path, title: str = "", page: int = 1) -> None:
        """Open a PDF file from disk (a board book just built): no notes, no reading receipt."""
        self.path = path
        self.document_title = title or path.name
        self._start_page = page
        self.notes_dock.hide()
        self.notes_dock.toggleViewAction().setVisible(False)
        if not path.is_file():
            self._show_error(self.tr("The file {path} does not exist (any more).").format(path=path))
            return
        self._load_pdf(lambda: self.pdf.load(str(path)))

    @Slot(object)
    def _file_read(self, data: bytes) -> None:
        opened = self.opened
        assert opened is not None
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffer = buffer  # the document reads from it for as long as it is open
        self._load_pdf(lambda: self.pdf.load(buffer))
        if self.stack.currentWidget() is not self.reading or self.actor is None:
            return
        actor, document_id = self.actor, opened.document_id
        if records_reading(actor):
            self.context.runner.write(actor, lambda s: mark_read(s, actor, document_id)).from_source(
                self
            ).run_in_background()
        self.notes.open(actor, opened.version_id, self.current_page)

    def _load_pdf(self, load: Any) -> None:
        load()
        if self.pdf.status() != QPdfDocument.Status.Ready or self.pdf.pageCount() < 1:
            self._show_error(
                self.tr(
                    "The file of this document is not a PDF that can be shown "
                    "(it may be damaged or protected with a password)."
                ),
                f"QPdfDocument: {self.pdf.error().name}",
            )
            return
        self._ready()

    def _failed(self, exc: Exception) -> None:
        text, details = describe(exc, self.context.language)
        if isinstance(exc, DomainError) and exc.code in ("blob_missing", "blob_corrupt"):
            text += "\n\n" + self.tr(
                "The file on this computer is missing or damaged. Ask the secretariat to send the document "
                "again (a new sync package brings the file back)."
            )
        self._show_error(text, details)

    def _show_error(self, text: str, details: str = "") -> None:
        self.error.show_error(text, details)
        self.stack.setCurrentWidget(self.error)
        self.notes.setEnabled(False)
        # Nothing to list beside a message. (Hidden only here: the panels' state is not saved for this window.)
        self.side.hide()
        self.notes_dock.hide()
        self._show_title()
        self._update_actions()

    def _ready(self) -> None:
        count = self.pdf.pageCount()
        self.page_box.setMaximum(count)
        self.stack.setCurrentWidget(self.reading)
        self.side_panel.document_ready(self.devicePixelRatioF())
        self.readers_action.setVisible(
            self.document_id is not None and self.actor is not None and sees_readers(self.actor)
        )
        self._show_title()
        self.view.reset()
        self.go_to_page(self._start_page)
        self._page_changed(self.view.current_page())
        if self._start_find:
            self.find_bar.start(self._start_find, self.current_page - 1)
        self.view.setFocus()
        self._update_actions()

    def reopen_at(self, page: int, find: str = "") -> None:
        """The same document asked for again (from search, say): go to the page, and find the words."""
        if self.stack.currentWidget() is not self.reading:
            self._start_page, self._start_find = page, find or self._start_find
            return
        self.go_to_page(page)
        if find:
            self.find_bar.start(find, page - 1)

    # --- pages ------------------------------------------------------------------------------------------

    @property
    def current_page(self) -> int:
        """1-based."""
        return self.view.current_page() + 1

    @Slot(int)
    def go_to_page(self, page: int) -> None:
        count = self.pdf.pageCount()
        if count < 1:
            return
        self.view.show_page(max(1, min(count, page)) - 1)

    @Slot(int)
    def _page_changed(self, page: int) -> None:
        if self.pdf.pageCount() < 1:
            return
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        self.side_panel.set_current_page(page)
        self.notes.set_page(page + 1)
        self.find_bar.set_reading_page(page)
        self._show_page_state()
        self._update_actions()

    @Slot()
    def _page_box_done(self) -> None:
        self.go_to_page(self.page_box.value())
        if self.page_box.hasFocus():  # Enter, not leaving the box: back to the pages
            self.view.setFocus()

    @Slot()
    def _focus_page_box(self) -> None:
        self.page_box.setFocus()
        self.page_box.selectAll()

    @Slot(int, float)
    def _side_page_chosen(self, page: int, y_points: float) -> None:
        self.view.show_page(page, y_points if y_points > 0 else None)

    def _show_side(self, show: Any) -> None:
        self.side.show()
        show()

    # --- zoom -------------------------------------------------------------------------------------------

    def effective_zoom(self) -> float:
        """The zoom the pages are shown at, also when they are fitted to the window (QPdfView keeps 1.0 then)."""
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom or self.pdf.pageCount() < 1:
            return self.view.zoomFactor()
        resolution = QGuiApplication.primaryScreen().logicalDotsPerInch() / 72.0
        return max(0.05, self.view.scale(self.view.current_page()) / resolution)

    def set_zoom(self, factor: float) -> None:
        self.view.set_zoom(QPdfView.ZoomMode.Custom, max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], factor)))

    @Slot()
    def zoom_in(self) -> None:
        now = self.effective_zoom()
        self.set_zoom(next((z for z in ZOOM_STEPS if z > now * 1.01), ZOOM_STEPS[-1]))

    @Slot()
    def zoom_out(self) -> None:
        now = self.effective_zoom()
        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < now * 0.99), ZOOM_STEPS[0]))

    @Slot()
    def _zoom_changed(self, *_: object) -> None:
        mode = self.view.zoomMode()
        self.fit_width_action.setChecked(mode == QPdfView.ZoomMode.FitToWidth)
        self.fit_page_action.setChecked(mode == QPdfView.ZoomMode.FitInView)
        self.zoom_label.setText(f"{QLocale().toString(round(self.effective_zoom() * 100))} %")
        self._update_actions()

    # --- find -------------------------------------------------------------------------------------------

    @Slot()
    def show_find(self) -> None:
        if self.stack.currentWidget() is not self.reading:
            return
        self.find_bar.show()
        self.find_bar.edit.setFocus()
        self.find_bar.edit.selectAll()

    @Slot()
    def _find_next(self) -> None:
        if not self.find_bar.isVisible() or not self.find_bar.edit.text().strip():
            self.show_find()
            return
        self.find_bar.next_hit()

    @Slot()
    def _find_previous(self) -> None:
        if not self.find_bar.isVisible() or not self.find_bar.edit.text().strip():
            self.show_find()
            return
        self.find_bar.previous_hit()

    @Slot(int, int)
    def _show_hit(self, page: int, which: int) -> None:
        # QPdfView frames the current match but does not scroll to it.
        hits = self.find_bar.model.resultsOnPage(page)
        self.view.show_page(page, hits[which].location().y() if 0 <= which < len(hits) else None)

    # --- panels and dialogs -----------------------------------------------------------------------------

    @Slot()
    def show_notes(self) -> None:
        if self.document_id is None:
            return
        self.notes_dock.show()
        self.notes.editor.setFocus()

    @Slot()
    def show_readers(self) -> None:
        if self.document_id is None or self.actor is None or not sees_readers(self.actor):
            return
        dialog = ReadersDialog(self.context, self.actor, self.document_id, self.document_title, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # --- state ------------------------------------------------------------------------------------------

    def _show_title(self) -> None:
        title = self.document_title or self.tr("Document")
        self.setWindowTitle(self.tr("{title} — e-Cabinet reader").format(title=title))

    def _show_page_state(self) -> None:
        count = self.pdf.pageCount() if self.pdf.status() == QPdfDocument.Status.Ready else 0
        self.page_total.setText(self.tr("of %n", "", count) if count else "")
        if count:
            self.status_page.setText(
                self.tr("Page {page} of {count}").format(page=self.current_page, count=count)
            )
        else:
            self.status_page.setText("")
        if self.opened is not None:
            self.status_version.setText(self.tr("Version {number}").format(number=self.opened.version_number))
        elif self.path is not None:
            self.status_version.setText(str(self.path))

    @Slot()
    def _update_actions(self, *_: object) -> None:
        ready = self.stack.currentWidget() is self.reading
        count = self.pdf.pageCount() if ready else 0
        page = self.current_page if ready else 0
        self.next_action.setEnabled(ready and page < count)
        self.last_action.setEnabled(ready and page < count)
        self.previous_action.setEnabled(ready and page > 1)
        self.first_action.setEnabled(ready and page > 1)
        self.back_action.setEnabled(ready and self.nav.backAvailable())
        self.forward_action.setEnabled(ready and self.nav.forwardAvailable())
        for action in (
            self.goto_action,
            self.zoom_in_action,
            self.zoom_out_action,
            self.actual_size_action,
            self.fit_width_action,
            self.fit_page_action,
            self.find_action,
            self.find_next_action,
            self.find_previous_action,
        ):
            action.setEnabled(ready)
        self.page_box.setEnabled(ready)
        self.side_action.setEnabled(ready)
        documents = self.document_id is not None
        self.notes_action.setVisible(documents)
        self.notes_action.setEnabled(ready)
        self.readers_action.setVisible(documents and self.actor is not None and sees_readers(self.actor))

    @Slot(object)
    def _actor_changed(self, actor: Actor | None) -> None:
        # Another person now uses the app: this window showed what the previous one may see, and their notes.
        if actor != self.actor:
            self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.notes.save_now(final=True)
        if self.stack.currentWidget() is not self.error:  # its panels were hidden for the message only
            self.save_geometry(self.context.settings)
        # The view's and the thumbnails' renderers: setDocument waits for a page being rendered in their worker
        # thread, so none is rendered from the document once it is deleted.
        for renderer in self.findChildren(QPdfPageRenderer):
            renderer.setDocument(None)
        super().closeEvent(event)
