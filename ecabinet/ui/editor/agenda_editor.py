"""The agenda of one session as an editable tree: items and sub-items, their dossiers, and undo.

For the secretariat, while the session is a draft or published: add, edit, remove, reorder (drag and drop,
or Ctrl+arrows), indent into a sub-item and back, add PDFs (file dialog, or dropped on an item), replace a
document, change a document's properties (title, kind, classification, recipients) or remove it. Every
agenda edit is a command on the session's QUndoStack and is saved at once. Everyone else sees the same tree
read-only, with what is new or changed for them marked.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

import qtawesome as qta
import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ecabinet.agenda.documents import document_recipients
from ecabinet.agenda.reading import ReadState
from ecabinet.agenda.sessions import EDITABLE, DocumentInfo, ItemInfo, SessionDetail
from ecabinet.model import Role
from ecabinet.services.actor import Actor, Permission
from ecabinet.services.members import MemberInfo, OrganisationInfo, list_members, list_organisations
from ecabinet.ui.context import AppContext
from ecabinet.ui.editor.agenda_model import EditableAgendaModel
from ecabinet.ui.editor.commands import (
    AddItem,
    AgendaCommand,
    Body,
    EditDocument,
    EditItem,
    IdMap,
    MoveItem,
    RemoveDocument,
    RemoveItem,
)
from ecabinet.ui.editor.document_dialog import DocumentDialog
from ecabinet.ui.editor.importing import DossierImporter
from ecabinet.ui.editor.item_dialog import ItemDialog
from ecabinet.ui.editor.lifecycle import NAVY, set_action
from ecabinet.ui.models import ID_ROLE
from ecabinet.ui.models.agenda import CLASSIFICATION, MARK, TITLE

Place = tuple[uuid.UUID | None, int]


def _short(title: str, length: int = 50) -> str:
    return title if len(title) <= length else title[: length - 1] + "…"


class AgendaEditor(QWidget):
    """A toolbar and the agenda tree. `set_detail` shows a session; `reload_requested` asks for it again."""

    reload_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.detail: SessionDetail | None = None
        self.editable = False
        self.model = EditableAgendaModel(self)
        self.importer = DossierImporter(context, self)
        self.undo_group = QUndoGroup(self)
        self._stacks: dict[uuid.UUID, QUndoStack] = {}
        self._ids: dict[uuid.UUID, IdMap] = {}
        self._pending = 0  # commands sent to the worker and not yet back
        self._select: uuid.UUID | None = None  # the row to make current after the next load
        self._collapsed: set[uuid.UUID] = set()
        self._organisations: list[OrganisationInfo] | None = None
        self.item_dialog: ItemDialog | None = None
        self.document_dialog: DocumentDialog | None = None

        self.tree = QTreeView(objectName="agendaTree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.setDropIndicatorShown(True)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.hint = QLabel(objectName="muted", wordWrap=True)

        self.toolbar = QToolBar(objectName="agendaToolBar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._make_actions()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.hint)
        layout.addWidget(self.tree, 1)
        self.setFocusProxy(self.tree)
        self._connect_signals()
        self.retranslate()
        self._configure()

    # --- set-up ----------------------------------------------------------------------------------------

    def _action(self, icon: str, keys: list[QKeySequence | str], slot: Callable[[], None]) -> QAction:
        action = QAction(qta.icon(icon, color=NAVY), "", self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        self.add_action = self._action("mdi6.playlist-plus", ["Ins", "Ctrl+N"], self.add_item)
        self.add_sub_action = self._action(
            "mdi6.table-row-plus-after", ["Shift+Ins", "Ctrl+Shift+N"], self.add_sub_item
        )
        self.edit_action = self._action("mdi6.pencil-outline", ["F2", "Ctrl+E"], self.edit_item)
        self.remove_action = self._action("mdi6.playlist-remove", ["Del"], self.remove_item)
        self.up_action = self._action("mdi6.arrow-up", ["Ctrl+Up"], lambda: self.move_by(-1))
        self.down_action = self._action("mdi6.arrow-down", ["Ctrl+Down"], lambda: self.move_by(1))
        self.outdent_action = self._action("mdi6.format-indent-decrease", ["Ctrl+Left"], self.outdent)
        self.indent_action = self._action("mdi6.format-indent-increase", ["Ctrl+Right"], self.indent)
        self.import_action = self._action("mdi6.file-plus-outline", ["Ctrl+I"], self.import_documents)
        self.replace_action = self._action("mdi6.file-replace-outline", ["Ctrl+R"], self.replace_document)
        # F2, Ctrl+E and Del act on the current row: these are enabled on a document row, the item's
        # actions on an item row, so a key never has two actions at once.
        self.properties_action = self._action(
            "mdi6.file-edit-outline", ["F2", "Ctrl+E", "Alt+Return"], self.document_properties
        )
        self.remove_document_action = self._action("mdi6.file-remove-outline", ["Del"], self.remove_document)
        self.history_action = self._action("mdi6.history", ["Ctrl+H"], self.show_history)
        self.open_action = self._action("mdi6.book-open-page-variant-outline", [], self.open_current)
        self.item_actions = [
            self.add_action,
            self.add_sub_action,
            self.edit_action,
            self.remove_action,
            self.up_action,
            self.down_action,
            self.outdent_action,
            self.indent_action,
            self.import_action,
            self.replace_action,
            self.properties_action,
            self.remove_document_action,
        ]
        for action in (self.up_action, self.down_action, self.outdent_action, self.indent_action):
            action.setPriority(QAction.Priority.LowPriority)  # icon only in the toolbar
        for action in (
            self.edit_action,
            self.remove_action,
            self.replace_action,
            self.properties_action,
            self.remove_document_action,
            self.history_action,
        ):
            action.setPriority(QAction.Priority.LowPriority)
        self.undo_action: QAction | None = None
        self.redo_action: QAction | None = None
        self._make_undo_actions()

    def _make_undo_actions(self) -> None:
        """QUndoGroup's actions carry their prefix for life; on a language change they are made again."""
        for old in (self.undo_action, self.redo_action):
            if old is not None:
                self.removeAction(old)
                old.deleteLater()
        self.undo_action = self.undo_group.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setIcon(qta.icon("mdi6.undo", color=NAVY))
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setIcon(qta.icon("mdi6.redo", color=NAVY))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setPriority(QAction.Priority.LowPriority)
            self.addAction(action)
        self._fill_toolbar()

    def _fill_toolbar(self) -> None:
        self.toolbar.clear()
        groups = [
            [self.add_action, self.add_sub_action, self.edit_action, self.remove_action],
            [self.up_action, self.down_action, self.outdent_action, self.indent_action],
            [
                self.import_action,
                self.replace_action,
                self.properties_action,
                self.remove_document_action,
                self.history_action,
            ],
            [self.undo_action, self.redo_action],
        ]
        for n, group in enumerate(groups):
            if n:
                self.toolbar.addSeparator()
            self.toolbar.addActions(group)

    def _connect_signals(self) -> None:
        self.tree.activated.connect(self._activated)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.expanded.connect(lambda index: self._collapsed.discard(index.data(ID_ROLE)))
        self.tree.collapsed.connect(lambda index: self._collapsed.add(index.data(ID_ROLE)))
        self.model.move_requested.connect(self.move_to)
        self.model.files_dropped.connect(self.import_dropped)
        self.model.modelReset.connect(self._update_actions)
        self.tree.selectionModel().currentChanged.connect(self._update_actions)
        self.undo_group.undoTextChanged.connect(self._undo_tips)
        self.undo_group.redoTextChanged.connect(self._undo_tips)
        self.context.actor_changed.connect(self._forget_history)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            for stack in self._stacks.values():  # the history speaks the new language too
                for n in range(stack.count()):
                    command = stack.command(n)
                    if isinstance(command, AgendaCommand):
                        command.retranslate()
            self._make_undo_actions()
            self.retranslate()
            self._configure()
        super().changeEvent(event)

    def retranslate(self) -> None:
        set_action(self.add_action, self.tr("Add &item"), self.tr("Add an agenda item after the current one"))
        set_action(
            self.add_sub_action,
            self.tr("Add &sub-item"),
            self.tr("Add a sub-item under the current item"),
        )
        set_action(self.edit_action, self.tr("&Edit item…"), self.tr("Change the current item's details"))
        set_action(
            self.remove_action,
            self.tr("&Remove item"),
            self.tr("Remove the current item with its sub-items and documents"),
        )
        set_action(self.up_action, self.tr("Move &up"), self.tr("Move the current item up"))
        set_action(self.down_action, self.tr("Move &down"), self.tr("Move the current item down"))
        set_action(
            self.outdent_action,
            self.tr("&Outdent"),
            self.tr("Make the current sub-item an item of its own, after its parent"),
        )
        set_action(
            self.indent_action,
            self.tr("I&ndent"),
            self.tr("Make the current item a sub-item of the item above it"),
        )
        set_action(
            self.import_action,
            self.tr("Add &documents…"),
            self.tr("Add PDF files to the current item (or drop them on the item)"),
        )
        set_action(
            self.replace_action,
            self.tr("Re&place document…"),
            self.tr("Replace the current document with a new version, giving the reason"),
        )
        set_action(
            self.properties_action,
            self.tr("Document &properties…"),
            self.tr("Rename the current document, change its kind or classification, choose who receives it"),
        )
        set_action(
            self.remove_document_action,
            self.tr("Remo&ve document"),
            self.tr("Remove the current document, imported by mistake (its files are kept)"),
        )
        set_action(
            self.history_action,
            self.tr("Document &history"),
            self.tr("Every version of the current document: who, when and why"),
        )
        set_action(self.open_action, self.tr("&Open document"), self.tr("Read the current document (Enter)"))
        self.tree.setToolTip(self._tree_tip())
        self._undo_tips()
        self._update_hint()

    def _tree_tip(self) -> str:
        if self.editable:
            return self.tr(
                "Items in order with their documents. Drag an item to move it, drop PDF files on an item to "
                "add them; Enter opens a document or edits an item"
            )
        return self.tr("Items in order; each item's documents are listed under it. Enter opens a document")

    @Slot()
    def _undo_tips(self, *_: object) -> None:
        for action, tip in (
            (self.undo_action, self.tr("Undo the last agenda change")),
            (self.redo_action, self.tr("Redo the change just undone")),
        ):
            if action is None:
                continue
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{action.text()} — {tip} ({keys})")

    # --- showing a session -----------------------------------------------------------------------------

    def set_detail(
        self, detail: SessionDetail | None, reads: dict[uuid.UUID, ReadState] | None = None
    ) -> None:
        """Show `detail` (again): keeps the current row, the collapsed items and the session's history."""
        same = self.detail is not None and detail is not None and self.detail.summary.id == detail.summary.id
        current = self._select or (self.tree.currentIndex().data(ID_ROLE) if same else None)
        self._select = None
        if not same:
            self._collapsed.clear()
        self.detail = detail
        actor = self.context.actor
        self.editable = bool(
            detail is not None
            and actor is not None
            and actor.can(Permission.MANAGE_SESSIONS)
            and detail.summary.state in EDITABLE
        )
        self.model.set_editable(self.editable)
        self.model.set_detail(detail, reads)
        self.tree.expandAll()
        for item_id in list(self._collapsed):
            self.tree.collapse(self.model.index_of(item_id))
        index = self.model.index_of(current) if current is not None else QModelIndex()
        if not index.isValid() and self.model.rowCount():
            index = self.model.index(0, 0)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
        if detail is not None:
            stack = self._stack(detail.summary.id)
            self.undo_group.setActiveStack(stack)
            if not self.editable and stack.count():
                self._clear_later(
                    stack
                )  # started, closed, or not ours to edit: the history cannot be applied
        else:
            self.undo_group.setActiveStack(None)
        # Room for the titles: a column with nothing in it for this session is not shown.
        self.tree.setColumnHidden(MARK, not any(self.model.marker_counts().values()))
        self.tree.setColumnHidden(CLASSIFICATION, not self.model.any_classified())
        self._configure()

    def _stack(self, session_id: uuid.UUID) -> QUndoStack:
        stack = self._stacks.get(session_id)
        if stack is None:
            stack = QUndoStack(self.undo_group)  # joins the group
            self._stacks[session_id] = stack
            self._ids[session_id] = IdMap()
        return stack

    @property
    def stack(self) -> QUndoStack | None:
        return self._stacks.get(self.detail.summary.id) if self.detail else None

    @Slot()
    def _forget_history(self, *_: object) -> None:
        """Commands act for one user; another profile starts with no history."""
        for stack in self._stacks.values():
            self.undo_group.removeStack(stack)
            stack.deleteLater()
        self._stacks.clear()
        self._ids.clear()
        self._organisations = None

    def _configure(self) -> None:
        on = self.editable
        self.toolbar.setVisible(on)
        for action in [*self.item_actions]:
            action.setVisible(on)
        for action in (self.undo_action, self.redo_action):
            assert action is not None
            action.setVisible(on)
        self.tree.setDragEnabled(on)
        self.tree.setAcceptDrops(on)
        self.tree.viewport().setAcceptDrops(on)
        self.tree.setDragDropMode(
            QAbstractItemView.DragDropMode.DragDrop if on else QAbstractItemView.DragDropMode.NoDragDrop
        )
        self.tree.setExpandsOnDoubleClick(not on)  # a double click edits the item instead
        self.tree.setToolTip(self._tree_tip())
        self._update_actions()
        self._update_hint()

    def _update_hint(self) -> None:
        empty = self.detail is not None and not self.detail.items
        self.hint.setVisible(empty)
        if self.editable:
            self.hint.setText(
                self.tr("No items yet. Press Insert to add the first item; then drop PDF files on an item.")
            )
        else:
            self.hint.setText(self.tr("The agenda has no items yet."))

    # --- what the current row allows -------------------------------------------------------------------

    def current_item(self) -> ItemInfo | None:
        return self.model.item(self.tree.currentIndex())

    def current_document(self) -> DocumentInfo | None:
        return self.model.document(self.tree.currentIndex())

    def _parent_of(self, item: ItemInfo) -> ItemInfo | None:
        return self.model.item(self.model.index_of(item.parent_id)) if item.parent_id is not None else None

    def _siblings(self, item: ItemInfo) -> list[ItemInfo]:
        parent = self.model.index_of(item.parent_id) if item.parent_id is not None else QModelIndex()
        return self.model.item_children(parent)

    def _place(self, item: ItemInfo) -> Place:
        return item.parent_id, self.model.sibling_position(item)

    @Slot()
    def _update_actions(self, *_: object) -> None:
        on = self.editable and self._pending == 0
        item, doc = self.current_item(), self.current_document()
        owner = self.model.owning_item(self.tree.currentIndex())
        place = self._place(item) if item else (None, -1)
        count = len(self._siblings(item)) if item else 0
        self.add_action.setEnabled(on)
        self.add_sub_action.setEnabled(on and owner is not None)
        self.edit_action.setEnabled(on and item is not None)
        self.remove_action.setEnabled(on and item is not None)
        self.up_action.setEnabled(on and item is not None and place[1] > 0)
        self.down_action.setEnabled(on and item is not None and 0 <= place[1] < count - 1)
        self.indent_action.setEnabled(on and item is not None and item.parent_id is None and place[1] > 0)
        self.outdent_action.setEnabled(on and item is not None and item.parent_id is not None)
        self.import_action.setEnabled(on and owner is not None)
        self.replace_action.setEnabled(on and doc is not None)
        self.properties_action.setEnabled(on and doc is not None)
        self.remove_document_action.setEnabled(on and doc is not None)
        self.history_action.setEnabled(doc is not None)
        self.open_action.setEnabled(doc is not None)

    # --- commands --------------------------------------------------------------------------------------

    @property
    def actor(self) -> Actor:
        assert self.context.actor is not None
        return self.context.actor

    @property
    def session_id(self) -> uuid.UUID:
        assert self.detail is not None
        return self.detail.summary.id

    @property
    def ids(self) -> IdMap:
        return self._ids[self.session_id]

    def push(self, command: AgendaCommand) -> None:
        stack = self.stack
        if stack is not None and self.editable and self._pending == 0:
            stack.push(command)

    def execute(self, command: AgendaCommand, body: Body, first: bool) -> None:
        """Run a command's body as a write in the worker; then show the agenda again (the Host protocol)."""
        stack = self.stack
        self._pending += 1
        self._update_actions()
        reindex = command.reindex
        self.context.runner.write(self.actor, body).from_source(self).success(
            lambda result: self._command_done(result, reindex)
        ).failure(lambda exc: self._command_failed(stack, command, exc, first)).run_in_background()

    def _command_done(self, result: object, reindex: bool = False) -> None:
        self._pending -= 1
        if isinstance(result, ItemInfo | DocumentInfo):
            self._select = result.id
        self.reload_requested.emit()
        if reindex:
            self.importer.index_in_background()

    def _command_failed(
        self, stack: QUndoStack | None, command: AgendaCommand, exc: Exception, first: bool
    ) -> None:
        """The service refused (or the row changed meanwhile): say so, drop what cannot hold, load again."""
        self._pending -= 1
        alive = shiboken6.isValid(command)
        if first and alive:
            command.setObsolete(True)  # QUndoStack.push() then discards it
            if not command.running and stack is not None:
                # Already on the stack (the write ran in the worker): drop it if it is on top.
                if stack.index() > 0 and stack.command(stack.index() - 1) is command:
                    stack.undo()  # an obsolete command is removed without being run
                else:
                    self._clear_later(stack)
        elif stack is not None:
            self._clear_later(stack)  # a replay failed: the history no longer matches the agenda
        self.context.show_error(exc, self)
        self.reload_requested.emit()

    @staticmethod
    def _clear_later(stack: QUndoStack) -> None:
        # Not inside the stack's own undo()/redo(), which is still running this command.
        QTimer.singleShot(0, lambda: shiboken6.isValid(stack) and stack.clear())

    # --- slots: items ----------------------------------------------------------------------------------

    def _ready(self) -> bool:
        return self.editable and self._pending == 0 and self.detail is not None

    @Slot()
    def add_item(self) -> None:
        if not self._ready():
            return
        owner = self.model.owning_item(self.tree.currentIndex())
        top = (self._parent_of(owner) or owner) if owner is not None else None
        position = self._place(top)[1] + 1 if top is not None else None
        self._open_item_dialog(None, None, position)

    @Slot()
    def add_sub_item(self) -> None:
        owner = self.model.owning_item(self.tree.currentIndex())
        if not self._ready() or owner is None:
            return
        parent = self._parent_of(owner)
        if parent is None:
            self._open_item_dialog(None, owner, None)
        else:
            self._open_item_dialog(None, parent, self._place(owner)[1] + 1)

    @Slot()
    def edit_item(self) -> None:
        item = self.current_item()
        if self._ready() and item is not None:
            self._open_item_dialog(item, self._parent_of(item), None)

    def _open_item_dialog(self, item: ItemInfo | None, parent: ItemInfo | None, position: int | None) -> None:
        def show(organisations: list[OrganisationInfo]) -> None:
            self._organisations = organisations
            dialog = ItemDialog(organisations, item, parent.title if parent and item is None else "", self)
            dialog.accepted.connect(lambda: self._item_dialog_accepted(dialog, parent, position))
            dialog.finished.connect(dialog.deleteLater)
            self.item_dialog = dialog
            dialog.open()

        if self._organisations is not None:
            show(self._organisations)
        else:
            self.context.runner.query(list_organisations).success(show).run_in_background()

    def _item_dialog_accepted(
        self, dialog: ItemDialog, parent: ItemInfo | None, position: int | None
    ) -> None:
        item = dialog.item
        if item is None:
            values = dialog.values()
            title = _short(values["title"])
            if parent:
                text = lambda: self.tr("Add sub-item «{title}»").format(title=title)  # noqa: E731
            else:
                text = lambda: self.tr("Add item «{title}»").format(title=title)  # noqa: E731
            self.push(AddItem(self, text, values, parent.id if parent else None, position))
            return
        before, after = dialog.changes()
        if after:
            title = _short(item.title)
            self.push(
                EditItem(
                    self,
                    lambda: self.tr("Edit item «{title}»").format(title=title),
                    item.id,
                    item.version,
                    before,
                    after,
                )
            )

    @Slot()
    def remove_item(self) -> None:
        index = self.tree.currentIndex()
        item = self.model.item(index)
        if not self._ready() or item is None:
            return
        subs = self.model.item_children(index)
        documents = len(item.documents) + sum(len(s.documents) for s in subs)
        if (subs or documents) and not self.context.prompts.confirm(
            self,
            self.tr("Remove agenda item"),
            self.tr(
                "Remove «{title}» with {subs} sub-items and {documents} documents?\n\nUndo (Ctrl+Z) brings "
                "them back, each document with its versions and its recipients."
            ).format(title=_short(item.title, 80), subs=len(subs), documents=documents),
        ):
            return
        siblings = self._siblings(item)
        at = self._place(item)[1]
        after = siblings[at + 1] if at + 1 < len(siblings) else None
        before = siblings[at - 1] if at > 0 else None
        neighbour = after or before or self._parent_of(item)
        self._select = neighbour.id if neighbour is not None else None
        title = _short(item.title)
        text = lambda: self.tr("Remove item «{title}»").format(title=title)  # noqa: E731
        self.push(RemoveItem(self, text, item.id, item.version))

    @Slot()
    def move_by(self, step: int) -> None:
        item = self.current_item()
        if not self._ready() or item is None:
            return
        parent, at = self._place(item)
        if not 0 <= at + step < len(self._siblings(item)):
            return
        self.move_to(item.id, parent, at + step)

    @Slot()
    def indent(self) -> None:
        item = self.current_item()
        if not self._ready() or item is None or item.parent_id is not None:
            return
        at = self._place(item)[1]
        if at == 0:
            return
        above = self._siblings(item)[at - 1]
        self.move_to(item.id, above.id, len(self.model.item_children(self.model.index_of(above.id))))

    @Slot()
    def outdent(self) -> None:
        item = self.current_item()
        parent = self._parent_of(item) if item is not None else None
        if not self._ready() or item is None or parent is None:
            return
        self.move_to(item.id, None, self._place(parent)[1] + 1)

    @Slot(object, object, int)
    def move_to(self, item_id: uuid.UUID, parent_id: uuid.UUID | None, position: int) -> None:
        """Move an item (from the keyboard, a drop, or the model's moveRows) as one undoable command."""
        item = self.model.item(self.model.index_of(item_id))
        if not self._ready() or item is None:
            return
        before = self._place(item)
        if before == (parent_id, position):
            return
        title = _short(item.title)
        if parent_id is not None and item.parent_id is None:
            text = lambda: self.tr("Indent «{title}» as a sub-item").format(title=title)  # noqa: E731
        elif parent_id is None and item.parent_id is not None:
            text = lambda: self.tr("Outdent «{title}»").format(title=title)  # noqa: E731
        else:
            text = lambda: self.tr("Move item «{title}»").format(title=title)  # noqa: E731
        self._select = item.id
        self.push(MoveItem(self, text, item.id, before, (parent_id, position)))

    # --- slots: documents ------------------------------------------------------------------------------

    @Slot()
    def import_documents(self) -> None:
        owner = self.model.owning_item(self.tree.currentIndex())
        if self._ready() and owner is not None:
            self.importer.choose_and_import(owner)

    @Slot(object, list)
    def import_dropped(self, item_id: uuid.UUID, paths: list[str]) -> None:
        item = self.model.item(self.model.index_of(item_id))
        if self._ready() and item is not None and paths:
            self.importer.import_paths(item, paths)

    @Slot()
    def replace_document(self) -> None:
        doc = self.current_document()
        if self._ready() and doc is not None:
            self.importer.replace(doc)

    @Slot()
    def document_properties(self) -> None:
        """The properties form, once the directory and the document's recipients are loaded."""
        doc = self.current_document()
        owner = self.model.owning_item(self.tree.currentIndex())
        if not self._ready() or doc is None or owner is None or self.detail is None:
            return
        actor = self.actor
        invited = {member_id: role for member_id, _name, role in self.detail.invited}

        def load(s: object) -> tuple[list[MemberInfo], list[MemberInfo]]:
            people = list_members(s, {Role.MEMBER, Role.GUEST})  # type: ignore[arg-type]
            return people, document_recipients(s, actor, doc.id)  # type: ignore[arg-type]

        def show(found: tuple[list[MemberInfo], list[MemberInfo]]) -> None:
            people, named = found
            dialog = DocumentDialog(
                doc, people, {m.id for m in named}, invited, owner.classification.is_classified, self
            )
            dialog.accepted.connect(lambda: self._document_dialog_accepted(dialog))
            dialog.finished.connect(dialog.deleteLater)
            self.document_dialog = dialog
            dialog.open()

        self.context.runner.query(load).success(show).failure(
            lambda exc: self.context.show_error(exc, self)
        ).run_in_background()

    def _document_dialog_accepted(self, dialog: DocumentDialog) -> None:
        doc = dialog.document
        before, after = dialog.changes()
        recipients = (dialog.initial_recipients, dialog.recipients())
        if not after and recipients[0] == recipients[1]:
            return
        title = _short(doc.title)
        self._select = doc.id
        self.push(
            EditDocument(
                self,
                lambda: self.tr("Edit document «{title}»").format(title=title),
                doc.id,
                doc.version,
                (before, after),
                recipients if recipients[0] != recipients[1] else None,
            )
        )

    @Slot()
    def remove_document(self) -> None:
        index = self.tree.currentIndex()
        doc = self.model.document(index)
        if not self._ready() or doc is None:
            return
        if not self.context.prompts.confirm(
            self,
            self.tr("Remove document"),
            self.tr(
                "Remove «{title}» from the dossier?\n\nUndo (Ctrl+Z) brings it back with its versions and "
                "its recipients; its files stay in the file store."
            ).format(title=_short(doc.title, 80)),
        ):
            return
        parent = index.parent()
        rows = range(self.model.rowCount(parent))
        neighbours = [self.model.document(self.model.index(r, 0, parent)) for r in rows]
        documents = [d for d in neighbours if d is not None]
        at = next(n for n, d in enumerate(documents) if d.id == doc.id)
        after = documents[at + 1] if at + 1 < len(documents) else None
        before = documents[at - 1] if at > 0 else None
        neighbour = after or before
        self._select = neighbour.id if neighbour is not None else doc.item_id
        title = _short(doc.title)
        text = lambda: self.tr("Remove document «{title}»").format(title=title)  # noqa: E731
        self.push(RemoveDocument(self, text, doc.id, doc.version))

    @Slot()
    def show_history(self) -> None:
        doc = self.current_document()
        if doc is not None:
            self.importer.show_history(doc)

    @Slot()
    def open_current(self) -> None:
        doc = self.current_document()
        if doc is None:
            return
        try:
            from ecabinet.ui.reader import open_reader  # the reader is another area; it may not be there yet
        except ImportError:
            return
        open_reader(self.context, doc.id, page=1, parent=self)

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex) -> None:
        if self.model.document(index) is not None:
            self.open_current()
        elif self.editable:
            self.edit_item()
        else:
            self.tree.setExpanded(
                index.siblingAtColumn(0), not self.tree.isExpanded(index.siblingAtColumn(0))
            )

    @Slot(QPoint)
    def _context_menu(self, pos: QPoint) -> None:
        index = self.tree.indexAt(pos)
        if not index.isValid():
            index = self.tree.currentIndex()
            pos = self.tree.visualRect(index).center() if index.isValid() else pos
        elif index != self.tree.currentIndex():
            self.tree.setCurrentIndex(index)
        menu = QMenu(self)
        if self.model.document(index) is not None:
            menu.addActions([self.open_action, self.history_action])
            if self.editable:
                menu.addActions([self.replace_action, self.properties_action, self.remove_document_action])
        if self.editable:
            if not menu.isEmpty():
                menu.addSeparator()
            menu.addActions([self.add_action, self.add_sub_action, self.edit_action, self.remove_action])
            menu.addSeparator()
            menu.addActions([self.up_action, self.down_action, self.outdent_action, self.indent_action])
            menu.addSeparator()
            menu.addAction(self.import_action)
            menu.addSeparator()
            menu.addActions([self.undo_action, self.redo_action])  # type: ignore[list-item]
        if not menu.isEmpty():
            menu.popup(self.tree.viewport().mapToGlobal(pos))
