"""Page thumbnails, rendered in Qt's PDF worker thread only when a row is first painted."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Slot,
)
from PySide6.QtGui import QColor, QImage, QPixmap
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions, QPdfPageRenderer

Index = QModelIndex | QPersistentModelIndex

THUMB_WIDTH = 112  # device-independent pixels


class ThumbnailModel(QAbstractListModel):
    """One row per page: its label, and its picture once rendered (a blank page of the right shape until then).

    `data(DecorationRole)` is asked only for rows a view paints, so a 500-page document renders the dozen
    pages in sight, not all of them; each page is requested once.
    """

    def __init__(self, document: QPdfDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._pixmaps: dict[int, QPixmap] = {}
        self._requested: set[int] = set()
        self._ratio = 1.0
        self._renderer = QPdfPageRenderer(self)
        self._renderer.setRenderMode(QPdfPageRenderer.RenderMode.MultiThreaded)
        self._renderer.setDocument(document)
        self._renderer.pageRendered.connect(self._rendered)
        document.statusChanged.connect(self._reset)

    def set_device_pixel_ratio(self, ratio: float) -> None:
        self._ratio = max(1.0, ratio)

    @property
    def rendered_pages(self) -> set[int]:
        """Pages (0-based) whose picture has arrived (tests, and knowing that rendering is lazy)."""
        return set(self._pixmaps)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._document.status() != QPdfDocument.Status.Ready:
            return 0
        return self._document.pageCount()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        page = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._document.pageLabel(page) or str(page + 1)
        if role == Qt.ItemDataRole.DecorationRole:
            pixmap = self._pixmaps.get(page)
            if pixmap is None:
                self._request(page)
                return self._placeholder(page)
            return pixmap
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def thumbnail_size(self, page: int = 0) -> QSize:
        points = self._document.pagePointSize(page)
        if points.width() <= 0:
            return QSize(THUMB_WIDTH, int(THUMB_WIDTH * 1.414))
        return QSize(THUMB_WIDTH, round(THUMB_WIDTH * points.height() / points.width()))

    def _request(self, page: int) -> None:
        if page in self._requested:
            return
        self._requested.add(page)
        size = self.thumbnail_size(page) * self._ratio
        self._renderer.requestPage(page, size, QPdfDocumentRenderOptions())

    def _placeholder(self, page: int) -> QPixmap:
        pixmap = QPixmap(self.thumbnail_size(page))
        pixmap.fill(QColor("#ffffff"))
        return pixmap

    @Slot(int, QSize, QImage, QPdfDocumentRenderOptions, int)
    def _rendered(self, page: int, _size: QSize, image: QImage, _options: Any, _request: int) -> None:
        if not 0 <= page < self.rowCount():
            return
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(self._ratio)
        self._pixmaps[page] = pixmap
        index = self.index(page)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    @Slot()
    def _reset(self) -> None:
        self.beginResetModel()
        self._pixmaps.clear()
        self._requested.clear()
        self.endResetModel()
