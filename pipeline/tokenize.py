"""A spaCy tokenizer that segments Vietnamese words with underthesea.

underthesea returns words whose syllables are joined by spaces ("Bí thư") and
may rewrite characters (tone placement, quotes), so its strings are never used
for offsets: each word is aligned back to our text by counting its non-space
characters, and the Doc is built from slices of our text. ``doc.text`` is
always exactly the text given. Sentence starts follow line breaks and
sentence-final punctuation.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

TOKENIZER_NAME = "vanban.underthesea_tokenizer.v1"
SENTENCE_END = {".", "!", "?", "…", ";"}
WORD_RE = re.compile(r"\S+")


def _word_tokenize() -> Callable[[str], list[str]]:
    try:
        from underthesea import word_tokenize
    except ImportError as err:  # pragma: no cover - underthesea is a dependency
        raise ImportError(
            "vanban's tokenizer needs underthesea: pip install underthesea"
        ) from err
    return word_tokenize


class UndertheseaTokenizer:
    """Callable tokenizer: text → Doc, words from underthesea aligned to the text."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab
        self._segment: Callable[[str], list[str]] | None = None

    def __call__(self, text: str) -> Doc:
        spans = self.word_spans(text)
        return build_doc(self.vocab, text, spans)

    def word_spans(self, text: str) -> list[tuple[int, int]]:
        """Character spans of underthesea's words in ``text`` (whitespace excluded)."""
        if self._segment is None:
            self._segment = _word_tokenize()
        segment = self._segment
        spans: list[tuple[int, int]] = []
        for line_start, line in _lines(text):
            if not line.strip():
                continue
            try:
                words = segment(line)
            except Exception:  # underthesea fails on odd input: fall back to whitespace words
                words = None
            aligned = align_words(line, words) if words else None
            if aligned is None:
                aligned = [(m.start(), m.end()) for m in WORD_RE.finditer(line)]
            spans.extend((line_start + s, line_start + e) for s, e in aligned)
        return spans

    # spaCy serialisation hooks: nothing to save.
    def to_bytes(self, **_kwargs) -> bytes:
        return b""

    def from_bytes(self, _data: bytes, **_kwargs) -> UndertheseaTokenizer:
        return self

    def to_disk(self, _path, **_kwargs) -> None:
        return None

    def from_disk(self, _path, **_kwargs) -> UndertheseaTokenizer:
        return self


@registry.tokenizers(TOKENIZER_NAME)
def create_tokenizer():
    def make(nlp):
        return UndertheseaTokenizer(nlp.vocab)

    return make


def _lines(text: str):
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def align_words(text: str, words: list[str]) -> list[tuple[int, int]] | None:
    """Align words to ``text`` by their non-space character counts; None when they do not fit."""
    spans: list[tuple[int, int]] = []
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
    if text[position:].strip():
        return None
    return spans


def build_doc(vocab: Vocab, text: str, spans: list[tuple[int, int]]) -> Doc:
    """A Doc whose tokens are the spans plus whitespace tokens, so that doc.text == text."""
    words: list[str] = []
    spaces: list[bool] = []
    sent_starts: list[bool] = []
    cursor = 0
    new_sentence = True

    def add_gap(gap: str) -> None:
        nonlocal new_sentence
        if not gap:
            return
        if words and gap[0] == " " and not spaces[-1]:
            spaces[-1] = True
            gap = gap[1:]
        if gap:
            words.append(gap)
            spaces.append(False)
            sent_starts.append(False)
        if "\n" in gap:
            new_sentence = True

    for start, end in spans:
        add_gap(text[cursor:start])
        words.append(text[start:end])
        spaces.append(False)
        sent_starts.append(new_sentence)
        new_sentence = text[start:end] in SENTENCE_END
        cursor = end
    add_gap(text[cursor:])
    if not words:
        return Doc(vocab, words=[], spaces=[])
    sent_starts[0] = True
    doc = Doc(vocab, words=words, spaces=spaces, sent_starts=list[bool | int | None](sent_starts))
    assert doc.text == text, "tokenizer alignment lost characters"
    return doc
