"""Scoring posts as GOLD.md says: prefix and contains, abbreviations expanded, a leading
"nguyên" or "cựu" ignored on both sides."""

from __future__ import annotations

import pytest

from pipeline.evaluate.scores import post_key, post_matches


@pytest.mark.parametrize(
    ("gold", "found", "matches"),
    [
        (["phó thủ tướng"], "nguyên Phó Thủ tướng", True),  # former in the output
        (["cựu thứ trưởng"], "Thứ trưởng Bộ Công Thương", True),  # former in the gold
        (["nguyên bộ trưởng bộ tài chính"], "cựu Bộ trưởng Bộ Tài chính", True),
        (["chủ tịch ubnd tỉnh", "bình định"], "Chủ tịch Ủy ban nhân dân tỉnh Bình Định", True),
        (["phó thủ tướng"], "Thủ tướng", False),
        (["bộ trưởng"], "nguyên Thứ trưởng", False),
        (["nguyên soái"], "Nguyên soái", True),
        (["soái"], "Nguyên soái", False),  # "Nguyên soái" (a marshal) is no former post
        (["nguyên thủ quốc gia"], "Nguyên thủ quốc gia", True),
    ],
)
def test_a_gold_post_is_found(gold, found, matches):
    assert post_matches(gold, [post_key(found)]) is matches
