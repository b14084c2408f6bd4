"""Step 4 of reading: an article's fields from a decoded document or a record.

Plain text keeps its body as it was, less footer blocks (:func:`text_fields`; a short first
line followed by a blank line is the title); HTML gives its main text and metadata through
trafilatura (:func:`html_fields`); a record (a JSON object) gives ``id`` (or ``article_id``),
``title``, ``text`` or ``html``, ``published``, ``publisher``, ``url`` and ``language``
(:func:`record_fields`). Publication dates are read by :func:`parse_published`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
from collections.abc import Mapping
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import dateparser

from dragoman.ingest._boilerplate import html_to_article_fields, strip_boilerplate

log = logging.getLogger(__name__)

#: A first line this long or longer is a paragraph, not a title.
MAX_TITLE_CHARS = 200
RECORD_FIELDS = ("title", "publisher", "url", "language")

Fields = dict[str, Any]


class BadRecord(ValueError):
    """A record that cannot give an article: ``problem`` says why, ``dump`` what it held;
    ``article_id`` is its own id, ``fallback`` the name to use when nothing else names it."""

    def __init__(self, problem: str, dump: str, article_id: str | None, fallback: str) -> None:
        super().__init__(problem)
        self.problem, self.dump = problem, dump
        self.article_id, self.fallback = article_id, fallback


def text_fields(text: str) -> Fields:
    """A plain text's kept body and its title line."""
    kept = strip_boilerplate(text)
    return {"text": kept, "title": _title_line(kept)}


def html_fields(page: str | bytes, origin: str) -> Fields:
    """An HTML page's main text, title, publication date, publisher, language and URL."""
    fields = html_to_article_fields(page)
    fields["published"] = parse_published(fields["published"], origin)
    return fields


def record_fields(record: Any, origin: str, where: str) -> tuple[str | None, Fields]:
    """A record's own id (None when it has none) and its fields; BadRecord when it has no
    text, or fields of the wrong type."""
    if not isinstance(record, Mapping):
        reason = f"{where} is a JSON {json_type(record)}, not an object"
        raise BadRecord(reason, str(record), None, "record")
    raw_id = record.get("id", record.get("article_id"))
    article_id = None if raw_id is None or raw_id == "" else str(raw_id)
    text, html = record.get("text"), record.get("html")
    problem = None
    if text is None and html is None:
        problem = f"{where} has no 'text' or 'html' field"
    for name, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            problem = f"{where}: field {name!r} must be a string, not a JSON {json_type(value)}"
    if problem:
        dump = json.dumps(record, sort_keys=True, default=str)
        raise BadRecord(problem, dump, article_id, hashed_id("rec", dump))
    if html and not (text and text.strip()):
        found = html_to_article_fields(html)
    else:
        found = {"text": strip_boilerplate(text or "")}
    fields: Fields = {"text": found.pop("text")}
    for name in RECORD_FIELDS:
        fields[name] = _text_field(record.get(name)) or found.get(name)
    fields["published"] = parse_published(record.get("published") or found.get("published"), origin)
    return article_id, fields


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


def hashed_id(prefix: str, text: str) -> str:
    """An article id from a hash of its text, for inputs that name no id."""
    return f"{prefix}-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]}"


def json_type(value: Any) -> str:
    """A Python value's JSON type name, for messages."""
    if isinstance(value, bool | int | float):
        return "boolean" if isinstance(value, bool) else "number"
    names = {dict: "object", list: "array", str: "string", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def _title_line(text: str) -> str | None:
    """The first line, when it is short and a blank line follows it."""
    first, _, rest = text.partition("\n")
    following, _, body = rest.partition("\n")
    title = first.strip()
    if title and len(title) < MAX_TITLE_CHARS and not following.strip() and body.strip():
        return title
    return None


def _text_field(value: Any) -> str | None:
    if value is None:
        return None
    return str(value).strip() or None
