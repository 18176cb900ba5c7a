"""Adapters for bytes on disk: the content-addressed file store and atomic writes."""
