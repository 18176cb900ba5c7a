"""Every refusal of the voting services has its text in Vietnamese and English, with the words it names."""

from __future__ import annotations

import ast
import string
from pathlib import Path

from ecabinet.messages import MESSAGES, WORDS, render
from ecabinet.model import BallotState, OpinionChoice, SpeakingState, VoteState

SOURCES = sorted((Path(__file__).resolve().parents[2] / "ecabinet" / "voting").glob("*.py"))
ERRORS = {"DomainError", "InvalidInput", "InvalidState", "NotFound", "PermissionDenied", "StaleEdit"}
WORD_PARAMS = {"field", "what", "action", "target", "kind", "reason"}


def _raised() -> list[tuple[str, str, dict[str, ast.expr]]]:
    found = []
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ERRORS
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.append(
                    (path.name, node.args[0].value, {k.arg: k.value for k in node.keywords if k.arg})
                )
    return found


RAISED = _raised()


def test_the_scan_finds_the_refusals() -> None:
    assert len(RAISED) > 40 and {"quorum_not_met", "already_voted", "ballot_deadline_passed"} <= {
        code for _f, code, _k in RAISED
    }


def test_each_refusal_has_both_texts_and_its_parameters() -> None:
    problems = []
    for source, code, params in RAISED:
        if code not in MESSAGES:
            problems.append(f"{source}: no message for {code!r}")
            continue
        en, vi = MESSAGES[code]
        if not (en and vi and en != vi):
            problems.append(f"{code}: needs distinct English and Vietnamese texts")
        for template in (en, vi):
            names = {name for _t, name, _f, _c in string.Formatter().parse(template) if name}
            if not names <= set(params):
                problems.append(f"{source}: {code} needs the parameters {sorted(names - set(params))}")
        for name, value in params.items():
            if name in WORD_PARAMS and isinstance(value, ast.Constant) and value.value not in WORDS:
                problems.append(f"{source}: {code} names the word {value.value!r}, which has no text")
    assert problems == []


def test_state_and_choice_words_exist_in_both_languages() -> None:
    keys = (
        [f"ballot_{s.value}" for s in BallotState]
        + [f"vote_{s.value}" for s in VoteState]
        + [f"speaking_{s.value}" for s in SpeakingState]
        + [f"choice_{c.value}" for c in OpinionChoice if c is not OpinionChoice.AGREE]
    )
    for key in keys:
        en, vi = WORDS[key]
        assert en and vi
    assert render("ballot_transition", "vi", {"state": "ballot_sent", "target": "ballot_action_edit"}) == (
        "Không thể sửa phiếu lấy ý kiến đang ở trạng thái «đã gửi»."
    )
