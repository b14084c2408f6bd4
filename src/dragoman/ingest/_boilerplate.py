"""Boilerplate removal: the footer blocks of copied web text, and main-text extraction from HTML.

This is the only module that imports trafilatura. Plain text keeps every character of its body
as it was (the evidence offsets of later stages point into it); only the removed blocks and the
trailing white space of the whole text change.

The plain-text rule set is small and general:

* a *footer marker* ("Check Also", "Related Articles", "Read more:", "Share this article",
  "Tags: ...", "(c) 2021 ...") on a short line of its own, in the last 40% of the text, ends the
  article: that line and everything after it go (so a "Read more" in the lead stays);
* an *interjection* ("Advertisement", "Story continues below advertisement") on a line of its
  own goes wherever it is.
"""

from __future__ import annotations

import re
from typing import Any

import trafilatura
from trafilatura.settings import Document

#: A marker line longer than this is a sentence of the article, not a footer heading.
MAX_MARKER_CHARS = 60
#: Footer markers count only when they start in the last part of the text (fraction of length).
FOOTER_ZONE_START = 0.6

_FOOTER_MARKER = re.compile(
    r"""(?ix)
    (?: check \s+ also
      | related (?: \s+ (?: articles? | stories | posts? | news | content | coverage | topics ) )?
      | (?: also \s+ read | read \s+ (?: more | also | next ) ) \b .*
      | see \s+ also
      | you \s+ (?: may | might | could ) \s+ also \s+ (?: like | enjoy | be \s+ interested \b .* )
      | more \s+ (?: from | on | in | stories | news ) \b .*
      | recommended (?: \s+ (?: for \s+ you | stories | articles | reading ) )?
      | most \s+ (?: read | popular | viewed | shared )
      | trending (?: \s+ now )?
      | share \s+ (?: this (?: \s+ (?: article | story | post | page ) )? | on \b .* )
      | follow \s+ us \b .*
      | (?: subscribe | sign \s+ up ) \b .* newsletter \b .*
      | (?: \d+ \s+ )? comments? | leave \s+ a \s+ (?: comment | reply )
      | (?: tags? | topics ) \s* : .*
      | (?: © | \(c\) | copyright \b ) .*
    )
    [\s:.…>»-]*
    """
)

_INTERJECTION = re.compile(
    r"""(?ix)
    (?: advertisements?
      | (?: story | article ) \s+ continues \s+ (?: below | after ) (?: \s+ (?: this \s+ )? ad\w* )?
      | scroll \s+ to \s+ continue (?: \s+ with \s+ content )?
    )
    [\s:.…-]*
    """
)

_HTML_LANG = re.compile(r"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3})\b""", re.IGNORECASE)


def strip_boilerplate(text: str) -> str:
    """Plain article text without footer blocks and ad interjections; see the module docstring."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").rstrip()
    lines = text.split("\n")
    zone_start = len(text) * FOOTER_ZONE_START
    offset = 0
    for index, line in enumerate(lines):
        if offset >= zone_start and _is_short_match(_FOOTER_MARKER, line):
            lines = lines[:index]
            break
        offset += len(line) + 1
    kept: list[str] = []
    dropping_gap = False
    for line in lines:
        if dropping_gap and not line.strip():
            continue
        dropping_gap = False
        if _is_short_match(_INTERJECTION, line):
            # A paragraph of its own takes the blank lines after it along.
            dropping_gap = not kept or not kept[-1].strip()
            continue
        kept.append(line)
    return "\n".join(kept).rstrip()


def _is_short_match(pattern: re.Pattern[str], line: str) -> bool:
    bare = line.strip()
    return len(bare) <= MAX_MARKER_CHARS and pattern.fullmatch(bare) is not None


def html_to_article_fields(html: str | bytes) -> dict[str, Any]:
    """The main text and metadata of an HTML page, by trafilatura.

    Returns ``text`` (paragraphs separated by blank lines, footers removed; ``""`` when no main
    text was found), ``title``, ``published`` (an ISO date string), ``publisher`` (the site
    name), ``language`` (from ``<html lang>``) and ``url``; absent values are ``None``.
    """
    head = html[:4096].decode("utf-8", "replace") if isinstance(html, bytes) else html[:4096]
    lang = _HTML_LANG.search(head)
    fields: dict[str, Any] = {
        "text": "",
        "title": None,
        "published": None,
        "publisher": None,
        "language": lang.group(1).lower() if lang else None,
        "url": None,
    }
    if not html.strip():
        return fields  # trafilatura would log parse errors for nothing at all
    if "html" not in head[:50].lower():
        # trafilatura takes a page whose first 50 characters lack "html" for a fragment and
        # rejects it when it has fewer than two top-level elements: a doctype vouches for it.
        doctype = "<!DOCTYPE html>\n"
        html = doctype.encode() + html if isinstance(html, bytes) else doctype + html
    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if not isinstance(document, Document):
        return fields
    paragraphs = (line.strip() for line in (document.text or "").split("\n"))
    fields["text"] = strip_boilerplate("\n\n".join(p for p in paragraphs if p))
    fields["title"] = document.title or None
    fields["published"] = document.date or None
    fields["publisher"] = document.sitename or None
    fields["language"] = document.language or fields["language"]
    fields["url"] = document.url or None
    return fields
