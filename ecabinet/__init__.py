"""e-Cabinet: paperless cabinet sessions (phiên họp Chính phủ không giấy)."""

__version__ = "0.1.0"
