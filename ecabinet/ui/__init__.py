"""The Qt desktop interface. Qt is imported only under this package; it calls services, never the model directly."""

import os

# qtawesome goes through qtpy, which would pick PyQt5 first when present; we only ship PySide6.
os.environ.setdefault("QT_API", "pyside6")
