"""Build board book…: the entry point for the session screens. The dialog lives with the reader
(`ecabinet/ui/reader/bookbuild.py`), whose translation catalog holds its strings."""

from ecabinet.ui.reader.bookbuild import BookBuildDialog, show_bookbuild_dialog

__all__ = ["BookBuildDialog", "show_bookbuild_dialog"]
