"""Score the pipeline against gold files exactly as the shared GOLD.md defines it.

Per category, true positives, false positives and false negatives are summed over
all files (micro average), then precision, recall and F1 are computed. Optional
gold items (``people_optional``, ``relations_optional``) cost nothing either way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Set
from dataclasses import dataclass, field
from pathlib import Path

from extractors.codes import code_key
from vntext.normalize import normalize_text

CATEGORIES = ["codes", "code_dates", "dates", "periods", "people", "posts", "relations", "published"]

# Abbreviations the posts score expands before comparing (GOLD.md), most specific first.
POST_ABBREVIATIONS = [
    (r"\buvbtv\b", "ủy viên ban thường vụ"),
    (r"\buvtv\b", "ủy viên ban thường vụ"),
    (r"\bubnd\b", "ủy ban nhân dân"),
    (r"\bhđnd\b", "hội đồng nhân dân"),
    (r"\bmttq\b", "mặt trận tổ quốc"),
    (r"\btt&tt\b", "thông tin và truyền thông"),
    (r"\bbch\b", "ban chấp hành"),
    (r"\bbtv\b", "ban thường vụ"),
    (r"\bt\.ư\b", "trung ương"),
    (r"\btư\b", "trung ương"),
]
_POST_ABBREVIATION_RES = [(re.compile(p), r) for p, r in POST_ABBREVIATIONS]
# A leading word saying the post was held before, ignored on both sides (GOLD.md).
_FORMER = re.compile(r"^(?:nguyên|cựu)(?: là)? (?!soái\b|thủ quốc gia\b)")  # not "Nguyên soái", "nguyên thủ quốc gia"


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Report:
    scores: dict[str, Score] = field(default_factory=lambda: {c: Score() for c in CATEGORIES})
    misses: dict[str, dict[str, dict[str, list]]] = field(default_factory=dict)  # file → category → missed/extra
    files: int = 0
    failed: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "files": self.files,
            "failed": self.failed,
            "scores": {c: s.as_dict() for c, s in self.scores.items()},
            "misses": self.misses,
        }


# --- comparison keys -------------------------------------------------------------------


def name_key(name: str) -> str:
    """GOLD.md name comparison: NFC, case folding, tone placement."""
    return " ".join(normalize_text(name).casefold().split())


def post_key(text: str) -> str:
    """A post as compared by GOLD.md: normalized like names, abbreviations expanded, a leading
    "nguyên" or "cựu" (former) dropped."""
    key = name_key(text)
    for pattern, replacement in _POST_ABBREVIATION_RES:
        key = pattern.sub(replacement, key)
    return _FORMER.sub("", " ".join(key.split()))


def post_matches(phrases: list[str], candidates: Iterable[str]) -> bool:
    """A gold post is found when a candidate starts with the first phrase and contains the others."""
    wanted = [post_key(p) for p in phrases]
    return any(c.startswith(wanted[0]) and all(w in c for w in wanted[1:]) for c in candidates)


def person_post_texts(person: dict) -> list[str]:
    texts = []
    for post in person.get("posts", []):
        joined = " ".join(x for x in (post.get("title"), post.get("organization")) if x)
        texts.append(post_key(joined))
        if post.get("text"):
            texts.append(post_key(post["text"]))
    return texts


# --- scoring ----------------------------------------------------------------------------


def tally(score: Score, predicted: set, gold: set, optional: Set = frozenset()) -> tuple[list, list]:
    """Add one file's comparison of ``predicted`` with ``gold`` to ``score`` (an ``optional`` item
    counts nothing either way); returns (missed, extra)."""
    predicted = {p for p in predicted if p not in optional or p in gold}
    score.tp += len(predicted & gold)
    score.fp += len(predicted - gold)
    score.fn += len(gold - predicted)
    return sorted(map(str, gold - predicted)), sorted(map(str, predicted - gold))


def score_file(record: dict, gold: dict, report: Report) -> None:
    """Add one file's comparison to the report."""
    misses: dict[str, dict[str, list]] = {}

    def note(category: str, result: tuple[list, list]) -> None:
        missed, extra = result
        if missed or extra:
            misses[category] = {"missed": missed, "extra": extra}

    gold_codes = {code_key(c): (v or {}) for c, v in gold.get("codes", {}).items()}
    citations = record.get("citations", [])
    note(
        "codes",
        tally(report.scores["codes"], {code_key(c["code"]) for c in citations if c.get("code")}, set(gold_codes)),
    )

    dated = {c: v["date"] for c, v in gold_codes.items() if v.get("date")}
    predicted_pairs = {
        (code_key(c["code"]), c["date"])
        for c in citations
        if c.get("code") and c.get("date") and code_key(c["code"]) in dated
    }
    note("code_dates", tally(report.scores["code_dates"], predicted_pairs, set(dated.items())))

    dates = record.get("dates", [])
    full_dates = {d["value"] for d in dates if d.get("value") and re.fullmatch(r"\d{4}-\d{2}-\d{2}", d["value"])}
    note("dates", tally(report.scores["dates"], full_dates, set(gold.get("dates", []))))

    periods = {(d["range"][0][:4], d["range"][1][:4]) for d in dates if d.get("range")}
    gold_periods = {(str(a)[:4], str(b)[:4]) for a, b in gold.get("periods", [])}
    note("periods", tally(report.scores["periods"], periods, gold_periods))

    people_by_key = {name_key(p["name"]): p for p in record.get("people", [])}
    gold_people = {name_key(n): posts for n, posts in gold.get("people", {}).items()}
    optional = {name_key(n) for n in gold.get("people_optional", [])}
    note("people", tally(report.scores["people"], set(people_by_key), set(gold_people), optional))

    tally_posts(report.scores["posts"], people_by_key, gold_people, misses)

    def triple(r) -> tuple:
        return (code_key(r[0]), r[1], code_key(r[2]))

    predicted_relations = {triple((r["source"], r["type"], r["target"])) for r in record.get("relations", [])}
    note(
        "relations",
        tally(
            report.scores["relations"],
            predicted_relations,
            {triple(r) for r in gold.get("relations", [])},
            {triple(r) for r in gold.get("relations_optional", [])},
        ),
    )

    if gold.get("published"):
        score = report.scores["published"]
        if record.get("published") == gold["published"]:
            score.tp += 1
        else:
            score.fn += 1
            if record.get("published"):
                score.fp += 1
            misses["published"] = {"missed": [gold["published"]], "extra": [record.get("published")]}

    report.files += 1
    if misses:
        report.misses[gold.get("file", record.get("source", "?"))] = misses


def tally_posts(score: Score, people_by_key: dict, gold_people: dict, misses: dict) -> None:
    """Add one file's posts (GOLD.md's prefix-and-contains match) to ``score``; misses into ``misses``."""
    missed, extra = [], []
    for name, gold_posts in gold_people.items():
        person = people_by_key.get(name)
        candidates = person_post_texts(person) if person else []
        for phrases in gold_posts:
            if post_matches(phrases, candidates):
                score.tp += 1
            else:
                score.fn += 1
                missed.append(f"{name}: {' + '.join(phrases)}")
        if person:
            for post in person.get("posts", []):
                texts = person_post_texts({"posts": [post]})
                if not any(post_matches(phrases, texts) for phrases in gold_posts):
                    score.fp += 1
                    extra.append(f"{name}: {post.get('title')} | {post.get('organization')}")
    if missed or extra:
        misses["posts"] = {"missed": missed, "extra": extra}


def load_gold(gold_dir: Path) -> list[tuple[Path, dict]]:
    """(text path, gold) pairs for every gold JSON in the directory whose text file exists."""
    pairs = []
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text_path = gold_dir / gold.get("file", "")
        if gold.get("file") and text_path.is_file():
            pairs.append((text_path, gold))
    return pairs


SPLITS = ("tune", "held")


def split_pairs(pairs: list[tuple[Path, dict]], split: str | None) -> list[tuple[Path, dict]]:
    """The ``tune`` part of a gold set (even positions in name order) or its ``held`` part (odd
    positions: scored at milestones, never read); all of it when ``split`` is None."""
    if split is None:
        return pairs
    if split not in SPLITS:
        raise ValueError(f"split {split!r}: expected one of {', '.join(SPLITS)}")
    ordered = sorted(pairs, key=lambda pair: pair[0].name)
    return ordered[0::2] if split == "tune" else ordered[1::2]


def evaluate(gold_dir: str | Path, workers: int = 1, split: str | None = None) -> Report:
    """Run the pipeline over the texts of ``gold_dir`` (its ``split`` part) and score every category."""
    from pipeline.models import Failure
    from pipeline.run.process import extract_paths

    pairs = split_pairs(load_gold(Path(gold_dir)), split)
    if not pairs:
        raise FileNotFoundError(f"no gold files (X.json next to its text) in {gold_dir}")
    report = Report()
    results = extract_paths([p for p, _ in pairs], workers=workers)
    for (_path, gold), result in zip(pairs, results):
        if isinstance(result, Failure):
            report.failed.append(result.line())
            score_file({"citations": [], "dates": [], "people": [], "relations": []}, gold, report)
        else:
            score_file(result, gold, report)
    return report


def format_report(report: Report, show_misses: bool = False) -> str:
    lines = [
        f"{report.files} files scored" + (f", {len(report.failed)} failed" if report.failed else ""),
        f"{'category':<12} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}",
    ]
    for name, s in report.scores.items():
        lines.append(f"{name:<12} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:5d} {s.fp:5d} {s.fn:5d}")
    for failure in report.failed:
        lines.append(f"failed: {failure}")
    if show_misses:
        for file, categories in sorted(report.misses.items()):
            lines.append(f"\n{file}")
            for category, found in categories.items():
                for item in found["missed"]:
                    lines.append(f"  {category:<11} missed  {item}")
                for item in found["extra"]:
                    lines.append(f"  {category:<11} extra   {item}")
    return "\n".join(lines)


# --- gates --------------------------------------------------------------------------------


def parse_floor(text: str) -> tuple[str, float]:
    """``"codes=0.9"`` -> ``("codes", 0.9)``; ValueError naming what is wrong."""
    category, sep, value = text.partition("=")
    category = category.strip()
    if not sep or category not in CATEGORIES:
        raise ValueError(f"{text!r}: expected CATEGORY=F1 with CATEGORY one of {', '.join(CATEGORIES)}")
    try:
        floor = float(value)
    except ValueError:
        raise ValueError(f"{text!r}: {value!r} is not a number") from None
    if not 0.0 <= floor <= 1.0:
        raise ValueError(f"{text!r}: an F1 floor lies between 0 and 1")
    return category, floor


def below_floors(report: Report, floors: dict[str, float]) -> list[str]:
    """One line per category whose F1 is below its floor (empty when every floor holds)."""
    lines = []
    for category, floor in floors.items():
        score = report.scores[category]
        if score.f1 < floor:
            lines.append(f"{category} F1 {score.f1:.3f} < {floor:.3f} (P {score.precision:.3f}, R {score.recall:.3f})")
    return lines
