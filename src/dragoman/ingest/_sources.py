"""Step 1 of reading: where inputs come from. Paths, folders, standard input and records.

:func:`sources` turns what the caller gives (paths, folders, ``"-"``, mappings) into
:class:`Source` records, one a file, a stream or a record, each with its origin, the article id
it gives and the kind its name says. This is the only module that opens files or reads standard
input; :meth:`Source.lines` and :meth:`Source.read` hand the bytes to the next step.

A folder is read recursively in name order, hidden files and folders skipped, a link back up
the tree followed once; a file inside a folder given as input is named by its path below it
(``politics/001``), so that two files of the same name stay two articles.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from dragoman.errors import InputError
from dragoman.types import Failure

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
#: UTF-8 takes at most 4 bytes a character: a bigger text file is too long without reading it all.
MAX_BYTES_PER_CHAR = 4

Input = str | os.PathLike[str] | Mapping[str, Any]


def kind_of(path: Path) -> str | None:
    """What a file's extension says it holds: text, html, json, jsonl, or None (sniff it)."""
    suffix = path.suffix.lower()
    for kind, suffixes in (
        ("text", TEXT_SUFFIXES),
        ("html", HTML_SUFFIXES),
        ("json", JSON_SUFFIXES),
        ("jsonl", JSONL_SUFFIXES),
    ):
        if suffix in suffixes:
            return kind
    return None


@dataclass(frozen=True, slots=True)
class Source:
    """One input: a file, a stream or a record, before anything is read from it."""

    origin: str  # the file's path, "stdin" or "record"
    name: str | None  # the article id it gives; None: named by a hash of its text
    kind: str | None  # text, html, json, jsonl, record; None: sniffed from the content
    path: Path | None = None
    stream: TextIO | BinaryIO | None = None
    record: Mapping[str, Any] | None = None

    def lines(self) -> Iterator[bytes | str]:
        """The lines of a file or stream, read as they are used."""
        if self.stream is not None:
            yield from self.stream
        elif self.path is not None:
            with self.path.open("rb") as handle:
                yield from handle

    def read(self, max_chars: int | None = None) -> bytes:
        """A file's bytes; over ``max_chars`` characters' worth raises InputError unread."""
        if self.path is None:
            raise InputError(f"{self.origin} is not a file")
        if max_chars is None:
            return self.path.read_bytes()
        limit = max_chars * MAX_BYTES_PER_CHAR
        with self.path.open("rb") as handle:
            data = handle.read(limit + 1)
        if len(data) > limit:
            raise InputError(
                f"too long: over {limit} bytes, more than {max_chars} characters "
                "(setting max_chars)"
            )
        return data


def as_inputs(inputs: Iterable[Input] | Input) -> Iterable[Input]:
    """A single path or record as a list of one; anything else as it is."""
    return [inputs] if isinstance(inputs, str | os.PathLike | Mapping) else inputs


def sources(
    inputs: Iterable[Input] | Input, stdin: TextIO | BinaryIO | None = None
) -> Iterator[Source | Failure]:
    """Every input as a :class:`Source`; a folder that cannot be listed as a Failure."""
    for item in as_inputs(inputs):
        if isinstance(item, Mapping):
            yield Source("record", None, "record", record=item)
        elif os.fspath(item) == "-":
            yield Source("stdin", None, None, stream=sys.stdin.buffer if stdin is None else stdin)
        else:
            root = Path(item)
            for path, error in files(root):
                if error is None:
                    yield Source(str(path), _name(root, path), kind_of(path), path=path)
                else:
                    yield os_failure(str(path), error)


def files(path: Path) -> Iterator[tuple[Path, OSError | None]]:
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


def _name(root: Path, path: Path) -> str:
    """A file's article id: its name without extension, with its sub-folder inside a folder
    given as input ("politics/001")."""
    if path == root or not root.is_dir():
        return path.stem
    return path.relative_to(root).with_suffix("").as_posix()


def os_failure(origin: str, error: OSError) -> Failure:
    """A file or folder that cannot be read, named by its file name."""
    return Failure(Path(origin).stem or origin, origin, f"cannot read: {error.strerror or error}")
