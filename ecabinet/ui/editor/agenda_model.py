"""The agenda tree for the secretariat: items can be dragged to a new place, and PDF files dropped on an item.

The model does not change itself. A drop (or `moveRows`) is turned into a request — `move_requested` or
`files_dropped` — that the agenda editor carries out as an undoable command through the services; the tree
then shows the agenda as the database has it.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, QObject, Qt, Signal

from ecabinet.agenda.sessions import DocumentInfo, ItemInfo
from ecabinet.ui.models.agenda import AgendaModel, Index

ITEM_MIME = "application/x-ecabinet-agenda-item"
URI_MIME = "text/uri-list"


class EditableAgendaModel(AgendaModel):
    """`AgendaModel` plus drag and drop while `editable`; read-only (like its base) otherwise."""

    move_requested = Signal(object, object, int)  # item id, new parent id (None: top level), position
    files_dropped = Signal(object, list)  # item id, local file paths

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editable = False

    def set_editable(self, editable: bool) -> None:
        self.editable = editable

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if not self.editable:
            return flags
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        if self.item(index) is not None:
            return flags | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        return flags | Qt.ItemFlag.ItemIsDropEnabled  # files dropped on a document go to its item

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ITEM_MIME, URI_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData | None:  # type: ignore[override]
        items = [self.item(i) for i in indexes if i.column() == 0]
        item = next((i for i in items if i is not None), None)
        if item is None:
            return None
        data = QMimeData()
        data.setData(ITEM_MIME, QByteArray(str(item.id).encode()))
        return data

    # --- where a drop goes -----------------------------------------------------------------------------

    def dragged_item(self, data: QMimeData) -> ItemInfo | None:
        if not data.hasFormat(ITEM_MIME):
            return None
        try:
            item_id = uuid.UUID(bytes(data.data(ITEM_MIME).data()).decode())
        except ValueError:
            return None
        return self.item(self.index_of(item_id))

    def move_target(self, item: ItemInfo, row: int, parent: Index) -> tuple[uuid.UUID | None, int] | None:
        """(new parent id, position among its items) for dropping `item` at `row` under `parent`, in the
        services' terms (the position in the list without the item); None when it goes nowhere new."""
        target = self.payload(parent)
        if isinstance(target, DocumentInfo):
            return None
        if target is not None and target.parent_id is not None:
            return None  # a sub-item's rows are its documents; nothing is placed among them
        new_parent = target.id if target is not None else None
        if new_parent == item.id:
            return None
        items = len(self.item_children(parent))
        position = items if row < 0 else max(0, min(row - self.document_count(parent), items))
        if new_parent == item.parent_id:
            current = self.sibling_position(item)
            if position > current:
                position -= 1  # the rows after the item move up once it leaves its place
            if position == current:
                return None
        return new_parent, position

    def file_target(self, row: int, parent: Index) -> ItemInfo | None:
        """The item that files dropped at `row` under `parent` are added to."""
        if not parent.isValid():
            return None  # between top-level items: which one is meant is unclear
        if row < 0:
            return self.owning_item(parent)
        return self.item(parent)

    @staticmethod
    def local_files(data: QMimeData) -> list[str]:
        return [url.toLocalFile() for url in data.urls() if url.isLocalFile()] if data.hasUrls() else []

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.editable:
            return False
        item = self.dragged_item(data)
        if item is not None:
            return self.move_target(item, row, parent) is not None
        return bool(self.local_files(data)) and self.file_target(row, parent) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        item = self.dragged_item(data)
        if item is not None:
            target = self.move_target(item, row, parent)
            assert target is not None
            self.move_requested.emit(item.id, *target)
            return True
        owner = self.file_target(row, parent)
        assert owner is not None
        self.files_dropped.emit(owner.id, self.local_files(data))
        return True

    def moveRows(
        self,
        sourceParent: Index,
        sourceRow: int,
        count: int,
        destinationParent: Index,
        destinationChild: int,
    ) -> bool:
        """Ask for one item to move (the editor carries it out); True when the request was made."""
        if not self.editable or count != 1:
            return False
        item = self.item(self.index(sourceRow, 0, sourceParent))
        if item is None:
            return False
        target = self.move_target(item, destinationChild, destinationParent)
        if target is None:
            return False
        self.move_requested.emit(item.id, *target)
        return True
