"""Choose the bench texts that helpers annotate for relation gold (issue 20).

Texts that cite two or more coded documents and carry a relation signal word, of a length an
annotator can read twice, drawn with a fixed seed; the held-out slice judged last round (bench
lines 2861-2960) and any text that is also in dev, dev2 or dev3 are left out. Prints one bench
id per line, in the order drawn.

    python scripts/select_bench_gold.py ../shared 180 > ids.txt            # the first draw (seed 20)
    python scripts/select_bench_gold.py ../shared 120 22 > more.txt        # bench-relations (seed 22)
    python scripts/select_bench_gold.py ../shared 48 2323 > third.txt      # bench-relations2
    python scripts/select_bench_gold.py ../shared 48 2424 > fourth.txt     # bench-relations3
    python scripts/select_bench_gold.py ../shared 48 2525 > fifth.txt      # bench-relations4
    python scripts/select_bench_gold.py ../shared 48 2626 > sixth.txt      # bench-relations5
    python scripts/select_bench_gold.py ../shared 48 2727 > seventh.txt    # bench-relations6
    python scripts/select_bench_gold.py ../shared 48 2828 > eighth.txt     # bench-relations7

Each draw leaves out the texts that had gold here when it was made (``ROUNDS``), so an
earlier draw still prints the same ids; a draw with a new seed leaves out every gold folder.
"""

import json
import random
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

# A party code (12-HD/BTCTW), a state code with a year (56/2015/NĐ-CP) or without (439/QĐ-TTg).
CODE = re.compile(r"\d+[-–]\w+/\w+|\d+/\d{4}/[\w-]+|\d+/[A-ZĐ]+-\w+")
# Words that signal a typed relation between two documents.
SIGNAL = re.compile(r"Căn cứ|[Tt]hực hiện|sửa đổi|thay thế|bãi bỏ|hết hiệu lực|hướng dẫn")
SEED = 20
# The recorded draws, round by round in the order they were made: (gold folder, seed) of each
# draw of a round (a round's draws were made together). A draw leaves out the folders of every
# earlier round, those that existed when it was made.
ROUNDS: tuple[tuple[tuple[str, int], ...], ...] = (
    (("bench", SEED),),
    (("bench-people", 21),),
    (("bench-relations", 22),),
    (("bench-people2", 2112),),
    (("bench-people3", 3113),),
    (("bench-people4", 4114),),
    (("bench-people5", 5115),),
    (("bench-people6", 6116),),
    (("bench-relations2", 2323), ("bench-people7", 7117)),
    (("bench-relations3", 2424), ("bench-people8", 8118)),
    (("bench-relations4", 2525), ("bench-people9", 9121)),
    (("bench-relations5", 2626), ("bench-people10", 10120)),
    (("bench-relations6", 2727), ("bench-people11", 11120)),
    (("bench-relations7", 2828), ("bench-people12", 12120)),
)


def left_out(seed: int) -> tuple[str, ...]:
    """The gold folders a draw with ``seed`` leaves out: those of the rounds before its own, or
    for a seed not recorded (a new draw) every gold folder here."""
    for n, round_ in enumerate(ROUNDS):
        if seed in (s for _, s in round_):
            return tuple(sorted(folder for earlier in ROUNDS[:n] for folder, _ in earlier))
    return every_gold_folder()


JUDGED_LAST_ROUND = range(2860, 2961)
REPO = Path(__file__).resolve().parents[1]


def draw(shared: Path, count: int, seed: int, keep: Callable[[str], bool], annotated: Sequence[str] = ()) -> list[str]:
    """``count`` bench ids drawn with ``seed`` among the texts ``keep`` accepts, leaving out the
    slice judged last round, texts also in dev, dev2 or dev3, and texts with gold here in the
    ``annotated`` folders of ``eval/gold``."""
    known = {p.stem for d in ("dev", "dev2", "dev3") for p in (shared / "corpus" / d).iterdir()}
    known |= {p.stem for d in annotated for p in (REPO / "eval" / "gold" / d).glob("*.json")}
    rows = [json.loads(line) for line in (shared / "corpus/bench/tai_lieu_noi_bo-3000.jsonl").open(encoding="utf-8")]
    pool = [
        row["id"]
        for index, row in enumerate(rows)
        if index not in JUDGED_LAST_ROUND and row["id"].rsplit(".", 1)[0] not in known and keep(row["text"])
    ]
    return random.Random(seed).sample(sorted(pool), count)


def every_gold_folder() -> tuple[str, ...]:
    """The gold folders here (a second annotation's folder holds texts of its first one)."""
    return tuple(
        sorted(d.name for d in (REPO / "eval" / "gold").iterdir() if d.is_dir() and not d.name.endswith("-second"))
    )


def relation_rich(text: str) -> bool:
    """Cites two or more coded documents with a relation signal word, readable twice."""
    return 800 < len(text) < 10000 and len(set(CODE.findall(text))) >= 2 and bool(SIGNAL.search(text))


def main(shared: Path, count: int, seed: int = SEED) -> None:
    annotated = left_out(seed)
    for bench_id in draw(shared, count, seed, relation_rich, annotated):
        print(bench_id)


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else SEED)
