"""Reading, the whole path: inputs in, an Article or a Failure for each one out.

    source (a path, a folder, stdin, a record)      _sources.py
      -> units (a document, or the records of JSON)  _containers.py
      -> decoded text                                 _decoding.py
      -> article fields (text, HTML, record)          _fields.py, _boilerplate.py
      -> checked article                              _articles.py

What an input is decides how it is read:

* a folder: every file under it, recursively, in name order; hidden files and folders skipped;
* ``.txt``/``.text``/``.md``: plain text, named by the file's stem (inside a folder given as
  input, by its path below that folder: ``politics/001``); a short first line followed
  by a blank line is the title;
* ``.html``/``.htm``: main text and metadata by trafilatura;
* ``.json``: one record or a list of records; ``.jsonl``/``.ndjson``: one record a line (UTF-8);
* another extension: binary bytes fail, a page starting with ``<`` is HTML, the rest is text;
* ``"-"``: standard input; JSON Lines when it starts with ``{``, HTML with ``<``, else text;
* a mapping: one record, with ``id``, ``title``, ``text`` or ``html``, ``published``,
  ``publisher``, ``url``, ``language``.

A new kind of input is one more source (where its bytes come from) or one more container (how
it splits into articles). An input that cannot become an article becomes a
:class:`~dragoman.types.Failure` with its reason and the batch goes on: nothing here raises
for one bad input.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from dragoman.errors import InputError
from dragoman.ingest._articles import Result, article_of
from dragoman.ingest._containers import Unit, units
from dragoman.ingest._decoding import decode
from dragoman.ingest._sources import Input, as_inputs, files, kind_of, os_failure, sources
from dragoman.settings import Settings
from dragoman.types import Failure


def read(
    inputs: Iterable[Input] | Input,
    settings: Settings | None = None,
    stdin: TextIO | BinaryIO | None = None,
) -> Iterator[Result]:
    """Read every input in order, as an :class:`Article` or a :class:`Failure` each.

    ``"-"`` reads ``stdin`` (``sys.stdin.buffer`` when not given). A single path or record may
    be passed on its own.
    """
    settings = settings or Settings()
    for source in sources(inputs, stdin):
        if isinstance(source, Failure):
            yield source
            continue
        try:
            for unit in units(source, settings):
                yield unit if isinstance(unit, Failure) else _article(unit, settings)
        except OSError as exc:
            yield os_failure(source.origin, exc)
        except InputError as exc:
            yield Failure(source.name or source.origin, source.origin, str(exc))


def _article(unit: Unit, settings: Settings) -> Result:
    try:
        return article_of(unit, settings)
    except InputError as exc:
        return Failure(unit.name or unit.origin, unit.origin, str(exc))


def read_record(record: Mapping[str, Any], origin: str, settings: Settings) -> Result:
    """One record (a JSON object) as an article; one without an id is named by its text."""
    return _article(Unit(origin, None, "record", record), settings)


def count_inputs(inputs: Iterable[Input] | Input) -> int | None:
    """How many results :func:`read` will yield, when that is cheap to know, else ``None``.

    Standard input and one-shot iterators cannot be counted without using them up.
    """
    if not isinstance(inputs, str | os.PathLike | Mapping) and iter(inputs) is inputs:
        return None
    total = 0
    for item in as_inputs(inputs):
        if isinstance(item, Mapping):
            total += 1
        elif os.fspath(item) == "-":
            return None
        else:
            found = files(Path(item))
            total += sum(1 if error else _count_file(path) for path, error in found)
    return total


def _count_file(path: Path) -> int:
    kind = kind_of(path)
    try:
        if kind == "jsonl":
            with path.open("rb") as handle:
                return max(1, sum(1 for line in handle if line.strip()))
        if kind == "json":
            value = json.loads(decode(path.read_bytes()))
            return max(1, len(value)) if isinstance(value, list) else 1
    except (OSError, InputError, ValueError):
        return 1
    return 1
