"""Preparing sessions from the command line: session create/publish/start/close, item add, dossier add and
replace (checked on import, indexed right away), dossier rename/set/distribute/remove, full-text search and
the search index."""

from __future__ import annotations

import argparse
import sys
import uuid
from collections.abc import Callable

from ecabinet.agenda.sessions import MIN_NOTICE, TransitionResult
from ecabinet.cli.common import CliError, Groups, acting_user, emit, local, member_ref, parse_when
from ecabinet.db import Database
from ecabinet.messages import render
from ecabinet.model import (
    AgendaItem,
    CabinetSession,
    Classification,
    Document,
    DocumentKind,
    ItemKind,
    Member,
    Role,
    SessionKind,
)
from ecabinet.services.actor import Actor, resolve_ref


def _actor(args: argparse.Namespace, database: Database) -> Actor:
    with database.read() as s:
        return acting_user(s, args.as_member)


def _ref(database: Database, model: type, ref: str, what: str) -> uuid.UUID:
    with database.read() as s:
        return resolve_ref(s, model, ref, what)


# --- sessions and items ------------------------------------------------------------------------------


def cmd_session_create(args: argparse.Namespace, database: Database) -> int:
    from ecabinet.agenda.sessions import create_session

    actor = _actor(args, database)
    with database.write(actor) as s:
        created = create_session(
            s, actor, args.title, SessionKind(args.kind), parse_when(args.start), place=args.place
        )
    emit(
        args,
        created,
        lambda: print(f"Session created: {created.id} ({created.title}, {local(created.starts_at)})"),
    )
    return 0


def _transition(args: argparse.Namespace, database: Database, step: Callable[..., TransitionResult]) -> int:
    actor = _actor(args, database)
    session_id = _ref(database, CabinetSession, args.session, "session")
    with database.write(actor) as s:
        result = step(s, actor, session_id)
    params = {"days": MIN_NOTICE.days}
    for code in result.warnings:
        print(f"warning: {render(code, args.lang, params)}", file=sys.stderr)
    summary = result.summary
    emit(
        args,
        {"session": result.summary, "warnings": [render(c, args.lang, params) for c in result.warnings]},
        lambda: print(f"Session {summary.id} is now {summary.state.value}."),
    )
    return 0


def cmd_session_publish(args: argparse.Namespace, database: Database) -> int:
    from ecabinet.agenda.sessions import publish_session

    return _transition(args, database, publish_session)


def cmd_session_start(args: argparse.Namespace, database: Database) -> int:
    from ecabinet.agenda.sessions import start_session

    return _transition(args, database, start_session)


def cmd_session_close(args: argparse.Namespace, database: Database) -> int:
    from ecabinet.agenda.sessions import close_session

    return _transition(args, database, close_session)


def cmd_item_add(args: argparse.Namespace, database: Database) -> int:
    from ecabinet.agenda.items import add_item

    actor = _actor(args, database)
    session_id = _ref(database, CabinetSession, args.session, "session")
    parent_id = _ref(database, AgendaItem, args.parent, "item") if args.parent else None
    with database.write(actor) as s:
        item = add_item(
            s,
            actor,
            session_id,
            args.title,
            kind=ItemKind(args.kind),
            planned_minutes=args.minutes,
            classification=Classification(args.classification),
            parent_id=parent_id,
        )
    emit(args, item, lambda: print(f"Item added: {item.id} ({item.title})"))
    return 0


# --- dossiers ------------------------------------------------------------------------------------------


def cmd_dossier_add(args: argparse.Namespace, database: Database) -> int:
    from ecabinet.agenda.importer import import_files

    if args.title and len(args.title) != len(args.files):
        raise CliError(f"give --title once per file ({len(args.files)} files, {len(args.title)} titles)")
    actor = _actor(args, database)
    item_id = _ref(database, AgendaItem, args.item, "item")
    report = import_files(
        database,
        actor,
        item_id,
        args.files,
        titles=args.title,
        password=args.password,
        kind=DocumentKind(args.kind),
        max_bytes=args.max_mb * 1024 * 1024,
    )
    for outcome in report.outcomes:
        for notice in outcome.warnings:
            print(f"warning: {outcome.path}: {notice.text(args.lang)}", file=sys.stderr)
        if outcome.refusal is not None:
            print(f"ecabinet: {outcome.path}: {outcome.refusal.text(args.lang)}", file=sys.stderr)
    if report.stored:
        _index_with_progress(database, args)

    def human() -> None:
        for o in report.stored:
            doc = o.document
            assert doc is not None
            print(f"Stored {o.path}: «{doc.title}», {doc.page_count} pages, document {doc.id}")

    emit(args, report, human)
    return 2 if report.refused else 0


def cmd_dossier_replace(args: argparse.Namespace, database: Database) -> int:
    from ecabinet.agenda.importer import replace_from_file

    actor = _actor(args, database)
    document_id = _ref(database, Document, args.document, "document")
    result = replace_from_file(
        database,
        actor,
        document_id,
        args.file,
        args.reason,
        password=args.password,
        max_bytes=args.max_mb * 1024 * 1024,
    )
    for notice in result.warnings:
        print(f"warning: {args.file}: {notice.text(args.lang)}", file=sys.stderr)
    _index_with_progress(database, args)
    doc = result.document
    emit(
        args,
        result,
        lambda: print(f"«{doc.title}» is now version {doc.version_number} ({doc.page_count} pages)"),
    )
    return 0


def cmd_dossier_rename(args: argparse.Namespace, database: Database) -> int:
    from ecabinet.agenda.documents import update_document

    actor = _actor(args, database)
    document_id = _ref(database, Document, args.document, "document")
    with database.write(actor) as s:
        doc = update_document(s, actor, document_id, title=args.title)
    _index_with_progress(database, args)  # search finds it under its new title
    emit(args, doc, lambda: print(f"Document {doc.id} is now «{doc.title}»."))
    return 0


def cmd_dossier_set(args: argparse.Namespace, database: Database) -> int:
    from ecabinet.agenda.documents import update_document

    if args.kind is None and args.classification is None:
        raise CliError("give --kind, --classification or both")
    actor = _actor(args, database)
    document_id = _ref(database, Document, args.document, "document")
    with database.write(actor) as s:
        doc = update_document(
            s,
            actor,
            document_id,
            kind=DocumentKind(args.kind) if args.kind else None,
            classification=Classification(args.classification) if args.classification else None,
        )
    emit(
        args,
        doc,
        lambda: print(f"«{doc.title}»: kind {doc.kind.value}, classification {doc.classification.value}."),
    )
    return 0


def cmd_dossier_distribute(args: argparse.Namespace, database: Database) -> int:
    from sqlalchemy import select

    from ecabinet.agenda.documents import document_recipients, set_distribution

    if bool(args.member) == args.all:
        raise CliError("give --member (once per recipient) or --all, not both")
    actor = _actor(args, database)
    document_id = _ref(database, Document, args.document, "document")
    with database.read() as s:
        if args.all:  # every Government member in the directory, as the editor's "All members"
            query = select(Member.id).where(Member.role == Role.MEMBER, Member.active.is_(True))
            members = list(s.execute(query).scalars())
        else:
            members = [member_ref(s, ref) for ref in args.member]
    with database.write(actor) as s:
        set_distribution(s, actor, document_id, members)
        recipients = document_recipients(s, actor, document_id)

    def human() -> None:
        print(f"Document {document_id} goes to {len(recipients)} named recipients:")
        for m in recipients:
            print(f"  {m.full_name} — {m.title}")

    emit(args, {"document": document_id, "recipients": recipients}, human)
    return 0


def cmd_dossier_remove(args: argparse.Namespace, database: Database) -> int:
    from ecabinet.agenda.documents import remove_document

    actor = _actor(args, database)
    document_id = _ref(database, Document, args.document, "document")
    with database.write(actor) as s:
        removed = remove_document(s, actor, document_id)
    result = {
        "document": removed.id,
        "item": removed.item_id,
        "title": removed.title,
        "versions": len(removed.versions),
        "recipients": len(removed.distribution),
    }
    emit(
        args,
        result,
        lambda: print(
            f"Removed «{removed.title}» ({removed.id}) with {len(removed.versions)} versions; "
            "its files stay in the file store."
        ),
    )
    return 0


# --- search --------------------------------------------------------------------------------------------


def _index_with_progress(database: Database, args: argparse.Namespace) -> None:
    from ecabinet.search import index_pending

    def progress(done: int, total: int, text: str) -> None:
        if text and not args.json:
            print(f"indexing [{done + 1}/{total}] {text}", file=sys.stderr)

    report = index_pending(database, progress=progress)
    if report.failed_pages or report.failed_files:
        print(
            f"warning: text of {report.failed_pages} pages and {report.failed_files} files could not be "
            "extracted; they cannot be found by search",
            file=sys.stderr,
        )


def cmd_index(args: argparse.Namespace, database: Database) -> int:
    from ecabinet.search import index_status, reindex_all

    if args.rebuild:
        reindex_all(database)
    _index_with_progress(database, args)
    with database.read() as s:
        status = index_status(s)
    emit(args, status, lambda: print(f"Index: {status.indexed} document versions, {status.pending} waiting."))
    return 0


def cmd_search(args: argparse.Namespace, database: Database) -> int:
    from ecabinet.search import search

    if not args.no_index:  # the app indexes in the background; a command line has no background
        _index_with_progress(database, args)
    with database.read() as s:
        actor = acting_user(s, args.as_member)
        hits = search(s, actor, args.query, limit=args.limit)

    def human() -> None:
        if not hits:
            print("No documents found.")
        for h in hits:
            where = "title" if h.page is None else f"page {h.page}"
            print(f"{h.title} ({where}, v{h.version_number}) — {h.session_title} / {h.item_title}")
            print(f"    {h.snippet}")

    emit(args, hits, human)
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], groups: Groups) -> None:
    session = groups["session"]
    create = session.add_parser("create", help="a new draft session (all members invited)")
    create.add_argument("--title", required=True)
    create.add_argument("--kind", choices=[k.value for k in SessionKind], default=SessionKind.REGULAR.value)
    create.add_argument("--start", required=True, metavar="ISO8601", help="e.g. 2026-12-03T08:00+07:00")
    create.add_argument("--place", default="")
    create.set_defaults(func=cmd_session_create)
    for name, func, text in (
        ("publish", cmd_session_publish, "send the pack to the invitees (warns when late)"),
        ("start", cmd_session_start, "open the session"),
        ("close", cmd_session_close, "close the session"),
    ):
        step = session.add_parser(name, help=text)
        step.add_argument("session", metavar="SESSION", help="session id or unambiguous id prefix")
        step.set_defaults(func=func)

    item = sub.add_parser("item", help="agenda items").add_subparsers(
        dest="item_command", required=True, metavar="ACTION"
    )
    add = item.add_parser("add", help="add an item (or a sub-item with --parent) at the end of the agenda")
    add.add_argument("session", metavar="SESSION", help="session id or unambiguous id prefix")
    add.add_argument("--title", required=True)
    add.add_argument("--kind", choices=[k.value for k in ItemKind], default=ItemKind.DISCUSSION.value)
    add.add_argument("--minutes", type=int, default=15, help="planned minutes")
    add.add_argument("--parent", metavar="ITEM", help="make it a sub-item of this item")
    add.add_argument(
        "--classification", choices=[c.value for c in Classification], default=Classification.NORMAL.value
    )
    add.set_defaults(func=cmd_item_add)

    dossier = sub.add_parser("dossier", help="an item's documents").add_subparsers(
        dest="dossier_command", required=True, metavar="ACTION"
    )
    dadd = dossier.add_parser(
        "add", help="check PDF files and attach the sound ones to an item; exit 2 naming each refused file"
    )
    dadd.add_argument("item", metavar="ITEM", help="item id or unambiguous id prefix")
    dadd.add_argument("files", metavar="FILE", nargs="+")
    dadd.add_argument("--title", action="append", help="document title (once per file; default: file name)")
    dadd.add_argument("--password", help="open password of encrypted files (a decrypted copy is stored)")
    dadd.add_argument("--kind", choices=[k.value for k in DocumentKind], default=DocumentKind.OTHER.value)
    dadd.add_argument("--max-mb", type=int, default=200, help="refuse files larger than this (MB)")
    dadd.set_defaults(func=cmd_dossier_add)
    rep = dossier.add_parser("replace", help="a new version of a document, with the reason")
    rep.add_argument("document", metavar="DOCUMENT", help="document id or unambiguous id prefix")
    rep.add_argument("file", metavar="FILE")
    rep.add_argument("--reason", required=True)
    rep.add_argument("--password", help="open password of an encrypted file")
    rep.add_argument("--max-mb", type=int, default=200, help="refuse files larger than this (MB)")
    rep.set_defaults(func=cmd_dossier_replace)
    ref_help = "document id or unambiguous id prefix"
    ren = dossier.add_parser("rename", help="a new title for a document")
    ren.add_argument("document", metavar="DOCUMENT", help=ref_help)
    ren.add_argument("--title", required=True)
    ren.set_defaults(func=cmd_dossier_rename)
    dset = dossier.add_parser("set", help="change a document's kind or classification")
    dset.add_argument("document", metavar="DOCUMENT", help=ref_help)
    dset.add_argument("--kind", choices=[k.value for k in DocumentKind])
    dset.add_argument("--classification", choices=[c.value for c in Classification])
    dset.set_defaults(func=cmd_dossier_set)
    dist = dossier.add_parser(
        "distribute", help="name who receives a document (the only readers of a classified one)"
    )
    dist.add_argument("document", metavar="DOCUMENT", help=ref_help)
    dist.add_argument(
        "--member", action="append", metavar="MEMBER", help="a recipient by name, id or id prefix (repeat)"
    )
    dist.add_argument("--all", action="store_true", help="every Government member")
    dist.set_defaults(func=cmd_dossier_distribute)
    drem = dossier.add_parser("remove", help="remove a document imported by mistake (its files are kept)")
    drem.add_argument("document", metavar="DOCUMENT", help=ref_help)
    drem.set_defaults(func=cmd_dossier_remove)

    find = sub.add_parser("search", help="full-text search in the dossiers you may see (diacritics optional)")
    find.add_argument("query", metavar="QUERY", help='words (all must match); "quoted words" stand together')
    find.add_argument("--limit", type=int, default=50)
    # SUPPRESS: a subcommand default would overwrite the global `ecabinet --json search …`.
    find.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable output"
    )
    find.add_argument("--no-index", action="store_true", help="do not index new documents first")
    find.set_defaults(func=cmd_search)

    index = sub.add_parser("index", help="extract and index the text of documents not yet searchable")
    index.add_argument("--rebuild", action="store_true", help="drop the whole index and build it again")
    index.set_defaults(func=cmd_index)
