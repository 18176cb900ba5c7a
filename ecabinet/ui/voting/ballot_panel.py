"""One ballot as the secretariat sees it: its details, the steps its state allows, and the live opinion summary."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ecabinet.minutes.outputs import OutputKind, PrintedOutput, produce
from ecabinet.model import BallotState, OpinionChoice
from ecabinet.services.actor import Permission
from ecabinet.ui import formatting
from ecabinet.ui.context import AppContext
from ecabinet.ui.voting import clock, labels
from ecabinet.ui.voting.charts import TallyChart
from ecabinet.ui.voting.common import alive, icon, set_action, set_badge
from ecabinet.ui.voting.flow import FlowLayout
from ecabinet.ui.voting.summary_preview import SummaryPreview
from ecabinet.voting import ballots as B
from ecabinet.voting.rules import majority_rule


def _names(names: tuple[str, ...]) -> str:
    return ", ".join(html.escape(n) for n in names) or "—"


class BallotPanel(QWidget):
    """Buttons follow the actor's role and the ballot's state; the service has the last word and its
    refusals are shown as they come."""

    edit_requested = Signal(object)  # the BallotDetail to edit

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ballotPanel")
        self.context = context
        self.detail: B.BallotDetail | None = None
        self.report: B.BallotReport | None = None

        self.title = QLabel(objectName="sessionTitle", wordWrap=True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state = QLabel(objectName="stateBadge")
        self.flag = QLabel(objectName="stateBadge")
        self.values = {
            name: QLabel(wordWrap=True) for name in ("item", "deadline", "people", "rule", "returned")
        }
        self.captions = {name: QLabel() for name in self.values}

        self.edit_action = QAction(icon("mdi6.pencil-outline"), "", self)
        self.edit_action.setShortcut(QKeySequence("Ctrl+E"))
        self.submit_action = QAction(icon("mdi6.file-send-outline"), "", self)
        self.approve_action = QAction(icon("mdi6.check-decagram-outline"), "", self)
        self.return_action = QAction(icon("mdi6.undo-variant"), "", self)
        self.send_action = QAction(icon("mdi6.send-outline"), "", self)
        self.close_action = QAction(icon("mdi6.lock-outline"), "", self)
        self.print_action = QAction(icon("mdi6.printer-outline"), "", self)
        self.preview: SummaryPreview | None = None
        self.actions_row = FlowLayout()
        self.buttons: dict[QAction, QToolButton] = {}
        for action in self._actions():
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            self.buttons[action] = button
            self.actions_row.addWidget(button)

        self.tabs = QTabWidget()
        self.questions = QTextBrowser(objectName="ballotQuestions")
        self.questions.setOpenLinks(False)
        summary = QWidget()
        self.final = QLabel(objectName="stateBadge")
        self.chart = TallyChart()
        self.summary = QTextBrowser(objectName="ballotSummary")
        self.summary.setOpenLinks(False)
        summary_layout = QVBoxLayout(summary)
        summary_layout.setContentsMargins(0, 0, 0, 0)
        summary_layout.addWidget(self.final, 0, Qt.AlignmentFlag.AlignLeft)
        self.summary_split = QSplitter(Qt.Orientation.Vertical)
        self.summary_split.addWidget(self.chart)
        self.summary_split.addWidget(self.summary)
        self.summary_split.setChildrenCollapsible(False)
        self.summary_split.setStretchFactor(0, 1)
        self.summary_split.setStretchFactor(1, 1)
        summary_layout.addWidget(self.summary_split, 1)
        self.tabs.addTab(self.questions, "")
        self.tabs.addTab(summary, "")

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.flag, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.state, 0, Qt.AlignmentFlag.AlignTop)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, value in self.values.items():
            form.addRow(self.captions[name], value)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addLayout(self.actions_row)
        layout.addWidget(self.tabs, 1)
        self._connect_signals()
        self.retranslate()
        self.show_ballot(None, None)

    def _actions(self) -> list[QAction]:
        return [
            self.edit_action,
            self.submit_action,
            self.approve_action,
            self.return_action,
            self.send_action,
            self.close_action,
            self.print_action,
        ]

    def _connect_signals(self) -> None:
        self.edit_action.triggered.connect(self._edit)
        self.submit_action.triggered.connect(lambda: self._move(B.submit_ballot))
        self.approve_action.triggered.connect(lambda: self._move(B.approve_ballot))
        self.return_action.triggered.connect(self._return)
        self.send_action.triggered.connect(self._send)
        self.close_action.triggered.connect(self._close)
        self.print_action.triggered.connect(self._print_summary)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        captions = {
            "item": self.tr("Agenda item:"),
            "deadline": self.tr("Deadline:"),
            "people": self.tr("Drafted and approved by:"),
            "rule": self.tr("Rule:"),
            "returned": self.tr("Returned because:"),
        }
        for name, text in captions.items():
            self.captions[name].setText(text)
        set_action(self.edit_action, self.tr("&Edit…"), self.tr("Change a draft or returned ballot"))
        set_action(self.submit_action, self.tr("Su&bmit"), self.tr("Hand the ballot to a secretariat leader"))
        set_action(
            self.approve_action, self.tr("A&pprove"), self.tr("Approve the ballot for sending (leaders only)")
        )
        set_action(
            self.return_action,
            self.tr("Re&turn…"),
            self.tr("Send the ballot back to its drafter with a reason (leaders only)"),
        )
        set_action(self.send_action, self.tr("Se&nd"), self.tr("Send the ballot to its recipients"))
        set_action(
            self.close_action,
            self.tr("Cl&ose ballot"),
            self.tr("Close after the deadline, or once everyone has answered"),
        )
        set_action(
            self.print_action,
            self.tr("Pr&int summary…"),
            self.tr(
                "The opinion summary as it prints (Báo cáo tổng hợp ý kiến): preview, print, save as PDF"
            ),
        )
        self.tabs.setTabText(0, self.tr("&Questions and documents"))
        self.tabs.setTabText(1, self.tr("Opinion s&ummary"))
        self.tabs.setTabToolTip(1, self.tr("Counts, names, comments and the result by the rule"))
        self.chart.set_names(
            labels.opinion_choice(OpinionChoice.AGREE),
            labels.opinion_choice(OpinionChoice.DISAGREE),
            labels.opinion_choice(OpinionChoice.OTHER),
        )
        self.show_ballot(self.detail, self.report)

    # --- showing -------------------------------------------------------------------------------------------

    def show_ballot(self, detail: B.BallotDetail | None, report: B.BallotReport | None) -> None:
        self.detail, self.report = detail, report
        self.setEnabled(detail is not None)
        self._update_actions()
        if detail is None:
            self.title.setText(self.tr("Choose a ballot in the list"))
            set_badge(self.state, "", "")
            set_badge(self.flag, "", "")
            for value in self.values.values():
                value.clear()
            keep_place(self.questions, "")
            keep_place(self.summary, "")
            self.chart.set_tallies([], [])
            set_badge(self.final, "", "")
            return
        s = detail.summary
        self.title.setText(s.title)
        set_badge(self.state, labels.ballot_state(s.state), _badge_state(s.state))
        set_badge(self.flag, labels.ballot_flag(s.flag), "in_progress" if s.flag else "")
        self.values["item"].setText(s.item_title or "—")
        self.values["deadline"].setText(formatting.short_datetime(s.deadline))
        self.values["people"].setText(
            " · ".join(p for p in (detail.drafted_by, detail.approved_by) if p) or "—"
        )
        rule = majority_rule(detail.majority_rule)
        self.values["rule"].setText(rule.describe(self.context.language))
        self.values["returned"].setText(detail.return_reason)
        self.values["returned"].setVisible(bool(detail.return_reason))
        self.captions["returned"].setVisible(bool(detail.return_reason))
        keep_place(self.questions, self._questions_html(detail))
        self._show_report(report)

    def _update_actions(self) -> None:
        actor = self.context.actor
        detail = self.detail
        state = detail.summary.state if detail else None
        manage = actor is not None and actor.can(Permission.MANAGE_SESSIONS)
        approve = actor is not None and actor.can(Permission.APPROVE_BALLOTS)
        # Which steps the state allows comes from the service's own table; whether this person may take one
        # is decided again by the service when they do.
        allowed = B.TRANSITIONS.get(state, ()) if state else ()
        rules: list[tuple[QAction, bool, bool]] = [
            (self.edit_action, manage, state in B.EDITABLE),
            (self.submit_action, manage, BallotState.SUBMITTED in allowed),
            (self.approve_action, approve, BallotState.APPROVED in allowed),
            (self.return_action, approve, BallotState.RETURNED in allowed),
            (self.send_action, manage, BallotState.SENT in allowed),
            (self.close_action, manage, BallotState.CLOSED in allowed),
            (self.print_action, manage, self.report is not None),
        ]
        for action, visible, enabled in rules:
            action.setVisible(visible)
            action.setEnabled(visible and enabled)
            self.buttons[action].setVisible(visible)

    def _questions_html(self, detail: B.BallotDetail) -> str:
        e = html.escape
        questions, documents = self.tr("Questions"), self.tr("Documents")
        parts = [f"<h3>{e(questions)}</h3><ol>"]
        parts += [f"<li>{e(q.text)}</li>" for q in detail.questions]
        parts.append(f"</ol><h3>{e(documents)}</h3>")
        if detail.documents:
            parts.append("<ul>")
            for d in detail.documents:
                version = self.tr("version {number}, {pages} pages").format(
                    number=d.version_number, pages=d.page_count
                )
                parts.append(f"<li>{e(d.title)} <i>({e(version)})</i></li>")
            parts.append("</ul>")
        else:
            none = self.tr("No documents")
            parts.append(f"<p>{e(none)}</p>")
        heading = self.tr("Recipients ({count})").format(count=len(detail.recipients))
        parts.append(f"<h3>{e(heading)}</h3>")
        parts.append(f"<p>{_names(tuple(name for _id, name in detail.recipients))}</p>")
        return "".join(parts)

    def _show_report(self, report: B.BallotReport | None) -> None:
        self.tabs.setTabEnabled(1, report is not None)
        if report is None:
            waiting = self.tr("The summary starts once the ballot is sent.")
            keep_place(self.summary, f"<p>{html.escape(waiting)}</p>")
            self.chart.set_tallies([], [])
            set_badge(self.final, "", "")
            return
        if report.final:
            set_badge(self.final, self.tr("Final: no answer can change any more"), "closed")
        else:
            set_badge(
                self.final,
                self.tr("Provisional: answers are taken until {deadline}").format(
                    deadline=formatting.short_datetime(report.ballot.deadline)
                ),
                "draft",
            )
        self.chart.set_tallies(
            [self.tr("Question {number}").format(number=q.question.number) for q in report.questions],
            [q.tally for q in report.questions],
            maximum=report.recipient_count,
        )
        keep_place(self.summary, self.report_html(report))

    def report_html(self, report: B.BallotReport) -> str:
        """Báo cáo tổng hợp ý kiến, as text: per question the counts, names, comments and the result."""
        lang = self.context.language
        e = html.escape
        answered = report.recipient_count - len(report.no_answer)
        overview = self.tr(
            "{answered} of {asked} members asked have answered every question; "
            "the Government has {total} members with a voting right."
        ).format(answered=answered, asked=report.recipient_count, total=report.total_members)
        no_answer, comments_heading = self.tr("No answer"), self.tr("Comments")
        parts = [f"<p>{e(overview)}</p>"]
        for q in report.questions:
            number = self.tr("Question {number}").format(number=q.question.number)
            colour = "#1e6b3a" if q.decision.passed else "#b3261e"
            parts.append(f"<h3>{e(number)}. {e(q.question.text)}</h3>")
            parts.append(f"<p style='color:{colour}'><b>{e(q.decision.text(lang))}</b></p><ul>")
            rows = (
                (labels.opinion_choice(OpinionChoice.AGREE), q.agree),
                (labels.opinion_choice(OpinionChoice.DISAGREE), q.disagree),
                (labels.opinion_choice(OpinionChoice.OTHER), q.other),
                (no_answer, q.no_answer),
            )
            for name, names in rows:
                parts.append(f"<li><b>{e(name)} ({len(names)}):</b> {_names(names)}</li>")
            parts.append("</ul>")
            comments = [a for a in q.answers if a.comment]
            if comments:
                parts.append(f"<p><b>{e(comments_heading)}</b></p><ul>")
                for a in comments:
                    by = ""
                    if a.recorded_by:
                        by = " — " + e(self.tr("recorded by {name}").format(name=a.recorded_by))
                    choice = labels.opinion_choice(a.choice)
                    parts.append(f"<li><b>{e(a.name)}</b> ({e(choice)}): {e(a.comment)}{by}</li>")
                parts.append("</ul>")
        heading = self.tr("Members without an answer ({count})").format(count=len(report.no_answer))
        parts.append(f"<h3>{e(heading)}</h3><p>{_names(report.no_answer)}</p>")
        return "".join(parts)

    # --- actions -----------------------------------------------------------------------------------------

    def _write(self, body: Callable[[Any], Any]) -> None:
        actor = self.context.actor
        if actor is None:
            return
        self.context.runner.write(actor, lambda s: body(s)).failure(
            lambda exc: self.context.show_error(exc, self)
        ).run_in_background()

    @Slot()
    def _edit(self) -> None:
        if self.detail is not None:
            self.edit_requested.emit(self.detail)

    def _move(self, step: Callable[..., Any]) -> None:
        if self.detail is None:
            return
        actor, ballot_id, now = self.context.actor, self.detail.summary.id, clock.now()
        self._write(lambda s: step(s, actor, ballot_id, now=now))

    @Slot()
    def _return(self) -> None:
        if self.detail is None:
            return
        reason = self.context.prompts.ask_text(
            self, self.tr("Return the ballot"), self.tr("Why is the ballot returned to its drafter?")
        )
        if reason is None:
            return
        actor, ballot_id, now = self.context.actor, self.detail.summary.id, clock.now()
        self._write(lambda s: B.return_ballot(s, actor, ballot_id, reason, now=now))

    @Slot()
    def _send(self) -> None:
        if self.detail is None:
            return
        count = len(self.detail.recipients)
        if not self.context.prompts.confirm(
            self,
            self.tr("Send the ballot"),
            self.tr("Send «{title}» to {count} members? They can answer until {deadline}.").format(
                title=self.detail.summary.title,
                count=count,
                deadline=formatting.short_datetime(self.detail.summary.deadline),
            ),
        ):
            return
        self._move(B.send_ballot)

    @Slot()
    def _print_summary(self) -> None:
        if self.detail is None or self.context.actor is None:
            return
        actor, ballot_id, now = self.context.actor, self.detail.summary.id, clock.now()
        blobs = self.context.database.blobs
        self.context.runner.query(
            lambda s: produce(s, actor, blobs, OutputKind.BALLOT, ballot_id, now=now)
        ).with_progress(self.tr("Preparing the opinion summary…"), self).success(
            alive(self, self._preview)
        ).failure(lambda exc: self.context.show_error(exc, self)).run_in_background()

    def _preview(self, output: PrintedOutput) -> None:
        dialog = SummaryPreview(self.context, output, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: setattr(self, "preview", None))
        self.preview = dialog
        dialog.open()

    @Slot()
    def _close(self) -> None:
        if self.detail is None:
            return
        if not self.context.prompts.confirm(
            self,
            self.tr("Close the ballot"),
            self.tr("Close «{title}»? No answer can be given or changed afterwards.").format(
                title=self.detail.summary.title
            ),
        ):
            return
        self._move(B.close_ballot)


def keep_place(browser: QTextBrowser, text: str) -> None:
    """New HTML where the reader was: a refresh every few seconds must not scroll them back to the top."""
    if text == browser.property("shownHtml"):
        return
    position = browser.verticalScrollBar().value()
    browser.setHtml(text)
    browser.setProperty("shownHtml", text)
    browser.verticalScrollBar().setValue(position)


def _badge_state(state: BallotState) -> str:
    """The stylesheet's badge colours are named after session states; a ballot borrows the closest."""
    return {
        BallotState.DRAFT: "draft",
        BallotState.SUBMITTED: "draft",
        BallotState.RETURNED: "in_progress",
        BallotState.APPROVED: "published",
        BallotState.SENT: "published",
        BallotState.CLOSED: "closed",
    }[state]
