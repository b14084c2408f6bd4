"""When: time expressions resolved against the publication date, and the date of each event.

:func:`resolve_date` reads one expression ("at the end of last week", "in July") into a
:class:`~dragoman.types.DateRange`; :class:`DateEvents` is the pipeline stage that dates events.
"""

from dragoman.dates._events import DateEvents, tense_of
from dragoman.dates._expressions import Tense, find_expressions, resolve_date

__all__ = ["DateEvents", "Tense", "find_expressions", "resolve_date", "tense_of"]
