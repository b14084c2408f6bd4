"""dragoman: who did what to whom, where, when, according to whom — from news, as PLOVER events."""

from dragoman.actors import import_actors, resolve_actor
from dragoman.api import (
    IngestSummary,
    events,
    export,
    extract,
    failures,
    ingest,
    mentions,
    sample_path,
    standard_pipeline,
    stats,
)
from dragoman.dates import resolve_date
from dragoman.errors import (
    ConfigError,
    DragomanError,
    InputError,
    MigrationError,
    ModelError,
    StoreError,
)
from dragoman.places import geocode
from dragoman.settings import Settings, load_settings
from dragoman.types import Actor, Article, Claim, DateRange, Event, Failure, Mention, Place, Source

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "Claim",
    "ConfigError",
    "DateRange",
    "DragomanError",
    "Event",
    "Failure",
    "IngestSummary",
    "InputError",
    "Mention",
    "MigrationError",
    "ModelError",
    "Place",
    "Settings",
    "Source",
    "StoreError",
    "events",
    "export",
    "extract",
    "failures",
    "geocode",
    "import_actors",
    "ingest",
    "load_settings",
    "mentions",
    "resolve_actor",
    "resolve_date",
    "sample_path",
    "standard_pipeline",
    "stats",
]
