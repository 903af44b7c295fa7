"""Plain text and Markdown: decode bytes with the encodings real files use."""

from __future__ import annotations

import codecs

from pipeline.models import IngestError


def decode_text(data: bytes) -> tuple[str, list[str]]:
    """Decode UTF-8 (with or without BOM) or BOM-marked UTF-16; otherwise best effort.

    Returns the text and warnings. Invalid UTF-8 is decoded with replacement
    characters and a warning naming how many bytes were bad.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError as err:
            raise IngestError(f"invalid UTF-16 text ({err.reason})") from None
    if b"\x00" in data[:4096]:
        raise IngestError("binary data, not text (NUL bytes)")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        return text, [f"not valid UTF-8: {bad} undecodable byte sequence(s) replaced with U+FFFD"]
