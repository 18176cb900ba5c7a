"""Item models of the voting screens, fed by service snapshots (each checked with qtmodeltester).

- `BallotTableModel`: the ballots list, fetched page by page as the view scrolls (`fetch_requested`).
- `AttendanceModel`: the attendance sheet of a session; rows update in place so the selection stays.
- `SpeakersModel`: an item's queue of speakers; waiting requests can be dragged into a new order.
- `VotersModel`: who may vote and who has voted in the vote shown (with the choice of a named vote).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from ecabinet.model import AttendanceStatus, BallotState, SpeakingState, VoteChoice
from ecabinet.ui import formatting
from ecabinet.ui.models import ID_ROLE, SORT_ROLE
from ecabinet.ui.voting import clock, labels
from ecabinet.voting.attendance import AttendanceEntry
from ecabinet.voting.ballots import BallotFlag, BallotSummary
from ecabinet.voting.speaking import SpeakingEntry
from ecabinet.voting.votes import CastInfo

Index = QModelIndex | QPersistentModelIndex

OVERDUE_BACKGROUND = QColor("#fde8e6")
DUE_SOON_BACKGROUND = QColor("#fff4e0")
PRESENT_BACKGROUND = QColor("#e4f1e8")
AWAY_FOREGROUND = QColor("#5b6475")


class _RowsModel(QAbstractTableModel):
    """A table over a list of frozen rows with an `id`; new rows replace old ones in place when the ids match."""

    columns = 0

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def _key(self, row: Any) -> Any:
        return row.id

    def set_rows(self, rows: Sequence[Any]) -> None:
        rows = list(rows)
        if [self._key(r) for r in rows] == [self._key(r) for r in self._rows]:
            self._rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, self.columns - 1))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_data(self, row: int) -> Any:
        return self._rows[row]

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_of(self, key: object) -> int:
        return next((n for n, r in enumerate(self._rows) if self._key(r) == key), -1)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columns - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columns - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.columns

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = self.titles()
        return titles[section] if 0 <= section < len(titles) else None

    def titles(self) -> tuple[str, ...]:
        """The column titles (each model defines them)."""
        raise TypeError(f"{type(self).__name__} does not define titles()")

    def _valid(self, index: Index) -> bool:
        return index.isValid() and 0 <= index.row() < len(self._rows) and 0 <= index.column() < self.columns


# --- ballots ----------------------------------------------------------------------------------------------

B_TITLE, B_ITEM, B_STATE, B_DEADLINE, B_ANSWERS, B_FLAG = range(6)
PAGE_SIZE = 50


class BallotTableModel(_RowsModel):
    """Ballots, latest deadline first, fetched in pages: `fetch_requested(offset, limit)` asks for the next one.

    `mine`: the rows are a member's own worklist (the answers column says whether they answered).
    """

    columns = 6
    fetch_requested = Signal(int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.mine = False
        self._more = False
        self._pending = False

    def set_page(self, rows: Sequence[BallotSummary], complete: bool) -> None:
        """The first rows (a fresh load, or a refresh of as many rows as were shown)."""
        self._pending = False
        self._more = not complete
        self.set_rows(rows)

    def append_page(self, offset: int, rows: Sequence[BallotSummary], complete: bool) -> None:
        self._pending = False
        self._more = not complete
        if offset != len(self._rows):  # a reload came in between: this page no longer fits
            return
        known = {r.id for r in self._rows}
        fresh = [r for r in rows if r.id not in known]
        if fresh:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(fresh) - 1)
            self._rows.extend(fresh)
            self.endInsertRows()

    def fetch_failed(self) -> None:
        self._pending = False
        self._more = False

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and not self._pending

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._pending = True
            self.fetch_requested.emit(len(self._rows), PAGE_SIZE)

    def titles(self) -> tuple[str, ...]:
        return (
            self.tr("Ballot"),
            self.tr("Agenda item"),
            self.tr("State"),
            self.tr("Deadline"),
            self.tr("My answer") if self.mine else self.tr("Answered"),
            self.tr("Attention"),
        )

    def _answers(self, b: BallotSummary) -> str:
        if self.mine:
            return self.tr("Answered") if b.answered_by_me else self.tr("Not answered")
        if b.state not in (BallotState.SENT, BallotState.CLOSED):
            return ""
        return f"{b.answered_count}/{b.recipient_count}"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self._valid(index):
            return None
        b: BallotSummary = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                b.title,
                b.item_title,
                labels.ballot_state(b.state),
                formatting.short_datetime(b.deadline),
                self._answers(b),
                labels.ballot_flag(b.flag),
            )[column]
        if role == SORT_ROLE:
            return (
                b.title.casefold(),
                b.item_title.casefold(),
                list(BallotState).index(b.state),
                b.deadline.timestamp(),
                b.answered_count,
                0 if b.flag is None else 2 if b.flag is BallotFlag.OVERDUE else 1,
            )[column]
        if role == ID_ROLE:
            return b.id
        if role == Qt.ItemDataRole.BackgroundRole and b.flag is not None:
            return QBrush(OVERDUE_BACKGROUND if b.flag is BallotFlag.OVERDUE else DUE_SOON_BACKGROUND)
        if role == Qt.ItemDataRole.FontRole and column == B_FLAG and b.flag is not None:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if b.flag is BallotFlag.OVERDUE:
                return self.tr("The deadline has passed")
            if b.flag is BallotFlag.DUE_SOON:
                return self.tr("The deadline is less than two days away and answers are missing")
            return "\n".join(p for p in (b.title, b.item_title) if p) if column == B_TITLE else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == B_ANSWERS and not self.mine:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


# --- attendance --------------------------------------------------------------------------------------------

A_NAME, A_ROLE, A_STATUS, A_ARRIVED, A_LEFT, A_NOTE = range(6)


class AttendanceModel(_RowsModel):
    """The attendance sheet: everyone invited, members first; who counts for the quorum is marked."""

    columns = 6

    def _key(self, row: AttendanceEntry) -> Any:
        return row.member_id

    def titles(self) -> tuple[str, ...]:
        return (
            self.tr("Name"),
            self.tr("Invited as"),
            self.tr("Attendance"),
            self.tr("Arrived"),
            self.tr("Left"),
            self.tr("Reason or deputy"),
        )

    def _note(self, e: AttendanceEntry) -> str:
        if e.status is AttendanceStatus.REPRESENTED:
            return self.tr("Deputy: {name}").format(name=e.deputy_name)
        return e.reason

    def _status(self, e: AttendanceEntry) -> str:
        if e.status is AttendanceStatus.PRESENT and e.left_at is not None and not e.in_room:
            return self.tr("Left")
        return labels.attendance_status(e.status)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self._valid(index):
            return None
        e: AttendanceEntry = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                e.name,
                labels.invite_role(e.invited_as),
                self._status(e),
                formatting.short_time(e.arrived_at),
                formatting.short_time(e.left_at),
                self._note(e),
            )[column]
        if role == ID_ROLE:
            return e.member_id
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == A_NAME:
                vote = self.tr("votes") if e.has_vote else self.tr("does not vote")
                return f"{e.name}\n{e.title}\n{vote}".strip()
            if column == A_STATUS and e.counts_for_quorum:
                return self.tr("In the room: counts towards the quorum")
            return None
        if role == Qt.ItemDataRole.BackgroundRole and e.in_room:
            return QBrush(PRESENT_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and e.status is not None and not e.in_room:
            return QBrush(AWAY_FOREGROUND)
        if role == Qt.ItemDataRole.FontRole and column == A_STATUS and e.counts_for_quorum:
            font = QFont()
            font.setBold(True)
            return font
        return None


# --- speakers ----------------------------------------------------------------------------------------------

S_ORDER, S_NAME, S_STATE, S_TIME = range(4)
SPEAKER_MIME = "application/x-ecabinet-speaking-requests"


class SpeakersModel(_RowsModel):
    """An item's speakers: who speaks now, the waiting in order, then those done. Waiting rows can be dragged;
    a drop does not move anything itself but asks for the new order (`reorder_requested`), which the service
    decides on."""

    columns = 4
    reorder_requested = Signal(list)  # the waiting request ids in the wanted order

    def titles(self) -> tuple[str, ...]:
        return (self.tr("No."), self.tr("Speaker"), self.tr("State"), self.tr("Time"))

    def waiting(self) -> list[SpeakingEntry]:
        return [e for e in self._rows if e.state is SpeakingState.WAITING]

    def speaking(self) -> SpeakingEntry | None:
        return next((e for e in self._rows if e.state is SpeakingState.SPEAKING), None)

    def _elapsed(self, e: SpeakingEntry) -> int:
        if e.state is SpeakingState.SPEAKING and e.started_at is not None:
            return e.seconds_used + int((clock.now() - e.started_at).total_seconds())
        return e.seconds_used

    def tick(self) -> None:
        """The clock moved: repaint the time of whoever is speaking."""
        for n, e in enumerate(self._rows):
            if e.state is SpeakingState.SPEAKING:
                index = self.index(n, S_TIME)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self._valid(index):
            return None
        e: SpeakingEntry = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            waiting = [w.id for w in self.waiting()]
            order = str(waiting.index(e.id) + 1) if e.id in waiting else ""
            shown = e.state in (SpeakingState.SPEAKING, SpeakingState.DONE)
            return (
                order,
                e.name,
                labels.speaking_state(e.state),
                labels.duration(self._elapsed(e)) if shown else "",
            )[column]
        if role == ID_ROLE:
            return e.id
        if role == Qt.ItemDataRole.FontRole and e.state is SpeakingState.SPEAKING:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and e.state is SpeakingState.SPEAKING:
            return QBrush(DUE_SOON_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and e.state in (
            SpeakingState.DONE,
            SpeakingState.WITHDRAWN,
        ):
            return QBrush(AWAY_FOREGROUND)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (S_ORDER, S_TIME):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = super().flags(index)
        if self._valid(index) and self._rows[index.row()].state is SpeakingState.WAITING:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [SPEAKER_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        ids = []
        for index in indexes:
            if self._valid(index) and self._rows[index.row()].state is SpeakingState.WAITING:
                request_id = str(self._rows[index.row()].id)
                if request_id not in ids:
                    ids.append(request_id)
        data.setData(SPEAKER_MIME, QByteArray(",".join(ids).encode()))
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return action == Qt.DropAction.MoveAction and data.hasFormat(SPEAKER_MIME)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        raw = bytes(data.data(SPEAKER_MIME).data()).decode()
        moved = [uuid.UUID(part) for part in raw.split(",") if part]
        target = parent.row() if parent.isValid() else row if row >= 0 else len(self._rows)
        order = self.order_after_drop(moved, target)
        if order is not None:
            # Asked after the drop returns: the view must finish its drag before the rows are reloaded.
            QTimer.singleShot(0, lambda: self.reorder_requested.emit(order))
        return False  # nothing moves here; the reloaded queue shows the order the service kept

    def order_after_drop(self, moved: list[uuid.UUID], target_row: int) -> list[uuid.UUID] | None:
        """The waiting ids with `moved` placed before the row dropped on (None when nothing changes)."""
        waiting = [e.id for e in self.waiting()]
        moved = [m for m in moved if m in waiting]
        if not moved:
            return None
        before = [e.id for e in self._rows[: max(0, target_row)] if e.state is SpeakingState.WAITING]
        slot = len([w for w in before if w not in moved])
        rest = [w for w in waiting if w not in moved]
        order = [*rest[:slot], *moved, *rest[slot:]]
        return None if order == waiting else order

    def order_after_move(self, request_id: uuid.UUID, step: int) -> list[uuid.UUID] | None:
        """The waiting ids with one request moved up (-1) or down (+1); None at either end."""
        waiting = [e.id for e in self.waiting()]
        if request_id not in waiting:
            return None
        n = waiting.index(request_id)
        m = n + step
        if not 0 <= m < len(waiting):
            return None
        waiting[n], waiting[m] = waiting[m], waiting[n]
        return waiting


# --- voters ------------------------------------------------------------------------------------------------

V_NAME, V_CAST, V_CHOICE, V_BY = range(4)


@dataclass(frozen=True)
class VoterRow:
    """A member in the room with a voting right, or one who has voted, and their cast if any."""

    member_id: uuid.UUID
    name: str
    cast: CastInfo | None

    @property
    def id(self) -> uuid.UUID:
        return self.member_id


def voter_rows(
    entries: Sequence[AttendanceEntry], casts: Sequence[CastInfo], include: Callable[[AttendanceEntry], bool]
) -> list[VoterRow]:
    """Rows for the voters table: attendance order, those who cast first kept wherever they are now."""
    by_member = {c.member_id: c for c in casts}
    rows = [VoterRow(e.member_id, e.name, by_member.get(e.member_id)) for e in entries if include(e)]
    listed = {r.member_id for r in rows}
    rows += [VoterRow(c.member_id, c.name, c) for c in casts if c.member_id not in listed]
    return rows


class VotersModel(_RowsModel):
    """Who may vote now and who has: a named vote shows each choice, a secret one only that someone voted."""

    columns = 4

    def titles(self) -> tuple[str, ...]:
        return (self.tr("Member"), self.tr("Voted"), self.tr("Choice"), self.tr("Recorded by"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self._valid(index):
            return None
        r: VoterRow = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            cast = r.cast
            if column == V_NAME:
                return r.name
            if column == V_CAST:
                return self.tr("Yes") if cast is not None else self.tr("Not yet")
            if column == V_CHOICE:
                if cast is None:
                    return ""
                return labels.vote_choice(cast.choice) if cast.choice is not None else self.tr("(secret)")
            return cast.recorded_by if cast is not None else ""
        if role == ID_ROLE:
            return r.member_id
        if role == Qt.ItemDataRole.ForegroundRole and r.cast is None:
            return QBrush(AWAY_FOREGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and column == V_CHOICE and r.cast and r.cast.choice:
            colour = {VoteChoice.FOR: "#1e6b3a", VoteChoice.AGAINST: "#b3261e"}.get(r.cast.choice, "#5b6475")
            return QBrush(QColor(colour))
        return None
