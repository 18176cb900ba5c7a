"""Translated names of the voting enums (ballot states, choices, attendance), the same words on every screen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ecabinet.model import (
    AttendanceStatus,
    BallotState,
    InviteRole,
    OpinionChoice,
    SpeakingState,
    VoteChoice,
    VoteState,
)
from ecabinet.voting.ballots import BallotFlag

# Each label is spelt out with a literal context and text so that pyside6-lupdate can find it.


def ballot_state(state: BallotState) -> str:
    return {
        BallotState.DRAFT: QCoreApplication.translate("BallotState", "Draft"),
        BallotState.SUBMITTED: QCoreApplication.translate("BallotState", "Submitted"),
        BallotState.APPROVED: QCoreApplication.translate("BallotState", "Approved"),
        BallotState.RETURNED: QCoreApplication.translate("BallotState", "Returned"),
        BallotState.SENT: QCoreApplication.translate("BallotState", "Sent"),
        BallotState.CLOSED: QCoreApplication.translate("BallotState", "Closed"),
    }[state]


def ballot_flag(flag: BallotFlag | None) -> str:
    if flag is None:
        return ""
    return {
        BallotFlag.OVERDUE: QCoreApplication.translate("BallotFlag", "Overdue"),
        BallotFlag.DUE_SOON: QCoreApplication.translate("BallotFlag", "Due soon"),
    }[flag]


def opinion_choice(choice: OpinionChoice) -> str:
    return {
        OpinionChoice.AGREE: QCoreApplication.translate("OpinionChoice", "Agree"),
        OpinionChoice.DISAGREE: QCoreApplication.translate("OpinionChoice", "Disagree"),
        OpinionChoice.OTHER: QCoreApplication.translate("OpinionChoice", "Other opinion"),
    }[choice]


def vote_choice(choice: VoteChoice) -> str:
    return {
        VoteChoice.FOR: QCoreApplication.translate("VoteChoice", "For"),
        VoteChoice.AGAINST: QCoreApplication.translate("VoteChoice", "Against"),
        VoteChoice.ABSTAIN: QCoreApplication.translate("VoteChoice", "Abstain"),
    }[choice]


def vote_state(state: VoteState) -> str:
    return {
        VoteState.OPEN: QCoreApplication.translate("VoteState", "Open"),
        VoteState.CLOSED: QCoreApplication.translate("VoteState", "Closed"),
        VoteState.ANNULLED: QCoreApplication.translate("VoteState", "Annulled"),
    }[state]


def vote_kind(secret: bool) -> str:
    if secret:
        return QCoreApplication.translate("VoteKind", "Secret vote")
    return QCoreApplication.translate("VoteKind", "Open vote")


def attendance_status(status: AttendanceStatus | None) -> str:
    if status is None:
        return QCoreApplication.translate("AttendanceStatus", "Not recorded")
    return {
        AttendanceStatus.PRESENT: QCoreApplication.translate("AttendanceStatus", "Present"),
        AttendanceStatus.ABSENT: QCoreApplication.translate("AttendanceStatus", "Absent"),
        AttendanceStatus.REPRESENTED: QCoreApplication.translate("AttendanceStatus", "Represented"),
    }[status]


def speaking_state(state: SpeakingState) -> str:
    return {
        SpeakingState.WAITING: QCoreApplication.translate("SpeakingState", "Waiting"),
        SpeakingState.SPEAKING: QCoreApplication.translate("SpeakingState", "Speaking"),
        SpeakingState.DONE: QCoreApplication.translate("SpeakingState", "Done"),
        SpeakingState.WITHDRAWN: QCoreApplication.translate("SpeakingState", "Withdrawn"),
    }[state]


def invite_role(role: InviteRole) -> str:
    return {
        InviteRole.MEMBER: QCoreApplication.translate("InviteRole", "Member"),
        InviteRole.GUEST: QCoreApplication.translate("InviteRole", "Guest"),
    }[role]


def duration(seconds: int) -> str:
    """Speaking time as "m:ss" (or "h:mm:ss"): the same in every language."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
