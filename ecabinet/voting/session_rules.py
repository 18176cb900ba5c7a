"""The quorum and majority rules a session uses: the defaults of its kind, or rules named for it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ecabinet.agenda.visibility import check_session_visible
from ecabinet.errors import InvalidState
from ecabinet.model import CabinetSession, SessionState
from ecabinet.services.actor import Actor, Permission, require
from ecabinet.voting.rules import majority_rule, quorum_rule, session_rules

EDITABLE = (SessionState.DRAFT, SessionState.PUBLISHED)


@dataclass(frozen=True)
class RulesInForce:
    session_id: uuid.UUID
    quorum_rule: str
    majority_rule: str
    quorum_is_default: bool
    majority_is_default: bool
    quorum_text_vi: str
    quorum_text_en: str
    majority_text_vi: str
    majority_text_en: str


def _in_force(row: CabinetSession) -> RulesInForce:
    quorum, majority = session_rules(row.kind, row.quorum_rule, row.majority_rule)
    return RulesInForce(
        row.id,
        quorum.name,
        majority.name,
        row.quorum_rule is None,
        row.majority_rule is None,
        quorum.describe("vi"),
        quorum.describe("en"),
        majority.describe("vi"),
        majority.describe("en"),
    )


def rules_in_force(session: Session, actor: Actor, session_id: uuid.UUID) -> RulesInForce:
    return _in_force(check_session_visible(session, actor, session_id))


def set_session_rules(
    session: Session,
    actor: Actor,
    session_id: uuid.UUID,
    quorum_rule_name: str | None,
    majority_rule_name: str | None,
) -> RulesInForce:
    """Name the rules of a session before it starts (None: back to the defaults of its kind)."""
    require(session, actor, Permission.MANAGE_SESSIONS)
    row = check_session_visible(session, actor, session_id)
    if row.state not in EDITABLE:
        raise InvalidState("session_not_editable", state=row.state.value)
    row.quorum_rule = None if quorum_rule_name is None else quorum_rule(quorum_rule_name).name
    row.majority_rule = None if majority_rule_name is None else majority_rule(majority_rule_name).name
    session.flush()
    return _in_force(row)
