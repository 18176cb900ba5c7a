"""Board book commands: `ecabinet bookbuild SESSION --member MEMBER --out FILE.pdf`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ecabinet.cli.common import Groups, acting_user, emit, jsonable, member_ref
from ecabinet.db import Database
from ecabinet.model import CabinetSession


def cmd_bookbuild(args: argparse.Namespace, database: Database) -> int:
    from ecabinet.bookbuild import build_board_book
    from ecabinet.services.actor import resolve_ref

    with database.read() as s:
        actor = acting_user(s, args.as_member)
        session_id = resolve_ref(s, CabinetSession, args.session, "session")
        reader_id = member_ref(s, args.member)

    def progress(percent: int, text: str) -> None:
        if not args.json and not args.quiet:
            print(f"[{percent:3d}%] {text}", file=sys.stderr)

    result = build_board_book(database, actor, session_id, reader_id, Path(args.out), progress=progress)

    def human() -> None:
        print(
            f"Board book for {result.reader_name} written to {result.path}: {result.page_count} pages, "
            f"{len(result.documents)} documents, SHA-256 {result.sha256}."
        )
        if result.without_file:
            print(f"Left out (no file yet): {', '.join(result.without_file)}.")

    emit(args, {**jsonable(result), "path": str(result.path)}, human)  # jsonable() leaves Paths alone
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], groups: Groups) -> None:
    book = sub.add_parser(
        "bookbuild",
        help="compile a session's dossiers into one PDF for one reader (cover, contents, bookmarks, watermarks)",
    )
    book.add_argument("session", metavar="SESSION", help="session id or unambiguous id prefix")
    book.add_argument(
        "--member", required=True, metavar="MEMBER", help="the reader: name, id or unambiguous id prefix"
    )
    book.add_argument(
        "--out", required=True, metavar="FILE.pdf", help="where to write the PDF (replaced whole)"
    )
    book.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    book.set_defaults(func=cmd_bookbuild)
