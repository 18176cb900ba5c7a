"""The data model: SQLAlchemy 2 typed entities, enums and the declarative base. No Qt."""

from ecabinet.model.base import Base, Entity, utcnow  # noqa: F401
from ecabinet.model.entities import *  # noqa: F403
from ecabinet.model.enums import *  # noqa: F403
from ecabinet.model.minutes import Minutes, MinutesItemText, MinutesState, MinutesVersion  # noqa: F401
from ecabinet.model.reading import PrivateNote  # noqa: F401
from ecabinet.model.search import SearchPage, SearchVersion  # noqa: F401
from ecabinet.model.sync import *  # noqa: F403
