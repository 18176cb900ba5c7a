"""Quorum and majority rules as named objects; integer arithmetic only; results that state their numbers.

DOMAIN.md (Rules): a session proceeds when at least two thirds of all members attend; a decision needs For
from more than half of ALL members (not of those present); when For and Against are equal the decision
follows the side the Prime Minister voted; the written procedure (opinion ballots) uses the same two rules.
Each rule is a setting: a session names its rules (`CabinetSession.quorum_rule` / `majority_rule`, else the
defaults of its kind), a ballot its majority rule (`OpinionBallot.majority_rule`, else "written_procedure").

Every result carries its own sentence, e.g. "Thông qua: 15 tán thành / 27 thành viên (cần quá nửa tổng số:
14)", in Vietnamese and English, so the minutes and the screen never recompute or paraphrase it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from math import gcd
from types import MappingProxyType
from typing import Any

from ecabinet.errors import InvalidInput
from ecabinet.model import OpinionChoice, SessionKind, VoteChoice


class RuleBase(StrEnum):
    """What a share is taken of."""

    ALL_MEMBERS = "all_members"  # tổng số thành viên: every active member with a voting right
    PRESENT = "present"  # thành viên có mặt (for a ballot: the members asked, its recipients)
    VOTES_CAST = "votes_cast"  # phiếu biểu quyết: for + against + abstain (for a ballot: the answers given)


class TieBreak(StrEnum):
    """Whose side decides when the yes and no counts are equal."""

    NONE = "none"
    CHAIR = "chair"  # the chair of the session (for a ballot, which has no chair: the head of government)
    HEAD_OF_GOVERNMENT = "head_of_government"  # Thủ tướng


_FRACTIONS: dict[tuple[int, int], tuple[str, str]] = {
    (1, 2): ("nửa", "half"),
    (1, 3): ("một phần ba", "one third"),
    (2, 3): ("hai phần ba", "two thirds"),
    (3, 4): ("ba phần tư", "three quarters"),
    (1, 1): ("toàn bộ", "all"),
}


@dataclass(frozen=True)
class Share:
    """A share of a base: "more than half" (strict) or "at least two thirds" (not strict)."""

    numerator: int
    denominator: int
    strict: bool

    def __post_init__(self) -> None:
        if self.denominator <= 0 or not 0 <= self.numerator <= self.denominator:
            raise ValueError(
                f"a share is a fraction between 0 and 1, not {self.numerator}/{self.denominator}"
            )

    def needed(self, base: int) -> int:
        """The smallest whole count that satisfies the share of `base` ("more than half of 27" is 14)."""
        if base < 0:
            raise ValueError("a base cannot be negative")
        if self.strict:
            return base * self.numerator // self.denominator + 1
        return -(-base * self.numerator // self.denominator)  # ceiling, in integers

    def label(self, lang: str) -> str:
        """ "quá nửa", "ít nhất hai phần ba" / "more than half", "at least two thirds"."""
        g = gcd(self.numerator, self.denominator) or 1
        key = (self.numerator // g, self.denominator // g)
        vi, en = _FRACTIONS.get(key, (f"{key[0]}/{key[1]}", f"{key[0]}/{key[1]}"))
        if lang == "vi":
            return ("quá " if self.strict else "ít nhất ") + vi
        return ("more than " if self.strict else "at least ") + en


# --- wording: the same rule reads differently for a vote and for an opinion ballot ------------------------

Pair = tuple[str, str]  # (Vietnamese, English)


@dataclass(frozen=True)
class Wording:
    yes: Pair
    no: Pair
    other: Pair
    all_members: Pair  # the noun after the base count: "27 thành viên"
    present: Pair
    votes_cast: Pair
    of_all_members: Pair  # the base in "cần quá nửa tổng số"
    of_present: Pair
    of_votes_cast: Pair

    def noun(self, base: RuleBase) -> Pair:
        return {
            RuleBase.ALL_MEMBERS: self.all_members,
            RuleBase.PRESENT: self.present,
            RuleBase.VOTES_CAST: self.votes_cast,
        }[base]

    def of(self, base: RuleBase) -> Pair:
        return {
            RuleBase.ALL_MEMBERS: self.of_all_members,
            RuleBase.PRESENT: self.of_present,
            RuleBase.VOTES_CAST: self.of_votes_cast,
        }[base]


VOTE_WORDING = Wording(
    yes=("tán thành", "for"),
    no=("không tán thành", "against"),
    other=("không biểu quyết", "abstain"),
    all_members=("thành viên", "members"),
    present=("thành viên có mặt", "members present"),
    votes_cast=("phiếu biểu quyết", "votes cast"),
    of_all_members=("tổng số", "of all members"),
    of_present=("số thành viên có mặt", "of members present"),
    of_votes_cast=("số phiếu biểu quyết", "of votes cast"),
)
BALLOT_WORDING = Wording(
    yes=("đồng ý", "agree"),
    no=("không đồng ý", "disagree"),
    other=("ý kiến khác", "other opinion"),
    all_members=("thành viên", "members"),
    present=("thành viên được lấy ý kiến", "members asked"),
    votes_cast=("ý kiến trả lời", "answers"),
    of_all_members=("tổng số", "of all members"),
    of_present=("số thành viên được lấy ý kiến", "of members asked"),
    of_votes_cast=("số ý kiến trả lời", "of answers"),
)

_TIE_BREAKER: dict[TieBreak, Pair] = {
    TieBreak.CHAIR: ("chủ tọa", "the chair"),
    TieBreak.HEAD_OF_GOVERNMENT: ("Thủ tướng", "the Prime Minister"),
}


# --- counts ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tally:
    """Counts of one motion or question: yes (for / agree), no (against / disagree), other (abstain / other)."""

    yes: int = 0
    no: int = 0
    other: int = 0

    def __post_init__(self) -> None:
        if min(self.yes, self.no, self.other) < 0:
            raise ValueError("a count cannot be negative")

    @property
    def total(self) -> int:
        return self.yes + self.no + self.other


def tally_votes(choices: Iterable[VoteChoice]) -> Tally:
    counts = dict.fromkeys(VoteChoice, 0)
    for choice in choices:
        counts[VoteChoice(choice)] += 1
    return Tally(counts[VoteChoice.FOR], counts[VoteChoice.AGAINST], counts[VoteChoice.ABSTAIN])


def tally_answers(choices: Iterable[OpinionChoice]) -> Tally:
    counts = dict.fromkeys(OpinionChoice, 0)
    for choice in choices:
        counts[OpinionChoice(choice)] += 1
    return Tally(counts[OpinionChoice.AGREE], counts[OpinionChoice.DISAGREE], counts[OpinionChoice.OTHER])


# --- quorum ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuorumResult:
    """Whether a session may proceed: the rule, the base and the numbers, in both languages."""

    rule: str
    total: int  # all members with a voting right
    present: int  # of them, present in person (deputies never count)
    needed: int
    met: bool
    text_vi: str
    text_en: str

    def text(self, lang: str = "vi") -> str:
        return self.text_vi if lang == "vi" else self.text_en

    def as_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "total": self.total,
            "present": self.present,
            "needed": self.needed,
            "met": self.met,
            "text": {"vi": self.text_vi, "en": self.text_en},
        }


@dataclass(frozen=True)
class QuorumRule:
    """Số thành viên dự họp tối thiểu: a share of all members who must be present in person."""

    name: str
    share: Share
    source: str = ""

    def describe(self, lang: str = "vi") -> str:
        if self.share.numerator == 0:
            return "Không yêu cầu số thành viên tối thiểu" if lang == "vi" else "No quorum required"
        if lang == "vi":
            return f"Có mặt {self.share.label('vi')} tổng số thành viên"
        return f"Present: {self.share.label('en')} of all members"

    def evaluate(self, total_members: int, present: int) -> QuorumResult:
        if total_members < 0 or present < 0:
            raise ValueError("counts cannot be negative")
        needed = self.share.needed(total_members)
        met = present >= needed
        if self.share.numerator == 0:
            need_vi, need_en = "không yêu cầu số thành viên tối thiểu", "no quorum required"
        else:
            need_vi = f"cần {self.share.label('vi')} tổng số: {needed}"
            need_en = f"needs {self.share.label('en')} of all members: {needed}"
        verdict_vi = "Đủ số thành viên dự họp" if met else "Không đủ số thành viên dự họp"
        verdict_en = "Quorum met" if met else "Quorum not met"
        return QuorumResult(
            self.name,
            total_members,
            present,
            needed,
            met,
            f"{verdict_vi}: {present} có mặt / {total_members} thành viên ({need_vi})",
            f"{verdict_en}: {present} present / {total_members} members ({need_en})",
        )


# --- majority ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Decision:
    """The outcome of a motion or a ballot question by a majority rule, with the numbers it rests on."""

    rule: str
    base: RuleBase
    base_count: int
    threshold: int
    yes: int
    no: int
    other: int
    passed: bool
    tie: bool  # yes == no > 0
    decided_by_tie_break: bool  # the tie-breaker's side decided the outcome
    text_vi: str
    text_en: str

    def text(self, lang: str = "vi") -> str:
        return self.text_vi if lang == "vi" else self.text_en

    def as_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "base": self.base.value,
            "base_count": self.base_count,
            "threshold": self.threshold,
            "counts": {"yes": self.yes, "no": self.no, "other": self.other},
            "passed": self.passed,
            "tie": self.tie,
            "decided_by_tie_break": self.decided_by_tie_break,
            "text": {"vi": self.text_vi, "en": self.text_en},
        }


@dataclass(frozen=True)
class MajorityRule:
    """Biểu quyết thông qua: yes from a share of a base, with an optional tie-break.

    A tie is yes == no > 0. When the rule names a tie-breaker and that person's side is known (they voted
    yes or no, and the vote was not secret), their side decides — even below the threshold, as the law reads
    ("quyết định theo ý kiến mà Thủ tướng đã biểu quyết") — but only when the body is really split: the two
    tied sides together reach the threshold (13–13 of 27 members, threshold 14). Read literally, the law
    would let a 1–1 tie with everyone else abstaining or silent pass a decision of the Government; with
    an all-members base a tie can never reach the threshold on its own, so the rule exists for the split
    body, and that is the case it decides. Otherwise the threshold alone decides. A motion never passes
    without at least one yes, whatever the base.
    """

    name: str
    share: Share
    base: RuleBase
    tie_break: TieBreak = TieBreak.NONE
    source: str = ""

    def describe(self, lang: str = "vi") -> str:
        words = VOTE_WORDING
        if lang == "vi":
            text = f"Tán thành: {self.share.label('vi')} {words.of(self.base)[0]}"
            if self.tie_break is not TieBreak.NONE:
                text += f"; nếu ngang nhau, theo ý kiến của {_TIE_BREAKER[self.tie_break][0]}"
            return text
        text = f"For: {self.share.label('en')} {words.of(self.base)[1]}"
        if self.tie_break is not TieBreak.NONE:
            text += f"; a tie follows {_TIE_BREAKER[self.tie_break][1]}'s side"
        return text

    def threshold(self, base_count: int) -> int:
        return max(1, self.share.needed(base_count))

    def evaluate(
        self,
        tally: Tally,
        *,
        total_members: int,
        present: int,
        tie_breaker: bool | None = None,
        secret: bool = False,
        wording: Wording = VOTE_WORDING,
    ) -> Decision:
        """Decide. `tie_breaker`: True/False when the tie-breaker voted yes/no, None when neither or unknown."""
        if total_members < 0 or present < 0:
            raise ValueError("counts cannot be negative")
        base_count = {
            RuleBase.ALL_MEMBERS: total_members,
            RuleBase.PRESENT: present,
            RuleBase.VOTES_CAST: tally.total,
        }[self.base]
        threshold = self.threshold(base_count)
        passed = tally.yes >= threshold
        tie = tally.yes == tally.no and tally.yes > 0
        decided = False
        note_vi = note_en = ""
        if tie and self.tie_break is not TieBreak.NONE:
            who_vi, who_en = _TIE_BREAKER[self.tie_break]
            tied_vi = f"; số {wording.yes[0]} và {wording.no[0]} ngang nhau ({tally.yes}–{tally.no})"
            tied_en = f"; {wording.yes[1]} and {wording.no[1]} tied {tally.yes}–{tally.no}"
            if tally.yes + tally.no < threshold:
                note_vi = f"{tied_vi}, quá ít để {who_vi} quyết định"
                note_en = f"{tied_en}, too few for {who_en}'s side to decide"
            elif secret:
                note_vi = f"{tied_vi}, biểu quyết kín nên không xác định được ý kiến của {who_vi}"
                note_en = f"{tied_en}; the vote was secret, so {who_en}'s side is not known"
            elif tie_breaker is None:
                note_vi = f"{tied_vi}, {who_vi} không chọn {wording.yes[0]} hay {wording.no[0]}"
                note_en = f"{tied_en}; {who_en} chose neither {wording.yes[1]} nor {wording.no[1]}"
            else:
                passed, decided = tie_breaker, True
                side = wording.yes if tie_breaker else wording.no
                note_vi = f"{tied_vi}, quyết định theo ý kiến của {who_vi}: {side[0]}"
                note_en = f"{tied_en}, decided by {who_en}'s side: {side[1]}"
        noun_vi, noun_en = wording.noun(self.base)
        of_vi, of_en = wording.of(self.base)
        text_vi = (
            f"{'Thông qua' if passed else 'Không thông qua'}: {tally.yes} {wording.yes[0]} / {base_count} "
            f"{noun_vi} (cần {self.share.label('vi')} {of_vi}: {threshold}{note_vi})"
        )
        text_en = (
            f"{'Passed' if passed else 'Not passed'}: {tally.yes} {wording.yes[1]} / {base_count} "
            f"{noun_en} (needs {self.share.label('en')} {of_en}: {threshold}{note_en})"
        )
        return Decision(
            self.name,
            self.base,
            base_count,
            threshold,
            tally.yes,
            tally.no,
            tally.other,
            passed,
            tie,
            decided,
            text_vi,
            text_en,
        )


# --- the registry ----------------------------------------------------------------------------------------

_LAW = "Luật Tổ chức Chính phủ 2015; Quy chế làm việc của Chính phủ (Nghị định 39/2022/NĐ-CP)"
HALF = Share(1, 2, strict=True)
TWO_THIRDS = Share(2, 3, strict=False)

QUORUM_RULES: Mapping[str, QuorumRule] = MappingProxyType(
    {
        r.name: r
        for r in (
            QuorumRule("two_thirds_of_all", TWO_THIRDS, _LAW),
            QuorumRule("more_than_half_of_all", HALF),
            QuorumRule("none", Share(0, 1, strict=False)),
        )
    }
)

MAJORITY_RULES: Mapping[str, MajorityRule] = MappingProxyType(
    {
        r.name: r
        for r in (
            MajorityRule(
                "more_than_half_of_all", HALF, RuleBase.ALL_MEMBERS, TieBreak.HEAD_OF_GOVERNMENT, _LAW
            ),
            MajorityRule("more_than_half_of_all_chair_decides", HALF, RuleBase.ALL_MEMBERS, TieBreak.CHAIR),
            MajorityRule("more_than_half_of_present", HALF, RuleBase.PRESENT, TieBreak.CHAIR),
            MajorityRule("more_than_half_of_cast", HALF, RuleBase.VOTES_CAST),
            MajorityRule("two_thirds_of_all", TWO_THIRDS, RuleBase.ALL_MEMBERS),
            MajorityRule("written_procedure", HALF, RuleBase.ALL_MEMBERS, TieBreak.HEAD_OF_GOVERNMENT, _LAW),
        )
    }
)

# The rules a session uses unless it names its own. A standing-members meeting (Thường trực Chính phủ) is
# not a session of the whole Government: no quorum of all members, decisions by those present.
DEFAULT_RULES: Mapping[SessionKind, tuple[str, str]] = MappingProxyType(
    {
        SessionKind.REGULAR: ("two_thirds_of_all", "more_than_half_of_all"),
        SessionKind.THEMATIC: ("two_thirds_of_all", "more_than_half_of_all"),
        SessionKind.EXTRAORDINARY: ("two_thirds_of_all", "more_than_half_of_all"),
        SessionKind.STANDING: ("none", "more_than_half_of_present"),
    }
)
BALLOT_DEFAULT_RULE = "written_procedure"


def quorum_rule(name: str) -> QuorumRule:
    rule = QUORUM_RULES.get(name)
    if rule is None:
        raise InvalidInput("rule_unknown", kind="rule_kind_quorum", name=name)
    return rule


def majority_rule(name: str) -> MajorityRule:
    rule = MAJORITY_RULES.get(name)
    if rule is None:
        raise InvalidInput("rule_unknown", kind="rule_kind_majority", name=name)
    return rule


def session_rules(
    kind: SessionKind, quorum_name: str | None, majority_name: str | None
) -> tuple[QuorumRule, MajorityRule]:
    """The rules in force for a session: its own names, else the defaults of its kind."""
    default_quorum, default_majority = DEFAULT_RULES[kind]
    return quorum_rule(quorum_name or default_quorum), majority_rule(majority_name or default_majority)
