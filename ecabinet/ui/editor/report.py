"""After an import: one row per file — added, added with warnings, refused (and why), or not looked at."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

import qtawesome as qta
from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ecabinet.agenda.importer import FileOutcome

Index = QModelIndex | QPersistentModelIndex
FILE, RESULT, DETAILS = range(3)


class Result(Enum):
    ADDED = "added"
    WARNED = "warned"
    REFUSED = "refused"
    SKIPPED = "skipped"  # the import was stopped before this file


@dataclass(frozen=True)
class ReportRow:
    path: str
    result: Result
    lines: tuple[str, ...]  # the reason of a refusal, or the warnings, in the interface language

    @property
    def filename(self) -> str:
        return Path(self.path).name


def report_rows(outcomes: list[FileOutcome], skipped: list[str], lang: str) -> list[ReportRow]:
    rows = []
    for o in outcomes:
        if o.refusal is not None:
            rows.append(ReportRow(o.path, Result.REFUSED, (o.refusal.text(lang),)))
        else:
            result = Result.WARNED if o.warnings else Result.ADDED
            rows.append(ReportRow(o.path, result, tuple(w.text(lang) for w in o.warnings)))
    rows.extend(ReportRow(p, Result.SKIPPED, ()) for p in skipped)
    return rows


COLOURS = {
    Result.ADDED: QColor("#1e6b3a"),
    Result.WARNED: QColor("#8a5300"),
    Result.REFUSED: QColor("#b3261e"),
    Result.SKIPPED: QColor("#5b6475"),
}
ICONS = {
    Result.ADDED: "mdi6.check-circle-outline",
    Result.WARNED: "mdi6.alert-outline",
    Result.REFUSED: "mdi6.close-circle-outline",
    Result.SKIPPED: "mdi6.minus-circle-outline",
}


class ImportReportModel(QAbstractTableModel):
    def __init__(self, rows: list[ReportRow] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows = list(rows or [])

    def set_rows(self, rows: list[ReportRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, number: int) -> ReportRow:
        return self._rows[number]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            (self.tr("File"), self.tr("Result"), self.tr("Reason or warnings"))[section]
            if 0 <= section < 3
            else None
        )

    def result_text(self, result: Result) -> str:
        return {
            Result.ADDED: self.tr("Added"),
            Result.WARNED: self.tr("Added, with warnings"),
            Result.REFUSED: self.tr("Refused"),
            Result.SKIPPED: self.tr("Not imported: the import was stopped"),
        }[result]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (r.filename, self.result_text(r.result), "\n".join(r.lines))[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return r.path if column == FILE else "\n\n".join(r.lines) or None
        if role == Qt.ItemDataRole.ForegroundRole and column == RESULT:
            return COLOURS[r.result]
        if role == Qt.ItemDataRole.DecorationRole and column == RESULT:
            return qta.icon(ICONS[r.result], color=COLOURS[r.result].name())
        return None

    def as_text(self) -> str:
        return "\n".join(
            f"{r.filename}\t{self.result_text(r.result)}\t{' '.join(r.lines)}".rstrip() for r in self._rows
        )


class ImportReportDialog(QDialog):
    """Shown after every import, so each file's fate is stated; Enter or Esc closes it."""

    def __init__(self, rows: list[ReportRow], item_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importReport")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.item_title = item_title
        self.model = ImportReportModel(rows, self)
        self.summary = QLabel(wordWrap=True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DETAILS, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy = QPushButton()
        self.buttons.addButton(self.copy, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.buttons.rejected.connect(self.reject)
        self.copy.clicked.connect(self._copy)
        # Wrapped reasons need their rows to grow whenever the column's width changes.
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.copy.setAutoDefault(False)
        close.setDefault(True)
        self.retranslate()
        metrics = self.fontMetrics()
        self.setMinimumWidth(metrics.averageCharWidth() * 110)
        self.resize(metrics.averageCharWidth() * 150, metrics.height() * (14 + 4 * min(len(rows), 8)))
        self.table.setFocus()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.table.resizeRowsToContents()

    def counts(self) -> dict[Result, int]:
        counts = dict.fromkeys(Result, 0)
        for number in range(self.model.rowCount()):
            counts[self.model.row(number).result] += 1
        return counts

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import report"))
        c = self.counts()
        added = c[Result.ADDED] + c[Result.WARNED]
        text = self.tr("«{item}»: {added} of {total} files added.").format(
            item=self.item_title, added=added, total=self.model.rowCount()
        )
        if c[Result.REFUSED]:
            text += " " + self.tr("{count} refused; nothing was stored for them.").format(
                count=c[Result.REFUSED]
            )
        if c[Result.WARNED]:
            text += " " + self.tr("Check the warnings before the dossier is distributed.")
        if added:
            text += " " + self.tr("The new documents are indexed for search in the background.")
        self.summary.setText(text)
        self.table.setToolTip(self.tr("Each file and what became of it"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Close"))
        self.copy.setText(self.tr("Co&py report"))
        self.copy.setToolTip(self.tr("Copy the report to the clipboard, to send or keep"))

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(f"{self.summary.text()}\n\n{self.model.as_text()}")
