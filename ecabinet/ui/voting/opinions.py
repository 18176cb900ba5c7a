"""Ý kiến thành viên: the Opinions page — ballots for the secretariat to draft, approve, send and sum up,
and for a member to answer."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ecabinet.errors import NotFound
from ecabinet.model import BallotState
from ecabinet.services.actor import Actor, Permission
from ecabinet.ui.context import AppContext
from ecabinet.ui.models import ID_ROLE
from ecabinet.ui.registry import Page
from ecabinet.ui.voting import clock, labels
from ecabinet.ui.voting.answer_form import AnswerForm
from ecabinet.ui.voting.ballot_dialog import BallotDialog, BallotForm
from ecabinet.ui.voting.ballot_panel import BallotPanel
from ecabinet.ui.voting.common import alive, fit_columns, icon, plain_scroll, set_action
from ecabinet.ui.voting.models import B_ITEM, B_TITLE, PAGE_SIZE, BallotTableModel
from ecabinet.voting import ballots as B

POLL_MS = 15_000  # answers arrive from other installations too; the summary is live
SUMMARY_STATES = (BallotState.SENT, BallotState.CLOSED)


class OneAtATime(QWidget):
    """Like a QStackedWidget, but only the widget shown counts for the size: a member's short form is not
    stretched to the height of the secretariat's panel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._current: QWidget | None = None

    def heightForWidth(self, _width: int) -> int:
        return -1  # filled to the scroll area's height, not to its preferred height (see LiveView)

    def addWidget(self, widget: QWidget) -> None:
        self._layout.addWidget(widget)
        if self._current is None:
            self._current = widget
        else:
            widget.hide()

    def currentWidget(self) -> QWidget | None:
        return self._current

    def setCurrentWidget(self, widget: QWidget) -> None:
        if widget is self._current:
            return
        if self._current is not None:
            self._current.hide()
        self._current = widget
        widget.show()


class OpinionsPage(Page):
    page_id = "opinions"
    icon = "mdi6.ballot-outline"
    order = 30

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.dialog: BallotDialog | None = None
        self._list_generation = 0
        self._detail_generation = 0
        self._stale = True
        self._sized = False
        self._wanted: uuid.UUID | None = None

        self.heading = QLabel(objectName="pageTitle")
        self.filter = QComboBox()
        self.filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.filter.setMinimumContentsLength(10)
        self.filter_label = QLabel()
        self.filter_label.setBuddy(self.filter)
        self.new_action = QAction(icon("mdi6.plus"), "", self)
        self.new_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.new_action)
        self.new_button = QToolButton()
        self.new_button.setDefaultAction(self.new_action)
        self.new_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

        self.model = BallotTableModel(self)
        self.table = QTableView(objectName="ballotTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        fit_columns(self.table, B_TITLE)
        self.table.hideColumn(B_ITEM)  # the ballot's item is in its details (and its title's tooltip)
        self.table_label = QLabel(objectName="sectionTitle")
        self.table_label.setBuddy(self.table)
        self.count = QLabel(objectName="muted", wordWrap=True)
        self.open_action = QAction(self)
        self.open_action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        self.open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(self.open_action)

        self.panel = BallotPanel(context)
        self.form = AnswerForm(context)
        for action in self.panel.actions():
            self.addAction(action)  # Ctrl+E works from the list too
        self.placeholder = QLabel(objectName="muted", wordWrap=True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = OneAtATime()
        for widget in (self.placeholder, self.panel, self.form):
            self.detail.addWidget(widget)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        filters.addWidget(self.filter_label)
        filters.addWidget(self.filter, 1)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table_label)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        # A small window scrolls the ballot rather than squeezing its buttons and chart.
        self.detail_scroll = plain_scroll("ballotDetail", self.detail)
        self.detail_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.splitter.addWidget(self.detail_scroll)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 6)
        self.splitter.setChildrenCollapsible(False)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self.setTabOrder(self.new_button, self.filter)
        self.setTabOrder(self.filter, self.table)
        self.setTabOrder(self.table, self.detail)

        self.poll = QTimer(self, interval=POLL_MS)
        self._connect_signals()
        self.retranslate()
        self._actor_changed(context.actor)

    def _connect_signals(self) -> None:
        self.poll.timeout.connect(self.refresh)
        self.filter.activated.connect(self._filter_chosen)
        self.new_action.triggered.connect(self._new)
        self.open_action.triggered.connect(self._focus_detail)
        self.table.activated.connect(self._focus_detail)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.fetch_requested.connect(self._fetch)
        self.panel.edit_requested.connect(self._edit)
        self.context.actor_changed.connect(self._actor_changed)
        self.context.data_changed.connect(self._data_changed)

    def title(self) -> str:
        return self.tr("Opinions")

    def tooltip(self) -> str:
        return self.tr("Written opinion ballots: drafting, answers and summaries")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Opinion ballots"))
        self.filter_label.setText(self.tr("&View:"))
        self.filter.setToolTip(self.tr("Which ballots the list shows"))
        set_action(self.new_action, self.tr("Ne&w ballot…"), self.tr("Draft a new opinion ballot"))
        self.table_label.setText(self.tr("Ballot &list"))
        self.table.setToolTip(
            self.tr("Overdue ballots are red, those due soon amber; Enter moves to the selected ballot")
        )
        set_action(
            self.open_action, self.tr("Go to the ballot"), self.tr("Move to the selected ballot's details")
        )
        self.placeholder.setText(self.tr("Choose a profile in the toolbar to see opinion ballots."))
        self.model.retranslate()
        self._fill_filter()
        self._update_count()

    # --- who is looking ---------------------------------------------------------------------------------------

    def _filters(self, actor: Actor | None) -> list[tuple[str, tuple[BallotState, ...], bool]]:
        if actor is not None and actor.is_secretariat:
            states = [BallotState.DRAFT, BallotState.SUBMITTED, BallotState.RETURNED, BallotState.APPROVED]
            states += [BallotState.SENT, BallotState.CLOSED]
            return [
                (self.tr("All ballots"), (), False),
                (self.tr("Needing attention (overdue, due soon)"), (), True),
                *((labels.ballot_state(state), (state,), False) for state in states),
            ]
        return [
            (self.tr("All my ballots"), (), False),
            (self.tr("Needing my answer soon"), (), True),
            (self.tr("Open for answers"), (BallotState.SENT,), False),
            (self.tr("Closed"), (BallotState.CLOSED,), False),
        ]

    def _fill_filter(self) -> None:
        row = max(0, self.filter.currentIndex())
        self.filter.blockSignals(True)
        self.filter.clear()
        for text, states, flagged in self._filters(self.context.actor):
            self.filter.addItem(text, (states, flagged))
        self.filter.setCurrentIndex(min(row, self.filter.count() - 1))
        self.filter.blockSignals(False)

    @Slot(object)
    def _actor_changed(self, actor: Actor | None) -> None:
        self.model.mine = actor is not None and not actor.is_secretariat
        self.model.retranslate()
        self.filter.setCurrentIndex(0)
        self._fill_filter()
        self.new_action.setVisible(actor is not None and actor.can(Permission.MANAGE_SESSIONS))
        self.new_action.setEnabled(self.new_action.isVisible())
        self.new_button.setVisible(self.new_action.isVisible())
        self.model.set_page([], complete=True)
        self._show_detail(None, None)
        self._refresh_soon()

    @Slot(object)
    def _data_changed(self, _source: object) -> None:
        self._refresh_soon()

    def _refresh_soon(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True  # loaded when the page is shown

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:  # once laid out: a fair share for each side, whatever their size hints
            self._sized = True
            QTimer.singleShot(0, self, self._share_width)
        self.poll.start()
        if self._stale:
            QTimer.singleShot(0, self, self.refresh)  # shown first, then filled

    def _share_width(self) -> None:
        width = self.splitter.width()
        self.splitter.setSizes([width // 2, width - width // 2])

    def hideEvent(self, event: QHideEvent) -> None:
        self.poll.stop()
        super().hideEvent(event)

    # --- the list ----------------------------------------------------------------------------------------

    def _query(self, offset: int, limit: int):
        actor = self.context.actor
        states, flagged = self.filter.currentData() or ((), False)
        now = clock.now()
        return lambda s: B.list_ballots(
            s, actor, now=now, flagged_only=flagged, states=states, limit=limit, offset=offset
        )

    def refresh(self) -> None:
        """Load the list again (as many rows as are shown, at least a page), then the selected ballot."""
        self._stale = False
        if self.context.actor is None:
            self.model.set_page([], complete=True)
            self._show_detail(None, None)
            self._update_count()
            return
        limit = max(PAGE_SIZE, self.model.rowCount())
        self._list_generation += 1
        generation = self._list_generation
        self.context.runner.query(self._query(0, limit)).success(
            alive(self, lambda rows: self._listed(generation, rows, limit))
        ).run_in_background()

    def _listed(self, generation: int, rows: list[B.BallotSummary], limit: int) -> None:
        if generation != self._list_generation:
            return  # an older answer, overtaken by a newer question
        current = self._wanted or self.table.currentIndex().data(ID_ROLE)
        self.model.set_page(rows, complete=len(rows) < limit)
        row = self.model.row_of(current) if current is not None else -1
        if row < 0 and self.model.rowCount():
            row = 0
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        if row >= 0:
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.model.index(row, B_TITLE))
        else:
            selection.clear()
        selection.blockSignals(False)
        if row >= 0 and self.model.row_data(row).id == self._wanted:
            self._wanted = None
        self._update_count()
        self._load_detail()

    @Slot(int, int)
    def _fetch(self, offset: int, limit: int) -> None:
        generation = self._list_generation
        self.context.runner.query(self._query(offset, limit)).success(
            alive(self, lambda rows: self._fetched(generation, offset, rows, limit))
        ).failure(alive(self, self._fetch_failed)).run_in_background()

    def _fetched(self, generation: int, offset: int, rows: list[B.BallotSummary], limit: int) -> None:
        if generation == self._list_generation:
            self.model.append_page(offset, rows, complete=len(rows) < limit)
        else:
            self.model.fetch_failed()
        self._update_count()

    def _fetch_failed(self, exc: Exception) -> None:
        self.model.fetch_failed()
        self.context.show_error(exc, self)

    def _update_count(self) -> None:
        count = self.model.rowCount()
        if self.context.actor is None:
            self.count.setText(self.tr("Choose a profile in the toolbar to see opinion ballots."))
        elif self.model.canFetchMore():
            self.count.setText(self.tr("{count} ballots shown; scroll down for more").format(count=count))
        else:
            self.count.setText(self.tr("{count} ballots").format(count=count))

    @Slot(int)
    def _filter_chosen(self, _row: int) -> None:
        self.model.set_page([], complete=True)
        self.refresh()

    # --- the selected ballot ------------------------------------------------------------------------------

    @Slot(QModelIndex, QModelIndex)
    def _current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._load_detail()

    def current_ballot(self) -> uuid.UUID | None:
        return self.table.currentIndex().data(ID_ROLE)

    def select_ballot(self, ballot_id: uuid.UUID) -> bool:
        row = self.model.row_of(ballot_id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, B_TITLE))
        return row >= 0

    def _load_detail(self) -> None:
        actor = self.context.actor
        ballot_id = self.current_ballot()
        self._detail_generation += 1
        generation = self._detail_generation
        if actor is None or ballot_id is None:
            self._show_detail(None, None)
            return
        now = clock.now()

        def body(s: Any) -> tuple[B.BallotDetail, B.BallotReport | None]:
            detail = B.get_ballot(s, actor, ballot_id, now=now)
            wants_summary = actor.is_secretariat and detail.summary.state in SUMMARY_STATES
            return detail, B.ballot_report(s, actor, ballot_id, now=now) if wants_summary else None

        def shown(result: tuple[B.BallotDetail, B.BallotReport | None]) -> None:
            if generation == self._detail_generation:
                self._show_detail(*result)

        def failed(exc: Exception) -> None:
            if generation != self._detail_generation:
                return
            self._show_detail(None, None)
            if not isinstance(exc, NotFound):  # gone, or no longer visible to this profile: the list follows
                self.context.show_error(exc, self)

        self.context.runner.query(body).success(alive(self, shown)).failure(
            alive(self, failed)
        ).run_in_background()

    def _show_detail(self, detail: B.BallotDetail | None, report: B.BallotReport | None) -> None:
        actor = self.context.actor
        if actor is None:
            self.detail.setCurrentWidget(self.placeholder)
        elif actor.is_secretariat:
            self.detail.setCurrentWidget(self.panel)
            self.panel.show_ballot(detail, report)
        else:
            self.detail.setCurrentWidget(self.form)
            self.form.show_ballot(detail, keep_edits=True)

    @Slot()
    def _focus_detail(self, *_: object) -> None:
        if self.detail.currentWidget() is self.form and self.form.boxes:
            box = self.form.boxes[0]
            (box.radios[box.choice()] if box.choice() else next(iter(box.radios.values()))).setFocus()
        elif self.detail.currentWidget() is self.panel:
            self.panel.tabs.setFocus()

    # --- drafting -------------------------------------------------------------------------------------------

    @Slot()
    def _new(self) -> None:
        self._open_dialog(None)

    @Slot(object)
    def _edit(self, detail: B.BallotDetail) -> None:
        self._open_dialog(detail)

    def _open_dialog(self, detail: B.BallotDetail | None) -> None:
        if self.context.actor is None:
            return
        dialog = BallotDialog(self.context, detail, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(lambda form: self._save(dialog, form))
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()

    def _save(self, dialog: BallotDialog, form: BallotForm) -> None:
        actor = self.context.actor
        if actor is None:
            return
        now = clock.now()
        ballot = dialog.ballot
        if ballot is None:

            def body(s: Any) -> B.BallotDetail:
                return B.create_ballot(
                    s,
                    actor,
                    form.item_id,
                    form.questions,
                    form.deadline,
                    title=form.title,
                    recipient_ids=form.recipient_ids,
                    document_ids=form.document_ids if form.item_id else None,
                    now=now,
                )
        else:

            def body(s: Any) -> B.BallotDetail:
                return B.update_ballot(
                    s,
                    actor,
                    ballot.summary.id,
                    ballot.summary.version,
                    title=form.title or ballot.summary.title,
                    questions=form.questions,
                    deadline=form.deadline,
                    recipient_ids=form.recipient_ids,
                    document_ids=form.document_ids if ballot.summary.item_id else None,
                    now=now,
                )

        def saved(detail: B.BallotDetail) -> None:
            self._wanted = detail.summary.id  # the reload after this write selects it
            dialog.accept()

        self.context.runner.write(actor, body).success(alive(dialog, saved)).failure(
            lambda exc: self.context.show_error(exc, dialog)
        ).run_in_background()
