"""Readers: paths, folders, standard input and records in; an Article or a Failure per input out.

What an input is decides how it is read:

* a folder: every file under it, recursively, in name order; hidden files and folders skipped;
* ``.txt``/``.text``/``.md``: plain text, named by the file's stem; a short first line followed
  by a blank line is the title;
* ``.html``/``.htm``: main text and metadata by trafilatura (:mod:`dragoman.cleaning`);
* ``.json``: one record or a list of records; ``.jsonl``/``.ndjson``: one record a line (UTF-8);
* another extension: binary bytes fail, a page starting with ``<`` is HTML, the rest is text;
* ``"-"``: standard input; JSON Lines when it starts with ``{``, HTML with ``<``, else text;
* a mapping: one record, with ``id``, ``title``, ``text`` or ``html``, ``published``,
  ``publisher``, ``url``, ``language``.

Text goes through :func:`~dragoman.cleaning.strip_boilerplate`. An input that cannot become an
article becomes a :class:`~dragoman.types.Failure` with its reason and the batch goes on: nothing
here raises for one bad input.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import logging
import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, BinaryIO, TextIO

import dateparser

from dragoman.cleaning import html_to_article_fields, strip_boilerplate
from dragoman.decoding import decode, refuse_binary
from dragoman.errors import InputError
from dragoman.settings import Settings
from dragoman.types import Article, Failure

log = logging.getLogger(__name__)

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
#: A first line this long or longer is a paragraph, not a title.
MAX_TITLE_CHARS = 200
#: How much of a failed input its Failure keeps for inspection.
RAW_CHARS = 2000
#: UTF-8 takes at most 4 bytes a character: a bigger text file is too long without reading it all.
MAX_BYTES_PER_CHAR = 4
_RECORD_FIELDS = ("title", "publisher", "url", "language")

Input = str | os.PathLike[str] | Mapping[str, Any]
Result = Article | Failure


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
    for item in _as_inputs(inputs):
        if isinstance(item, Mapping):
            yield read_record(item, "record", settings)
        elif os.fspath(item) == "-":
            yield from _read_stream(sys.stdin.buffer if stdin is None else stdin, settings)
        else:
            for path, error in _files(Path(item)):
                if error is None:
                    yield from _read_file(path, settings)
                else:
                    yield _os_failure(path, error)


def read_record(record: Mapping[str, Any], origin: str, settings: Settings) -> Result:
    """One record (a JSON object) as an article; one without an id is named by its text."""
    return _record(record, origin, settings, None, "the record")


def count_inputs(inputs: Iterable[Input] | Input) -> int | None:
    """How many results :func:`read` will yield, when that is cheap to know, else ``None``.

    Standard input and one-shot iterators cannot be counted without using them up.
    """
    if not isinstance(inputs, str | os.PathLike | Mapping) and iter(inputs) is inputs:
        return None
    total = 0
    for item in _as_inputs(inputs):
        if isinstance(item, Mapping):
            total += 1
        elif os.fspath(item) == "-":
            return None
        else:
            files = _files(Path(item))
            total += sum(1 if error else _count_file(path) for path, error in files)
    return total


def _as_inputs(inputs: Iterable[Input] | Input) -> Iterable[Input]:
    return [inputs] if isinstance(inputs, str | os.PathLike | Mapping) else inputs


def _files(path: Path) -> Iterator[tuple[Path, OSError | None]]:
    """A file itself, or the files under a folder; a folder that cannot be listed, with why."""
    if path.is_dir():
        yield from _walk(path, set())
    else:
        yield path, None


def _walk(folder: Path, seen: set[Path]) -> Iterator[tuple[Path, OSError | None]]:
    try:
        real = folder.resolve()
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        yield folder, exc
        return
    if real in seen:  # a link back up the tree
        return
    seen.add(real)
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(Path(entry.path), seen)
        else:
            yield Path(entry.path), None


def _count_file(path: Path) -> int:
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as handle:
                return max(1, sum(1 for line in handle if line.strip()))
        if suffix in JSON_SUFFIXES:
            value = json.loads(decode(path.read_bytes()))
            return max(1, len(value)) if isinstance(value, list) else 1
    except (OSError, InputError, ValueError):
        return 1
    return 1


def _read_file(path: Path, settings: Settings) -> Iterator[Result]:
    suffix, stem, origin = path.suffix.lower(), path.stem, str(path)
    try:
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as handle:
                yield from _jsonl(handle, stem, origin, settings)
        elif suffix in JSON_SUFFIXES:
            yield from _json_document(decode(path.read_bytes()), stem, origin, settings)
        elif suffix in HTML_SUFFIXES:
            yield _document("html", path.read_bytes(), stem, origin, settings)
        else:
            kind = "text" if suffix in TEXT_SUFFIXES else None
            yield _document(kind, _read_text_bytes(path, settings), stem, origin, settings)
    except OSError as exc:
        yield _os_failure(path, exc)
    except InputError as exc:
        yield Failure(stem, origin, str(exc))


def _read_text_bytes(path: Path, settings: Settings) -> bytes:
    limit = settings.max_chars * MAX_BYTES_PER_CHAR
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise InputError(
            f"too long: over {limit} bytes, more than {settings.max_chars} characters "
            "(setting max_chars)"
        )
    return data


def _os_failure(path: Path, error: OSError) -> Failure:
    return Failure(path.stem or str(path), str(path), f"cannot read: {error.strerror or error}")


def _read_stream(stream: TextIO | BinaryIO, settings: Settings) -> Iterator[Result]:
    """Standard input: JSON Lines, read as they come, or one text or HTML document."""
    lines: Iterator[Any] = iter(stream)
    head: list[Any] = []
    for line in lines:
        head.append(line)
        if line.strip():
            break
    if head and _first_char(head[-1]) == "{":
        yield from _jsonl(itertools.chain(head, lines), "stdin", "stdin", settings)
        return
    rest = [*head, *lines]
    data = b"".join(rest) if rest and isinstance(rest[0], bytes) else "".join(rest)
    try:
        yield _document(None, data, None, "stdin", settings)
    except InputError as exc:
        yield Failure("stdin", "stdin", str(exc))


def _first_char(line: bytes | str) -> str:
    text = line.decode("utf-8", "replace") if isinstance(line, bytes) else line
    return text.lstrip("\ufeff").lstrip()[:1]


def _document(
    kind: str | None, data: bytes | str, article_id: str | None, origin: str, settings: Settings
) -> Result:
    """One article from a whole document, named ``stdin-<hash>`` when ``article_id`` is None.

    ``kind`` None sniffs: binary bytes are refused, a document starting with ``<`` is HTML.
    """
    if kind == "html":
        return _html_article(data, article_id, origin, settings)
    if isinstance(data, bytes):
        if kind is None:
            refuse_binary(data)
        data = decode(data)
    if kind is None and data.lstrip().startswith("<"):
        return _html_article(data, article_id, origin, settings)
    text = strip_boilerplate(data)
    article_id = article_id or _hashed_id("stdin", text)
    return _article(text, article_id, origin, settings, title=_title_line(text))


def _html_article(
    page: bytes | str, article_id: str | None, origin: str, settings: Settings
) -> Result:
    if isinstance(page, bytes):
        with contextlib.suppress(InputError):  # else trafilatura reads the page's own charset
            page = decode(page)
    fields = html_to_article_fields(page)
    text = fields.pop("text")
    fields["published"] = parse_published(fields["published"], origin)
    return _article(text, article_id or _hashed_id("stdin", text), origin, settings, **fields)


def _title_line(text: str) -> str | None:
    """The first line, when it is short and a blank line follows it."""
    first, _, rest = text.partition("\n")
    following, _, body = rest.partition("\n")
    title = first.strip()
    if title and len(title) < MAX_TITLE_CHARS and not following.strip() and body.strip():
        return title
    return None


def _jsonl(
    lines: Iterable[bytes | str], stem: str, origin: str, settings: Settings
) -> Iterator[Result]:
    """One result a non-blank line; a bad line is a Failure and the next one is read."""
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
            yield Failure(line_id, line_origin, reason, raw=text[:RAW_CHARS])
            continue
        yield _record(value, line_origin, settings, line_id, f"the record on line {number}")
    if not found:
        yield Failure(stem, origin, "empty: no records")


def _json_document(text: str, stem: str, origin: str, settings: Settings) -> Iterator[Result]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise InputError(f"malformed JSON: {exc.msg} ({where})") from None
    if not isinstance(value, list):
        yield _record(value, origin, settings, stem, "the record")
        return
    if not value:
        raise InputError("empty: the JSON list holds no records")
    for number, item in enumerate(value, start=1):
        where = f"record {number} of the list"
        yield _record(item, f"{origin}:{number}", settings, f"{stem}-{number}", where)


def _record(
    record: Any, origin: str, settings: Settings, default_id: str | None, where: str
) -> Result:
    if not isinstance(record, Mapping):
        reason = f"{where} is a JSON {_json_type(record)}, not an object"
        return Failure(default_id or "record", origin, reason, raw=str(record)[:RAW_CHARS])
    raw_id = record.get("id", record.get("article_id"))
    article_id = default_id if raw_id is None or raw_id == "" else str(raw_id)
    text, html = record.get("text"), record.get("html")
    problem = None
    if text is None and html is None:
        problem = f"{where} has no 'text' or 'html' field"
    for name, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            problem = f"{where}: field {name!r} must be a string, not a JSON {_json_type(value)}"
    if problem:
        dump = json.dumps(record, sort_keys=True, default=str)
        return Failure(article_id or _hashed_id("rec", dump), origin, problem, raw=dump[:RAW_CHARS])
    if html and not (text and text.strip()):
        fields = html_to_article_fields(html)
    else:
        fields = {"text": strip_boilerplate(text or "")}
    kept = fields.pop("text")
    meta = {name: _text_field(record.get(name)) or fields.get(name) for name in _RECORD_FIELDS}
    published = parse_published(record.get("published") or fields.get("published"), origin)
    article_id = article_id or _hashed_id("rec", kept)
    return _article(kept, article_id, origin, settings, published=published, **meta)


def _article(text: str, article_id: str, origin: str, settings: Settings, **meta: Any) -> Result:
    """The article, unless its kept text is empty, too short or too long."""
    size = len(text.strip())
    if size == 0:
        reason = "empty: no article text"
    elif size < settings.min_chars:
        reason = f"too short: {size} characters of text, need at least {settings.min_chars}"
    elif len(text) > settings.max_chars:
        reason = (
            f"too long: {len(text)} characters, the limit is {settings.max_chars} "
            "(setting max_chars)"
        )
    else:
        return Article(article_id=article_id, text=text, origin=origin, **meta)
    return Failure(article_id, origin, reason, raw=text[:RAW_CHARS] or None)


def parse_published(value: object, origin: str = "") -> date | None:
    """A publication date from ISO 8601, RFC 2822 or, failing those, dateparser (English).

    An unreadable date is logged and left out: it does not fail the article.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    with contextlib.suppress(ValueError):
        return datetime.fromisoformat(text).date()
    with contextlib.suppress(TypeError, ValueError):
        return parsedate_to_datetime(text).date()
    parsed = dateparser.parse(text, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})
    if parsed is None:
        log.warning("%s: cannot read the published date %r; leaving it out", origin, text)
        return None
    return parsed.date()


def _text_field(value: Any) -> str | None:
    if value is None:
        return None
    return str(value).strip() or None


def _hashed_id(prefix: str, text: str) -> str:
    return f"{prefix}-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]}"


def _json_type(value: Any) -> str:
    if isinstance(value, bool | int | float):
        return "boolean" if isinstance(value, bool) else "number"
    names = {dict: "object", list: "array", str: "string", type(None): "null"}
    return names.get(type(value), type(value).__name__)
