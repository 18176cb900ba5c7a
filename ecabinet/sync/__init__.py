"""Sync by export files: signed, encrypted packages between the secretariat and members' laptops (FORMAT.md)."""

from ecabinet.sync.errors import PackageRefused  # noqa: F401
from ecabinet.sync.exporter import ExportResult, export_package  # noqa: F401
from ecabinet.sync.importer import ImportResult, import_package  # noqa: F401
