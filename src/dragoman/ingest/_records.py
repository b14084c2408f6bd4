"""Records and fields to articles: JSON objects, lists of them and JSON Lines; ids, published
dates, and the length limits every article must meet.

A record has the fields ``id`` (or ``article_id``), ``title``, ``text`` or ``html``, ``published``,
``publisher``, ``url`` and ``language``. Every function returns a
:class:`~dragoman.types.Failure` for a bad record and goes on with the next.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import dateparser

from dragoman.errors import InputError
from dragoman.ingest._boilerplate import html_to_article_fields, strip_boilerplate
from dragoman.ingest._decoding import decode
from dragoman.settings import Settings
from dragoman.types import Article, Failure

log = logging.getLogger(__name__)

#: How much of a failed input its Failure keeps for inspection.
RAW_CHARS = 2000
_RECORD_FIELDS = ("title", "publisher", "url", "language")

Result = Article | Failure


def read_jsonl(
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
            yield Failure(line_id, line_origin, reason, raw=text.rstrip()[:RAW_CHARS])
            continue
        yield record_result(value, line_origin, settings, line_id, f"the record on line {number}")
    if not found:
        yield Failure(stem, origin, "empty: no records")


def read_json_document(text: str, stem: str, origin: str, settings: Settings) -> Iterator[Result]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise InputError(f"malformed JSON: {exc.msg} ({where})") from None
    if not isinstance(value, list):
        yield record_result(value, origin, settings, stem, "the record")
        return
    if not value:
        raise InputError("empty: the JSON list holds no records")
    for number, item in enumerate(value, start=1):
        where = f"record {number} of the list"
        yield record_result(item, f"{origin}:{number}", settings, f"{stem}-{number}", where)


def record_result(
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
        return Failure(article_id or hashed_id("rec", dump), origin, problem, raw=dump[:RAW_CHARS])
    if html and not (text and text.strip()):
        fields = html_to_article_fields(html)
    else:
        fields = {"text": strip_boilerplate(text or "")}
    kept = fields.pop("text")
    meta = {name: _text_field(record.get(name)) or fields.get(name) for name in _RECORD_FIELDS}
    published = parse_published(record.get("published") or fields.get("published"), origin)
    article_id = article_id or hashed_id("rec", kept)
    return checked_article(kept, article_id, origin, settings, published=published, **meta)


def checked_article(
    text: str, article_id: str, origin: str, settings: Settings, **meta: Any
) -> Result:
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


def hashed_id(prefix: str, text: str) -> str:
    return f"{prefix}-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]}"


def _json_type(value: Any) -> str:
    if isinstance(value, bool | int | float):
        return "boolean" if isinstance(value, bool) else "number"
    names = {dict: "object", list: "array", str: "string", type(None): "null"}
    return names.get(type(value), type(value).__name__)
