"""The rule engine: thresholds in integers, quorum and majority by named rules, sentences that state them."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ecabinet.errors import InvalidInput
from ecabinet.model import OpinionChoice, SessionKind, VoteChoice
from ecabinet.voting.rules import (
    BALLOT_WORDING,
    DEFAULT_RULES,
    MAJORITY_RULES,
    QUORUM_RULES,
    Share,
    Tally,
    majority_rule,
    quorum_rule,
    session_rules,
    tally_answers,
    tally_votes,
)

# --- thresholds ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("share", "base", "needed"),
    [
        (Share(1, 2, strict=True), 27, 14),  # "more than half of 27" is 14
        (Share(1, 2, strict=True), 26, 14),
        (Share(1, 2, strict=True), 1, 1),
        (Share(1, 2, strict=True), 0, 1),
        (Share(2, 3, strict=False), 27, 18),  # "two thirds of 27" is 18
        (Share(2, 3, strict=False), 28, 19),
        (Share(2, 3, strict=False), 3, 2),
        (Share(1, 2, strict=False), 26, 13),
        (Share(0, 1, strict=False), 27, 0),
    ],
)
def test_needed_is_integer_arithmetic(share: Share, base: int, needed: int) -> None:
    assert share.needed(base) == needed


@given(st.integers(1, 12).flatmap(lambda d: st.tuples(st.integers(0, d), st.just(d))), st.integers(0, 10_000))
def test_needed_is_the_smallest_count_that_satisfies_the_share(fraction: tuple[int, int], base: int) -> None:
    num, den = fraction
    strict = Share(num, den, strict=True).needed(base)
    assert strict * den > base * num and (strict - 1) * den <= base * num
    at_least = Share(num, den, strict=False).needed(base)
    assert at_least * den >= base * num and (at_least == 0 or (at_least - 1) * den < base * num)


def test_invalid_shares_are_refused() -> None:
    with pytest.raises(ValueError):
        Share(3, 2, strict=True)
    with pytest.raises(ValueError):
        Share(1, 0, strict=True)


# --- quorum -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "present", "met", "needed"),
    [
        (27, 18, True, 18),
        (27, 17, False, 18),
        (27, 27, True, 18),
        (28, 18, False, 19),
        (3, 2, True, 2),
        (0, 0, True, 0),
    ],
)
def test_two_thirds_quorum(total: int, present: int, met: bool, needed: int) -> None:
    result = quorum_rule("two_thirds_of_all").evaluate(total, present)
    assert (result.met, result.needed) == (met, needed)


def test_quorum_sentences_state_rule_base_and_numbers() -> None:
    met = quorum_rule("two_thirds_of_all").evaluate(27, 18)
    assert (
        met.text("vi")
        == "Đủ số thành viên dự họp: 18 có mặt / 27 thành viên (cần ít nhất hai phần ba tổng số: 18)"
    )
    assert (
        met.text("en") == "Quorum met: 18 present / 27 members (needs at least two thirds of all members: 18)"
    )
    missed = quorum_rule("two_thirds_of_all").evaluate(27, 17)
    assert missed.text("vi").startswith("Không đủ số thành viên dự họp: 17 có mặt / 27")
    assert quorum_rule("none").evaluate(27, 1).met
    assert "no quorum required" in quorum_rule("none").evaluate(27, 1).text("en")


# --- majority -----------------------------------------------------------------------------------------

GOV = "more_than_half_of_all"


@pytest.mark.parametrize(
    ("rule", "total", "present", "tally", "tie_breaker", "secret", "passed", "threshold", "tie_decided"),
    [
        # more than half of ALL 27 members: 14 passes, 13 does not, whoever is present
        (GOV, 27, 27, (14, 13, 0), None, False, True, 14, False),
        (GOV, 27, 27, (13, 14, 0), None, False, False, 14, False),
        (GOV, 27, 20, (13, 0, 7), None, False, False, 14, False),  # 13 of 20 present is not enough
        # abstentions do not help, and do not hurt, a base of all members
        (GOV, 27, 27, (14, 0, 13), None, False, True, 14, False),
        # a tie of a split body follows the Prime Minister's side, even below the threshold (as the law reads)
        (GOV, 26, 26, (13, 13, 0), True, False, True, 14, True),
        (GOV, 26, 26, (13, 13, 0), False, False, False, 14, True),
        (GOV, 27, 27, (13, 13, 1), True, False, True, 14, True),
        (GOV, 27, 27, (13, 13, 1), None, False, False, 14, False),  # the PM abstained: the threshold decides
        (GOV, 27, 27, (13, 13, 1), True, True, False, 14, False),  # secret: the PM's side is unknown
        # ... but a tie too small to be a split body (1-1, the rest abstaining or silent) decides nothing
        (GOV, 27, 27, (1, 1, 25), True, False, False, 14, False),
        (GOV, 27, 20, (6, 6, 8), True, False, False, 14, False),
        (GOV, 27, 27, (7, 7, 13), True, False, True, 14, True),  # 14 tied votes reach the threshold
        (
            "two_thirds_of_all",
            27,
            27,
            (13, 13, 1),
            True,
            False,
            False,
            18,
            False,
        ),  # no tie-break in this rule
        # everyone silent: nothing passes, there is no tie
        (GOV, 27, 27, (0, 0, 0), None, False, False, 14, False),
        ("more_than_half_of_cast", 27, 27, (0, 0, 0), None, False, False, 1, False),
        # a member leaving before the vote lowers a "present" base, never an "all members" one
        ("more_than_half_of_present", 27, 20, (11, 9, 0), None, False, True, 11, False),
        ("more_than_half_of_present", 27, 19, (10, 9, 0), None, False, True, 10, False),
        ("more_than_half_of_present", 27, 20, (10, 9, 1), None, False, False, 11, False),
        # a "votes cast" base counts abstentions
        ("more_than_half_of_cast", 27, 27, (10, 5, 6), None, False, False, 11, False),
        ("more_than_half_of_cast", 27, 27, (10, 5, 4), None, False, True, 10, False),
        ("two_thirds_of_all", 27, 27, (18, 9, 0), None, False, True, 18, False),
        ("two_thirds_of_all", 27, 27, (17, 10, 0), None, False, False, 18, False),
    ],
)
def test_majority_rules(
    rule: str,
    total: int,
    present: int,
    tally: tuple[int, int, int],
    tie_breaker: bool | None,
    secret: bool,
    passed: bool,
    threshold: int,
    tie_decided: bool,
) -> None:
    decision = majority_rule(rule).evaluate(
        Tally(*tally), total_members=total, present=present, tie_breaker=tie_breaker, secret=secret
    )
    assert (decision.passed, decision.threshold, decision.decided_by_tie_break) == (
        passed,
        threshold,
        tie_decided,
    )
    assert decision.rule == rule and (decision.yes, decision.no, decision.other) == tally


def test_the_result_states_rule_base_and_numbers() -> None:
    rule = majority_rule(GOV)
    passed = rule.evaluate(Tally(15, 10, 2), total_members=27, present=27)
    assert passed.text("vi") == "Thông qua: 15 tán thành / 27 thành viên (cần quá nửa tổng số: 14)"
    assert passed.text("en") == "Passed: 15 for / 27 members (needs more than half of all members: 14)"
    failed = rule.evaluate(Tally(13, 12, 2), total_members=27, present=27)
    assert failed.text("vi") == "Không thông qua: 13 tán thành / 27 thành viên (cần quá nửa tổng số: 14)"
    tie = rule.evaluate(Tally(13, 13, 0), total_members=26, present=26, tie_breaker=False)
    assert tie.text("vi") == (
        "Không thông qua: 13 tán thành / 26 thành viên (cần quá nửa tổng số: 14; số tán thành và không tán "
        "thành ngang nhau (13–13), quyết định theo ý kiến của Thủ tướng: không tán thành)"
    )
    assert "decided by the Prime Minister's side: against" in tie.text("en")
    secret = rule.evaluate(Tally(13, 13, 0), total_members=26, present=26, secret=True)
    assert "biểu quyết kín" in secret.text("vi") and "secret" in secret.text("en")
    ballot = majority_rule("written_procedure").evaluate(
        Tally(14, 1, 0), total_members=27, present=27, wording=BALLOT_WORDING
    )
    assert ballot.text("vi") == "Thông qua: 14 đồng ý / 27 thành viên (cần quá nửa tổng số: 14)"
    present = majority_rule("more_than_half_of_present").evaluate(
        Tally(11, 9, 0), total_members=27, present=20
    )
    assert (
        present.text("vi")
        == "Thông qua: 11 tán thành / 20 thành viên có mặt (cần quá nửa số thành viên có mặt: 11)"
    )


def test_registry_and_defaults() -> None:
    assert set(QUORUM_RULES) == {"two_thirds_of_all", "more_than_half_of_all", "none"}
    assert {"more_than_half_of_all", "written_procedure", "more_than_half_of_present"} <= set(MAJORITY_RULES)
    assert all(len(name) <= 40 for name in [*QUORUM_RULES, *MAJORITY_RULES])  # the columns hold 40
    quorum, majority = session_rules(SessionKind.REGULAR, None, None)
    assert (quorum.name, majority.name) == ("two_thirds_of_all", "more_than_half_of_all")
    assert set(DEFAULT_RULES) == set(SessionKind)
    quorum, majority = session_rules(SessionKind.REGULAR, "none", "more_than_half_of_cast")
    assert (quorum.name, majority.name) == ("none", "more_than_half_of_cast")
    with pytest.raises(InvalidInput) as err:
        majority_rule("simple_majority")
    assert "simple_majority" in err.value.message("en") and "biểu quyết thông qua" in err.value.message("vi")
    assert (
        majority_rule(GOV).describe("vi")
        == "Tán thành: quá nửa tổng số; nếu ngang nhau, theo ý kiến của Thủ tướng"
    )


# --- properties -----------------------------------------------------------------------------------------

choices = st.lists(st.sampled_from(list(VoteChoice)), max_size=40)


@given(choices)
def test_tallies_equal_the_casts(cast: list[VoteChoice]) -> None:
    tally = tally_votes(cast)
    counts = Counter(cast)
    assert (tally.yes, tally.no, tally.other) == (
        counts[VoteChoice.FOR],
        counts[VoteChoice.AGAINST],
        counts[VoteChoice.ABSTAIN],
    )
    assert tally.total == len(cast)  # each cast counted exactly once


@given(st.lists(st.sampled_from(list(OpinionChoice)), max_size=40))
def test_answer_tallies_equal_the_answers(answers: list[OpinionChoice]) -> None:
    tally = tally_answers(answers)
    assert tally.total == len(answers) and tally.yes == answers.count(OpinionChoice.AGREE)


@given(
    choices.flatmap(lambda c: st.tuples(st.just(c), st.permutations(c))),
    st.sampled_from(sorted(MAJORITY_RULES)),
    st.integers(0, 60),
    st.sampled_from([True, False, None]),
)
def test_the_result_does_not_depend_on_the_order_of_casts(
    pair: tuple[list[VoteChoice], list[VoteChoice]], rule: str, extra: int, tie_breaker: bool | None
) -> None:
    first, shuffled = pair
    total = len(first) + extra
    a = majority_rule(rule).evaluate(
        tally_votes(first), total_members=total, present=total, tie_breaker=tie_breaker
    )
    b = majority_rule(rule).evaluate(
        tally_votes(shuffled), total_members=total, present=total, tie_breaker=tie_breaker
    )
    assert a == b


@given(st.integers(0, 30), st.integers(0, 30), st.integers(0, 30), st.integers(0, 30))
def test_one_more_vote_for_never_turns_a_pass_into_a_failure(
    yes: int, no: int, other: int, extra: int
) -> None:
    rule = majority_rule(GOV)
    total = yes + no + other + extra + 1
    before = rule.evaluate(Tally(yes, no, other), total_members=total, present=total)
    after = rule.evaluate(Tally(yes + 1, no, other), total_members=total, present=total)
    assert after.passed or not before.passed
