"""Train the learned post attachment from gold and judge it against the rules (part of ``make train``).

The people extractor's titles and names make the candidates (``extractors.learned.post_candidates``);
a pair is labelled ``holds`` when the gold gives that person that post, title and body as the
pipeline resolves them.
A logistic regression (scikit-learn, fixed seed) is fitted on the tune sets (dev, dev2,
dev3-tune and the tune halves of bench-people and bench-people2 to 12; the relation-chosen
bench gold has few posts and is left out), its add threshold chosen out of
fold, and posts are scored as ``vanban eval`` scores them, rules and hybrid side by side, on
every set; the held-out sets give figures only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extractors.learned.linear import LinearModel
from extractors.learned.post_candidates import PostCandidate, post_candidates
from extractors.learned.post_decision import HOLDS
from extractors.names import name_key
from extractors.people import (
    PostSpan,
    document_heading,
    document_places,
    document_subject,
    find_people,
    read_posts,
    resolve_organizations,
)
from pipeline.evaluate.fitting import fit_linear, folds, score_line, with_meta
from pipeline.evaluate.gold_sets import PEOPLE_DRAWS
from pipeline.evaluate.scores import Score, post_key, post_matches, tally_posts

NONE = "none"
CLASSES = (HOLDS, NONE)
SETS = ("dev", "dev2", "dev3-tune", *(f"{draw}-tune" for draw in PEOPLE_DRAWS))
HELD = ("dev3-held", *(f"{draw}-held" for draw in PEOPLE_DRAWS))
#: The precision the chosen thresholds must reach out of fold: issue 21's bar (posts recall is
#: wanted at precision 0.85), since on unseen text precision falls below its out-of-fold figure.
MIN_PRECISION = 0.85


@dataclass
class PostExample:
    set_name: str
    name: str
    text: str
    signer: object
    gold_people: dict
    mentions: list = field(default_factory=list)  # the name mentions the candidates index
    posts: list[PostSpan] = field(default_factory=list)  # the titles the candidates index
    candidates: list[PostCandidate] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)


def post_example(set_name: str, name: str, text: str, signer, gold: dict) -> PostExample:
    """The candidates of one gold text, labelled from its gold posts."""
    gold_people = {name_key(n): posts for n, posts in gold.get("people", {}).items()}
    mentions, posts, linked, rows = read_posts(text, signer)
    ex = PostExample(set_name, name, text, signer, gold_people, mentions, posts)
    ex.candidates = post_candidates(text, mentions, posts, linked, rows)
    # a pair holds when the post, its body made concrete as the pipeline makes it, is one the
    # gold gives that person: a right holder with a wrong body would still score as a miss
    places = document_places(text, frozenset(m.start for m in mentions))
    resolved = resolve_organizations(text, posts, places, document_subject(text), document_heading(text))
    for cand in ex.candidates:
        wanted = gold_people.get(name_key(mentions[cand.holder].name), [])
        post = resolved[cand.post]
        written = post_key(" ".join(x for x in (post.title, post.organization) if x))
        ex.labels.append(HOLDS if any(post_matches(phrases, [written]) for phrases in wanted) else NONE)
    return ex


def score_posts(examples: list[PostExample], mode: str, model: LinearModel | None, score: Score | None = None) -> Score:
    """Posts of the examples as ``vanban eval`` scores them (GOLD.md), decided the ``mode`` way
    (added into ``score`` when one is given)."""
    score = score or Score()
    for ex in examples:
        people = find_people(ex.text, ex.signer, mode, model)  # type: ignore[arg-type]
        by_key = {
            name_key(p.name): {"posts": [{"title": q.title, "organization": q.organization} for q in p.posts]}
            for p in people
        }
        tally_posts(score, by_key, ex.gold_people, {})
    return score


def candidate_recall(examples: list[PostExample]) -> tuple[int, int]:
    """(gold posts whose title and holder are a candidate pair, gold posts)."""
    covered = total = 0
    for ex in examples:
        pairs = {(name_key(ex.mentions[c.holder].name), post_key(ex.posts[c.post].title)) for c in ex.candidates}
        for person, gold_posts in ex.gold_people.items():
            for phrases in gold_posts:
                total += 1
                first = post_key(phrases[0]) if phrases else ""
                covered += any(p == person and first.startswith(t) for p, t in pairs)
    return covered, total


def train(examples: dict[str, list[PostExample]]) -> tuple[LinearModel, list[str]]:
    """The post attachment model fitted on the tune sets, its C and thresholds chosen out of fold
    (best F1 with precision at least ``MIN_PRECISION``), with figures (rules and hybrid) on every set."""
    tune = [ex for name in SETS for ex in examples.get(name, [])]
    report = [f"posts: {len(tune)} tune texts, {sum(len(p.candidates) for p in tune)} candidates"]
    for name in (*SETS, *HELD):
        covered, total = candidate_recall(examples.get(name, []))
        report.append(f"posts candidate recall {name}: {covered}/{total} = {covered / max(1, total):.3f}")
    groups = folds(tune, key=lambda ex: (ex.set_name, ex.name))
    rules = Score()
    for group, _rest in groups:
        score_posts(group, "rules", None, rules)
    report.append(f"posts oof rules: {score_line(rules)}")
    best = (rules.f1, 1.0, 1.01, 0.0)
    for c in (0.3, 1.0):
        paired = [(group, _fit(rest, c)) for group, rest in groups]
        for add in (0.5, 0.6, 0.7, 0.8, 0.9):
            for veto in (0.0, 0.1, 0.2):
                oof = Score()
                for group, model in paired:
                    score_posts(group, "hybrid", with_meta(model, add_threshold=add, veto_threshold=veto), oof)
                report.append(f"posts oof C {c} hybrid add {add} veto {veto}: {score_line(oof)}")
                if oof.f1 > best[0] and oof.precision >= MIN_PRECISION:
                    best = (oof.f1, c, add, veto)
    _f1, c, add, veto = best
    model = with_meta(
        _fit(tune, c), C=c, add_threshold=add, veto_threshold=veto, train_sets=list(SETS), train_texts=len(tune)
    )
    report.append(f"posts chosen out of fold: C {c}, add {add}, veto {veto}")
    for name in (*SETS, *HELD):
        for mode in ("rules", "hybrid"):
            report.append(f"posts {name:<10} {mode:<7} {score_line(score_posts(examples.get(name, []), mode, model))}")
    return model, report


def _fit(examples: list[PostExample], c: float = 1.0) -> LinearModel:
    return fit_linear(
        [cand.features for ex in examples for cand in ex.candidates],
        [x for ex in examples for x in ex.labels],
        c,
        CLASSES,
    )
