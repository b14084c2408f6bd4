"""Reading: inputs (paths, folders, standard input, records) to checked articles or failures.

:func:`read` yields an :class:`~dragoman.types.Article` or a :class:`~dragoman.types.Failure`
for every input and never raises for one bad input.
"""

from dragoman.ingest._articles import Result
from dragoman.ingest._boilerplate import html_to_article_fields, strip_boilerplate
from dragoman.ingest._decoding import decode, refuse_binary
from dragoman.ingest._fields import parse_published
from dragoman.ingest._readers import count_inputs, read, read_record
from dragoman.ingest._sources import Input

__all__ = [
    "Input",
    "Result",
    "count_inputs",
    "decode",
    "html_to_article_fields",
    "parse_published",
    "read",
    "read_record",
    "refuse_binary",
    "strip_boilerplate",
]
