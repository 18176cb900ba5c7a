"""The list of sessions the acting user may see, with a filter; Enter or a double click opens one.
The secretariat starts a new session here (Ctrl+N)."""

from __future__ import annotations

import uuid

import qtawesome as qta
from PySide6.QtCore import QEvent, QModelIndex, QPoint, QSortFilterProxyModel, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ecabinet.agenda.sessions import SessionSummary, list_sessions
from ecabinet.services.actor import Permission
from ecabinet.services.members import MemberInfo, list_members
from ecabinet.ui.context import AppContext
from ecabinet.ui.editor.session_dialog import SessionDialog
from ecabinet.ui.models import ID_ROLE, SORT_ROLE
from ecabinet.ui.models.sessions import DATE, TITLE, SessionTableModel


class SessionList(QWidget):
    open_requested = Signal(uuid.UUID)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = SessionTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.heading = QLabel(objectName="pageTitle")
        self.count = QLabel(objectName="muted")
        self.filter = QLineEdit(clearButtonEnabled=True)
        self.filter_label = QLabel()
        self.filter_label.setBuddy(self.filter)
        self.table = QTableView(objectName="sessionTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        self.table.sortByColumn(DATE, Qt.SortOrder.DescendingOrder)

        self.open_action = QAction(self)
        self.open_action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        self.open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(self.open_action)
        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.find_action)
        self.new_action = QAction(qta.icon("mdi6.calendar-plus", color="#1f3a60"), "", self)
        self.new_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.new_action)
        self.new_button = QPushButton(self.new_action.icon(), "", objectName="newSession")
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.dialog: SessionDialog | None = None

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.new_button)
        top.addStretch(1)
        top.addWidget(self.filter_label)
        top.addWidget(self.filter, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.setTabOrder(self.new_button, self.filter)
        self.setTabOrder(self.filter, self.table)
        self._connect_signals()
        self.retranslate()

    def _connect_signals(self) -> None:
        self.table.activated.connect(self._activated)
        self.open_action.triggered.connect(lambda: self._activated(self.table.currentIndex()))
        self.find_action.triggered.connect(self.filter.setFocus)
        self.new_action.triggered.connect(self.new_session)
        self.new_button.clicked.connect(self.new_action.trigger)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.filter.textChanged.connect(self._filter_changed)
        self.filter.returnPressed.connect(self.table.setFocus)
        self.context.actor_changed.connect(self.reload)
        self.context.actor_changed.connect(self._actor_changed)
        self.context.data_changed.connect(self.reload)
        self._actor_changed()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Government sessions"))
        self.filter_label.setText(self.tr("&Filter:"))
        self.filter.setPlaceholderText(self.tr("Title, kind, state or chair"))
        self.filter.setToolTip(self.tr("Show only the sessions whose text contains this (Ctrl+F)"))
        self.table.setToolTip(self.tr("Press Enter or double-click to open a session"))
        self.open_action.setText(self.tr("&Open session"))
        self.find_action.setText(self.tr("&Find"))
        self.new_action.setText(self.tr("&New session…"))
        self.new_action.setToolTip(
            self.tr("Prepare a new session: details, invitations, then its agenda (Ctrl+N)")
        )
        self.new_button.setText(self.new_action.text())
        self.new_button.setToolTip(self.new_action.toolTip())
        self.model.retranslate()
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @Slot()
    def reload(self, *_: object) -> None:
        actor = self.context.actor
        if actor is None:
            self._loaded([])
            return
        self.context.runner.query(lambda s: list_sessions(s, actor)).success(self._loaded).run_in_background()

    def _loaded(self, rows: list[SessionSummary]) -> None:
        current = self.table.currentIndex().data(ID_ROLE)
        self.model.set_rows(rows)
        row = self.model.row_of(current)
        if self.proxy.rowCount():
            kept = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else QModelIndex()
            self.table.setCurrentIndex(kept if kept.isValid() else self.proxy.index(0, 0))
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if self.context.actor is None:
            self.count.setText(self.tr("Choose a profile in the toolbar to see sessions."))
        elif shown == total:
            self.count.setText(self.tr("{count} sessions").format(count=total))
        else:
            self.count.setText(self.tr("{shown} of {count} sessions").format(shown=shown, count=total))

    @Slot(str)
    def _filter_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self._update_count()

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex) -> None:
        session_id = index.data(ID_ROLE)
        if session_id is not None:
            self.open_requested.emit(session_id)

    def focus_table(self) -> None:
        self.table.setFocus()

    @Slot()
    def _actor_changed(self, *_: object) -> None:
        actor = self.context.actor
        manages = actor is not None and actor.can(Permission.MANAGE_SESSIONS)
        self.new_action.setVisible(manages)
        self.new_action.setEnabled(manages)
        self.new_button.setVisible(manages)

    @Slot()
    def new_session(self) -> None:
        """Open the session form (after loading the people to invite); the new session opens once saved."""
        if self.new_action.isEnabled():
            self.context.runner.query(list_members).success(self._show_dialog).run_in_background()

    def _show_dialog(self, members: list[MemberInfo]) -> None:
        self.dialog = SessionDialog(self.context, members, None, self)
        self.dialog.saved.connect(self.open_requested)
        self.dialog.open()

    @Slot(QPoint)
    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        if self.table.indexAt(pos).isValid():
            self.table.setCurrentIndex(self.table.indexAt(pos))
            menu.addAction(self.open_action)
        if self.new_action.isVisible():
            menu.addAction(self.new_action)
        if not menu.isEmpty():
            menu.popup(self.table.viewport().mapToGlobal(pos))
