"""A spaCy tokenizer that segments Vietnamese words with underthesea (see ``vntext.segment``).

The words are slices of our text (``vntext.segment`` aligns underthesea's
words back to it, in bounded pieces, with a line cache), and the Doc is built
from them plus whitespace tokens, so ``doc.text`` is always exactly the text
given. Sentence starts follow line breaks and sentence-final punctuation.
"""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from vntext.segment import align_words, segmenter

TOKENIZER_NAME = "vanban.underthesea_tokenizer.v1"
SENTENCE_END = {".", "!", "?", "…", ";"}

__all__ = ["UndertheseaTokenizer", "align_words", "build_doc", "TOKENIZER_NAME"]


class UndertheseaTokenizer:
    """Callable tokenizer: text → Doc, words from underthesea aligned to the text."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        return build_doc(self.vocab, text, self.word_spans(text))

    def word_spans(self, text: str) -> list[tuple[int, int]]:
        """Character spans of underthesea's words in ``text`` (whitespace excluded)."""
        return segmenter().word_spans(text)

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
