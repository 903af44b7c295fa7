"""underthesea's word-segmentation CRF, scored from cached n-gram weights instead of feature strings.

underthesea tags each syllable B-W (starts a word) or I-W (continues one) with a
linear-chain CRF over 43 feature templates such as ``T[-1,0].lower`` or
``T[0,2].is_in_dict``. Its featurizer writes 43 strings per syllable and its
tagger looks each one up again: most of the segmentation's time.

Every template reads one n-gram of syllables (one, two or three, at an offset),
so a syllable's score is a sum of parts, each depending on one n-gram only. This
module keeps, per distinct n-gram, the summed weights of all its templates at
each offset (read from the model file itself, with full precision), and tags a
line by adding a dozen cached numbers per syllable, then the same Viterbi
decoding. The tags are underthesea's: ``tests/test_word_crf.py`` compares them
with underthesea's own featurizer and tagger.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import numpy as np
import numpy.typing as npt

from vntext.crfsuite_file import CrfWeights, read_crfsuite

TEMPLATE_RE = re.compile(r"T\[(-?\d+)(?:,(-?\d+))?\](?:\.(\w+))?\Z")  # T[o1] or T[o1,o2], then .function
INT32_RE = re.compile(r"[+-]?[0-9]+\Z")  # what Rust's str::parse::<i32> accepts, before its range check
CACHE_NGRAMS = 100_000  # n-grams remembered per length; the cache is emptied when it grows past this
BEGIN, END = "BOS", "EOS"  # the values a template takes before the first and after the last syllable


@dataclass(frozen=True)
class Template:
    """One feature template: syllables ``first..last`` relative to the tagged one, and a function."""

    syntax: str
    first: int
    last: int
    function: str | None


def parse_template(syntax: str) -> Template:
    match = TEMPLATE_RE.match(syntax)
    if match is None:
        raise ValueError(f"unknown feature template {syntax!r}")
    first = int(match.group(1))
    last = int(match.group(2)) if match.group(2) is not None else first
    if last < first:
        raise ValueError(f"feature template {syntax!r} runs backwards")
    return Template(syntax, first, last, match.group(3))


def _is_int32(text: str) -> bool:
    return INT32_RE.match(text) is not None and -(2**31) <= int(text) < 2**31


def template_value(function: str | None, text: str, dictionary: frozenset[str] | set[str]) -> str:
    """The value a template with ``function`` takes on the syllables ``text`` (joined by spaces)."""
    if function is None:
        return text
    if function == "lower":
        return text.lower()
    if function == "isdigit":
        return str(_is_int32(text))
    if function == "istitle":
        return _title(text)
    if function == "is_in_dict":
        return str(text.lower() in dictionary)
    raise ValueError(f"unknown template function {function!r}")


class NgramGroup:
    """The templates that read n-grams of one length, and their summed weights per n-gram and offset.

    A row of weights holds an n-gram's (B-W, I-W) sums at each offset, flattened.
    Most n-grams differ only in values no template has weights for (a trigram the
    model never saw): the row depends only on the n-gram's *signature*, its value
    under each function with unknown values blanked, so n-grams share rows. Rows 0
    and 1 are what every template gives before the first syllable and after the last.
    """

    def __init__(self, length: int, templates: list[Template], weights: CrfWeights, dictionary: Any):
        self.length = length
        self.offsets = sorted({t.first for t in templates})
        self.dictionary = dictionary
        self.functions = sorted({t.function or "" for t in templates})
        tables = [(t, _value_weights(t, weights)) for t in templates]
        self._by_offset = [
            [(self.functions.index(t.function or ""), table) for t, table in tables if t.first == offset]
            for offset in self.offsets
        ]
        known: dict[str, set[str]] = {f: set() for f in self.functions}
        for t, table in tables:
            known[t.function or ""].update(table)
        self._values = [_known_value(f or None, known[f], dictionary) for f in self.functions]
        self._table = np.zeros((1024, 2 * len(self.offsets)))
        self._rows: dict[tuple[str | None, ...], int] = {}
        self._ids: dict[str | tuple[str, ...], int] = {}
        self._table[0] = self._row_of_values([BEGIN] * len(self.functions))
        self._table[1] = self._row_of_values([END] * len(self.functions))
        self._size = 2

    def _row_of_values(self, values: Sequence[str | None]) -> list[float]:
        row: list[float] = []
        for templates in self._by_offset:
            b = i = 0.0
            for function, table in templates:
                value = values[function]
                weight = table.get(value) if value is not None else None
                if weight is not None:
                    b += weight[0]
                    i += weight[1]
            row += (b, i)
        return row

    def _signature(self, ngram: str | tuple[str, ...]) -> tuple[str | None, ...]:
        text = ngram if isinstance(ngram, str) else " ".join(ngram)
        lower = text.lower()
        return tuple([value(text, lower) for value in self._values])

    def _new_id(self, ngram: str | tuple[str, ...]) -> int:
        """The row of an n-gram seen for the first time (a new row only for a new signature)."""
        if len(self._ids) >= CACHE_NGRAMS:
            self._ids.clear()
        signature = self._signature(ngram)
        row = self._rows.get(signature)
        if row is None:
            if self._size == len(self._table):
                self._table = np.concatenate([self._table, np.zeros_like(self._table)])
            row = self._rows[signature] = self._size
            self._table[row] = self._row_of_values(signature)
            self._size += 1
        self._ids[ngram] = row
        return row

    def ngrams(self, tokens: Sequence[str]) -> Iterable[str | tuple[str, ...]]:
        """The n-grams of ``tokens`` in order: the syllables themselves for length 1, else tuples."""
        if self.length == 1:
            return tokens
        return zip(*(tokens[k:] for k in range(self.length)))

    def add_to(self, tokens: Sequence[str], eb: npt.NDArray[np.float64], ei: npt.NDArray[np.float64]) -> None:
        """Add this group's weights at every syllable of ``tokens`` to the arrays ``eb`` and ``ei``."""
        n, size = len(tokens), self.length
        front, back = max(0, -self.offsets[0]), max(0, self.offsets[-1])
        inside = max(0, n - size + 1)
        seen = list(map(self._ids.get, self.ngrams(tokens)))
        found = (
            [self._new_id(g) if i is None else i for g, i in zip(self.ngrams(tokens), seen)] if None in seen else seen
        )
        ids = [0] * front + cast(list[int], found) + [1] * (n + back - inside)
        rows = self._table[ids]
        for j, offset in enumerate(self.offsets):
            window = rows[front + offset : front + offset + n]
            eb += window[:, 2 * j]
            ei += window[:, 2 * j + 1]


def _known_value(function: str | None, known: set[str], dictionary: Any) -> Callable[[str, str], str | None]:
    """(text, its lower case) → the template's value, or None where no template has a weight for it."""
    if function is None:
        return lambda text, lower: text if text in known else None
    if function == "lower":
        return lambda text, lower: lower if lower in known else None
    if function == "is_in_dict":
        return lambda text, lower: "True" if lower in dictionary else "False"
    if function == "istitle":
        return lambda text, lower: _title(text)
    return lambda text, lower: template_value(function, text, dictionary)


_TITLE_PARTS: dict[str, bool] = {}  # syllable → whether istitle holds for it; bounded by CACHE_NGRAMS


def _title(text: str) -> str:
    """underthesea's istitle: "True" when the first character of every space-separated part is
    unchanged by upper-casing; the answer for each syllable is remembered."""
    for part in text.split(" "):
        title = _TITLE_PARTS.get(part)
        if title is None:
            if len(_TITLE_PARTS) >= CACHE_NGRAMS:
                _TITLE_PARTS.clear()
            title = _TITLE_PARTS[part] = part[:1] == part[:1].upper()
        if not title:
            return "False"
    return "True"


def _value_weights(template: Template, weights: CrfWeights) -> dict[str, tuple[float, float]]:
    prefix = template.syntax + "="
    return {attr[len(prefix) :]: (w[0], w[1]) for attr, w in weights.state.items() if attr.startswith(prefix)}


class CachedWordCrf:
    """Tags syllables as continuing a word (True) or starting one, as underthesea's CRF does."""

    def __init__(self, templates: Sequence[str], weights: CrfWeights, dictionary: Any):
        if weights.labels != ("B-W", "I-W"):
            raise ValueError(f"a word-segmentation model with labels B-W, I-W was expected, not {weights.labels}")
        parsed = [parse_template(t) for t in templates]
        lengths = sorted({t.last - t.first + 1 for t in parsed})
        self.groups = [
            NgramGroup(n, [t for t in parsed if t.last - t.first + 1 == n], weights, dictionary) for n in lengths
        ]
        self.transitions = weights.transitions

    @classmethod
    def load(cls, model_dir: str | Path, load_pickle: Callable[[str], object]) -> CachedWordCrf:
        """From underthesea's model folder: ``models.bin``, ``features.bin`` and ``dictionary.bin``."""
        folder = Path(model_dir)
        templates = load_pickle(str(folder / "features.bin"))
        dictionary = load_pickle(str(folder / "dictionary.bin"))
        if not isinstance(templates, list) or not isinstance(dictionary, set | frozenset):
            raise ValueError(f"{folder}: unexpected feature or dictionary file")
        return cls(templates, read_crfsuite(folder / "models.bin"), frozenset(dictionary))

    def emissions(self, tokens: Sequence[str]) -> tuple[list[float], list[float]]:
        """The summed state weights of B-W and I-W at each syllable."""
        eb, ei = np.zeros(len(tokens)), np.zeros(len(tokens))
        for group in self.groups:
            group.add_to(tokens, eb, ei)
        return eb.tolist(), ei.tolist()

    def continues(self, tokens: Sequence[str]) -> list[bool]:
        """For each syllable, whether the best tag sequence marks it I-W (part of the word before it)."""
        if not tokens:
            return []
        eb, ei = self.emissions(tokens)
        (bb, bi), (ib, ii) = self.transitions
        score_b, score_i = eb[0], ei[0]
        back: list[tuple[bool, bool]] = []
        for t in range(1, len(tokens)):
            from_b, from_i = score_b + bb, score_i + ib  # into B-W; ties keep B-W, as underthesea does
            to_b_from_i = from_i > from_b
            new_b = from_i if to_b_from_i else from_b
            from_b, from_i = score_b + bi, score_i + ii  # into I-W
            to_i_from_i = from_i > from_b
            new_i = from_i if to_i_from_i else from_b
            back.append((to_b_from_i, to_i_from_i))
            score_b, score_i = new_b + eb[t], new_i + ei[t]
        label = score_i > score_b
        labels = [label]
        for to_b_from_i, to_i_from_i in reversed(back):
            label = to_i_from_i if label else to_b_from_i
            labels.append(label)
        labels.reverse()
        return labels
