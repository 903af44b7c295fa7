"""underthesea's ``word_tokenize`` alone over the non-empty lines of a JSON Lines dump.

The baseline that ``vanban extract`` is compared with, as a whole process:

    /usr/bin/time -v .venv/bin/python benchmarks/tokenizer_alone.py sample.jsonl
    /usr/bin/time -v .venv/bin/vanban extract sample.jsonl -o /dev/null

Each line of the dump is one JSON object with a ``text`` field; each non-empty
line of that text is given to ``word_tokenize`` (as vanban's tokenizer does).
Prints the documents, lines and seconds. A benchmark: it asserts nothing.
"""

from __future__ import annotations

import json
import sys
import time


def main(path: str) -> None:
    from underthesea import word_tokenize

    started = time.perf_counter()
    documents = lines = 0
    with open(path, encoding="utf-8") as stream:
        for row in stream:
            if not row.strip():
                continue
            documents += 1
            for line in json.loads(row).get("text", "").split("\n"):
                if line.strip():
                    word_tokenize(line)
                    lines += 1
    seconds = time.perf_counter() - started
    print(f"{documents} documents, {lines} lines, {seconds:.2f} s ({documents / seconds:.1f} docs/s)")


if __name__ == "__main__":
    main(sys.argv[1])
