"""What every command module shares: output (human or JSON), the acting user, refusals."""

from __future__ import annotations

import argparse
import dataclasses
import enum
import json
import sys
import uuid
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecabinet.model import Member, Role
from ecabinet.services.actor import Actor, load_actor, resolve_ref


class CliError(Exception):
    """A refusal worded for the command line (exit 2)."""


def jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value


def emit(args: argparse.Namespace, data: Any, human: Callable[[], None]) -> None:
    """Print `data` as JSON with --json, else call `human` to print it for people."""
    if args.json:
        json.dump(jsonable(data), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        human()


def table(rows: Sequence[Sequence[str]], header: Sequence[str]) -> None:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


def member_ref(session: Session, ref: str) -> uuid.UUID:
    """A member by exact name, id or unambiguous id prefix."""
    member = session.execute(select(Member).where(Member.full_name == ref)).scalars().first()
    return member.id if member else resolve_ref(session, Member, ref, "member")


def acting_user(session: Session, ref: str | None) -> Actor:
    """`--as MEMBER`, else the first secretariat officer of this database."""
    if ref:
        return load_actor(session, member_ref(session, ref))
    officer = (
        session.execute(
            select(Member.id)
            .where(Member.role.in_([Role.SECRETARIAT, Role.SECRETARIAT_LEADER]), Member.active.is_(True))
            .order_by(Member.role, Member.sort_order)
        )
        .scalars()
        .first()
    )
    if officer is None:
        raise CliError("this database has no secretariat officer yet: run `ecabinet demo` or the app first")
    return load_actor(session, officer)


def local(dt: datetime | None) -> str:
    return "" if dt is None else dt.astimezone().strftime("%Y-%m-%d %H:%M")


def parse_when(text: str) -> datetime:
    """An ISO 8601 time; without a zone it is taken as the computer's local time."""
    try:
        value = datetime.fromisoformat(text)
    except ValueError as exc:
        raise CliError(f"not an ISO 8601 date and time: {text!r} (example: 2026-12-03T08:00+07:00)") from exc
    return value if value.tzinfo else value.astimezone()


# The subcommand groups shared between modules ("session", …), filled as modules register.
Groups = dict[str, "argparse._SubParsersAction[argparse.ArgumentParser]"]
