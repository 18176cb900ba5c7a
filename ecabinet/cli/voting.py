"""Voting commands: opinion ballots (`ballot …`), attendance and the quorum (`attendance`), votes (`vote …`).

`ballot answer` and `vote cast` name the member with `--as MEMBER`, before the subcommand (the global
option) or after it. Given once, that member acts for themselves. Given twice — `ecabinet --as OFFICER vote
cast VOTE --as MEMBER …` — the global one is the acting user, who records the vote or answer on the
member's behalf (the secretariat only).
"""

from __future__ import annotations

import argparse
import uuid
from typing import Any

from ecabinet.cli.common import (
    CliError,
    Groups,
    acting_user,
    emit,
    jsonable,
    local,
    member_ref,
    parse_when,
    table,
)
from ecabinet.db import Database
from ecabinet.model import (
    AgendaItem,
    AttendanceStatus,
    CabinetSession,
    OpinionBallot,
    OpinionChoice,
    Vote,
    VoteChoice,
)
from ecabinet.services.actor import Actor, resolve_ref
from ecabinet.voting import attendance as A
from ecabinet.voting import ballots as B
from ecabinet.voting import votes as V

VOTE_WORDS = {VoteChoice.FOR: "for", VoteChoice.AGAINST: "against", VoteChoice.ABSTAIN: "abstain"}


def _short(ref: uuid.UUID) -> str:
    return str(ref)[:8]


def _actor(database: Database, ref: str | None) -> Actor:
    with database.read() as s:
        return acting_user(s, ref)


def _json_after(args: argparse.Namespace) -> None:
    """`--json` may follow the subcommand too (`ecabinet vote show VOTE --json`)."""
    args.json = args.json or getattr(args, "json_after", False)


def _member_and_actor(database: Database, args: argparse.Namespace) -> tuple[Actor, uuid.UUID]:
    """The member answering or voting (`--as` after the subcommand, else the global one) and the acting user
    (the global `--as`, else that member)."""
    who = args.member_as or args.as_member
    if not who:
        raise CliError("say which member: --as MEMBER")
    with database.read() as s:
        member_id = member_ref(s, who)
        actor = acting_user(s, args.as_member or who)
    return actor, member_id


# --- ballots -----------------------------------------------------------------------------------------------


def _print_summary(b: B.BallotSummary) -> None:
    flag = f" [{b.flag.value}]" if b.flag else ""
    print(
        f"Ballot {_short(b.id)} «{b.title}»: {b.state.value}{flag}; deadline {local(b.deadline)}; "
        f"{b.answered_count}/{b.recipient_count} answered in full"
    )


def cmd_ballot_create(args: argparse.Namespace, database: Database) -> int:
    deadline = parse_when(args.deadline)
    actor = _actor(database, args.as_member)
    with database.write(actor) as s:
        item_id = resolve_ref(s, AgendaItem, args.item, "item")
        recipients = [member_ref(s, r) for r in args.to] if args.to else None
        detail = B.create_ballot(
            s,
            actor,
            item_id,
            args.question,
            deadline,
            title=args.title or "",
            recipient_ids=recipients,
            majority_rule_name=args.rule,
        )
    emit(args, detail, lambda: _print_summary(detail.summary))
    return 0


_MOVES = {
    "submit": B.submit_ballot,
    "approve": B.approve_ballot,
    "send": B.send_ballot,
    "close": B.close_ballot,
}


def cmd_ballot_move(args: argparse.Namespace, database: Database) -> int:
    actor = _actor(database, args.as_member)
    with database.write(actor) as s:
        ballot_id = resolve_ref(s, OpinionBallot, args.ballot, "ballot")
        if args.ballot_command == "return":
            summary = B.return_ballot(s, actor, ballot_id, args.reason)
        else:
            summary = _MOVES[args.ballot_command](s, actor, ballot_id)
    emit(args, summary, lambda: _print_summary(summary))
    return 0


def cmd_ballot_answer(args: argparse.Namespace, database: Database) -> int:
    actor, member_id = _member_and_actor(database, args)
    with database.write(actor) as s:
        ballot_id = resolve_ref(s, OpinionBallot, args.ballot, "ballot")
        questions = B.get_ballot(s, actor, ballot_id).questions
        if args.question is None and len(questions) > 1:
            raise CliError(f"this ballot has {len(questions)} questions: say which with --question N")
        number = args.question or 1
        if not 1 <= number <= len(questions):
            raise CliError(f"--question must be between 1 and {len(questions)}")
        answer = B.answer_ballot(
            s,
            actor,
            ballot_id,
            questions[number - 1].id,
            OpinionChoice(args.choice),
            args.comment or "",
            member_id=member_id,
        )
    by = f" (recorded by {answer.recorded_by})" if answer.recorded_by else ""
    emit(
        args,
        answer,
        lambda: print(f"{answer.name}: question {answer.question_number}: {answer.choice.value}{by}"),
    )
    return 0


def cmd_ballot_show(args: argparse.Namespace, database: Database) -> int:
    _json_after(args)
    with database.read() as s:
        actor = acting_user(s, args.as_member)
        ballot_id = resolve_ref(s, OpinionBallot, args.ballot, "ballot")
        detail = B.get_ballot(s, actor, ballot_id)
        report = B.ballot_report(s, actor, ballot_id) if actor.is_secretariat else None

    def human() -> None:
        _print_summary(detail.summary)
        print(f"  rule: {detail.majority_rule}; drafted by {detail.drafted_by or '-'}", end="")
        print(f"; approved by {detail.approved_by}" if detail.approved_by else "")
        if detail.return_reason:
            print(f"  returned: {detail.return_reason}")
        for doc in detail.documents:
            print(f"  document: {doc.title} (v{doc.version_number}, sha256 {doc.sha256[:12]}…)")
        for q in detail.questions:
            print(f"  {q.number}. {q.text}")
            if report is not None:
                r = report.questions[q.number - 1]
                print(
                    f"     agree {r.tally.yes}, disagree {r.tally.no}, other {r.tally.other}, "
                    f"no answer {len(r.no_answer)}"
                )
                print(f"     {r.decision.text(args.lang)}")
                for a in r.answers:
                    comment = f": {a.comment}" if a.comment else ""
                    print(f"     - {a.name}: {a.choice.value}{comment}")
        for a in detail.my_answers:
            print(
                f"  my answer to {a.question_number}: {a.choice.value}{f': {a.comment}' if a.comment else ''}"
            )
        if report is not None:
            print(f"  {'final' if report.final else 'live'}; no answer: {', '.join(report.no_answer) or '-'}")

    emit(args, {"ballot": detail, "report": report}, human)
    return 0


def cmd_ballot_list(args: argparse.Namespace, database: Database) -> int:
    _json_after(args)
    with database.read() as s:
        actor = acting_user(s, args.as_member)
        rows = B.list_ballots(s, actor, flagged_only=args.flagged)
    emit(
        args,
        rows,
        lambda: table(
            [
                (
                    _short(b.id),
                    local(b.deadline),
                    b.state.value,
                    b.flag.value if b.flag else "",
                    f"{b.answered_count}/{b.recipient_count}",
                    b.title,
                )
                for b in rows
            ],
            ("ID", "DEADLINE", "STATE", "FLAG", "ANSWERED", "TITLE"),
        ),
    )
    return 0


# --- attendance ------------------------------------------------------------------------------------------


def cmd_attendance(args: argparse.Namespace, database: Database) -> int:
    _json_after(args)
    if args.member and not args.status:
        raise CliError("say present, absent, represented or left after the member")
    actor = _actor(database, args.as_member)
    member_id: uuid.UUID | None = None
    if args.member:
        with database.write(actor) as s:
            session_id = resolve_ref(s, CabinetSession, args.session, "session")
            member_id = member_ref(s, args.member)
            if args.status == "left":
                A.record_departure(s, actor, session_id, member_id)
            else:
                A.record_attendance(
                    s,
                    actor,
                    session_id,
                    member_id,
                    AttendanceStatus(args.status),
                    reason=args.reason or "",
                    deputy_name=args.deputy or "",
                )
    with database.read() as s:
        sheet = A.attendance_sheet(s, actor, resolve_ref(s, CabinetSession, args.session, "session"))

    def human() -> None:
        rows = []
        for e in sheet.entries:
            if member_id is not None and e.member_id != member_id:
                continue
            status = e.status.value if e.status else "-"
            if e.status is AttendanceStatus.PRESENT and not e.in_room:
                status = "left"
            detail = f"deputy: {e.deputy_name}" if e.deputy_name else e.reason
            rows.append((e.name, e.invited_as.value, status, local(e.arrived_at), local(e.left_at), detail))
        table(rows, ("NAME", "AS", "STATUS", "ARRIVED", "LEFT", "DEPUTY / REASON"))
        print(sheet.quorum.text(args.lang))

    emit(args, {**jsonable(sheet), "quorum": sheet.quorum.as_json()}, human)
    return 0


# --- votes -----------------------------------------------------------------------------------------------


def vote_json(v: V.VoteInfo) -> dict[str, Any]:
    """The vote with its counts, rule, threshold and passed at the top level."""
    data: dict[str, Any] = jsonable(v)
    d = v.decision
    data["counts"] = (
        None if v.counts is None else {"for": v.counts.yes, "against": v.counts.no, "abstain": v.counts.other}
    )
    data["rule"] = d.rule if d else None
    data["base"] = d.base.value if d else None
    data["base_count"] = d.base_count if d else None
    data["threshold"] = d.threshold if d else None
    data["passed"] = d.passed if d else None
    data["text"] = {"vi": d.text_vi, "en": d.text_en} if d else None
    return data


def _print_vote(v: V.VoteInfo, lang: str) -> None:
    kind = "secret" if v.secret else "named"
    print(f"Vote {_short(v.id)} on «{v.item_title}» ({kind}): {v.state.value}")
    print(f"  motion: {v.motion}")
    if v.counts is not None:
        print(
            f"  for {v.counts.yes}, against {v.counts.no}, abstain {v.counts.other}; "
            f"{v.participant_count} of {v.eligible_count} eligible voted"
        )
    else:
        print(f"  {v.participant_count} of {v.eligible_count} eligible voted")
    if v.decision is not None:
        print(f"  {v.decision.text(lang)}")
    if v.annul_reason:
        print(f"  annulled: {v.annul_reason}")
    if v.casts:
        table(
            [
                (
                    c.name,
                    VOTE_WORDS[c.choice] if c.choice else "took part",
                    c.recorded_by and f"by {c.recorded_by}",
                )
                for c in v.casts
            ],
            ("  MEMBER", "CHOICE", "RECORDED"),
        )


def cmd_vote_open(args: argparse.Namespace, database: Database) -> int:
    actor = _actor(database, args.as_member)
    with database.write(actor) as s:
        item_id = resolve_ref(s, AgendaItem, args.item, "item")
        replaces = resolve_ref(s, Vote, args.replaces, "vote") if args.replaces else None
        info = V.open_vote(s, actor, item_id, args.motion, secret=args.secret, replaces_vote_id=replaces)
    emit(args, vote_json(info), lambda: _print_vote(info, args.lang))
    return 0


def cmd_vote_cast(args: argparse.Namespace, database: Database) -> int:
    actor, member_id = _member_and_actor(database, args)
    with database.write(actor) as s:
        vote_id = resolve_ref(s, Vote, args.vote, "vote")
        receipt = V.cast_vote(s, actor, vote_id, VoteChoice(args.choice), member_id=member_id)
    by = " (recorded by the secretariat)" if receipt.recorded_by_id else ""
    emit(args, receipt, lambda: print(f"{receipt.name} voted on {_short(receipt.vote_id)}{by}."))
    return 0


def cmd_vote_close(args: argparse.Namespace, database: Database) -> int:
    actor = _actor(database, args.as_member)
    with database.write(actor) as s:
        info = V.close_vote(s, actor, resolve_ref(s, Vote, args.vote, "vote"))
    emit(args, vote_json(info), lambda: _print_vote(info, args.lang))
    return 0


def cmd_vote_annul(args: argparse.Namespace, database: Database) -> int:
    actor = _actor(database, args.as_member)
    with database.write(actor) as s:
        info = V.annul_vote(s, actor, resolve_ref(s, Vote, args.vote, "vote"), args.reason)
    emit(args, vote_json(info), lambda: _print_vote(info, args.lang))
    return 0


def cmd_vote_show(args: argparse.Namespace, database: Database) -> int:
    _json_after(args)
    with database.read() as s:
        actor = acting_user(s, args.as_member)
        info = V.get_vote(s, actor, resolve_ref(s, Vote, args.vote, "vote"))
    emit(args, vote_json(info), lambda: _print_vote(info, args.lang))
    return 0


# --- registration ------------------------------------------------------------------------------------------


def _json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", dest="json_after", action="store_true", help="machine-readable output")


def _as_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as",
        dest="member_as",
        metavar="MEMBER",
        help="the member (name, id or id prefix); acts for themselves unless a global --as is given too",
    )


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], groups: Groups) -> None:
    ballot = sub.add_parser("ballot", help="opinion ballots (phiếu lấy ý kiến)").add_subparsers(
        dest="ballot_command", required=True, metavar="ACTION"
    )
    create = ballot.add_parser("create", help="draft a ballot on an agenda item")
    create.add_argument("item", metavar="ITEM", help="item id or unambiguous id prefix")
    create.add_argument("--question", action="append", required=True, help="a question (repeat for more)")
    create.add_argument("--deadline", required=True, help="ISO 8601, e.g. 2026-12-03T17:00+07:00")
    create.add_argument(
        "--to", action="extend", nargs="+", metavar="MEMBER", help="recipients (default: all voting members)"
    )
    create.add_argument("--title", help="default: the item's title")
    create.add_argument("--rule", help="majority rule name (default: written_procedure)")
    create.set_defaults(func=cmd_ballot_create)
    for name, text in (
        ("submit", "hand the draft to a secretariat leader"),
        ("approve", "approve a submitted ballot (a leader other than its drafter)"),
        ("return", "send a submitted ballot back to its drafter"),
        ("send", "send an approved ballot to its recipients"),
        ("close", "close a sent ballot (after the deadline, or once everyone has answered)"),
    ):
        move = ballot.add_parser(name, help=text)
        move.add_argument("ballot", metavar="BALLOT", help="ballot id or unambiguous id prefix")
        if name == "return":
            move.add_argument("--reason", required=True)
        move.set_defaults(func=cmd_ballot_move)
    answer = ballot.add_parser("answer", help="answer a question of a sent ballot, until its deadline")
    answer.add_argument("ballot", metavar="BALLOT")
    _as_option(answer)
    answer.add_argument("--question", type=int, metavar="N", help="question number (needed when several)")
    answer.add_argument("--choice", required=True, choices=[c.value for c in OpinionChoice])
    answer.add_argument("--comment", help="required for disagree and other")
    answer.set_defaults(func=cmd_ballot_answer)
    show = ballot.add_parser("show", help="a ballot; for the secretariat with the opinion summary")
    show.add_argument("ballot", metavar="BALLOT")
    _json_option(show)
    show.set_defaults(func=cmd_ballot_show)
    listing = ballot.add_parser("list", help="the ballots you may see")
    listing.add_argument("--flagged", action="store_true", help="only overdue and due-soon ballots")
    _json_option(listing)
    listing.set_defaults(func=cmd_ballot_list)

    attendance = sub.add_parser(
        "attendance", help="record attendance; without MEMBER, show it and the quorum"
    )
    attendance.add_argument("session", metavar="SESSION", help="session id or unambiguous id prefix")
    attendance.add_argument("member", metavar="MEMBER", nargs="?", help="name, id or id prefix")
    attendance.add_argument(
        "status", metavar="STATUS", nargs="?", choices=["present", "absent", "represented", "left"]
    )
    attendance.add_argument("--reason", help="why absent or represented")
    attendance.add_argument("--deputy", metavar="NAME", help="the deputy attending in the member's place")
    _json_option(attendance)
    attendance.set_defaults(func=cmd_attendance)

    vote = sub.add_parser("vote", help="votes in a session (biểu quyết)").add_subparsers(
        dest="vote_command", required=True, metavar="ACTION"
    )
    opening = vote.add_parser("open", help="put a motion on an item to the vote")
    opening.add_argument("item", metavar="ITEM")
    opening.add_argument("--motion", required=True)
    opening.add_argument("--secret", action="store_true", help="a secret vote (default: named)")
    opening.add_argument("--replaces", metavar="VOTE", help="the annulled vote this one replaces")
    opening.set_defaults(func=cmd_vote_open)
    cast = vote.add_parser("cast", help="cast a member's vote (recorded by the secretariat unless self)")
    cast.add_argument("vote", metavar="VOTE")
    _as_option(cast)
    cast.add_argument("--choice", required=True, choices=[c.value for c in VoteChoice])
    cast.set_defaults(func=cmd_vote_cast)
    closing = vote.add_parser("close", help="close a vote and compute its result by the rule")
    closing.add_argument("vote", metavar="VOTE")
    closing.set_defaults(func=cmd_vote_close)
    annul = vote.add_parser("annul", help="annul a vote with a reason (then open a new one with --replaces)")
    annul.add_argument("vote", metavar="VOTE")
    annul.add_argument("--reason", required=True)
    annul.set_defaults(func=cmd_vote_annul)
    show_vote = vote.add_parser("show", help="a vote: counts, rule, threshold, result")
    show_vote.add_argument("vote", metavar="VOTE")
    _json_option(show_vote)
    show_vote.set_defaults(func=cmd_vote_show)
