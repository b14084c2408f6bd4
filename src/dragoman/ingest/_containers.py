"""Step 2 of reading: one source, one or many articles' worth of input.

A text or HTML file is one :class:`Unit`; a JSON Lines file or stream is one a line, a JSON file
one a record of its list (or its one record); standard input is JSON Lines when its first line
opens an object, else one document. A line that is not JSON, or not UTF-8, is a Failure named
after its line, and the next line is read.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from dragoman.errors import InputError
from dragoman.ingest._decoding import decode
from dragoman.ingest._sources import Source
from dragoman.settings import Settings
from dragoman.types import Failure

#: How much of a failed input its Failure keeps for inspection.
RAW_CHARS = 2000


@dataclass(frozen=True, slots=True)
class Unit:
    """One article's worth of input: a record, or a whole text or HTML document."""

    origin: str  # the file, "file:3" for the third record of a file, "stdin", "record"
    name: str | None  # the article id unless the record gives one; None: a hash of the text
    kind: str | None  # text, html, record; None: HTML when it starts with "<", else text
    content: Any  # bytes or text of a document; the parsed JSON value of a record
    where: str = "the record"  # how a failure names a record ("the record on line 3")


def units(source: Source, settings: Settings) -> Iterator[Unit | Failure]:
    """The units of one source, in order."""
    stem = source.name or source.origin
    if source.kind == "record":
        yield Unit(source.origin, None, "record", source.record)
    elif source.kind == "jsonl":
        yield from json_lines(source.lines(), stem, source.origin)
    elif source.kind == "json":
        yield from json_document(decode(source.read()), stem, source.origin)
    elif source.stream is not None:
        yield from _stream(source)
    elif source.kind == "html":
        yield Unit(source.origin, source.name, "html", source.read())
    else:
        yield Unit(source.origin, source.name, source.kind, source.read(settings.max_chars))


def json_lines(lines: Iterable[bytes | str], stem: str, origin: str) -> Iterator[Unit | Failure]:
    """One unit a non-blank line, named ``<stem>-<line>`` unless the record has an id."""
    found = False
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        found = True
        line_id, line_origin = f"{stem}-{number}", f"{origin}:{number}"
        try:
            text = decode(line) if isinstance(line, bytes) else line.lstrip("\ufeff")
            value = json.loads(text)
        except InputError as exc:
            yield Failure(line_id, line_origin, f"line {number}: {exc}")
            continue
        except json.JSONDecodeError as exc:
            reason = f"malformed JSON on line {number}: {exc.msg} (column {exc.colno})"
            yield Failure(line_id, line_origin, reason, raw=text.rstrip()[:RAW_CHARS])
            continue
        yield Unit(line_origin, line_id, "record", value, f"the record on line {number}")
    if not found:
        yield Failure(stem, origin, "empty: no records")


def json_document(text: str, stem: str, origin: str) -> Iterator[Unit]:
    """A JSON file's one record, or one unit a record of its list (``<stem>-<n>``)."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise InputError(f"malformed JSON: {exc.msg} ({where})") from None
    if not isinstance(value, list):
        yield Unit(origin, stem, "record", value)
        return
    if not value:
        raise InputError("empty: the JSON list holds no records")
    for number, item in enumerate(value, start=1):
        where = f"record {number} of the list"
        yield Unit(f"{origin}:{number}", f"{stem}-{number}", "record", item, where)


def _stream(source: Source) -> Iterator[Unit | Failure]:
    """Standard input: JSON Lines, read as they come, or one text or HTML document."""
    lines = source.lines()
    head: list[bytes | str] = []
    for line in lines:
        head.append(line)
        if line.strip():
            break
    if head and _first_char(head[-1]) == "{":
        yield from json_lines(itertools.chain(head, lines), source.origin, source.origin)
        return
    rest = [*head, *lines]
    data: bytes | str
    if rest and isinstance(rest[0], bytes):
        data = b"".join(x for x in rest if isinstance(x, bytes))
    else:
        data = "".join(x for x in rest if isinstance(x, str))
    yield Unit(source.origin, None, None, data)


def _first_char(line: bytes | str) -> str:
    text = line.decode("utf-8", "replace") if isinstance(line, bytes) else line
    return text.lstrip("\ufeff").lstrip()[:1]
