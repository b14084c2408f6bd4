"""Our shipped tables, read in one place: countries and organizations.

``data/countries.tsv`` holds one row a country (ISO alpha-3 ``iso3``, ``name``, and
``|``-separated ``aliases``, ``demonyms``, ``capitals`` and ``seats`` of government);
``data/organizations.tsv`` one row a body (``actor_id``, ``name``, ``aliases``, ``country``,
``sector``). The actor base and the gazetteer both read them through these functions.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

Row = dict[str, str]


def split_cell(cell: str | None) -> list[str]:
    """A ``|``-separated cell as a list, blanks dropped."""
    return [x.strip() for x in (cell or "").split("|") if x.strip()]


def _rows(name: str) -> tuple[Row, ...]:
    with resources.files("dragoman").joinpath("data", name).open(encoding="utf-8") as fh:
        return tuple(dict(row) for row in csv.DictReader(fh, delimiter="\t"))


@lru_cache(maxsize=1)
def countries() -> tuple[Row, ...]:
    """The rows of ``data/countries.tsv``."""
    return _rows("countries.tsv")


@lru_cache(maxsize=1)
def organizations() -> tuple[Row, ...]:
    """The rows of ``data/organizations.tsv``."""
    return _rows("organizations.tsv")
