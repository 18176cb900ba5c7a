"""Who has read a document: the secretariat's view of each invited person and when they opened this version."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ecabinet.agenda.reading import ReaderRow, readers
from ecabinet.services.actor import Actor
from ecabinet.ui import formatting
from ecabinet.ui.context import AppContext


class ReadersDialog(QDialog):
    def __init__(
        self, context: AppContext, actor: Actor, document_id: uuid.UUID, title: str, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Who has read it — {title}").format(title=title))
        self.summary = QLabel(self.tr("Loading…"), wordWrap=True)
        self.table = QTreeWidget(objectName="readersTable")
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.setHeaderLabels([self.tr("Invited"), self.tr("Opened the current version")])
        self.table.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setToolTip(self.tr("Each invited person and when they first opened this version"))
        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("&Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setToolTip(self.tr("Close this list (Esc)"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(title, wordWrap=True, objectName="sectionTitle"))
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 90, self.fontMetrics().height() * 30)
        context.runner.query(lambda s: readers(s, actor, document_id)).success(self.show_rows).failure(
            self._failed
        ).run_in_background()

    @Slot(object)
    def show_rows(self, rows: list[ReaderRow]) -> None:
        self.table.clear()
        for row in rows:
            when = formatting.short_datetime(row.read_at) if row.read_at else self.tr("Not yet")
            item = QTreeWidgetItem([row.name, when])
            if row.read_at is None:
                item.setForeground(1, self.palette().placeholderText())
            self.table.addTopLevelItem(item)
        done = sum(1 for r in rows if r.read_at is not None)
        self.summary.setText(
            self.tr("{done} of {total} invited have opened the current version.").format(
                done=done, total=len(rows)
            )
        )
        if self.table.topLevelItemCount():
            self.table.setCurrentItem(self.table.topLevelItem(0))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _failed(self, exc: Exception) -> None:
        self.summary.setText("")
        self.context.show_error(exc, self)
