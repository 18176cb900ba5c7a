"""Phiên họp trực tiếp: the live view of a session for the secretariat and the chair (and a member's own part):
attendance and quorum, the speakers of the selected item, and its votes.

It refreshes after every write of this app (`data_changed`) and, while shown, every two seconds: other
installations may write to a shared PostgreSQL database.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QEvent, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from ecabinet.agenda.sessions import SessionDetail, SessionSummary, get_session, list_sessions
from ecabinet.errors import NotFound
from ecabinet.model import SessionState, VoteState
from ecabinet.services.actor import Actor
from ecabinet.ui import labels as core_labels
from ecabinet.ui.context import AppContext
from ecabinet.ui.errors import describe
from ecabinet.ui.registry import Page
from ecabinet.ui.voting import clock
from ecabinet.ui.voting.attendance_panel import AttendancePanel
from ecabinet.ui.voting.common import (
    GREEN,
    RED,
    alive,
    fill_combo,
    plain_scroll,
    runs_session,
    set_action,
    set_badge,
)
from ecabinet.ui.voting.speakers_panel import SpeakersPanel
from ecabinet.ui.voting.vote_panel import VotePanel
from ecabinet.voting.attendance import AttendanceSheet, attendance_sheet
from ecabinet.voting.speaking import SpeakingEntry, speaking_queue
from ecabinet.voting.votes import VoteInfo, list_votes

POLL_MS = 2000


@dataclass(frozen=True)
class LiveSnapshot:
    """Everything the live view shows, read in one unit of work so the parts agree with each other."""

    detail: SessionDetail
    sheet: AttendanceSheet
    runs: bool  # the acting user runs this session (secretariat or its chair)
    item_id: uuid.UUID | None
    queue: tuple[SpeakingEntry, ...]
    votes: tuple[VoteInfo, ...]  # every vote of the session, in the order opened


def load_snapshot(
    session: Session, actor: Actor, session_id: uuid.UUID, item_id: uuid.UUID | None, now: datetime
) -> LiveSnapshot:
    detail = get_session(session, actor, session_id)
    votes = tuple(list_votes(session, actor, session_id=session_id))
    if item_id not in {i.id for i in detail.items}:
        item_id = default_item(detail, votes)
    return LiveSnapshot(
        detail,
        attendance_sheet(session, actor, session_id, now=now),
        runs_session(session, actor, session_id),
        item_id,
        tuple(speaking_queue(session, actor, item_id)) if item_id else (),
        votes,
    )


def default_item(detail: SessionDetail, votes: tuple[VoteInfo, ...]) -> uuid.UUID | None:
    """The item with an open vote, else the first item."""
    open_vote = next((v for v in votes if v.state is VoteState.OPEN), None)
    if open_vote is not None:
        return open_vote.item_id
    return detail.items[0].id if detail.items else None


def preferred_session(sessions: list[SessionSummary]) -> uuid.UUID | None:
    """The session in progress, else the next published one, else the latest."""
    for state in (SessionState.IN_PROGRESS, SessionState.PUBLISHED):
        found = [s for s in sessions if s.state is state]
        if found:
            return found[-1].id if state is SessionState.PUBLISHED else found[0].id
    return sessions[0].id if sessions else None


class LiveView(QWidget):
    """The live view of one session. With `chooser`, a combo picks the session (the page); without, it is
    fixed (a window opened from another screen by `open_live_view`)."""

    def __init__(
        self,
        context: AppContext,
        session_id: uuid.UUID | None = None,
        chooser: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("liveView")
        self.context = context
        self.session_id = session_id
        self.item_id: uuid.UUID | None = None
        self.snapshot: LiveSnapshot | None = None
        self._generation = 0
        self._loading = False
        self._again = False
        self._seen_open_vote: uuid.UUID | None = None
        self._sized = False

        self.session = QComboBox(objectName="liveSession")
        self.session.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.session.setMinimumContentsLength(20)
        self.session_label = QLabel()
        self.session_label.setBuddy(self.session)
        for widget in (self.session, self.session_label):
            widget.setVisible(chooser)
        self.chooser = chooser
        self.heading = QLabel(objectName="sessionTitle", wordWrap=True)
        self.state = QLabel(objectName="stateBadge")
        self.quorum = QLabel(objectName="quorumBanner", wordWrap=True)
        self.quorum.setTextFormat(Qt.TextFormat.RichText)
        self.problem = QLabel(objectName="liveProblem", wordWrap=True)
        self.problem.setStyleSheet(f"color: {RED};")
        self.problem.hide()

        self.attendance = AttendancePanel(context)
        self.item = QComboBox(objectName="liveItem")
        self.item.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.item.setMinimumContentsLength(12)
        self.item_label = QLabel()
        self.item_label.setBuddy(self.item)
        self.speakers = SpeakersPanel(context)
        self.votes = VotePanel(context)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.votes, "")
        self.tabs.addTab(self.speakers, "")
        for action in (self.speakers.start_action, self.speakers.stop_action, *self.votes.run_actions()):
            self.addAction(action)  # F6 F7 F8 F9 from anywhere in the view

        self.close_action = QAction(self)
        self.close_action.setShortcut(QKeySequence("Ctrl+W"))
        self.close_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.close_action.setEnabled(not chooser)
        self.addAction(self.close_action)

        right = QWidget()
        item_row = QHBoxLayout()
        item_row.addWidget(self.item_label)
        item_row.addWidget(self.item, 1)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(item_row)
        right_layout.addWidget(self.tabs, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.attendance)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 6)
        self.splitter.setChildrenCollapsible(False)
        top = QHBoxLayout()
        top.addWidget(self.session_label)
        top.addWidget(self.session, 1)
        heading = QHBoxLayout()
        heading.addWidget(self.heading, 1)
        heading.addWidget(self.state, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        if chooser:
            layout.addLayout(top)
        layout.addLayout(heading)
        layout.addWidget(self.quorum)
        layout.addWidget(self.problem)
        layout.addWidget(self.splitter, 1)
        if chooser:
            self.setTabOrder(self.session, self.attendance.table)
        self.setTabOrder(self.attendance.table, self.item)
        self.setTabOrder(self.item, self.tabs)

        self.poll = QTimer(self, interval=POLL_MS)
        self._connect_signals()
        self.retranslate()

    def heightForWidth(self, _width: int) -> int:
        # The wrapping button rows inside have a height-for-width; the page's scroll area would then size
        # the whole view to its preferred height. No preference: the view fills the window (down to its
        # minimum size) and its parts share what there is.
        return -1

    def _connect_signals(self) -> None:
        self.poll.timeout.connect(self.reload)
        self.session.activated.connect(self._session_chosen)
        self.item.activated.connect(self._item_chosen)
        self.close_action.triggered.connect(self.close)
        self.context.actor_changed.connect(self._actor_changed)
        self.context.data_changed.connect(self._data_changed)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.session_label.setText(self.tr("&Session:"))
        self.session.setToolTip(self.tr("The session shown; the one in progress comes first"))
        self.item_label.setText(self.tr("Agenda &item:"))
        self.item.setToolTip(self.tr("The item whose speakers and votes are shown"))
        self.tabs.setTabText(0, self.tr("&Votes"))
        self.tabs.setTabToolTip(0, self.tr("Open a vote, record votes, the tally and the result (F8, F9)"))
        self.tabs.setTabText(1, self.tr("Spea&kers"))
        self.tabs.setTabToolTip(
            1, self.tr("The queue of speakers on this item (F6 gives the floor, F7 ends)")
        )
        set_action(self.close_action, self.tr("Close the live view"), self.tr("Close this window"))
        self._show_snapshot(self.snapshot)

    # --- when to load ---------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:  # once laid out: a fair share for each side, whatever their size hints
            self._sized = True
            QTimer.singleShot(0, self, self._share_width)
        self.poll.start()
        QTimer.singleShot(0, self, self.reload)  # shown first, then filled

    def _share_width(self) -> None:
        width = self.splitter.width()
        self.splitter.setSizes([width * 2 // 5, width - width * 2 // 5])

    def hideEvent(self, event: QHideEvent) -> None:
        self.poll.stop()
        super().hideEvent(event)

    @Slot(object)
    def _actor_changed(self, _actor: Actor | None) -> None:
        if self.chooser:
            self.load_sessions()
        else:
            self.reload()

    @Slot(object)
    def _data_changed(self, _source: object) -> None:
        if self.isVisible():
            self.refresh()  # a session may have started: the chooser shows states too

    def refresh(self) -> None:
        """F5: the list of sessions too."""
        if self.chooser:
            self.load_sessions()
        else:
            self.reload()

    # --- the session chooser --------------------------------------------------------------------------------

    def load_sessions(self) -> None:
        actor = self.context.actor
        if actor is None:
            self._sessions_loaded([])
            return
        self.context.runner.query(lambda s: list_sessions(s, actor)).success(
            alive(self, self._sessions_loaded)
        ).run_in_background()

    def _sessions_loaded(self, sessions: list[SessionSummary]) -> None:
        wanted = (
            self.session_id if any(s.id == self.session_id for s in sessions) else preferred_session(sessions)
        )
        entries = [(s.id, f"{s.title} — {core_labels.session_state(s.state)}") for s in sessions]
        fill_combo(self.session, entries, wanted)
        self.set_session(wanted)

    @Slot(int)
    def _session_chosen(self, row: int) -> None:
        self.set_session(self.session.itemData(row))

    def set_session(self, session_id: uuid.UUID | None) -> None:
        if session_id != self.session_id:
            self.item_id = None
            self.snapshot = None
            self._seen_open_vote = None
            self._generation += 1  # what is still loading is for the other session
        self.session_id = session_id
        self.reload()

    @Slot(int)
    def _item_chosen(self, row: int) -> None:
        self._choose_item(self.item.itemData(row))

    def select_item(self, item_id: uuid.UUID) -> None:
        self._choose_item(item_id)

    def _choose_item(self, item_id: uuid.UUID | None) -> None:
        self.item_id = item_id
        self._generation += 1  # a snapshot still loading is of the item before
        self.reload()

    # --- loading ---------------------------------------------------------------------------------------------

    @Slot()
    def reload(self) -> None:
        actor, session_id = self.context.actor, self.session_id
        if actor is None or session_id is None:
            self._generation += 1
            self._show_snapshot(None)
            return
        if self._loading:
            self._again = True  # one more load once this one is back, not a pile of them
            return
        self._loading, self._again = True, False
        self._generation += 1
        generation, item_id, now = self._generation, self.item_id, clock.now()
        self.context.runner.query(lambda s: load_snapshot(s, actor, session_id, item_id, now)).success(
            alive(self, lambda snap: self._loaded(generation, snap))
        ).failure(alive(self, lambda exc: self._failed(generation, exc))).run_in_background()

    def _done(self) -> None:
        self._loading = False
        if self._again:
            self.reload()

    def _loaded(self, generation: int, snapshot: LiveSnapshot) -> None:
        if generation == self._generation:
            self.problem.hide()
            open_vote = next((v for v in snapshot.votes if v.state is VoteState.OPEN), None)
            jump = False
            if open_vote is not None and open_vote.id != self._seen_open_vote:
                self._seen_open_vote = open_vote.id
                # A vote was opened (perhaps elsewhere): show it, whatever item was selected.
                jump = open_vote.item_id != snapshot.item_id
            if jump:
                self._choose_item(open_vote.item_id)
            else:
                self.item_id = snapshot.item_id
                self._show_snapshot(snapshot)
        self._done()

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation == self._generation:
            if isinstance(exc, NotFound):
                self.session_id = None
                self._show_snapshot(None)
            # A poll must not open a dialog every two seconds: the problem is shown in the view instead.
            text, _details = describe(exc, self.context.language)
            self.problem.setText(text)
            self.problem.show()
        self._done()

    # --- showing ----------------------------------------------------------------------------------------------

    def _show_snapshot(self, snapshot: LiveSnapshot | None) -> None:
        self.snapshot = snapshot
        if snapshot is None:
            self.setWindowTitle(self.tr("Live session"))
            self.heading.setText(
                self.tr("Choose a profile in the toolbar.")
                if self.context.actor is None
                else self.tr("No session to show.")
            )
            set_badge(self.state, "", "")
            self.quorum.clear()
            self.quorum.setStyleSheet("")
            self.attendance.set_runs(False)
            self.attendance.show_sheet(None, None)
            self.item.clear()
            self.speakers.set_runs(False)
            self.speakers.show_queue(None, [])
            self.votes.show_votes(None, [], [], False)
            return
        summary = snapshot.detail.summary
        self.setWindowTitle(self.tr("Live session — {title}").format(title=summary.title))
        self.heading.setText(summary.title)
        set_badge(self.state, core_labels.session_state(summary.state), summary.state.value)
        quorum = snapshot.sheet.quorum
        colour, background = (GREEN, "#e4f1e8") if quorum.met else (RED, "#fde8e6")
        heading = self.tr("Quorum met") if quorum.met else self.tr("Quorum not met")
        self.quorum.setText(f"<b>{heading}</b> — {quorum.text(self.context.language)}")
        self.quorum.setStyleSheet(
            f"QLabel {{ background: {background}; color: {colour}; padding: 0.4em 0.8em; "
            "border-radius: 0.3em; font-size: 12pt; }"
        )
        self.quorum.setToolTip(
            self.tr(
                "{present} of {total} members with a voting right are in the room; {needed} are needed"
            ).format(present=quorum.present, total=quorum.total, needed=quorum.needed)
        )
        if self.attendance.runs != snapshot.runs:
            self.attendance.set_runs(snapshot.runs)
        self.attendance.show_sheet(summary.id, snapshot.sheet)
        self._fill_items(snapshot)
        item = next((i for i in snapshot.detail.items if i.id == snapshot.item_id), None)
        if self.speakers.runs != snapshot.runs:
            self.speakers.set_runs(snapshot.runs)
        self.speakers.set_people([(e.member_id, e.name) for e in snapshot.sheet.entries])
        self.speakers.show_queue(snapshot.item_id, snapshot.queue)
        item_votes = [v for v in snapshot.votes if v.item_id == snapshot.item_id]
        self.votes.show_votes(item, item_votes, snapshot.sheet.entries, snapshot.runs)

    def _fill_items(self, snapshot: LiveSnapshot) -> None:
        items = [
            (i.id, f"{'    ' if i.parent_id else ''}{i.number}. {i.title}") for i in snapshot.detail.items
        ]
        fill_combo(self.item, items, snapshot.item_id)


class LivePage(Page):
    page_id = "live"
    icon = "mdi6.podium"
    order = 20

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.view = LiveView(context, chooser=True)
        # In a small window the view scrolls rather than forcing the main window wider.
        scroll = plain_scroll("liveScroll", self.view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.view.load_sessions()

    def title(self) -> str:
        return self.tr("Live session")

    def tooltip(self) -> str:
        return self.tr("The session in progress: attendance, quorum, speakers and votes")

    def refresh(self) -> None:
        self.view.refresh()


def open_live_view(context: AppContext, session_id: uuid.UUID, parent: QWidget | None = None) -> LiveView:
    """Open the live view of one session in its own window (e.g. from the session screen) and return it."""
    view = LiveView(context, session_id=session_id, chooser=False, parent=parent)
    view.setWindowFlag(Qt.WindowType.Window)
    view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    metrics = view.fontMetrics()
    view.resize(metrics.averageCharWidth() * 190, metrics.height() * 46)
    view.show()
    view.activateWindow()
    return view
