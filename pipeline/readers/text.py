"""Plain text and Markdown: decode bytes with the encodings real files use.

In order: a byte-order mark (UTF-8, UTF-32, UTF-16 — UTF-32 first, its BOM
begins like UTF-16's); a charset the file declares (an HTML page's ``<meta
charset>``); UTF-8 — repaired when it is TCVN3 or VNI text once decoded as
cp1252 (mojibake); then the Vietnamese legacy encodings (TCVN3, VNI-Windows,
VISCII, cp1258) chosen by how Vietnamese the result reads; then
charset-normalizer's guess; and last UTF-8 with U+FFFD for bad bytes. Every
guess and repair is named in a warning.
"""

from __future__ import annotations

import codecs
import unicodedata

from pipeline.models import IngestError

BOMS = (  # longest first: UTF-32 LE's BOM starts with UTF-16 LE's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, list[str]]:
    """Decode the bytes of a text file; returns the text and warnings (IngestError for binary data)."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as err:
                raise IngestError(f"invalid {encoding.upper()} text ({err.reason})") from None
            return text.lstrip("\ufeff"), []
    if b"\x00" in data[:4096]:
        raise IngestError("binary data, not text (NUL bytes)")
    if declared:
        from_declared = _decode_declared(data, declared)
        if from_declared is not None:
            return from_declared
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_not_utf8(data)
    from pipeline.readers.legacy import repair_mojibake

    repaired = repair_mojibake(text)
    if repaired is not None:
        return repaired.text, [f"legacy Vietnamese encoding {repaired.encoding} converted to Unicode"]
    return text, []


def _decode_declared(data: bytes, declared: str) -> tuple[str, list[str]] | None:
    """The text in the charset the file declares, when Python knows it and the bytes fit it."""
    try:
        codec = codecs.lookup(declared)
    except LookupError:
        return None
    if codec.name == "utf-8":
        return None  # UTF-8 goes through the usual path (and the mojibake check)
    try:
        text = data.decode(codec.name)
    except UnicodeDecodeError:
        return None
    if codec.name == "cp1258":  # cp1258 writes tones as combining marks
        text = unicodedata.normalize("NFC", text)
    return text, [f"decoded as {declared} (declared by the file)"] if codec.name not in ("ascii",) else []


def _decode_not_utf8(data: bytes) -> tuple[str, list[str]]:
    from pipeline.readers.legacy import guess_legacy

    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if sum(not ch.isascii() for ch in text) - bad > bad:  # mostly UTF-8 with a few bad bytes
        return text, [f"not valid UTF-8: {bad} undecodable byte sequence(s) replaced with U+FFFD"]
    legacy = guess_legacy(data)
    if legacy is not None:
        return legacy.text, [f"legacy Vietnamese encoding {legacy.encoding} converted to Unicode"]
    guessed = _charset_normalizer(data)
    if guessed is not None:
        return guessed
    return text, [f"not valid UTF-8: {bad} undecodable byte sequence(s) replaced with U+FFFD"]


def _charset_normalizer(data: bytes) -> tuple[str, list[str]] | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a dependency
        return None
    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding in ("utf_8", "ascii"):
        return None
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return text, [f"not UTF-8: decoded as {best.encoding} (guessed by charset-normalizer)"]
