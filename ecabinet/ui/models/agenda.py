"""A session's agenda as a tree: items, their sub-items, and the documents of each item as its children."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import qtawesome as qta
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from ecabinet.agenda.sessions import DocumentInfo, ItemInfo, SessionDetail
from ecabinet.ui import formatting, labels
from ecabinet.ui.models import ID_ROLE

Index = QModelIndex | QPersistentModelIndex

TITLE, PRESENTER, KIND, MINUTES, PAGES, CLASSIFICATION = range(6)
COLUMNS = 6
MARK_COLOUR = QColor("#b3261e")  # the red of a classification stamp


@dataclass(eq=False)
class _Node:
    payload: ItemInfo | DocumentInfo
    parent: int  # the parent node's number, -1 for the top level
    row: int
    children: list[int] = field(default_factory=list)


class AgendaModel(QAbstractItemModel):
    """Read-only. Nodes are numbered in a flat list; an index's internal id is its node's number + 1."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._nodes: list[_Node] = []
        self._top: list[int] = []

    def set_detail(self, detail: SessionDetail | None) -> None:
        self.beginResetModel()
        self._nodes, self._top = [], []
        by_item: dict[object, int] = {}
        for item in detail.items if detail else ():
            parent = by_item.get(item.parent_id, -1) if item.parent_id is not None else -1
            siblings = self._top if parent < 0 else self._nodes[parent].children
            number = self._add(item, parent, siblings)
            by_item[item.id] = number
            # The dossier of an item comes right under it, before its sub-items.
            for doc in item.documents:
                self._add(doc, number, self._nodes[number].children)
        self.endResetModel()

    def _add(self, payload: ItemInfo | DocumentInfo, parent: int, siblings: list[int]) -> int:
        number = len(self._nodes)
        self._nodes.append(_Node(payload, parent, len(siblings)))
        siblings.append(number)
        return number

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)
        self.layoutAboutToBeChanged.emit()
        self.layoutChanged.emit()

    def _node(self, index: Index) -> _Node | None:
        if not index.isValid():
            return None
        return self._nodes[index.internalId() - 1]

    # --- structure -------------------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        node = self._node(parent)
        siblings = self._top if node is None else node.children
        return self.createIndex(row, column, siblings[row] + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self._node(index)
        if node is None or node.parent < 0:
            return QModelIndex()
        return self.createIndex(self._nodes[node.parent].row, 0, node.parent + 1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        node = self._node(parent)
        return len(self._top if node is None else node.children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return COLUMNS

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # --- content ---------------------------------------------------------------------------------------

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (
            self.tr("Agenda item / document"),
            self.tr("Presenter"),
            self.tr("Kind"),
            self.tr("Minutes"),
            self.tr("Pages"),
            self.tr("Classification"),
        )
        return names[section] if 0 <= section < COLUMNS else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self._node(index)
        if node is None:
            return None
        p, column = node.payload, index.column()
        if role == ID_ROLE:
            return p.id
        if isinstance(p, ItemInfo):
            return self._item_data(p, column, role)
        return self._document_data(p, column, role)

    def _item_data(self, item: ItemInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TITLE:
                return f"{item.number}. {item.title}"
            if column == PRESENTER:
                return item.presenter
            if column == KIND:
                return labels.item_kind(item.kind)
            if column == MINUTES:
                return formatting.number(item.planned_minutes) if item.planned_minutes else ""
            if column == CLASSIFICATION:
                return item.classification.mark
            return ""
        if role == Qt.ItemDataRole.FontRole and item.parent_id is None and column == TITLE:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and column == TITLE and item.changed_since_published:
            return qta.icon("mdi6.update", color="#b3261e")
        if role == Qt.ItemDataRole.ToolTipRole and column == TITLE:
            tip = item.title
            if item.changed_since_published:
                tip += "\n" + self.tr("Changed since the session was published")
            return tip
        return self._common(item.classification, column, role)

    def _document_data(self, doc: DocumentInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TITLE:
                return doc.title
            if column == KIND:
                return labels.document_kind(doc.kind)
            if column == PAGES:
                return formatting.number(doc.page_count) if doc.page_count else ""
            if column == CLASSIFICATION:
                return doc.classification.mark
            return ""
        if role == Qt.ItemDataRole.DecorationRole and column == TITLE:
            if doc.changed_since_published:
                return qta.icon("mdi6.file-alert-outline", color="#b3261e")
            return qta.icon("mdi6.file-document-outline", color="#1f3a60")
        if role == Qt.ItemDataRole.ToolTipRole and column == TITLE:
            lines = [
                doc.title,
                self.tr("File: {name} (version {version})").format(
                    name=doc.filename or "—", version=doc.version_number
                ),
            ]
            if doc.changed_since_published:
                lines.append(self.tr("Changed since the session was published"))
            return "\n".join(lines)
        return self._common(doc.classification, column, role)

    def _common(self, level: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (MINUTES, PAGES):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if column == CLASSIFICATION and level.is_classified:
            if role == Qt.ItemDataRole.ForegroundRole:
                return MARK_COLOUR
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole:
                return labels.classification(level)
        return None
