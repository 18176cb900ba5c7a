"""The reader's preferences: where its windows were, and where board books were last saved."""

from __future__ import annotations

from PySide6.QtCore import QByteArray

from ecabinet.ui.settings import Option

READER_GEOMETRY = Option("reader/geometry", QByteArray())
READER_STATE = Option("reader/state", QByteArray())  # the side panels: shown or hidden, their widths
BOOK_FOLDER = Option("bookbuild/folder", "")  # the folder the last board book was saved in
