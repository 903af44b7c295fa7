"""Train the learned post attachment from gold and judge it against the rules (part of ``make train``).

The people extractor's titles and names make the candidates (``extractors.learned.post_candidates``);
a pair is labelled ``holds`` when the gold gives that person a post starting with that title.
A logistic regression (scikit-learn, fixed seed) is fitted on the tune sets (dev, dev2,
dev3-tune; bench gold is relation gold and is left out here), its add threshold chosen out of
fold, and posts are scored as ``vanban eval`` scores them, rules and hybrid side by side, on
every set; the held-out sets give figures only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extractors.learned.linear import LinearModel
from extractors.learned.post_candidates import PostCandidate, post_candidates
from extractors.learned.post_decision import HOLDS
from extractors.names import name_key
from extractors.people import find_people, read_posts
from pipeline.evaluate.scores import Score, _score_posts, post_key

NONE = "none"
CLASSES = (HOLDS, NONE)
SETS = ("dev", "dev2", "dev3-tune")
HELD = ("dev3-held",)


@dataclass
class PostExample:
    set_name: str
    name: str
    text: str
    signer: object
    gold_people: dict
    candidates: list[PostCandidate] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)


def post_example(set_name: str, name: str, text: str, signer, gold: dict) -> PostExample:
    """The candidates of one gold text, labelled from its gold posts."""
    gold_people = {name_key(n): posts for n, posts in gold.get("people", {}).items()}
    mentions, posts, linked, rows = read_posts(text, signer)
    ex = PostExample(set_name, name, text, signer, gold_people)
    ex.candidates = post_candidates(text, mentions, posts, linked, rows)
    for cand in ex.candidates:
        wanted = gold_people.get(name_key(mentions[cand.holder].name), [])
        title = post_key(posts[cand.post].title)
        held = any(phrases and post_key(phrases[0]).startswith(title) for phrases in wanted)
        ex.labels.append(HOLDS if held else NONE)
    return ex


def score_posts(examples: list[PostExample], mode: str, model: LinearModel | None) -> Score:
    """Posts of the examples as ``vanban eval`` scores them (GOLD.md), decided the ``mode`` way."""
    score = Score()
    for ex in examples:
        people = find_people(ex.text, ex.signer, mode, model)  # type: ignore[arg-type]
        by_key = {
            name_key(p.name): {"posts": [{"title": q.title, "organization": q.organization} for q in p.posts]}
            for p in people
        }
        _score_posts(score, by_key, ex.gold_people, {})
    return score


def candidate_recall(examples: list[PostExample]) -> tuple[int, int]:
    """(gold posts whose title and holder are a candidate pair, gold posts)."""
    covered = total = 0
    for ex in examples:
        mentions, posts, _linked, _rows = read_posts(ex.text, ex.signer)  # type: ignore[arg-type]
        pairs = {(name_key(mentions[c.holder].name), post_key(posts[c.post].title)) for c in ex.candidates}
        for person, gold_posts in ex.gold_people.items():
            for phrases in gold_posts:
                total += 1
                first = post_key(phrases[0]) if phrases else ""
                covered += any(p == person and first.startswith(t) for p, t in pairs)
    return covered, total
