"""The gold sets vanban is tuned, trained and judged on, and their fixed tune/held-out split.

- ``dev``, ``dev2``: ``../shared/corpus/``; tuned on whole.
- ``dev3``: ``../shared/corpus/dev3``; in name order, even positions are ``dev3-tune``, odd
  positions ``dev3-held`` (scored at milestones only, never read).
- ``bench``: gold written here for texts of the 3,000-document bench (``eval/gold/bench/``,
  one file per bench id; the texts stay in ``../shared/corpus/bench``), split the same way
  into ``bench-tune`` and ``bench-held``.
- ``bench-people``: people and posts gold written here for bench texts rich in posts
  (``eval/gold/bench-people/``, chosen by ``scripts/select_bench_people.py``), split the same
  way into ``bench-people-tune`` and ``bench-people-held``.
- ``bench-people2``: a further draw of such texts (``eval/gold/bench-people2/``,
  ``scripts/select_bench_people.py ../shared 36 2112``), split into ``bench-people2-tune`` and
  ``bench-people2-held``.
- ``bench-people3``: a third draw (``eval/gold/bench-people3/``, ``scripts/select_bench_people.py
  ../shared 36 3113``), split into ``bench-people3-tune`` and ``bench-people3-held``.
- ``bench-people4``: a fourth draw among longer such texts (``eval/gold/bench-people4/``,
  ``scripts/select_bench_people.py ../shared 24 4114 long``), split into ``bench-people4-tune``
  and ``bench-people4-held``; ``bench-people5`` and ``bench-people6`` likewise (``... 24 5115 long``,
  ``... 24 6116 long``); ``bench-people7`` among texts of ordinary length that name a few posts
  (``... 36 7117 some``); ``bench-people8`` among texts naming three or more titles, in passing
  or not (``... 36 8118 titled``), and ``bench-people9`` likewise (``... 36 9121 titled``); ``bench-people10`` to ``bench-people12`` among
  such texts that are not relation-rich (``... 36 10120 plain``, ``11120``, ``12120``).
- ``bench-relations``: a further draw of relation-rich bench texts with full gold
  (``eval/gold/bench-relations/``, ``scripts/select_bench_gold.py ../shared 120 22``), split
  into ``bench-relations-tune`` and ``bench-relations-held``; ``bench-relations2`` to
  ``bench-relations7`` six more (``... 48 2323``, ``2424``, ``2525``, ``2626``, ``2727``, ``2828``), split
  the same way.
"""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.evaluate.scores import SPLITS, load_gold, split_pairs

BENCH_JSONL = "corpus/bench/tai_lieu_noi_bo-3000.jsonl"
REPO_GOLD = Path(__file__).resolve().parents[2] / "eval" / "gold"
#: The draws of bench texts annotated for people and posts, in the order they were made.
PEOPLE_DRAWS = tuple(f"bench-people{n}" for n in ("", *(str(k) for k in range(2, 13))))
#: The draws of relation-rich bench texts annotated with full gold, after the first (``bench``).
RELATION_DRAWS = tuple(f"bench-relations{n}" for n in ("", *(str(k) for k in range(2, 8))))


def bench_gold(gold_dir: Path, bench_jsonl: Path, text_dir: Path) -> list[tuple[Path, dict]]:
    """(text path, gold) pairs for gold written on bench texts: each text is written to
    ``text_dir`` under its bench id (a bench id names a Markdown page: ``<hash>.md``)."""
    golds = {}
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        golds[gold["file"]] = gold
    text_dir.mkdir(parents=True, exist_ok=True)
    with bench_jsonl.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            if row["id"] in golds:
                (text_dir / row["id"]).write_text(row["text"], encoding="utf-8")
    return [(text_dir / name, gold) for name, gold in sorted(golds.items()) if (text_dir / name).is_file()]


def named_sets(shared: Path, text_dir: Path) -> dict[str, list[tuple[Path, dict]]]:
    """Every gold set by name (dev, dev2, dev3-tune, dev3-held and the tune and held halves of
    bench, bench-people, bench-people2 to 12 and bench-relations to bench-relations7), the ones whose files are missing left out."""
    sets: dict[str, list[tuple[Path, dict]]] = {}
    for name in ("dev", "dev2"):
        if (shared / "corpus" / name).is_dir():
            sets[name] = load_gold(shared / "corpus" / name)
    if (shared / "corpus" / "dev3").is_dir():
        dev3 = load_gold(shared / "corpus" / "dev3")
        for split in SPLITS:
            sets[f"dev3-{split}"] = split_pairs(dev3, split)
    for name in ("bench", *PEOPLE_DRAWS, *RELATION_DRAWS):
        gold_dir = REPO_GOLD / name
        if gold_dir.is_dir() and (shared / BENCH_JSONL).is_file():
            pairs = bench_gold(gold_dir, shared / BENCH_JSONL, text_dir)
            for split in SPLITS:
                sets[f"{name}-{split}"] = split_pairs(pairs, split)
    return sets
