"""The `ecabinet` command: thin — parse, open one unit of work, call services, print."""

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

from ecabinet import __version__
from ecabinet.db import Database, open_database
from ecabinet.errors import DomainError
from ecabinet.model import CabinetSession, Member, Role
from ecabinet.services.actor import Actor

LANG = "en"


class CliError(Exception):
    """A refusal worded for the command line (exit 2)."""


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value


def emit(args: argparse.Namespace, data: Any, human: Callable[[], None]) -> None:
    if args.json:
        json.dump(_jsonable(data), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        human()


def _table(rows: Sequence[Sequence[str]], header: Sequence[str]) -> None:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


def acting_user(session: Session, ref: str | None) -> Actor:
    """`--as MEMBER` (id, id prefix or exact name), else the first secretariat officer of this database."""
    from ecabinet.services.actor import load_actor, resolve_ref

    if ref:
        member = session.execute(select(Member).where(Member.full_name == ref)).scalars().first()
        member_id = member.id if member else resolve_ref(session, Member, ref, "member")
        return load_actor(session, member_id)
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


# --- commands ------------------------------------------------------------------------------------------


def cmd_demo(args: argparse.Namespace, database: Database) -> int:
    from ecabinet.demo.build import create_demo

    def progress(percent: int, text: str) -> None:
        if not args.json:
            print(f"[{percent:3d}%] {text}", file=sys.stderr)

    result = create_demo(database, progress=progress)
    emit(
        args,
        result,
        lambda: print(
            f"Demo created: {result.member_count} people, {len(result.session_ids)} sessions, "
            f"{result.document_count} documents ({result.page_count} pages)."
        ),
    )
    return 0


def cmd_members(args: argparse.Namespace, database: Database) -> int:
    from ecabinet.services.members import list_members

    with database.read() as s:
        people = list_members(s)
    emit(
        args,
        people,
        lambda: _table(
            [
                (
                    str(m.id)[:8],
                    m.full_name,
                    m.title,
                    m.organisation,
                    m.role.value,
                    "yes" if m.has_vote else "no",
                )
                for m in people
            ],
            ("ID", "NAME", "TITLE", "BODY", "ROLE", "VOTE"),
        ),
    )
    return 0


def cmd_sessions(args: argparse.Namespace, database: Database) -> int:
    from ecabinet.agenda.sessions import list_sessions

    with database.read() as s:
        actor = acting_user(s, args.as_member)
        rows = list_sessions(s, actor)
    emit(
        args,
        rows,
        lambda: _table(
            [
                (
                    str(r.id)[:8],
                    local(r.starts_at),
                    r.kind.value,
                    r.state.value,
                    str(r.item_count),
                    str(r.document_count),
                    r.title,
                )
                for r in rows
            ],
            ("ID", "STARTS", "KIND", "STATE", "ITEMS", "DOCS", "TITLE"),
        ),
    )
    return 0


def cmd_session_show(args: argparse.Namespace, database: Database) -> int:
    from ecabinet.agenda.sessions import get_session
    from ecabinet.services.actor import resolve_ref

    with database.read() as s:
        actor = acting_user(s, args.as_member)
        detail = get_session(s, actor, resolve_ref(s, CabinetSession, args.session, "session"))

    def human() -> None:
        sm = detail.summary
        print(f"{sm.title}\n  {sm.kind.value}, {sm.state.value}, {local(sm.starts_at)}, {sm.place}")
        print(f"  chair: {sm.chair or '-'}; planned: {detail.planned_minutes} min; id {sm.id}")
        for item in detail.items:
            indent = "    " if item.parent_id else "  "
            mark = f" [{item.classification.mark}]" if item.classification.is_classified else ""
            print(
                f"{indent}{item.number}. {item.title}{mark} ({item.kind.value}, {item.planned_minutes} min, "
                f"{item.presenter or '-'})"
            )
            for doc in item.documents:
                print(
                    f"{indent}    - {doc.title} ({doc.kind.value}, {doc.page_count} pages, v{doc.version_number})"
                )

    emit(args, detail, human)
    return 0


def cmd_db_upgrade(args: argparse.Namespace, database: Database) -> int:
    from alembic.runtime.migration import MigrationContext

    with database.engine.connect() as conn:
        heads = MigrationContext.configure(conn).get_current_heads()
    emit(
        args,
        {"revision": list(heads), "url": database.engine.url.render_as_string()},
        lambda: print(f"Database is at revision {', '.join(heads)}."),
    )
    return 0


def cmd_audit_verify(args: argparse.Namespace, database: Database) -> int:
    from sqlalchemy import func

    from ecabinet.audit import verify_chain
    from ecabinet.model import AuditEvent

    with database.read() as s:
        problems = verify_chain(s)
        count = s.execute(select(func.count()).select_from(AuditEvent)).scalar_one()
    data = {"ok": not problems, "events": count, "problems": [dataclasses.asdict(p) for p in problems]}
    if problems:
        emit(args, data, lambda: None)
        first = problems[0]
        print(
            f"ecabinet: audit chain broken: {first.text}"
            + (f" ({len(problems) - 1} more problems)" if len(problems) > 1 else ""),
            file=sys.stderr,
        )
        return 2
    emit(args, data, lambda: print(f"Audit chain holds: {count} events verified."))
    return 0


# --- parser --------------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ecabinet", description="e-Cabinet: paperless cabinet sessions.")
    parser.add_argument("--version", action="version", version=f"ecabinet {__version__}")
    parser.add_argument(
        "--home", help="data folder (database, files, keys); default: ECABINET_HOME or the user data folder"
    )
    parser.add_argument(
        "--db", help="database URL (default: ECABINET_DB or the SQLite file in the home folder)"
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument(
        "--as", dest="as_member", metavar="MEMBER", help="act as this member (id, id prefix or name)"
    )
    parser.add_argument("--lang", choices=("vi", "en"), default="en", help="language of error messages")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    sub.add_parser("demo", help="fill an empty database with a realistic demo Government").set_defaults(
        func=cmd_demo
    )
    sub.add_parser("members", help="list people: ids, names, titles, bodies, voting right").set_defaults(
        func=cmd_members
    )
    sub.add_parser("sessions", help="list the sessions you may see").set_defaults(func=cmd_sessions)

    session = sub.add_parser("session", help="one session").add_subparsers(
        dest="session_command", required=True
    )
    show = session.add_parser("show", help="a session's agenda items and documents")
    show.add_argument("session", metavar="SESSION", help="session id or unambiguous id prefix")
    show.set_defaults(func=cmd_session_show)

    dbp = sub.add_parser("db", help="database maintenance").add_subparsers(dest="db_command", required=True)
    dbp.add_parser("upgrade", help="apply migrations (also done whenever a database is opened)").set_defaults(
        func=cmd_db_upgrade
    )

    audit = sub.add_parser("audit", help="the hash-chained audit log").add_subparsers(
        dest="audit_command", required=True
    )
    audit.add_parser(
        "verify", help="exit 0 when the chain holds, 2 naming the first broken event"
    ).set_defaults(func=cmd_audit_verify)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    global LANG
    parser = build_parser()
    args = parser.parse_args(argv)
    LANG = args.lang
    database: Database | None = None
    try:
        database = open_database(args.home, args.db)
        return int(args.func(args, database))
    except DomainError as exc:
        print(f"ecabinet: {exc.message(LANG)}", file=sys.stderr)
        return exc.exit_code
    except CliError as exc:
        print(f"ecabinet: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"ecabinet: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("ecabinet: interrupted; nothing was changed by the unfinished step", file=sys.stderr)
        return 130
    finally:
        if database is not None:
            database.close()


if __name__ == "__main__":
    sys.exit(main())
