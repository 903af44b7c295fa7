"""Choose the bench texts that helpers annotate for people and posts gold (issue 21).

Texts that give posts to people — five or more titles and a career or appointment word
(biographies, personnel news, office-holder tables) — of a length an annotator can read
twice, drawn with a fixed seed. Left out: texts that already have gold here
(``eval/gold/bench``), the slice judged last round (bench lines 2861-2960) and texts also in
dev, dev2 or dev3. Prints one bench id per line, in the order drawn.

    python scripts/select_bench_people.py ../shared 75 > ids.txt
    python scripts/select_bench_people.py ../shared 36 2112 > more.txt  # a further draw
    python scripts/select_bench_people.py ../shared 36 3113 > third.txt  # bench-people3
    python scripts/select_bench_people.py ../shared 24 4114 long > fourth.txt  # bench-people4
    python scripts/select_bench_people.py ../shared 24 5115 long > fifth.txt  # bench-people5
    python scripts/select_bench_people.py ../shared 24 6116 long > sixth.txt  # bench-people6
    python scripts/select_bench_people.py ../shared 36 7117 some > seventh.txt  # bench-people7
    python scripts/select_bench_people.py ../shared 36 8118 titled > eighth.txt  # bench-people8
    python scripts/select_bench_people.py ../shared 36 9121 titled > ninth.txt  # bench-people9
    python scripts/select_bench_people.py ../shared 36 10120 plain > tenth.txt  # bench-people10
    python scripts/select_bench_people.py ../shared 36 11120 plain > eleventh.txt  # bench-people11
    python scripts/select_bench_people.py ../shared 36 12120 plain > twelfth.txt  # bench-people12

``long`` draws among the longer such texts (9,000 to 20,000 characters: whole biographies
and office lists), once the shorter ones are used up; ``some`` among texts of ordinary length with
three or more titles and a career word (personnel news that names a few posts), once both
are nearly used up; ``titled`` among those with three or more titles, career word or not (news
and pages that name office-holders in passing); ``plain`` among those that are not also relation-rich
(so that a relations draw made at the same time shares no text with it).

Each draw leaves out the texts that had gold here when it was made (``select_bench_gold.ROUNDS``
records the rounds of both scripts), so an earlier draw still prints the same ids; a draw with a
new seed leaves out every gold folder.
"""

import re
import sys
from pathlib import Path

from select_bench_gold import (  # the same pool rules and draw (this folder is on sys.path when run)
    draw,
    left_out,
    relation_rich,
)

# A title a person holds, deputy or not.
TITLE = re.compile(
    r"(?:Phó )?(?:Bí thư|Chủ tịch|Bộ trưởng|Thứ trưởng|Giám đốc|Trưởng ban|Ủy viên|Tổng Bí thư|Thủ tướng"
    r"|Chủ nhiệm|Tư lệnh|Chính ủy|Cục trưởng|Viện trưởng|Tổng cục trưởng|Hiệu trưởng|Đại sứ)"
)
# Words of a career or an appointment: biographies and personnel news.
CAREER = re.compile(r"Tiểu sử|[Qq]uá trình công tác|[Ss]inh (?:ngày|năm)|được bầu|bổ nhiệm|giữ chức")
SEED = 21


def rich_in_posts(text: str, shortest: int = 601, longest: int = 9000) -> bool:
    """Five or more titles and a career or appointment word, in a text of ``shortest`` to
    ``longest`` characters (by default one an annotator can read twice)."""
    return shortest <= len(text) < longest and len(TITLE.findall(text)) >= 5 and bool(CAREER.search(text))


def long_and_rich_in_posts(text: str) -> bool:
    """As :func:`rich_in_posts`, for texts of 9,000 to 20,000 characters."""
    return rich_in_posts(text, 9000, 20000)


def some_posts(text: str) -> bool:
    """Three or more titles and a career or appointment word, in a text an annotator can read twice."""
    return 601 <= len(text) < 9000 and len(TITLE.findall(text)) >= 3 and bool(CAREER.search(text))


def titled(text: str) -> bool:
    """Three or more titles, in a text an annotator can read twice."""
    return 601 <= len(text) < 9000 and len(TITLE.findall(text)) >= 3


def titled_plain(text: str) -> bool:
    """As :func:`titled`, for a text a relations draw would not choose (:func:`relation_rich`)."""
    return titled(text) and not relation_rich(text)


#: The texts each kind of draw chooses among.
KINDS = {"": rich_in_posts, "long": long_and_rich_in_posts, "some": some_posts, "titled": titled, "plain": titled_plain}


def main(shared: Path, count: int, seed: int = SEED, kind: str = "") -> None:
    annotated = left_out(seed)
    keep = KINDS[kind]
    for bench_id in draw(shared, count, seed, keep, annotated):
        print(bench_id)


if __name__ == "__main__":
    main(
        Path(sys.argv[1]),
        int(sys.argv[2]),
        int(sys.argv[3]) if len(sys.argv) > 3 else SEED,
        sys.argv[4] if len(sys.argv) > 4 else "",
    )
