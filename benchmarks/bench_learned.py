"""What the learned decisions cost: facts of the same texts with rules alone and with the learned
relation decision and post attachment (hybrid), timed side by side in one process, alternating.

    python benchmarks/bench_learned.py ../shared/corpus/bench/tai_lieu_noi_bo-3000.jsonl 300

Prints docs/s for each and the ratio hybrid/rules (docs/s ÷ docs/s: below 1 means the learned
decisions make extraction slower; 0.9 would be the 10 % the issues allow).
"""

import json
import sys
import time

from pipeline.run.facts import find_facts
from vntext.normalize import normalize


def main(path: str, count: int) -> None:
    texts = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            texts.append(normalize(json.loads(line)["text"], "md").text)
            if len(texts) >= count:
                break
    spent = {"rules": 0.0, "hybrid": 0.0}
    for i, text in enumerate(texts):  # alternate which goes first: noise and warm caches fall on both alike
        for mode in ("rules", "hybrid") if i % 2 else ("hybrid", "rules"):
            start = time.perf_counter()
            find_facts(text, relations_mode=mode, posts_mode=mode)
            spent[mode] += time.perf_counter() - start
    for mode, seconds in spent.items():
        print(f"{mode:<7} {len(texts) / seconds:7.1f} docs/s ({seconds:.1f} s for {len(texts)} texts)")
    print(f"ratio hybrid/rules (docs/s; below 1 = slower): {spent['rules'] / spent['hybrid']:.3f}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 300)
