"""From input bytes to text: UTF-8 (or UTF-16 with a byte order mark), and binary detection.

Both raise :class:`~dragoman.errors.InputError` with a one-line reason that the readers record
as the input's failure.
"""

from __future__ import annotations

import codecs

from dragoman.errors import InputError

UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
#: How many leading bytes :func:`refuse_binary` looks at.
SNIFF_BYTES = 8192
#: Above this share of control or undecodable characters, bytes are not text.
MAX_NON_TEXT_SHARE = 0.1
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\b\x1b")


def decode(data: bytes) -> str:
    """UTF-8 text without its byte order mark, or UTF-16 text that starts with one."""
    if data.startswith(UTF16_BOMS):
        encoding, skip = "UTF-16", 0
    else:
        encoding, skip = "UTF-8", len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[skip:].decode(encoding)
    except UnicodeDecodeError as exc:
        offset = skip + exc.start
        raise InputError(
            f"not {encoding} text: cannot decode byte 0x{data[offset]:02x} at offset {offset}"
        ) from None


def refuse_binary(data: bytes) -> None:
    """Raise unless the bytes look like text (NUL bytes or mostly control bytes do not)."""
    sample = data[:SNIFF_BYTES]
    if sample.startswith(UTF16_BOMS):
        return
    if b"\x00" in sample:
        raise InputError("binary file: not text, HTML or JSON (it holds NUL bytes)")
    chars = sample.decode("utf-8", "replace")
    odd = sum(1 for c in chars if c == "\ufffd" or (c < " " and c not in _TEXT_CONTROLS))
    if chars and odd / len(chars) > MAX_NON_TEXT_SHARE:
        share = round(100 * odd / len(chars))
        raise InputError(
            f"binary file: not text, HTML or JSON ({share}% of its first bytes are not text)"
        )
