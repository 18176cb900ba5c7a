"""Full-text search over dossiers: diacritic-insensitive, limited to what the acting user may see."""

from ecabinet.search.index import (  # noqa: F401
    IndexCancelled,
    IndexReport,
    IndexStatus,
    extract_pages,
    index_pending,
    index_status,
    index_text,
    reindex_all,
)
from ecabinet.search.normalize import normalize, tokens  # noqa: F401
from ecabinet.search.service import HIT_END, HIT_START, SearchHit, parse_query, search  # noqa: F401
