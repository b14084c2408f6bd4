"""Where: the offline gazetteer, toponyms resolved in context, and the place of each event.

:func:`geocode` resolves one name in its context; :class:`LocateEvents` is the pipeline stage
that gives each event its place. The gazetteer index is built once from the installed GeoNames
packages and our curated supplement (:func:`load_gazetteer`).
"""

from dragoman.places._build import (
    build,
    cache_dir,
    gazetteer_path,
    load_gazetteer,
    supplement_rows,
    version_key,
)
from dragoman.places._events import LocateEvents
from dragoman.places._gazetteer import Gazetteer, GazPlace, Match, place_key, skeleton
from dragoman.places._geocode import article_focus, best_feature, distance_km, geocode, variants

__all__ = [
    "GazPlace",
    "Gazetteer",
    "LocateEvents",
    "Match",
    "article_focus",
    "best_feature",
    "build",
    "cache_dir",
    "distance_km",
    "gazetteer_path",
    "geocode",
    "load_gazetteer",
    "place_key",
    "skeleton",
    "supplement_rows",
    "variants",
    "version_key",
]
