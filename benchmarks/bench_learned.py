"""What the learned decisions cost: facts of the same texts with the rules alone, with the learned
relation decision only, and as shipped (both learned decisions: relations and posts), timed side by
side in one process, the order rotating from text to text.

    python benchmarks/bench_learned.py ../shared/corpus/bench/tai_lieu_noi_bo-3000.jsonl 300

Prints docs/s for each and each one's ratio to the rules alone (docs/s ÷ docs/s: below 1 means
the learned decisions make extraction slower; 0.9 would be the 10 % the issues allow).
"""

import json
import sys
import time

from pipeline.run.facts import find_facts
from vntext.normalize import normalize

#: name -> (relations mode, posts mode)
SETUPS = {"rules": ("rules", "rules"), "relations learned": ("hybrid", "rules"), "shipped": ("hybrid", "hybrid")}


def main(path: str, count: int) -> None:
    texts = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            texts.append(normalize(json.loads(line)["text"], "md").text)
            if len(texts) >= count:
                break
    names = list(SETUPS)
    spent = dict.fromkeys(names, 0.0)
    for i, text in enumerate(texts):  # rotate which goes first: noise and warm caches fall on all alike
        for name in names[i % 3 :] + names[: i % 3]:
            relations, posts = SETUPS[name]
            start = time.perf_counter()
            find_facts(text, relations_mode=relations, posts_mode=posts)
            spent[name] += time.perf_counter() - start
    for name, seconds in spent.items():
        ratio = spent["rules"] / seconds
        print(
            f"{name:<13} {len(texts) / seconds:7.1f} docs/s  ratio to rules {ratio:.3f}  ({seconds:.1f} s, {len(texts)} texts)"
        )


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 300)
