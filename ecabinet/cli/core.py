"""Core commands: demo, members, sessions, session show, db upgrade, audit verify."""

from __future__ import annotations

import argparse
import dataclasses
import sys

from sqlalchemy import func, select

from ecabinet.cli.common import Groups, acting_user, emit, local, table
from ecabinet.db import Database
from ecabinet.model import AuditEvent, CabinetSession


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
        lambda: table(
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
        lambda: table(
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
    from ecabinet.audit import verify_chain

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


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], groups: Groups) -> None:
    sub.add_parser("demo", help="fill an empty database with a realistic demo Government").set_defaults(
        func=cmd_demo
    )
    sub.add_parser("members", help="list people: ids, names, titles, bodies, voting right").set_defaults(
        func=cmd_members
    )
    sub.add_parser("sessions", help="list the sessions you may see").set_defaults(func=cmd_sessions)

    groups["session"] = session = sub.add_parser("session", help="one session").add_subparsers(
        dest="session_command", required=True, metavar="ACTION"
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
