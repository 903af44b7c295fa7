"""Word segmentation with underthesea, in bounded pieces, aligned to the text, without spaCy.

underthesea returns words whose syllables are joined by spaces ("Bí thư") and
may rewrite characters (tone placement, quotes), so its strings are never used
for offsets: each word is aligned back to our text by counting its non-space
characters, and a word is a ``(start, end)`` slice of our text.

The text is segmented one line at a time, and a long line in pieces of at most
``PIECE_CHARS`` characters cut at a sentence end or a space (underthesea's
pre-tokenizer is quadratic on some runs, e.g. "1-" repeated: bounded pieces
keep a text of any length linear). Lines repeat across texts (headers, list
markers, boilerplate), so the words of a short line are kept in a bounded cache.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any, cast

PIECE_CHARS = 1000  # longest piece given to underthesea at once
CACHE_LINES = 20_000  # lines whose words are remembered (least recently used dropped)
CACHE_LINE_CHARS = 300  # longer lines are not remembered: they rarely repeat, and would make the cache large
WORD_RE = re.compile(r"\S+")  # whitespace words: the fallback when underthesea fails
SENTENCE_CUT_RE = re.compile(r"[.!?;…]\s+")  # a sentence end followed by space: a good place to cut

Span = tuple[int, int]


def _word_tokenize() -> Callable[[str], list[str]]:
    try:
        from underthesea import word_tokenize
    except ImportError as err:  # pragma: no cover - underthesea is a dependency
        raise ImportError("vanban's word segmentation needs underthesea: pip install underthesea") from err
    return cast(Callable[[str], list[str]], word_tokenize)


MODEL_FOLDER = ("models", "ws_crf_vlsp2013_20230727")  # where underthesea's word_tokenize loads its CRF from


class SyllableTagger:
    """underthesea's word segmentation, its steps called directly, giving word spans instead of strings.

    The same steps as ``underthesea.word_tokenize`` (its character normalization,
    its regex pre-tokenizer, its token map, its CRF) and so the same words,
    without its per-token Python overhead: the pre-tokenizer's matches are read
    as ``m.group(0)`` (each alternative is one named group), characters are
    normalized once per piece instead of again per token, and the CRF is scored
    from cached n-gram weights (:mod:`vntext.word_crf`) instead of 43 feature
    strings per syllable. Its syllables are found in our text by ``str.find``,
    so words are spans directly. ``None`` from ``load()`` when underthesea's
    internals are not where this version expects them: then the public
    ``word_tokenize`` is used.
    """

    def __init__(
        self, patterns: Any, normalize_text: Any, token_map: Any, continues: Callable[[list[str]], list[bool]]
    ):
        self.patterns, self.normalize_text, self.token_map = patterns, normalize_text, token_map
        self.continues = continues

    @classmethod
    def load(cls, cached_crf: bool = True) -> SyllableTagger | None:
        """The tagger; ``cached_crf=False`` keeps underthesea's own featurizer and tagger (to compare with)."""
        try:
            import underthesea.pipeline.word_tokenize as wt
            from underthesea.pipeline.text_normalize.character_normalize import normalize_characters_in_text
            from underthesea.pipeline.text_normalize.text_normalizer import token_map
            from underthesea.pipeline.word_tokenize.regex_tokenize import patterns
        except ImportError:  # pragma: no cover - another underthesea layout
            return None
        continues = _cached_crf(Path(wt.__file__).parent.joinpath(*MODEL_FOLDER)) if cached_crf else None
        if continues is None:
            continues = _underthesea_crf(wt)
        if continues is None:  # pragma: no cover - another underthesea layout
            return None
        return cls(patterns, normalize_characters_in_text, token_map, continues)

    def spans(self, piece: str) -> list[Span] | None:
        """Word spans of ``piece``; None when a syllable cannot be placed in it."""
        text = self.normalize_text(piece)
        token_map = self.token_map
        tokens = [m.group(0) for m in self.patterns.finditer(text)]
        if not tokens:
            return []
        tokens = [token_map.get(t, t) if len(t) <= 6 else t for t in tokens]
        places = _place_tokens(piece, tokens)
        if places is None:
            return None
        words: list[Span] = []
        for continues, (start, end) in zip(self.continues(tokens), places):
            if continues and words:
                words[-1] = (words[-1][0], end)
            else:
                words.append((start, end))
        return words


def _cached_crf(folder: Path) -> Callable[[list[str]], list[bool]] | None:
    """underthesea's CRF scored by :class:`vntext.word_crf.CachedWordCrf`; None when its files differ."""
    try:
        import joblib

        from vntext.word_crf import CachedWordCrf

        return CachedWordCrf.load(folder, joblib.load).continues
    except (ImportError, OSError, ValueError):  # pragma: no cover - another model layout: underthesea's own
        return None


def _underthesea_crf(wt: ModuleType) -> Callable[[list[str]], list[bool]] | None:
    """underthesea's own featurizer and tagger."""
    try:
        wt.word_tokenize("khởi động")  # loads the CRF model
        featurizer, tagger = wt.word_tokenize_model.featurizer, wt.word_tokenize_model.estimator
    except AttributeError:  # pragma: no cover - another underthesea layout
        return None

    def continues(tokens: list[str]) -> list[bool]:
        return [tag == "I-W" for tag in tagger.tag(featurizer.process([[[t] for t in tokens]])[0])]

    return continues


def _place_tokens(text: str, tokens: list[str]) -> list[Span] | None:
    """Each token's span in ``text``, in order; a token rewritten by normalization is placed by its length."""
    spans: list[Span] = []
    position = 0
    for token in tokens:
        found = text.find(token, position)
        if found >= 0 and (found == position or text[position:found].isspace()):
            spans.append((found, found + len(token)))
            position = found + len(token)
            continue
        aligned = align_words(text[position:], [token], whole=False)
        if not aligned:
            return None
        start, end = aligned[0]
        spans.append((position + start, position + end))
        position += end
    return spans if not text[position:].strip() else None


class Segmenter:
    """Text → word spans, with a bounded line cache. One per process (see ``segmenter()``)."""

    def __init__(self, cache_lines: int = CACHE_LINES, tagger: SyllableTagger | None = None):
        """``tagger``: the steps to segment with (loaded on first use when not given)."""
        self._segment: Callable[[str], list[str]] | None = None
        self._tagger = tagger
        self._loaded = tagger is not None
        self._cache: OrderedDict[str, tuple[Span, ...]] = OrderedDict()
        self.cache_lines = cache_lines
        self.hits = self.misses = 0

    def word_spans(self, text: str) -> list[Span]:
        """Character spans of the words of ``text`` (whitespace excluded), in order."""
        spans: list[Span] = []
        for line_start, line in iter_lines(text):
            if line.strip():
                spans.extend((line_start + s, line_start + e) for s, e in self.line_spans(line))
        return spans

    def words(self, text: str) -> list[str]:
        """The words of ``text`` as slices of it (syllables of a word keep their space)."""
        return [text[s:e] for s, e in self.word_spans(text)]

    def line_spans(self, line: str) -> tuple[Span, ...]:
        cached = self._cache.get(line)
        if cached is not None:
            self.hits += 1
            self._cache.move_to_end(line)
            return cached
        self.misses += 1
        spans = tuple((start + s, start + e) for start, piece in iter_pieces(line) for s, e in self._piece_spans(piece))
        if self.cache_lines and len(line) <= CACHE_LINE_CHARS:
            self._cache[line] = spans
            if len(self._cache) > self.cache_lines:
                self._cache.popitem(last=False)
        return spans

    def _piece_spans(self, piece: str) -> list[Span]:
        if not piece.strip():
            return []
        if not self._loaded:
            self._tagger = SyllableTagger.load()
            self._segment = None if self._tagger else _word_tokenize()
            self._loaded = True
        aligned: list[Span] | None = None
        try:
            if self._tagger is not None:
                aligned = self._tagger.spans(piece)
            elif self._segment is not None:
                words = self._segment(piece)
                aligned = align_words(piece, words) if words else None
        except Exception:  # underthesea fails on odd input: fall back to whitespace words
            aligned = None
        if aligned is None:
            aligned = [(m.start(), m.end()) for m in WORD_RE.finditer(piece)]
        return aligned


_SEGMENTER: Segmenter | None = None


def segmenter() -> Segmenter:
    """The process's segmenter (its cache is shared by every text of a run)."""
    global _SEGMENTER
    if _SEGMENTER is None:
        _SEGMENTER = Segmenter()
    return _SEGMENTER


def iter_lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line) for every line of ``text``, split at "\\n" only."""
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def iter_pieces(line: str, limit: int = PIECE_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, piece) cutting ``line`` into pieces of at most ``limit`` characters.

    A cut falls after the last sentence end in the window, else at its last
    space, else (a run without spaces) at the limit itself.
    """
    start, n = 0, len(line)
    while n - start > limit:
        window = line[start : start + limit]
        cut = 0
        for match in SENTENCE_CUT_RE.finditer(window):
            cut = match.end()
        if not cut:
            cut = window.rfind(" ") + 1
        if cut <= 0:
            cut = limit
        yield start, line[start : start + cut]
        start += cut
    if start < n:
        yield start, line[start:]


def align_words(text: str, words: list[str], whole: bool = True) -> list[Span] | None:
    """Align words to ``text`` by their non-space character counts; None when they do not fit.

    ``whole``: the words must cover every non-space character of the text.
    """
    spans: list[Span] = []
    position, n = 0, len(text)
    for word in words:
        need = sum(1 for c in word if not c.isspace())
        if need == 0:
            continue
        while position < n and text[position].isspace():
            position += 1
        start = position
        while need and position < n:
            if not text[position].isspace():
                need -= 1
            position += 1
        if need:
            return None
        spans.append((start, position))
    if whole and text[position:].strip():
        return None
    return spans
