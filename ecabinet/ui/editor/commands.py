"""Undoable agenda edits: each redo and undo calls a service in its own unit of work (through the host).

The services give every re-created item a new id, so a command never keeps a bare id: `IdMap` follows a
record from the id a command knew to the id it has now (after "remove item, undo" it is a new row).

Documents come back with their own ids: removing one (alone, or with its item) keeps a `DocumentSnapshot`
of every row that went, and `restore_document` inserts those rows again — all its versions with their
reasons, the current one, its recipients and its reading receipts. The files were never deleted (the file
store is content-addressed and shared). Undoing "remove item" re-creates the item, its sub-items and their
documents that way.

Optimistic locking: a command's first run passes the version the user saw (`StaleEdit` when someone changed
the row meanwhile). Later undo and redo runs pass none: our own moves renumber sibling rows and so change
their versions too, which would make every replay look stale.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from ecabinet.agenda.documents import (
    DocumentSnapshot,
    document_snapshot,
    remove_document,
    restore_document,
    set_distribution,
    update_document,
)
from ecabinet.agenda.items import add_item, move_item, remove_item, update_item
from ecabinet.agenda.sessions import DocumentInfo, ItemInfo, get_session
from ecabinet.errors import NotFound
from ecabinet.services.actor import Actor

Body = Callable[[Session], Any]
Describe = Callable[[], str]  # the command's name for Undo/Redo, in the current language


class IdMap:
    """Where a record went: the id a command knows → the id of the row that re-created it (chains followed)."""

    def __init__(self) -> None:
        self._next: dict[uuid.UUID, uuid.UUID] = {}

    def resolve(self, ref: uuid.UUID) -> uuid.UUID:
        while ref in self._next:
            ref = self._next[ref]
        return ref

    def optional(self, ref: uuid.UUID | None) -> uuid.UUID | None:
        return None if ref is None else self.resolve(ref)

    def replaced(self, old: uuid.UUID, new: uuid.UUID) -> None:
        current = self.resolve(old)
        if current != new:
            self._next[current] = new


class Host(Protocol):
    """What a command needs from the editor: who acts, in which session, and a way to run a body."""

    actor: Actor
    session_id: uuid.UUID
    ids: IdMap

    def execute(self, command: AgendaCommand, body: Body, first: bool) -> None: ...


@dataclass(frozen=True)
class ItemSnapshot:
    """An item with its documents and its sub-items (with theirs), as it was just before it was removed."""

    item: ItemInfo
    subs: tuple[ItemInfo, ...]
    documents: tuple[DocumentSnapshot, ...] = ()  # of the item and its sub-items

    def document(self, document_id: uuid.UUID) -> DocumentSnapshot | None:
        return next((d for d in self.documents if d.id == document_id), None)


def take_snapshot(session: Session, actor: Actor, session_id: uuid.UUID, item_id: uuid.UUID) -> ItemSnapshot:
    detail = get_session(session, actor, session_id)
    item = next((i for i in detail.items if i.id == item_id), None)
    if item is None:
        raise NotFound("not_found", what="item", ref=str(item_id))
    subs = tuple(i for i in detail.items if i.parent_id == item_id)
    documents = tuple(
        document_snapshot(session, actor, doc.id) for owner in (item, *subs) for doc in owner.documents
    )
    return ItemSnapshot(item, subs, documents)


def restore(
    session: Session, actor: Actor, session_id: uuid.UUID, snapshot: ItemSnapshot, ids: IdMap
) -> ItemInfo:
    """Re-create a removed item, its documents and its sub-items where they were; returns the new item."""

    def again(info: ItemInfo, parent_id: uuid.UUID | None) -> ItemInfo:
        new = add_item(
            session,
            actor,
            session_id,
            info.title,
            kind=info.kind,
            planned_minutes=info.planned_minutes,
            presenter_org_id=info.presenter_org_id,
            classification=info.classification,
            parent_id=parent_id,
            position=info.position,
        )
        ids.replaced(info.id, new.id)
        for doc in info.documents:
            kept = snapshot.document(doc.id)
            if kept is not None:
                restore_document(session, actor, kept, item_id=new.id)
        return new

    top = again(snapshot.item, ids.optional(snapshot.item.parent_id))
    for sub in snapshot.subs:
        again(sub, top.id)
    return top


class AgendaCommand(QUndoCommand):
    """One agenda edit. `forward` and `backward` run in a worker, inside a write unit of work; they return
    the ItemInfo to select afterwards, or None. They read the host's actor, session and IdMap only through
    the values captured at construction, never widgets."""

    reindex = False  # whether the search index has something to take in after a run

    def __init__(self, host: Host, describe: Describe) -> None:
        super().__init__(describe())
        self.describe = describe
        self._host = host
        self.actor = host.actor
        self.session_id = host.session_id
        self.ids = host.ids
        self.runs = 0  # how many times redo() ran: the first run checks versions
        self.running = False  # inside redo()/undo(): the stack is busy with this command

    def retranslate(self) -> None:
        self.setText(self.describe())

    def redo(self) -> None:
        first = self.runs == 0
        self.runs += 1
        self._run(lambda s: self.forward(s, first), first)

    def undo(self) -> None:
        self._run(self.backward, False)

    def _run(self, body: Body, first: bool) -> None:
        self.running = True
        try:
            self._host.execute(self, body, first)
        finally:
            self.running = False

    def forward(self, session: Session, first: bool) -> ItemInfo | None:
        """Do the change (each subclass defines it)."""
        raise TypeError(f"{type(self).__name__} does not define forward()")

    def backward(self, session: Session) -> ItemInfo | None:
        """Undo the change (each subclass defines it)."""
        raise TypeError(f"{type(self).__name__} does not define backward()")


class AddItem(AgendaCommand):
    """Thêm nội dung: add an item (or a sub-item) at a position; undo removes it again, keeping a snapshot
    of whatever it holds by then (documents imported since), which the next redo brings back."""

    def __init__(
        self,
        host: Host,
        describe: Describe,
        fields: dict[str, Any],
        parent_id: uuid.UUID | None,
        position: int | None,
    ) -> None:
        super().__init__(host, describe)
        self.fields = fields
        self.parent_id = parent_id
        self.position = position
        self.item_id: uuid.UUID | None = None
        self.snapshot: ItemSnapshot | None = None

    def forward(self, session: Session, first: bool) -> ItemInfo:
        if self.snapshot is not None:
            return restore(session, self.actor, self.session_id, self.snapshot, self.ids)
        info = add_item(
            session,
            self.actor,
            self.session_id,
            parent_id=self.ids.optional(self.parent_id),
            position=self.position,
            **self.fields,
        )
        self.item_id = info.id
        return info

    def backward(self, session: Session) -> None:
        assert self.item_id is not None
        current = self.ids.resolve(self.item_id)
        snapshot = take_snapshot(session, self.actor, self.session_id, current)
        remove_item(session, self.actor, current)
        self.snapshot = snapshot


class EditItem(AgendaCommand):
    """Sửa nội dung: change some fields of an item; undo sets the earlier values back."""

    def __init__(
        self,
        host: Host,
        describe: Describe,
        item_id: uuid.UUID,
        version: int,
        before: dict[str, Any],
        after: dict[str, Any],
    ) -> None:
        super().__init__(host, describe)
        self.item_id = item_id
        self.version = version
        self.before = before
        self.after = after

    def forward(self, session: Session, first: bool) -> ItemInfo:
        expected = self.version if first else None
        return update_item(session, self.actor, self.ids.resolve(self.item_id), expected, **self.after)

    def backward(self, session: Session) -> ItemInfo:
        return update_item(session, self.actor, self.ids.resolve(self.item_id), None, **self.before)


class RemoveItem(AgendaCommand):
    """Xóa nội dung: remove an item with its sub-items and documents; undo re-creates them (see the module)."""

    def __init__(self, host: Host, describe: Describe, item_id: uuid.UUID, version: int) -> None:
        super().__init__(host, describe)
        self.item_id = item_id
        self.version = version
        self.snapshot: ItemSnapshot | None = None

    def forward(self, session: Session, first: bool) -> None:
        current = self.ids.resolve(self.item_id)
        snapshot = take_snapshot(session, self.actor, self.session_id, current)
        remove_item(session, self.actor, current, self.version if first else None)
        self.snapshot = snapshot

    def backward(self, session: Session) -> ItemInfo:
        assert self.snapshot is not None
        return restore(session, self.actor, self.session_id, self.snapshot, self.ids)


class MoveItem(AgendaCommand):
    """Chuyển nội dung: a new place (parent and position) for an item — a move, an indent or an outdent."""

    def __init__(
        self,
        host: Host,
        describe: Describe,
        item_id: uuid.UUID,
        before: tuple[uuid.UUID | None, int],
        after: tuple[uuid.UUID | None, int],
    ) -> None:
        super().__init__(host, describe)
        self.item_id = item_id
        self.before = before
        self.after = after

    def _go(self, session: Session, place: tuple[uuid.UUID | None, int]) -> ItemInfo:
        parent, position = place
        return move_item(
            session, self.actor, self.ids.resolve(self.item_id), self.ids.optional(parent), position
        )

    def forward(self, session: Session, first: bool) -> ItemInfo:
        return self._go(session, self.after)

    def backward(self, session: Session) -> ItemInfo:
        return self._go(session, self.before)


class EditDocument(AgendaCommand):
    """Tài liệu: change a document's title, kind or classification and who receives it; undo sets the
    earlier values and recipients back."""

    reindex = True  # a new title is searched for once the index has it

    def __init__(
        self,
        host: Host,
        describe: Describe,
        document_id: uuid.UUID,
        version: int,
        fields: tuple[dict[str, Any], dict[str, Any]],
        recipients: tuple[frozenset[uuid.UUID], frozenset[uuid.UUID]] | None,
    ) -> None:
        super().__init__(host, describe)
        self.document_id = document_id
        self.version = version
        self.before, self.after = fields
        self.recipients = recipients  # (before, after), or None when they stay as they are

    def _apply(
        self, session: Session, fields: dict[str, Any], recipients: frozenset[uuid.UUID] | None, first: bool
    ) -> DocumentInfo:
        current = self.ids.resolve(self.document_id)
        # Always through update_document, even with no field to change: it checks the version first.
        info = update_document(
            session, self.actor, current, expected_version=self.version if first else None, **fields
        )
        if recipients is not None:
            set_distribution(session, self.actor, current, recipients)
        return info

    def forward(self, session: Session, first: bool) -> DocumentInfo:
        return self._apply(session, self.after, self.recipients[1] if self.recipients else None, first)

    def backward(self, session: Session) -> DocumentInfo:
        return self._apply(session, self.before, self.recipients[0] if self.recipients else None, False)


class RemoveDocument(AgendaCommand):
    """Xóa tài liệu: remove a document imported by mistake; undo puts it back as it was (same id)."""

    reindex = True  # the restored versions are indexed again

    def __init__(self, host: Host, describe: Describe, document_id: uuid.UUID, version: int) -> None:
        super().__init__(host, describe)
        self.document_id = document_id
        self.version = version
        self.snapshot: DocumentSnapshot | None = None

    def forward(self, session: Session, first: bool) -> None:
        current = self.ids.resolve(self.document_id)
        self.snapshot = remove_document(session, self.actor, current, self.version if first else None)

    def backward(self, session: Session) -> DocumentInfo:
        assert self.snapshot is not None
        # Its item may have been removed and re-created since (a new id): put it back there.
        return restore_document(
            session, self.actor, self.snapshot, item_id=self.ids.resolve(self.snapshot.item_id)
        )
