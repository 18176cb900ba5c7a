"""Every refusal of the minutes services has its text in Vietnamese and English, with the words it names."""

from __future__ import annotations

import ast
import string
from pathlib import Path

from ecabinet.messages import MESSAGES, WORDS

SOURCES = sorted((Path(__file__).resolve().parents[2] / "ecabinet" / "minutes").glob("*.py"))
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


def test_each_refusal_has_both_texts_its_parameters_and_its_words() -> None:
    raised = _raised()
    assert len(raised) > 20 and {"minutes_locked", "minutes_unchanged", "report_no_decisions"} <= {
        code for _f, code, _k in raised
    }
    problems = []
    for source, code, params in raised:
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


def test_the_codes_are_prefixed() -> None:
    ours = [code for _f, code, _k in _raised()]
    shared = {
        "not_found",
        "permission_denied",
        "stale_edit",
        "field_invalid",
        "field_required",
        "session_transition",
    }
    assert all(code.startswith(("minutes_", "report_")) or code in shared for code in ours)
