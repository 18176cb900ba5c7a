"""One agenda item in the minutes: the facts the database knows (read only) and the secretary's two texts —
the discussion summary and the chair's conclusion — each saved at once, after a pause in typing."""

from __future__ import annotations

import html
import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import QCheckBox, QLabel, QSplitter, QTextBrowser, QVBoxLayout, QWidget

from ecabinet.minutes import service as MS
from ecabinet.minutes.draft import ItemMinutes
from ecabinet.ui.context import AppContext
from ecabinet.ui.minutes.editor import RichTextEditor


def facts_html(item: ItemMinutes) -> str:
    """What the minutes will say about the item before the secretary's texts, as simple HTML."""
    e = html.escape
    rows: list[str] = [f"<h3>{e(item.number)}. {e(item.title)}</h3>"]

    def row(label: str, value: str) -> None:
        if value:
            rows.append(f"<p><b>{e(label)}</b> {e(value)}</p>")

    row(QCoreApplication.translate("MinutesFacts", "Presenter:"), item.presenter)
    row(QCoreApplication.translate("MinutesFacts", "Documents:"), "; ".join(item.documents))
    if item.positions is not None:
        p = item.positions
        parts = [
            QCoreApplication.translate("MinutesFacts", "%n without objection", "", p.no_objection)
            if p.no_objection
            else ""
        ]
        if p.wish_to_speak:
            parts.append(
                QCoreApplication.translate("MinutesFacts", "wish to speak: %1").replace(
                    "%1", ", ".join(p.wish_to_speak)
                )
            )
        if p.objections:
            parts.append(
                QCoreApplication.translate("MinutesFacts", "object: %1").replace(
                    "%1", ", ".join(n for n, _note in p.objections)
                )
            )
        row(
            QCoreApplication.translate("MinutesFacts", "Positions before the session:"),
            "; ".join(x for x in parts if x),
        )
    for ballot in item.ballots:
        for q in ballot.questions:
            row(
                QCoreApplication.translate("MinutesFacts", "Opinion ballot «%1»:").replace(
                    "%1", ballot.title
                ),
                q.result_text,
            )
    row(QCoreApplication.translate("MinutesFacts", "Speakers:"), ", ".join(item.speakers))
    for vote in item.votes:
        kind = (
            QCoreApplication.translate("MinutesFacts", "Secret vote")
            if vote.secret
            else QCoreApplication.translate("MinutesFacts", "Open vote")
        )
        counts = ""
        if vote.counts is not None:
            counts = QCoreApplication.translate("MinutesFacts", "%1 for, %2 against, %3 abstain").replace(
                "%1", str(vote.counts[0])
            )
            counts = counts.replace("%2", str(vote.counts[1])).replace("%3", str(vote.counts[2]))
        value = " — ".join(x for x in (vote.motion, counts, vote.result_text, vote.annul_reason) if x)
        row(f"{kind}:", value)
    return "".join(rows)


class ItemPanel(QWidget):
    """Shows one item; `saved` reports each text saved (item, which, version) for the page's bookkeeping."""

    saved = Signal(object)
    failed = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.item: ItemMinutes | None = None
        # latest saved text and version per (item, "discussion" | "conclusion"): the draft may be older
        self.texts: dict[tuple[uuid.UUID, str], tuple[str, int]] = {}
        self._busy: set[tuple[uuid.UUID, str]] = set()
        self._again: dict[tuple[uuid.UUID, str], str] = {}
        self.facts = QTextBrowser()
        self.facts.setOpenLinks(False)
        self.facts_label = QLabel(objectName="sectionTitle", wordWrap=True)
        self.facts_label.setBuddy(self.facts)
        self.discussion = RichTextEditor(self)
        self.conclusion = RichTextEditor(self)
        self.notice = QCheckBox()
        # Narrow windows clip these rather than grow: the page must fit beside the sidebar on a laptop.
        self.notice.setMinimumWidth(1)
        self.facts.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        for editor in (self.discussion, self.conclusion):
            editor.text.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        self.discussion.edited.connect(lambda text: self._save("discussion", text))
        self.conclusion.edited.connect(lambda text: self._save("conclusion", text))
        self.notice.toggled.connect(self._notice_toggled)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.facts_label)
        top_layout.addWidget(self.facts)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.conclusion, 1)
        bottom_layout.addWidget(self.notice)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(self.discussion)
        split.addWidget(bottom)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        split.setStretchFactor(2, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.retranslate()

    def retranslate(self) -> None:
        self.facts_label.setText(self.tr("Facts from the session (filled in by e-Cabinet)"))
        self.discussion.label.setText(self.tr("&Discussion summary"))
        self.conclusion.label.setText(self.tr("Chair's conc&lusion"))
        self.notice.setText(self.tr("Include in the &notice of conclusions"))
        self.notice.setToolTip(self.tr("The notice goes out within 5 working days of the session"))
        if self.item is not None:
            self.facts.setHtml(facts_html(self.item))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- showing ----------------------------------------------------------------------------------------

    def show_item(self, item: ItemMinutes, read_only: bool) -> None:
        self.flush()
        self.item = item
        self.facts.setHtml(facts_html(item))
        discussion, _v = self.texts.get(
            (item.item_id, "discussion"), (item.discussion, item.discussion_version)
        )
        conclusion, _v = self.texts.get(
            (item.item_id, "conclusion"), (item.conclusion, item.conclusion_version)
        )
        self.discussion.set_html(discussion)
        self.conclusion.set_html(conclusion)
        self.notice.blockSignals(True)
        self.notice.setChecked(item.needs_notice)
        self.notice.blockSignals(False)
        self.set_read_only(read_only)

    def set_read_only(self, read_only: bool) -> None:
        self.discussion.set_read_only(read_only)
        self.conclusion.set_read_only(read_only)
        self.notice.setEnabled(not read_only)

    def forget(self) -> None:
        """A new draft was loaded: its texts and versions are the current ones."""
        self.texts.clear()
        self.item = None

    def flush(self) -> None:
        """Save what is still waiting for the end of a pause in typing."""
        for editor in (self.discussion, self.conclusion):
            if editor.pending:
                editor.flush()

    # --- saving -------------------------------------------------------------------------------------------

    def _version(self, key: tuple[uuid.UUID, str]) -> tuple[str, int]:
        item = self.item
        assert item is not None
        if key in self.texts:
            return self.texts[key]
        if key[1] == "discussion":
            return item.discussion, item.discussion_version
        return item.conclusion, item.conclusion_version

    def _save(self, which: str, text: str, needs_notice: bool | None = None) -> None:
        actor = self.context.actor
        if self.item is None or actor is None:
            return
        key = (self.item.item_id, which)
        current, version = self._version(key)
        if text == current and needs_notice is None:
            return
        if key in self._busy:  # one save at a time per text; the newest waits for the one under way
            self._again[key] = text
            return
        self._busy.add(key)
        item_id = self.item.item_id
        body: Callable[[Any], Any]
        if which == "discussion":

            def body(s: Any) -> Any:
                return MS.set_discussion(s, actor, item_id, text, version)

        else:

            def body(s: Any) -> Any:
                return MS.set_conclusion(s, actor, item_id, text, version, needs_notice)

        self.context.runner.write(actor, body).success(
            lambda result, key=key: self._saved(key, result)
        ).failure(lambda exc, key=key: self._failed(key, exc)).from_source(self).run_in_background()

    def _saved(self, key: tuple[uuid.UUID, str], result: MS.DiscussionText | MS.ConclusionText) -> None:
        self._busy.discard(key)
        self.texts[key] = (result.text, result.version)
        self.saved.emit(result)
        if key in self._again:
            text = self._again.pop(key)
            if self.item is not None and self.item.item_id == key[0]:
                self._save(key[1], text)

    def _failed(self, key: tuple[uuid.UUID, str], exc: Exception) -> None:
        self._busy.discard(key)
        self._again.pop(key, None)
        self.failed.emit(exc)

    @Slot(bool)
    def _notice_toggled(self, on: bool) -> None:
        if self.item is None:
            return
        key = (self.item.item_id, "conclusion")
        self._save("conclusion", self._version(key)[0], needs_notice=on)
