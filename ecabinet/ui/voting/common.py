"""What the voting screens share: callbacks that outlive their widget, action texts, badges, who runs a session."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Any

import qtawesome as qta
import shiboken6
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QComboBox, QFrame, QHeaderView, QLabel, QScrollArea, QTableView, QWidget
from sqlalchemy.orm import Session

from ecabinet.agenda.visibility import check_session_visible
from ecabinet.errors import PermissionDenied
from ecabinet.services.actor import Actor
from ecabinet.voting.common import check_runs

NAVY = "#1f3a60"
RED = "#b3261e"
GREEN = "#1e6b3a"
AMBER = "#8a5300"
GREY = "#5b6475"
MAX_COLUMN_CHARS = 28
# The three choices, in the order of a tally (yes, no, other), as the charts and rows colour them.
CHOICE_COLOURS = (GREEN, RED, GREY)


def icon(name: str) -> QIcon:
    return qta.icon(name, color=NAVY)


def alive(widget: QWidget, fn: Callable[..., Any]) -> Callable[..., Any]:
    """`fn`, called only while `widget` still exists: a background result may come back after a window closed."""

    def call(*args: Any) -> Any:
        if shiboken6.isValid(widget):
            return fn(*args)
        return None

    return call


def set_action(action: QAction, text: str, tip: str) -> None:
    """An action's text, and a tooltip that names its shortcut (every action says how to reach it by keys)."""
    action.setText(text)
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{tip} ({keys})" if keys else tip)
    action.setStatusTip(tip)


def set_badge(label: QLabel, text: str, state: str) -> None:
    """A coloured badge (the stylesheet's `stateBadge`), re-polished when its state property changes."""
    label.setText(text)
    label.setVisible(bool(text))
    label.setProperty("state", state)
    label.style().unpolish(label)
    label.style().polish(label)


def runs_session(session: Session, actor: Actor, session_id: uuid.UUID) -> bool:
    """Whether `actor` runs this session (the secretariat, or its chair): the service's own check, asked."""
    try:
        check_runs(actor, check_session_visible(session, actor, session_id))
    except PermissionDenied:
        return False
    return True


def fit_columns(table: QTableView, stretch: int) -> None:
    """Columns sized to their contents when the rows are replaced, not on every refresh of the same rows.

    (ResizeToContents would read every cell again on each two-second poll.)
    """
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setHighlightSections(False)
    widest = table.fontMetrics().averageCharWidth() * MAX_COLUMN_CHARS

    def fit() -> None:
        table.resizeColumnsToContents()
        for column in range(header.count()):
            if column != stretch and header.sectionSize(column) > widest:
                header.resizeSection(column, widest)  # a long item title is elided, not a page wide

    table.model().modelReset.connect(fit)
    fit()


def plain_scroll(name: str, content: QWidget) -> QScrollArea:
    """A frameless scroll area that shows the page's white behind its content."""
    scroll = QScrollArea(objectName=name)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(content)
    # Both fill with the palette's grey by default (setWidget turns it on); the page's white shows instead.
    scroll.viewport().setAutoFillBackground(False)
    content.setAutoFillBackground(False)
    return scroll


def fill_combo(combo: QComboBox, entries: Sequence[tuple[Any, str]], current: Any) -> None:
    """Set a combo's (data, text) entries and select `current` (else the first), without signals; entries
    that did not change are left alone, so a two-second refresh does not close an open popup."""
    shown = [(combo.itemData(n), combo.itemText(n)) for n in range(combo.count())]
    combo.blockSignals(True)
    if shown != list(entries):
        combo.clear()
        for data, text in entries:
            combo.addItem(text, data)
    rows = [n for n in range(combo.count()) if combo.itemData(n) == current]
    combo.setCurrentIndex(rows[0] if rows else 0 if combo.count() else -1)
    combo.blockSignals(False)
