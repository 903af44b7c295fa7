"""Vietnamese text in the encodings of older archives: TCVN3 (ABC), VNI-Windows, VISCII, cp1258.

TCVN3 and VNI-Windows were font encodings: a TCVN3 file holds one byte per
letter from a table (``data/tcvn3.tsv``); a VNI file holds a base letter and a
byte for its marks (``data/vni.tsv``, read as cp1252 text). Both also reach us
as *mojibake*: the bytes were once decoded as cp1252/Latin-1 and saved as UTF-8,
so the file is valid UTF-8 full of "¸", "µ", "ù".

Which reading is right is decided by counting Vietnamese syllables: each
candidate decoding is split into words, and the share of non-ASCII words that
are well-formed syllables (an onset, a vowel group, a coda, at most one tone
mark) picks the winner. cp1258 goes through Python's codec; VISCII
(which Python lacks) through its table (``data/viscii.tsv``, RFC 1456).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # grave, acute, tilde, hook above, dot below
SYLLABLE = re.compile(  # onset, vowel group, coda of a Vietnamese syllable once tone marks are taken off
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
    r"[aăâeêioôơuưy]{1,3}"
    r"(?:ch|ng|nh|[cmnpt])?"
)
WORD = re.compile(r"[^\s0-9.,;:!?()\[\]{}\"'“”‘’/\\\-–—_*#<>=+&|%@]+")  # a run of letters (and stray symbols)
MIN_SCORE = 0.8  # share of well-formed syllables a decoding needs to be accepted
MIN_WORDS = 3  # non-ASCII words needed before any guess is made


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # "TCVN3", "VNI-Windows", "VISCII", "cp1258", ...
    score: float  # share of non-ASCII words that are Vietnamese syllables


@cache
def tcvn3_table() -> dict[int, str]:
    """Byte → letter for the bytes of TCVN3 above ASCII."""
    table = {}
    for line in (DATA / "tcvn3.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            byte, letter = line.split("\t")
            table[int(byte, 16)] = letter
    return table


@cache
def viscii_table() -> dict[int, str]:
    """Byte → letter for the bytes where VISCII differs from Latin-1 (Python has no VISCII codec)."""
    table = {}
    for line in (DATA / "viscii.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            byte, letter = line.split("\t")
            table[int(byte, 16)] = letter
    return table


def decode_viscii(data: bytes) -> str:
    table = viscii_table()
    return "".join(table.get(b, chr(b)) for b in data)


@cache
def vni_table() -> dict[str, str]:
    """VNI sequence (as cp1252 text) → letter."""
    table = {}
    for line in (DATA / "vni.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            sequence, letter = line.split("\t")
            table[sequence] = letter
    return table


@cache
def _vni_pattern() -> re.Pattern[str]:
    keys = sorted(vni_table(), key=len, reverse=True)  # two-byte sequences before single bytes
    return re.compile("|".join(map(re.escape, keys)))


def decode_tcvn3(data: bytes) -> str:
    table = tcvn3_table()
    return "".join(table.get(b, chr(b)) if b >= 0x80 else chr(b) for b in data)


def decode_vni(data: bytes) -> str:
    return vni_text_to_unicode(data.decode("cp1252", errors="replace"))


def vni_text_to_unicode(text: str) -> str:
    table = vni_table()
    return _vni_pattern().sub(lambda m: table[m.group()], text)


def encode_tcvn3(text: str) -> bytes:
    """Unicode → TCVN3 bytes (capital toned letters written small, as the .VnTimeH fonts did)."""
    reverse = {letter: byte for byte, letter in tcvn3_table().items()}
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ord(ch) < 0x80:
            out.append(ord(ch))
        elif ch in reverse:
            out.append(reverse[ch])
        elif ch.lower() in reverse:
            out.append(reverse[ch.lower()])
        else:
            raise ValueError(f"{ch!r} has no TCVN3 byte")
    return bytes(out)


def encode_vni(text: str) -> bytes:
    """Unicode → VNI-Windows bytes."""
    reverse = {letter: seq for seq, letter in vni_table().items()}
    text = unicodedata.normalize("NFC", text)
    return "".join(reverse.get(ch, ch) for ch in text).encode("cp1252")


def syllable_score(text: str) -> tuple[float, int]:
    """(share of well-formed Vietnamese syllables, count) among the words that have a non-ASCII letter."""
    good = total = 0
    for word in WORD.findall(text):
        if word.isascii():
            continue
        total += 1
        good += is_syllable(word)
    return (good / total if total else 0.0), total


def is_syllable(word: str) -> bool:
    """True for one well-formed Vietnamese syllable (any case, at most one tone mark)."""
    if not (word.islower() or word.isupper() or word.istitle()):  # "cÙa" is no word
        return False
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(ch in TONES for ch in decomposed)
    if tones > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in TONES))
    return SYLLABLE.fullmatch(bare) is not None


def _candidates(data: bytes) -> list[Decoded]:
    found = []
    for name, decode in (
        ("TCVN3", decode_tcvn3),
        ("VNI-Windows", decode_vni),
        ("VISCII", decode_viscii),
        ("cp1258", lambda b: unicodedata.normalize("NFC", b.decode("cp1258"))),
    ):
        try:
            text = decode(data)
        except (UnicodeDecodeError, ValueError):
            continue
        score, count = syllable_score(text)
        if count >= MIN_WORDS:
            found.append(Decoded(text, name, score))
    return found


def guess_legacy(data: bytes) -> Decoded | None:
    """The best Vietnamese legacy decoding of bytes that are not UTF-8, if one reads as Vietnamese."""
    best = max(_candidates(data), key=lambda d: d.score, default=None)
    return best if best is not None and best.score >= MIN_SCORE else None


def repair_mojibake(text: str) -> Decoded | None:
    """TCVN3 or VNI bytes once decoded as cp1252/Latin-1: the repaired text, when it reads far better."""
    if not _looks_like_mojibake(text):
        return None
    before, _ = syllable_score(text)
    try:
        data = text.encode("cp1252")
    except UnicodeEncodeError:
        try:
            data = text.encode("latin-1")
        except UnicodeEncodeError:
            return None
    best = guess_legacy(data)
    if best is None or best.encoding not in ("TCVN3", "VNI-Windows") or best.score < before + 0.3:
        return None
    return Decoded(best.text, f"{best.encoding} (mojibake: decoded once as cp1252)", best.score)


def _looks_like_mojibake(text: str) -> bool:
    """Latin-1 letters and symbols but none of the letters only Vietnamese Unicode has."""
    sample = text[:200_000]
    if not any("\u00a0" <= ch <= "\u00ff" for ch in sample):
        return False
    return not re.search(
        "[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]", sample
    )
