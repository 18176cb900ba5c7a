"""The domain's closed vocabularies (DOMAIN.md: Words)."""

from __future__ import annotations

from enum import StrEnum


class OrgKind(StrEnum):
    GOVERNMENT = "government"  # Chính phủ
    MINISTRY = "ministry"  # Bộ
    MINISTRY_LEVEL = "ministry_level"  # Cơ quan ngang bộ
    AGENCY = "agency"  # Cơ quan thuộc Chính phủ
    OTHER = "other"


class Role(StrEnum):
    """What a person does in the app."""

    MEMBER = "member"  # Thành viên Chính phủ
    SECRETARIAT = "secretariat"  # chuyên viên Văn phòng Chính phủ
    SECRETARIAT_LEADER = "secretariat_leader"  # lãnh đạo Vụ, approves ballots
    GUEST = "guest"  # đại biểu mời dự: attends, may speak, never votes


class SessionKind(StrEnum):
    REGULAR = "regular"  # thường kỳ
    THEMATIC = "thematic"  # chuyên đề
    EXTRAORDINARY = "extraordinary"  # bất thường
    STANDING = "standing"  # họp Thường trực Chính phủ


class SessionState(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    IN_PROGRESS = "in_progress"
    CLOSED = "closed"
    MINUTES_APPROVED = "minutes_approved"


class ItemKind(StrEnum):
    DECISION = "decision"
    DISCUSSION = "discussion"
    INFORMATION = "information"


class Classification(StrEnum):
    """Độ mật. Order matters: a higher index is more restricted."""

    NORMAL = "normal"  # Thường
    CONFIDENTIAL = "confidential"  # Mật
    SECRET = "secret"  # Tối mật
    TOP_SECRET = "top_secret"  # Tuyệt mật

    @property
    def is_classified(self) -> bool:
        return self is not Classification.NORMAL

    @property
    def mark(self) -> str:
        return {"normal": "", "confidential": "MẬT", "secret": "TỐI MẬT", "top_secret": "TUYỆT MẬT"}[
            self.value
        ]


class DocumentKind(StrEnum):
    SUBMISSION = "submission"  # tờ trình
    DRAFT = "draft"  # dự thảo
    APPRAISAL = "appraisal"  # báo cáo thẩm tra / tổng hợp
    ANNEX = "annex"  # phụ lục
    OTHER = "other"


class InviteRole(StrEnum):
    MEMBER = "member"
    GUEST = "guest"


class AttendanceStatus(StrEnum):
    PRESENT = "present"
    ABSENT = "absent"
    REPRESENTED = "represented"


class Stance(StrEnum):
    """Ý kiến trước phiên họp."""

    NO_OBJECTION = "no_objection"
    WISH_TO_SPEAK = "wish_to_speak"
    OBJECT = "object"


class SpeakingState(StrEnum):
    WAITING = "waiting"
    SPEAKING = "speaking"
    DONE = "done"
    WITHDRAWN = "withdrawn"


class BallotState(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    RETURNED = "returned"
    SENT = "sent"
    CLOSED = "closed"


class OpinionChoice(StrEnum):
    AGREE = "agree"  # Đồng ý
    DISAGREE = "disagree"  # Không đồng ý
    OTHER = "other"  # Ý kiến khác


class VoteState(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    ANNULLED = "annulled"


class VoteChoice(StrEnum):
    FOR = "for"  # Tán thành
    AGAINST = "against"  # Không tán thành
    ABSTAIN = "abstain"  # Không biểu quyết


class TaskState(StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"
