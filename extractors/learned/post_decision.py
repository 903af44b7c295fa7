"""The learned post attachment: the rules link titles to names, a model trained on gold adds the
links they miss (career sentences, pronouns for the page's subject, names a title stands far
from) and may withdraw the ones it is sure are wrong.

``rules`` keeps the rules' links; ``hybrid`` (the default of ``find_people``) adds the
candidate pairs (``extractors.learned.post_candidates``) the model gives at least its
``add_threshold``, and drops a ruled link below its ``veto_threshold``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from extractors.learned.linear import LinearModel, load_model
from extractors.learned.post_candidates import APPOINTER, KIN, PREDECESSOR, NamedSpan, TitledSpan, post_candidates

MODES = ("rules", "hybrid")
MODEL_NAME = "posts"
HOLDS = "holds"
#: Holders the model never gives a post: a table's predecessor or successor, a relative, an appointer.
_NEVER_ADDED = frozenset({PREDECESSOR, KIN, APPOINTER})

PostT = TypeVar("PostT", bound=TitledSpan)


def attach_posts(
    text: str,
    mentions: Sequence[NamedSpan],
    posts: Sequence[PostT],
    linked: dict[int, list[PostT]],
    rows: Sequence[tuple[int, int]] = (),
    mode: str = "hybrid",
    model: LinearModel | None = None,
) -> dict[int, list[PostT]]:
    """The posts of each mention (keyed by its start), decided the ``mode`` way."""
    if mode not in MODES:
        raise ValueError(f"posts mode {mode!r}: expected one of {', '.join(MODES)}")
    model = model or load_model(MODEL_NAME)
    if mode == "rules" or model is None:
        return linked
    veto = float(model.meta.get("veto_threshold", 0.0))
    add = float(model.meta.get("add_threshold", 0.5))
    decided = {start: list(ps) for start, ps in linked.items()}
    for cand in post_candidates(text, mentions, posts, linked, rows):
        p = model.probabilities(cand.features)[HOLDS]
        start, post = mentions[cand.holder].start, posts[cand.post]
        if cand.ruled and p < veto:
            decided[start] = [q for q in decided.get(start, []) if q is not post]
        elif not cand.ruled and p >= add and not cand.features & _NEVER_ADDED and not _lower_bare(post):
            decided.setdefault(start, []).append(post)  # a predecessor's cell gives no post (GOLD.md)
    return decided


def _lower_bare(post: TitledSpan) -> bool:
    """A title written in lower case with no body ("được bầu làm chủ nhiệm câu lạc bộ"): the rules
    may link it, the model does not add it (of such pairs the rules left on the tune sets, 53 in
    72 hold no post by the gold)."""
    return not getattr(post, "capitalised", True) and post.organization is None
