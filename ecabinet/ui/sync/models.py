"""Table models of the Sync centre: the peers and their sync state, the package history, the known keys."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ecabinet.messages import render
from ecabinet.sync.keys import KeyInfo
from ecabinet.ui import formatting
from ecabinet.ui.models import ID_ROLE, SORT_ROLE
from ecabinet.ui.sync import text
from ecabinet.ui.sync.state import TRUSTED, PackageRecord, PeerState

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")

STATUS_COLOURS = {
    "trusted": "#1e6b3a",
    "own": "#1f3a60",
    "untrusted": "#8a5300",
    "revoked": "#b3261e",
    "superseded": "#5b6475",
    "none": "#5b6475",
    "applied": "#1e6b3a",
    "exported": "#1f3a60",
    "refused": "#b3261e",
}


class RowsModel(QAbstractTableModel, Generic[T]):
    """Rows replaced as a whole on each load (a few dozen peers, a few hundred packages)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []

    def headers(self) -> Sequence[str]:
        """The column titles (each model defines them)."""
        raise TypeError(f"{type(self).__name__} does not define headers()")

    def cell(self, row: T, column: int) -> str:
        """The text of one cell (each model defines it)."""
        raise TypeError(f"{type(self).__name__} does not define cell()")

    def sort_key(self, row: T, column: int) -> Any:
        return self.cell(row, column)

    def tooltip(self, row: T, column: int) -> str | None:
        return None

    def colour(self, row: T, column: int) -> str | None:
        return None

    def row_id(self, row: T) -> Any:
        return None

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[T]:
        return list(self._rows)

    def row(self, index: int) -> T:
        return self._rows[index]

    def row_of(self, wanted: Any) -> int:
        return next((n for n, r in enumerate(self._rows) if self.row_id(r) == wanted), -1)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = self.headers()
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = self.colour(row, column)
            return QColor(colour) if colour else None
        if role == SORT_ROLE:
            return self.sort_key(row, column)
        if role == ID_ROLE:
            return self.row_id(row)
        return None


class PeerTableModel(RowsModel[PeerState]):
    """One row per member's laptop (on the secretariat) or the one secretariat (on a laptop)."""

    NAME, TITLE, KEY, SENT, ACKED, RECEIVED, LAST = range(7)
    NONE = "—"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.laptop = False  # on a laptop the one row is the secretariat's installation

    def headers(self) -> Sequence[str]:
        return (
            self.tr("Installation") if self.laptop else self.tr("Member"),
            self.tr("Title"),
            self.tr("Key"),
            self.tr("Sent"),
            self.tr("Confirmed"),
            self.tr("Received"),
            self.tr("Last received"),
        )

    def row_id(self, row: PeerState) -> Any:
        return row.member_id if row.member_id is not None else row.role

    def cell(self, row: PeerState, column: int) -> str:
        if column == self.NAME:
            return text.peer_name(row.role, row.name)
        if column == self.TITLE:
            return row.title
        if column == self.KEY:
            return text.key_status(row.key_status)
        if column == self.SENT:
            return self.tr("package {n}").format(n=row.last_sent) if row.last_sent else self.NONE
        if column == self.ACKED:
            return self.tr("up to package {n}").format(n=row.last_acked) if row.last_acked else self.NONE
        if column == self.RECEIVED:
            return self.tr("package {n}").format(n=row.last_applied) if row.last_applied else self.NONE
        if column == self.LAST:
            return text.ago(row.last_import_at) if row.last_import_at else self.NONE
        return ""

    def sort_key(self, row: PeerState, column: int) -> Any:
        return {
            self.SENT: row.last_sent,
            self.ACKED: row.last_acked,
            self.RECEIVED: row.last_applied,
            self.LAST: row.last_import_at.timestamp() if row.last_import_at else 0,
        }.get(column, self.cell(row, column))

    def tooltip(self, row: PeerState, column: int) -> str | None:
        if column == self.KEY and row.fingerprint:
            return self.tr("Fingerprint: {fingerprint}").format(fingerprint=row.fingerprint)
        sentence = self.summary(row)
        return sentence[:1].upper() + sentence[1:]

    def colour(self, row: PeerState, column: int) -> str | None:
        if column == self.KEY:
            return STATUS_COLOURS.get(row.key_status)
        return STATUS_COLOURS["none"] if self.cell(row, column) == self.NONE else None

    def summary(self, row: PeerState) -> str:
        """'package 3 sent (2 days ago); confirmed up to package 2; last received 3 days ago (package 5).'"""
        parts = []
        if row.last_sent:
            parts.append(
                self.tr("package {n} sent ({ago})").format(n=row.last_sent, ago=text.ago(row.last_export_at))
            )
        else:
            parts.append(self.tr("nothing sent yet"))
        if row.last_acked:
            parts.append(self.tr("confirmed up to package {n}").format(n=row.last_acked))
        else:
            parts.append(self.tr("no package confirmed yet"))
        if row.last_applied:
            parts.append(
                self.tr("last received {ago} (package {n})").format(
                    ago=text.ago(row.last_import_at), n=row.last_applied
                )
            )
        else:
            parts.append(self.tr("nothing received yet"))
        return "; ".join(parts) + "."


class HistoryModel(RowsModel[PackageRecord]):
    """Packages written, applied and refused here, newest first."""

    WHEN, PEER, OUTCOME, NUMBER, RECORDS, FILES, NOTE = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.names: dict[uuid.UUID, str] = {}
        self.language: Callable[[], str] = lambda: "vi"

    def set_names(self, names: dict[uuid.UUID, str]) -> None:
        self.names = dict(names)

    def headers(self) -> Sequence[str]:
        return (
            self.tr("When"),
            self.tr("Installation"),
            self.tr("Outcome"),
            self.tr("Package"),
            self.tr("Records"),
            self.tr("Files"),
            self.tr("Details"),
        )

    def outcome(self, row: PackageRecord) -> str:
        return {
            "exported": self.tr("Exported"),
            "applied": self.tr("Applied"),
            "refused": self.tr("Refused"),
        }.get(row.outcome, row.outcome)

    def cell(self, row: PackageRecord, column: int) -> str:
        if column == self.WHEN:
            return formatting.short_datetime(text.utc(row.at))
        if column == self.PEER:
            if row.peer_installation_id is None:
                return self.tr("unknown sender")
            return self.names.get(row.peer_installation_id, self.tr("unknown installation"))
        if column == self.OUTCOME:
            return self.outcome(row)
        if column == self.NUMBER:
            return str(row.sequence) if row.sequence is not None else ""
        if column == self.RECORDS:
            return formatting.number(row.records) if row.outcome != "refused" else ""
        if column == self.FILES:
            return formatting.number(row.files) if row.outcome != "refused" else ""
        if column == self.NOTE:
            return self.note(row)
        return ""

    def note(self, row: PackageRecord) -> str:
        if row.outcome == "refused":
            return render(row.reason_code, self.language(), dict(row.reason_params))
        if row.outcome == "applied":
            note = self.tr("%n record(s) changed", "", row.changed)
            if row.refused_changes:
                note += "; " + self.tr("%n change(s) recorded as refused", "", row.refused_changes)
            return note
        return self.tr("confirms their package {n}").format(n=row.ack) if row.ack else ""

    def sort_key(self, row: PackageRecord, column: int) -> Any:
        return {
            self.WHEN: text.utc(row.at).timestamp(),
            self.NUMBER: row.sequence or 0,
            self.RECORDS: row.records,
            self.FILES: row.files,
        }.get(column, self.cell(row, column))

    def tooltip(self, row: PackageRecord, column: int) -> str | None:
        if column == self.NOTE or row.outcome == "refused":
            note = self.note(row)
            return f"{row.file_name}\n{note}".strip() if row.file_name else note or None
        return None

    def colour(self, row: PackageRecord, column: int) -> str | None:
        return STATUS_COLOURS.get(row.outcome) if column == self.OUTCOME else None


class KeyTableModel(RowsModel[KeyInfo]):
    """The keys of the other installations: whose, the fingerprint, trusted or not."""

    WHO, KIND, FINGERPRINT, STATUS, CREATED, NOTE = range(6)

    def headers(self) -> Sequence[str]:
        return (
            self.tr("Whose"),
            self.tr("Installation"),
            self.tr("Fingerprint"),
            self.tr("State"),
            self.tr("Made on"),
            self.tr("Details"),
        )

    def row_id(self, row: KeyInfo) -> Any:
        return row.key_id

    def cell(self, row: KeyInfo, column: int) -> str:
        if column == self.WHO:
            return text.peer_name(row.role, row.member_name, str(row.member_id or ""))
        if column == self.KIND:
            return text.installation_kind(row.role)
        if column == self.FINGERPRINT:
            return " ".join(row.fingerprint.split()[:4]) + " …"
        if column == self.STATUS:
            return text.key_status(row.status)
        if column == self.CREATED:
            return formatting.short_datetime(text.utc(row.created))
        if column == self.NOTE:
            if row.status == "revoked" and row.revoked_at:
                return self.tr("Revoked on {date}: {reason}").format(
                    date=formatting.short_datetime(text.utc(row.revoked_at)), reason=row.revoked_reason
                )
            if row.trusted_at and row.status in (TRUSTED, "superseded"):
                return self.tr("Confirmed on {date}").format(
                    date=formatting.short_datetime(text.utc(row.trusted_at))
                )
            if row.status == "untrusted":
                return self.tr("Compare the fingerprint by phone, then trust it")
        return ""

    def sort_key(self, row: KeyInfo, column: int) -> Any:
        if column == self.CREATED:
            return text.utc(row.created).timestamp()
        return self.cell(row, column)

    def tooltip(self, row: KeyInfo, column: int) -> str | None:
        return self.tr("Fingerprint: {fingerprint}").format(fingerprint=row.fingerprint)

    def colour(self, row: KeyInfo, column: int) -> str | None:
        return STATUS_COLOURS.get(row.status) if column == self.STATUS else None
