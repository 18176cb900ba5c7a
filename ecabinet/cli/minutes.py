"""Minutes and printed outputs: `minutes SESSION …`, `conclusion set`, `discussion set`, `report …`, `holidays`.

    ecabinet minutes SESSION                          the state, the items' texts, the notice's due date
    ecabinet minutes SESSION --place P --opened ISO   edit the fields of form 1.9 (see --help)
    ecabinet minutes SESSION --out FILE.pdf           the approved PDF once approved, else the draft
    ecabinet --as LEADER minutes SESSION --approve    approve and lock (a secretariat leader)
    ecabinet minutes SESSION --correct --reason R     reopen approved minutes for a correction
    ecabinet conclusion set ITEM --text T             the chair's conclusion of an item
    ecabinet discussion set ITEM --text T             the discussion summary of an item
    ecabinet report resolution|conclusions|attendance SESSION --out FILE.pdf
    ecabinet report ballot BALLOT --out FILE.pdf
    ecabinet report vote VOTE --out FILE.pdf

Within one `minutes` command the steps run in this order, each its own unit of work: --correct, the edits,
--approve, --out. Files are written whole or not at all (a temporary file renamed over the target).
"""

from __future__ import annotations

import argparse
import uuid
from datetime import date
from pathlib import Path
from typing import Any

from ecabinet.cli.common import CliError, Groups, acting_user, emit, jsonable, local, member_ref, parse_when
from ecabinet.db import Database
from ecabinet.model import AgendaItem, CabinetSession, OpinionBallot, Vote
from ecabinet.services.actor import Actor, resolve_ref
from ecabinet.storage.atomic import atomic_write
from ecabinet.storage.blobs import sha256_bytes

SESSION_REPORTS = {"resolution", "conclusions", "attendance"}


def _actor(database: Database, ref: str | None) -> Actor:
    with database.read() as s:
        return acting_user(s, ref)


def _json_after(args: argparse.Namespace) -> None:
    args.json = args.json or getattr(args, "json_after", False)


def _write(path: str, data: bytes) -> dict[str, Any]:
    target = Path(path)
    atomic_write(target, data)
    from io import BytesIO

    from pypdf import PdfReader

    return {
        "path": str(target),
        "size": len(data),
        "sha256": sha256_bytes(data),
        "pages": len(PdfReader(BytesIO(data)).pages),
    }


def _rich_arg(args: argparse.Namespace) -> str:
    from ecabinet.minutes import richtext

    if args.html is not None:
        return str(args.html)
    if args.text is not None:
        return richtext.from_plain(str(args.text).replace("\\n", "\n"))
    raise CliError("give the text: --text T (plain; one paragraph per line, '- ' for a bullet) or --html H")


def _issued(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise CliError(f"not a date: {text!r} (example: 2026-11-05)") from exc


# --- minutes ----------------------------------------------------------------------------------------------


def _edits(args: argparse.Namespace, database: Database) -> dict[str, object]:
    from ecabinet.minutes import richtext

    changes: dict[str, object] = {}
    for name in ("place", "subject"):
        if getattr(args, name) is not None:
            changes[name] = getattr(args, name)
    if args.number is not None:
        changes["number"] = args.number or None
    for name in ("opened", "closed"):
        value = getattr(args, name)
        if value is not None:
            changes[f"{name}_at"] = parse_when(value) if value else None
    for name in ("opening", "closing"):
        value = getattr(args, name)
        if value is not None:
            changes[name] = richtext.from_plain(value.replace("\\n", "\n"))
    if args.recipients is not None:
        changes["recipients"] = "\n".join(args.recipients)
    with database.read() as s:
        for name in ("chair", "secretary"):
            value = getattr(args, name)
            if value is not None:
                changes[f"{name}_id"] = member_ref(s, value) if value else None
    return changes


def cmd_minutes(args: argparse.Namespace, database: Database) -> int:
    from ecabinet.minutes import richtext
    from ecabinet.minutes import service as MS
    from ecabinet.minutes.draft import minutes_draft
    from ecabinet.minutes.outputs import OutputKind, produce

    _json_after(args)
    if args.correct and not args.reason:
        raise CliError("a correction needs its reason: --correct --reason R")
    if args.reason and not args.correct:
        raise CliError("--reason goes with --correct")
    actor = _actor(database, args.as_member)
    with database.read() as s:
        session_id = resolve_ref(s, CabinetSession, args.session, "session")
    result: dict[str, Any] = {}
    if args.correct:
        with database.write(actor) as s:
            MS.start_correction(s, actor, session_id, args.reason)
    changes = _edits(args, database)
    if changes:
        with database.write(actor) as s:
            MS.update_minutes(s, actor, session_id, None, **changes)
    if args.approve:
        with database.write(actor) as s:
            version = MS.approve_minutes(s, actor, database.blobs, session_id)
        result["approved"] = version
    if args.verify:
        with database.read() as s:
            result["verified"] = MS.verify_minutes(s, actor, database.blobs, session_id)
    if args.out:
        with database.read() as s:
            out = produce(s, actor, database.blobs, OutputKind.MINUTES, session_id, version=args.version)
        result["file"] = {**_write(args.out, out.data), "approved_version": out.approved_version}
    with database.read() as s:
        draft = minutes_draft(s, actor, session_id)

    def human() -> None:
        if "approved" in result:
            v = result["approved"]
            print(f"Approved version {v.number}: {v.page_count} pages, SHA-256 {v.sha256}.")
        for check in result.get("verified", []):
            state = "ok" if check.ok else f"FAILED ({check.problem})"
            print(f"Version {check.number}: SHA-256 {check.sha256} {state}")
        if "file" in result:
            f = result["file"]
            which = f"approved version {f['approved_version']}" if f["approved_version"] else "draft"
            print(f"Minutes ({which}) written to {f['path']}: {f['pages']} pages, SHA-256 {f['sha256']}.")
        print(
            f"Minutes of «{draft.subject}»: {draft.minutes_state.value}; session {draft.session_state.value}"
        )
        if draft.correction_reason:
            print(f"  correction open: {draft.correction_reason}")
        for v in draft.versions:
            reason = f" — {v.reason}" if v.reason else ""
            print(f"  version {v.number}: approved {local(v.approved_at)} by {v.approved_by}{reason}")
        print(f"  notice of conclusions due by {draft.notice_due.isoformat()}")
        for item in draft.items:
            conclusion = "conclusion" if not richtext.is_empty(item.conclusion) else "no conclusion"
            discussion = "discussion" if not richtext.is_empty(item.discussion) else "no discussion"
            print(f"  {item.number}. {item.title} [{str(item.item_id)[:8]}]: {conclusion}, {discussion}")

    emit(args, {**jsonable(result), "minutes": _draft_json(draft)}, human)
    return 0


def _draft_json(draft: Any) -> dict[str, Any]:
    from ecabinet.minutes import richtext

    data: dict[str, Any] = jsonable(draft)
    data["locked"] = draft.locked
    data["meeting_date"] = draft.meeting_date.isoformat()
    data["notice_due"] = draft.notice_due.isoformat()
    for item in data["items"]:
        item["conclusion_text"] = richtext.to_plain(item["conclusion"])
        item["discussion_text"] = richtext.to_plain(item["discussion"])
    return data


# --- item texts -------------------------------------------------------------------------------------------


def cmd_item_text(args: argparse.Namespace, database: Database) -> int:
    from ecabinet.minutes import richtext
    from ecabinet.minutes import service as MS

    actor = _actor(database, args.as_member)
    text = _rich_arg(args)
    with database.write(actor) as s:
        item_id = resolve_ref(s, AgendaItem, args.item, "item")
        saved: MS.ConclusionText | MS.DiscussionText
        if args.command == "conclusion":
            notice = None if args.notice is None else args.notice == "yes"
            saved = MS.set_conclusion(s, actor, item_id, text, needs_notice=notice)
        else:
            saved = MS.set_discussion(s, actor, item_id, text)
    what = "Conclusion" if args.command == "conclusion" else "Discussion"
    emit(
        args,
        {**jsonable(saved), "plain": richtext.to_plain(saved.text)},
        lambda: print(f"{what} saved (version {saved.version}):\n{richtext.to_plain(saved.text)}"),
    )
    return 0


# --- reports ------------------------------------------------------------------------------------------------


def cmd_report(args: argparse.Namespace, database: Database) -> int:
    from ecabinet.minutes.outputs import OutputKind, produce

    actor = _actor(database, args.as_member)
    kind = OutputKind(args.kind)
    model: type = {"ballot": OpinionBallot, "vote": Vote}.get(args.kind, CabinetSession)
    what = {"ballot": "ballot", "vote": "vote"}.get(args.kind, "session")
    with database.read() as s:
        ref: uuid.UUID = resolve_ref(s, model, args.ref, what)
        out = produce(s, actor, database.blobs, kind, ref, issued_on=_issued(args.date))
    written = _write(args.out, out.data)
    emit(
        args,
        {"kind": kind.value, "title": out.title, **written},
        lambda: print(f"{out.title} written to {written['path']}: {written['pages']} pages."),
    )
    return 0


# --- holidays -----------------------------------------------------------------------------------------------


def cmd_holidays(args: argparse.Namespace, database: Database) -> int:
    from ecabinet.minutes.calendar import set_holidays, working_calendar

    if args.set is not None:
        actor = _actor(database, args.as_member)
        with database.write(actor) as s:
            calendar = set_holidays(s, actor, args.set)
    else:
        with database.read() as s:
            calendar = working_calendar(s)
    emit(args, {"holidays": list(calendar.holidays)}, lambda: print(", ".join(calendar.holidays) or "-"))
    return 0


# --- registration -------------------------------------------------------------------------------------------


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], groups: Groups) -> None:
    m = sub.add_parser(
        "minutes",
        help="the minutes of a session (biên bản): show, edit, approve, correct, write the PDF",
        description="Steps run in this order: --correct, the edits, --approve, --verify, --out.",
    )
    m.add_argument("session", metavar="SESSION", help="session id or unambiguous id prefix")
    m.add_argument("--out", metavar="FILE.pdf", help="write the PDF (the approved one once approved)")
    m.add_argument("--version", type=int, metavar="N", help="with --out: an earlier approved version")
    m.add_argument(
        "--approve", action="store_true", help="approve and lock the minutes (a secretariat leader)"
    )
    m.add_argument("--correct", action="store_true", help="reopen approved minutes for a correction")
    m.add_argument("--reason", help="why the approved minutes are corrected (with --correct)")
    m.add_argument("--verify", action="store_true", help="check each approved PDF against its SHA-256")
    m.add_argument("--place")
    m.add_argument("--subject", help="the line under BIÊN BẢN (default: the session's title)")
    m.add_argument("--number", type=int, help="the number in Số: N/BB-CP (0: the session's)")
    m.add_argument("--opened", metavar="ISO8601", help="start time ('': when the session was opened)")
    m.add_argument("--closed", metavar="ISO8601", help="end time ('': when the session was closed)")
    m.add_argument("--chair", metavar="MEMBER", help="the chair ('': the session's)")
    m.add_argument(
        "--secretary", metavar="MEMBER", help="the secretary ('': the head of the Government Office)"
    )
    m.add_argument("--opening", metavar="TEXT", help="text after the fields of the form (plain)")
    m.add_argument("--closing", metavar="TEXT", help="text before the closing line (plain)")
    m.add_argument(
        "--recipients", nargs="*", metavar="LINE", help="Nơi nhận (the archive line is always added last)"
    )
    m.add_argument("--json", dest="json_after", action="store_true", help="machine-readable output")
    m.set_defaults(func=cmd_minutes)

    for name, text in (
        ("conclusion", "the chair's conclusion of an agenda item (kết luận)"),
        ("discussion", "the discussion summary of an agenda item in the minutes"),
    ):
        group = sub.add_parser(name, help=text).add_subparsers(
            dest="text_command", required=True, metavar="ACTION"
        )
        setter = group.add_parser("set", help=f"set the {name} of an item (replaces it; '' clears it)")
        setter.add_argument("item", metavar="ITEM", help="item id or unambiguous id prefix")
        source = setter.add_mutually_exclusive_group(required=True)
        source.add_argument("--text", help="plain text: a paragraph per line, '- ' starts a bullet")
        source.add_argument(
            "--html", help="rich text: <p>, <b>, <i>, <u>, <ul>/<ol>/<li>, <br> (the rest is dropped)"
        )
        if name == "conclusion":
            setter.add_argument(
                "--notice",
                choices=("yes", "no"),
                help="include it in the notice of conclusions (default: yes)",
            )
        setter.set_defaults(func=cmd_item_text)

    report = sub.add_parser("report", help="printed outputs: resolution, notice of conclusions, …")
    kinds = report.add_subparsers(dest="kind", required=True, metavar="KIND")
    for kind, ref, text in (
        ("resolution", "SESSION", "the session resolution drafted from the decision items' conclusions"),
        ("conclusions", "SESSION", "the notice of conclusions (due within 5 working days)"),
        ("attendance", "SESSION", "the attendance sheet"),
        ("ballot", "BALLOT", "the opinion summary of a ballot"),
        ("vote", "VOTE", "the vote result certificate"),
    ):
        parser = kinds.add_parser(kind, help=text)
        parser.add_argument("ref", metavar=ref, help="id or unambiguous id prefix")
        parser.add_argument(
            "--out", required=True, metavar="FILE.pdf", help="where to write it (replaced whole)"
        )
        parser.add_argument("--date", metavar="YYYY-MM-DD", help="the date in the place-and-date line")
        parser.set_defaults(func=cmd_report)

    holidays = sub.add_parser("holidays", help="the holidays that are not working days (MM-DD or YYYY-MM-DD)")
    holidays.add_argument("--set", nargs="*", metavar="DAY", help="replace the list")
    holidays.set_defaults(func=cmd_holidays)
