"""Readers: paths, folders, standard input and records in; an Article or a Failure per input out.

What an input is decides how it is read:

* a folder: every file under it, recursively, in name order; hidden files and folders skipped;
* ``.txt``/``.text``/``.md``: plain text, named by the file's stem (inside a folder given as
  input, by its path below that folder: ``politics/001``); a short first line followed
  by a blank line is the title;
* ``.html``/``.htm``: main text and metadata by trafilatura (:mod:`dragoman.ingest._boilerplate`);
* ``.json``: one record or a list of records; ``.jsonl``/``.ndjson``: one record a line (UTF-8);
* another extension: binary bytes fail, a page starting with ``<`` is HTML, the rest is text;
* ``"-"``: standard input; JSON Lines when it starts with ``{``, HTML with ``<``, else text;
* a mapping: one record, with ``id``, ``title``, ``text`` or ``html``, ``published``,
  ``publisher``, ``url``, ``language``.

Text goes through :func:`~dragoman.ingest.strip_boilerplate`. An input that cannot become an
article becomes a :class:`~dragoman.types.Failure` with its reason and the batch goes on: nothing
here raises for one bad input.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from dragoman.errors import InputError
from dragoman.ingest._boilerplate import html_to_article_fields, strip_boilerplate
from dragoman.ingest._decoding import decode, refuse_binary
from dragoman.ingest._records import (
    Result,
    checked_article,
    hashed_id,
    parse_published,
    read_json_document,
    read_jsonl,
    record_result,
)
from dragoman.settings import Settings
from dragoman.types import Failure

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
#: A first line this long or longer is a paragraph, not a title.
MAX_TITLE_CHARS = 200
#: UTF-8 takes at most 4 bytes a character: a bigger text file is too long without reading it all.
MAX_BYTES_PER_CHAR = 4

Input = str | os.PathLike[str] | Mapping[str, Any]


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
            root = Path(item)
            for path, error in _files(root):
                if error is None:
                    yield from _read_file(path, settings, _name(root, path))
                else:
                    yield _os_failure(path, error)


def read_record(record: Mapping[str, Any], origin: str, settings: Settings) -> Result:
    """One record (a JSON object) as an article; one without an id is named by its text."""
    return record_result(record, origin, settings, None, "the record")


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


def _name(root: Path, path: Path) -> str:
    """A file's article id: its name without extension, with its sub-folder inside a folder
    given as input ("politics/001"), so that two files of the same name stay two articles."""
    if path == root or not root.is_dir():
        return path.stem
    return path.relative_to(root).with_suffix("").as_posix()


def _read_file(path: Path, settings: Settings, stem: str | None = None) -> Iterator[Result]:
    suffix, origin = path.suffix.lower(), str(path)
    stem = stem or path.stem
    try:
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as handle:
                yield from read_jsonl(handle, stem, origin, settings)
        elif suffix in JSON_SUFFIXES:
            yield from read_json_document(decode(path.read_bytes()), stem, origin, settings)
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
        yield from read_jsonl(itertools.chain(head, lines), "stdin", "stdin", settings)
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
        refuse_binary(data)
        data = decode(data)
    if kind is None and data.lstrip().startswith("<"):
        return _html_article(data, article_id, origin, settings)
    text = strip_boilerplate(data)
    article_id = article_id or hashed_id("stdin", text)
    return checked_article(text, article_id, origin, settings, title=_title_line(text))


def _html_article(
    page: bytes | str, article_id: str | None, origin: str, settings: Settings
) -> Result:
    if isinstance(page, bytes):
        with contextlib.suppress(InputError):  # else trafilatura reads the page's own charset
            page = decode(page)
    fields = html_to_article_fields(page)
    text = fields.pop("text")
    fields["published"] = parse_published(fields["published"], origin)
    return checked_article(text, article_id or hashed_id("stdin", text), origin, settings, **fields)


def _title_line(text: str) -> str | None:
    """The first line, when it is short and a blank line follows it."""
    first, _, rest = text.partition("\n")
    following, _, body = rest.partition("\n")
    title = first.strip()
    if title and len(title) < MAX_TITLE_CHARS and not following.strip() and body.strip():
        return title
    return None
