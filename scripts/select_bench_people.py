"""Choose the bench texts that helpers annotate for people and posts gold (issue 21).

Texts that give posts to people — five or more titles and a career or appointment word
(biographies, personnel news, office-holder tables) — of a length an annotator can read
twice, drawn with a fixed seed. Left out: texts that already have gold here
(``eval/gold/bench``), the slice judged last round (bench lines 2861-2960) and texts also in
dev, dev2 or dev3. Prints one bench id per line, in the order drawn.

    python scripts/select_bench_people.py ../shared 75 > ids.txt
"""

import json
import random
import re
import sys
from pathlib import Path

# A title a person holds, deputy or not.
TITLE = re.compile(
    r"(?:Phó )?(?:Bí thư|Chủ tịch|Bộ trưởng|Thứ trưởng|Giám đốc|Trưởng ban|Ủy viên|Tổng Bí thư|Thủ tướng"
    r"|Chủ nhiệm|Tư lệnh|Chính ủy|Cục trưởng|Viện trưởng|Tổng cục trưởng|Hiệu trưởng|Đại sứ)"
)
# Words of a career or an appointment: biographies and personnel news.
CAREER = re.compile(r"Tiểu sử|[Qq]uá trình công tác|[Ss]inh (?:ngày|năm)|được bầu|bổ nhiệm|giữ chức")
SEED = 21
JUDGED_LAST_ROUND = range(2860, 2961)
REPO = Path(__file__).resolve().parents[1]


def main(shared: Path, count: int) -> None:
    known = {p.stem for d in ("dev", "dev2", "dev3") for p in (shared / "corpus" / d).iterdir()}
    annotated = {json.loads(p.read_text(encoding="utf-8"))["file"] for p in (REPO / "eval/gold/bench").glob("*.json")}
    rows = [json.loads(line) for line in (shared / "corpus/bench/tai_lieu_noi_bo-3000.jsonl").open(encoding="utf-8")]
    pool = [
        row["id"]
        for index, row in enumerate(rows)
        if index not in JUDGED_LAST_ROUND
        and row["id"] not in annotated
        and row["id"].rsplit(".", 1)[0] not in known
        and 600 < len(row["text"]) < 9000
        and len(TITLE.findall(row["text"])) >= 5
        and CAREER.search(row["text"])
    ]
    for bench_id in random.Random(SEED).sample(sorted(pool), count):
        print(bench_id)


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))
