"""The sessions list as a table: one row per SessionSummary the acting user may see."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from ecabinet.agenda.sessions import SessionSummary
from ecabinet.model import SessionState
from ecabinet.ui import formatting, labels
from ecabinet.ui.models import ID_ROLE, SORT_ROLE

Index = QModelIndex | QPersistentModelIndex

DATE, TITLE, KIND, STATE, CHAIR, ITEMS, DOCUMENTS = range(7)


class SessionTableModel(QAbstractTableModel):
    """Rows are replaced as a whole on each load (a session list is a few hundred rows at most)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SessionSummary] = []

    def set_rows(self, rows: list[SessionSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def summary(self, row: int) -> SessionSummary:
        return self._rows[row]

    def row_of(self, session_id: object) -> int:
        return next((n for n, s in enumerate(self._rows) if s.id == session_id), -1)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            (
                self.tr("Date"),
                self.tr("Session"),
                self.tr("Kind"),
                self.tr("State"),
                self.tr("Chair"),
                self.tr("Items"),
                self.tr("Documents"),
            )[section]
            if 0 <= section < 7
            else None
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                formatting.short_datetime(s.starts_at),
                s.title,
                labels.session_kind(s.kind),
                labels.session_state(s.state),
                s.chair,
                formatting.number(s.item_count),
                formatting.number(s.document_count),
            )[column]
        if role == SORT_ROLE:
            return (
                s.starts_at.timestamp(),
                s.title.casefold(),
                labels.session_kind(s.kind),
                list(SessionState).index(s.state),
                s.chair.casefold(),
                s.item_count,
                s.document_count,
            )[column]
        if role == ID_ROLE:
            return s.id
        if role == Qt.ItemDataRole.ToolTipRole and column == TITLE:
            return "\n".join(p for p in (s.title, s.place) if p)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (ITEMS, DOCUMENTS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and s.state is SessionState.DRAFT:
            font = QFont()
            font.setItalic(True)
            return font
        return None
