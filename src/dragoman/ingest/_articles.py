"""Steps 3 to 5 of reading: a unit's content decoded, its fields read, the article checked.

:func:`article_of` takes one :class:`~dragoman.ingest._containers.Unit`: bytes are refused when
binary and decoded (:mod:`dragoman.ingest._decoding`), fields are read by kind
(:mod:`dragoman.ingest._fields`), and :func:`checked_article` refuses an article whose kept text
is empty, too short or too long. Every refusal is a :class:`~dragoman.types.Failure` with its
reason; an input that names no id is named by a hash of its text (``stdin-…``, ``rec-…``).
"""

from __future__ import annotations

import contextlib
from datetime import date
from typing import Any

from dragoman.errors import InputError
from dragoman.ingest._containers import RAW_CHARS, Unit
from dragoman.ingest._decoding import decode, refuse_binary
from dragoman.ingest._fields import (
    BadRecord,
    Fields,
    hashed_id,
    html_fields,
    record_fields,
    text_fields,
)
from dragoman.settings import Settings
from dragoman.types import Article, Failure

Result = Article | Failure


def article_of(unit: Unit, settings: Settings) -> Result:
    """The checked article a unit holds, or the Failure saying why it holds none.

    Raises InputError for a document that is binary or cannot be decoded.
    """
    if unit.kind == "record":
        try:
            own_id, fields = record_fields(unit.content, unit.origin, unit.where)
        except BadRecord as bad:
            name = bad.article_id or unit.name or bad.fallback
            return Failure(name, unit.origin, bad.problem, raw=bad.dump[:RAW_CHARS])
        return checked_article(fields, own_id or unit.name, "rec", unit.origin, settings)
    content = unit.content
    if unit.kind == "html":
        if isinstance(content, bytes):
            with contextlib.suppress(InputError):  # else trafilatura reads the page's own charset
                content = decode(content)
        return checked_article(
            html_fields(content, unit.origin), unit.name, "stdin", unit.origin, settings
        )
    if isinstance(content, bytes):
        refuse_binary(content)
        content = decode(content)
    if unit.kind is None and content.lstrip().startswith("<"):
        return checked_article(
            html_fields(content, unit.origin), unit.name, "stdin", unit.origin, settings
        )
    return checked_article(text_fields(content), unit.name, "stdin", unit.origin, settings)


def checked_article(
    fields: Fields, article_id: str | None, prefix: str, origin: str, settings: Settings
) -> Result:
    """The article, unless its kept text is empty, too short or too long.

    With no ``article_id``, the article is named ``<prefix>-<hash of its text>``.
    """
    meta: dict[str, Any] = dict(fields)
    text: str = meta.pop("text")
    article_id = article_id or hashed_id(prefix, text)
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
        if meta.get("published") is None and settings.published:
            # "--published": the date a text, a page or a record without one was published.
            meta["published"] = date.fromisoformat(settings.published)
        return Article(article_id=article_id, text=text, origin=origin, **meta)
    return Failure(article_id, origin, reason, raw=text[:RAW_CHARS] or None)
