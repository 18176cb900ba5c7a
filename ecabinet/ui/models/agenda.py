"""A session's agenda as a tree: items, their sub-items, and the documents of each item as its children."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import Enum
from typing import Any

import qtawesome as qta
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from ecabinet.agenda.reading import ReadState
from ecabinet.agenda.sessions import DocumentInfo, ItemInfo, SessionDetail
from ecabinet.ui import formatting, labels
from ecabinet.ui.models import ID_ROLE

Index = QModelIndex | QPersistentModelIndex

TITLE, PRESENTER, KIND, MINUTES, SCHEDULE, PAGES, CLASSIFICATION, MARK = range(8)
COLUMNS = 8
MARK_COLOUR = QColor("#b3261e")  # the red of a classification stamp
NEW_COLOUR = QColor("#1e6b3a")
MARKER_ROLE = Qt.ItemDataRole.UserRole + 10  # the row's Marker, or None


class Marker(Enum):
    """What the reader should notice about a row."""

    NEW = "new"  # a document this member has not opened yet
    CHANGED = "changed"  # changed since publishing, or a new version since this member read it


@dataclass(eq=False)
class _Node:
    payload: ItemInfo | DocumentInfo
    parent: int  # the parent node's number, -1 for the top level
    row: int
    children: list[int] = field(default_factory=list)
    starts: int = 0  # top-level items: minutes from the session's start to this item's planned start


class AgendaModel(QAbstractItemModel):
    """Read-only. Nodes are numbered in a flat list; an index's internal id is its node's number + 1.

    Each load replaces the tree (a reset): an agenda is a few dozen rows, and the view keeps its expanded
    rows and current row by id across the reset.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._nodes: list[_Node] = []
        self._top: list[int] = []
        self._by_id: dict[uuid.UUID, int] = {}
        self._starts_at: datetime | None = None
        self._reads: dict[uuid.UUID, ReadState] | None = None

    def set_detail(
        self, detail: SessionDetail | None, read_states: dict[uuid.UUID, ReadState] | None = None
    ) -> None:
        """Show `detail`; with `read_states` (a member's view) documents are marked new or changed to them."""
        self.beginResetModel()
        self._nodes, self._top, self._by_id = [], [], {}
        self._starts_at = detail.summary.starts_at if detail else None
        self._reads = read_states
        clock = 0
        for item in detail.items if detail else ():
            parent = self._by_id.get(item.parent_id, -1) if item.parent_id is not None else -1
            siblings = self._top if parent < 0 else self._nodes[parent].children
            number = self._add(item, parent, siblings)
            if parent < 0:
                self._nodes[number].starts = clock
                clock += item.planned_minutes
            # The dossier of an item comes right under it, before its sub-items.
            for doc in item.documents:
                self._add(doc, number, self._nodes[number].children)
        self.endResetModel()

    def _add(self, payload: ItemInfo | DocumentInfo, parent: int, siblings: list[int]) -> int:
        number = len(self._nodes)
        self._nodes.append(_Node(payload, parent, len(siblings)))
        self._by_id[payload.id] = number
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

    # --- lookups for the views -------------------------------------------------------------------------

    def payload(self, index: Index) -> ItemInfo | DocumentInfo | None:
        node = self._node(index)
        return node.payload if node else None

    def item(self, index: Index) -> ItemInfo | None:
        """The agenda item on this row, or None for a document row."""
        p = self.payload(index)
        return p if isinstance(p, ItemInfo) else None

    def document(self, index: Index) -> DocumentInfo | None:
        p = self.payload(index)
        return p if isinstance(p, DocumentInfo) else None

    def owning_item(self, index: Index) -> ItemInfo | None:
        """The item itself, or the item a document row belongs to."""
        node = self._node(index)
        if node is None:
            return None
        if isinstance(node.payload, DocumentInfo):
            return self._nodes[node.parent].payload  # type: ignore[return-value]
        return node.payload

    def index_of(self, record_id: object, column: int = 0) -> QModelIndex:
        number = self._by_id.get(record_id)  # type: ignore[arg-type]
        if number is None:
            return QModelIndex()
        return self.createIndex(self._nodes[number].row, column, number + 1)

    def item_children(self, index: Index) -> list[ItemInfo]:
        """The sub-items under an item row (or the top-level items under the root), in order."""
        node = self._node(index)
        numbers = self._top if node is None else node.children
        return [p for p in (self._nodes[n].payload for n in numbers) if isinstance(p, ItemInfo)]

    def sibling_position(self, item: ItemInfo) -> int:
        """The item's place among its parent's items (0 for the first), as the services count it."""
        parent = self.index_of(item.parent_id) if item.parent_id is not None else QModelIndex()
        return next((n for n, i in enumerate(self.item_children(parent)) if i.id == item.id), -1)

    def document_count(self, index: Index) -> int:
        node = self._node(index)
        if node is None:
            return 0
        return sum(isinstance(self._nodes[n].payload, DocumentInfo) for n in node.children)

    def marker(self, payload: ItemInfo | DocumentInfo) -> Marker | None:
        if isinstance(payload, DocumentInfo) and self._reads is not None:
            state = self._reads.get(payload.id)
            if state is None or state.read:
                return None
            return Marker.CHANGED if state.read_earlier_version else Marker.NEW
        return Marker.CHANGED if payload.changed_since_published else None

    def any_classified(self) -> bool:
        return any(node.payload.classification.is_classified for node in self._nodes)

    def marker_counts(self, documents_only: bool = False) -> dict[Marker, int]:
        counts = dict.fromkeys(Marker, 0)
        for node in self._nodes:
            if documents_only and not isinstance(node.payload, DocumentInfo):
                continue
            mark = self.marker(node.payload)
            if mark is not None:
                counts[mark] += 1
        return counts

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
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.ToolTipRole and section == SCHEDULE:
            return self.tr("Planned time of each item, counted from the session's start")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (
            self.tr("Agenda item / document"),
            self.tr("Presenter"),
            self.tr("Kind"),
            self.tr("Minutes"),
            self.tr("Planned time"),
            self.tr("Pages"),
            self.tr("Classification"),
            self.tr("Status"),
        )
        return names[section] if 0 <= section < COLUMNS else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self._node(index)
        if node is None:
            return None
        p, column = node.payload, index.column()
        if role == ID_ROLE:
            return p.id
        if role == MARKER_ROLE:
            return self.marker(p)
        if column == MARK:
            return self._mark_data(self.marker(p), role)
        if isinstance(p, ItemInfo):
            return self._item_data(node, p, column, role)
        return self._document_data(p, column, role)

    def _mark_data(self, mark: Marker | None, role: int) -> Any:
        if mark is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("New") if mark is Marker.NEW else self.tr("Changed")
        if role == Qt.ItemDataRole.ToolTipRole:
            if mark is Marker.NEW:
                return self.tr("You have not opened this document yet")
            if self._reads is not None:
                return self.tr("Changed since you read it, or since the session was published")
            return self.tr("Changed since the session was published")
        if role == Qt.ItemDataRole.ForegroundRole:
            return NEW_COLOUR if mark is Marker.NEW else MARK_COLOUR
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _schedule(self, node: _Node, item: ItemInfo) -> str:
        if self._starts_at is None or item.parent_id is not None:
            return ""
        start = self._starts_at + timedelta(minutes=node.starts)
        end = start + timedelta(minutes=item.planned_minutes)
        return f"{formatting.short_time(start)}–{formatting.short_time(end)}"

    def _item_data(self, node: _Node, item: ItemInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TITLE:
                return f"{item.number}. {item.title}"
            if column == PRESENTER:
                return item.presenter
            if column == KIND:
                return labels.item_kind(item.kind)
            if column == MINUTES:
                return formatting.number(item.planned_minutes) if item.planned_minutes else ""
            if column == SCHEDULE:
                return self._schedule(node, item)
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
        if role == Qt.ItemDataRole.ToolTipRole and column == SCHEDULE and item.parent_id is None:
            total = node.starts + item.planned_minutes
            return self.tr("Running total at the end of this item: {minutes} minutes").format(
                minutes=formatting.number(total)
            )
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
            mark = self.marker(doc)
            if mark is Marker.CHANGED:
                return qta.icon("mdi6.file-alert-outline", color="#b3261e")
            if mark is Marker.NEW:
                return qta.icon("mdi6.file-star-outline", color="#1e6b3a")
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
