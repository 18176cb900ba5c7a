"""The reader's side panel: the document's own contents (its outline) and a thumbnail of each page."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPointF, QSize, Qt, Signal, Slot
from PySide6.QtPdf import QPdfBookmarkModel, QPdfDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QStackedWidget,
    QTabWidget,
    QTreeView,
    QWidget,
)

from ecabinet.ui.reader.thumbnails import THUMB_WIDTH, ThumbnailModel


class SidePanel(QTabWidget):
    """Two tabs; Enter or a click on a heading or a page asks the window to go there."""

    # 0-based page, and the point down the page in PDF points (-1: its top)
    page_requested = Signal(int, float)

    def __init__(self, document: QPdfDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerTabs")
        self.outline_model = QPdfBookmarkModel(self)
        self.outline_model.setDocument(document)
        self.outline = QTreeView(objectName="outlineTree")
        self.outline.setModel(self.outline_model)
        self.outline.setHeaderHidden(True)
        self.outline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.outline.setUniformRowHeights(True)
        self.no_outline = QLabel(objectName="muted", wordWrap=True, alignment=Qt.AlignmentFlag.AlignTop)
        self.outline_stack = QStackedWidget()
        self.outline_stack.addWidget(self.outline)
        self.outline_stack.addWidget(self.no_outline)

        self.thumbnails_model = ThumbnailModel(document, self)
        self.thumbnails = QListView(objectName="thumbnails")
        self.thumbnails.setModel(self.thumbnails_model)
        self.thumbnails.setViewMode(QListView.ViewMode.IconMode)
        self.thumbnails.setFlow(QListView.Flow.TopToBottom)
        self.thumbnails.setWrapping(False)
        self.thumbnails.setMovement(QListView.Movement.Static)
        self.thumbnails.setResizeMode(QListView.ResizeMode.Adjust)
        self.thumbnails.setUniformItemSizes(True)
        self.thumbnails.setSpacing(6)
        self.thumbnails.setIconSize(QSize(THUMB_WIDTH, round(THUMB_WIDTH * 1.42)))
        self.thumbnails.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.thumbnails.setMinimumWidth(THUMB_WIDTH + 48)
        self.thumbnails.setStyleSheet(
            "QListView#thumbnails { background: #e4e8ee; }"
        )  # white pages stand out

        self.addTab(self.outline_stack, "")
        self.addTab(self.thumbnails, "")
        self.thumbnails.activated.connect(self._thumbnail_chosen)
        self.thumbnails.clicked.connect(self._thumbnail_chosen)
        self.outline.activated.connect(self._outline_chosen)
        self.outline.clicked.connect(self._outline_chosen)
        self.currentChanged.connect(lambda _tab: self._center_current())
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setTabText(0, self.tr("Contents"))
        self.setTabText(1, self.tr("Pages"))
        self.setTabToolTip(0, self.tr("The document's own table of contents (Ctrl+Shift+O)"))
        self.setTabToolTip(1, self.tr("A small picture of each page (Ctrl+Shift+T)"))
        self.no_outline.setText(self.tr("This document has no table of contents. See the pages instead."))
        self.outline.setToolTip(self.tr("Enter or a click goes to the heading"))
        self.thumbnails.setToolTip(self.tr("Enter or a click goes to the page"))

    def document_ready(self, device_pixel_ratio: float) -> None:
        """Show the contents when the document has them, else the pages."""
        self.thumbnails_model.set_device_pixel_ratio(device_pixel_ratio)
        has_outline = self.outline_model.rowCount() > 0
        self.outline_stack.setCurrentWidget(self.outline if has_outline else self.no_outline)
        self.setCurrentWidget(self.outline_stack if has_outline else self.thumbnails)
        self.outline.expandToDepth(0)

    def set_current_page(self, page: int) -> None:
        self.thumbnails.setCurrentIndex(self.thumbnails_model.index(page))
        self._center_current()

    def _center_current(self) -> None:
        # Only when in sight: laying out the list asks for pictures, and hidden ones need none rendered.
        if self.thumbnails.isVisible():
            self.thumbnails.scrollTo(
                self.thumbnails.currentIndex(), QAbstractItemView.ScrollHint.PositionAtCenter
            )

    def show_contents(self) -> None:
        self.setCurrentWidget(self.outline_stack)
        self.outline.setFocus()

    def show_pages(self) -> None:
        self.setCurrentWidget(self.thumbnails)
        self.thumbnails.setFocus()
        self._center_current()

    @Slot(QModelIndex)
    def _thumbnail_chosen(self, index: QModelIndex) -> None:
        if index.isValid():
            self.page_requested.emit(index.row(), -1.0)

    @Slot(QModelIndex)
    def _outline_chosen(self, index: QModelIndex) -> None:
        page = index.data(int(QPdfBookmarkModel.Role.Page)) if index.isValid() else None
        if not isinstance(page, int):
            return
        location = index.data(int(QPdfBookmarkModel.Role.Location))
        self.page_requested.emit(page, location.y() if isinstance(location, QPointF) else -1.0)
