"""Bộ tài liệu — a session's dossiers compiled into one PDF for one reader (cover, contents, bookmarks, stamps)."""

from ecabinet.bookbuild.build import (
    BoardBookResult,
    BookEntry,
    Cancelled,
    Progress,
    build_board_book,
)
from ecabinet.bookbuild.plan import BookPlan, plan_board_book

__all__ = [
    "BoardBookResult",
    "BookEntry",
    "BookPlan",
    "Cancelled",
    "Progress",
    "build_board_book",
    "plan_board_book",
]
