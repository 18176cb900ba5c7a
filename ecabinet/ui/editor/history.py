"""A document's versions, oldest first: who added each, when, and why it replaced the one before."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ecabinet.agenda.documents import VersionInfo
from ecabinet.ui import formatting

Index = QModelIndex | QPersistentModelIndex
NUMBER, WHEN, WHO, REASON, FILE, PAGES = range(6)


class VersionTableModel(QAbstractTableModel):
    def __init__(
        self,
        rows: list[VersionInfo] | None = None,
        names: dict[uuid.UUID, str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._rows = list(rows or [])
        self._names = dict(names or {})

    def set_rows(self, rows: list[VersionInfo], names: dict[uuid.UUID, str]) -> None:
        self.beginResetModel()
        self._rows, self._names = list(rows), dict(names)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (
            self.tr("Version"),
            self.tr("When"),
            self.tr("Who"),
            self.tr("Why"),
            self.tr("File"),
            self.tr("Pages"),
        )
        return names[section] if 0 <= section < 6 else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        v, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            who = self._names.get(v.added_by_id, "—") if v.added_by_id else "—"
            reason = v.reason or (self.tr("First version") if v.number == 1 else "—")
            return (
                formatting.number(v.number),
                formatting.short_datetime(v.added_at),
                who,
                reason,
                v.filename,
                formatting.number(v.page_count),
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == FILE:
            return self.tr("SHA-256: {sha}").format(sha=v.sha256)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (NUMBER, PAGES):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class DocumentHistoryDialog(QDialog):
    def __init__(
        self,
        title: str,
        rows: list[VersionInfo],
        names: dict[uuid.UUID, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("documentHistory")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.document_title = title
        self.model = VersionTableModel(rows, names, self)
        self.heading = QLabel(wordWrap=True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(FILE, QHeaderView.ResizeMode.Stretch)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.buttons.rejected.connect(self.reject)
        self.retranslate()
        self.resize(self.fontMetrics().averageCharWidth() * 150, self.fontMetrics().height() * 22)
        self.table.setFocus()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Document history"))
        self.heading.setText(
            self.tr("«{title}»: {count} versions, the current one last.").format(
                title=self.document_title, count=self.model.rowCount()
            )
        )
        self.table.setToolTip(self.tr("Who added each version, when, and why it replaced the one before"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Close"))
