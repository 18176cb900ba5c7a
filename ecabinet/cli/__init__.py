"""The `ecabinet` command: thin — parse, open one unit of work, call services, print.

Each area has its module with a `register(sub, groups)` function; `COMMAND_MODULES` lists them.
Exit 0 on success, 2 on a refused or invalid request with a one-line reason on stderr.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from ecabinet import __version__
from ecabinet.cli.common import CliError, Groups
from ecabinet.db import Database, open_database
from ecabinet.errors import DomainError

COMMAND_MODULES = (
    "ecabinet.cli.core",
    "ecabinet.cli.dossiers",
    "ecabinet.cli.books",
    "ecabinet.cli.voting",
    "ecabinet.cli.sync",
    "ecabinet.cli.minutes",
)


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
    parser.add_argument("--lang", choices=("vi", "en"), default="en", help="language of messages")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    groups: Groups = {}
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub, groups)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    database: Database | None = None
    try:
        database = open_database(args.home, args.db)
        return int(args.func(args, database))
    except DomainError as exc:
        print(f"ecabinet: {exc.message(args.lang)}", file=sys.stderr)
        return exc.exit_code
    except CliError as exc:
        print(f"ecabinet: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"ecabinet: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("ecabinet: interrupted; the unfinished step changed nothing", file=sys.stderr)
        return 130
    finally:
        if database is not None:
            database.close()
