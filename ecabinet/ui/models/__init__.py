"""Item models over service results (plain dataclasses), each checked with pytest-qt's qtmodeltester."""

from PySide6.QtCore import Qt

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the record's uuid.UUID
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a value that sorts correctly (dates, counts)
