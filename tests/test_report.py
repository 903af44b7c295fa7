"""`vanban report` ranks what it lists: people by how many texts name them (each post once),
relations by how many texts give them, then how cited their target is, then confidence."""

from __future__ import annotations

from pipeline.cli.commands import format_findings
from tests.records import citation, record, relation


def _person(name, *posts):
    return {"name": name, "start": 0, "end": len(name), "posts": [{"title": t, "organization": o} for t, o in posts]}


def _records() -> list[dict]:
    often = _person("Vũ Văn Xuân", ("Bí thư", "Tỉnh ủy Nam Định"))
    return [
        record(
            "a",
            [citation("9-KL/TW", 0), citation("1-HD/TW", 30)],
            [relation("1-HD/TW", "implements", "9-KL/TW")],
            None,
            [_person("An Văn A", ("Thứ trưởng", "Bộ Y tế")), often],
        ),
        record(
            "b",
            [citation("9-KL/TW", 0), citation("7-HD/TW", 30)],
            [relation("7-HD/TW", "implements", "9-KL/TW")],
            None,
            [_person("Vũ Văn Xuân", ("bí thư", "Tỉnh ủy nam định"))],
        ),
        record(
            "c",
            [citation("9-KL/TW", 0), citation("7-HD/TW", 30)],
            [relation("7-HD/TW", "implements", "9-KL/TW")],
            None,
            [often],
        ),
        record(
            "d",
            [citation("2-NQ/TW", 0), citation("0-HD/TW", 30)],
            [relation("0-HD/TW", "based_on", "2-NQ/TW", confidence=0.99)],
        ),
    ]


def test_report_ranks_people_by_texts_and_relations_by_importance():
    out = format_findings(_records(), [], top=10)
    people = out.split("people and posts")[1].splitlines()[1:]
    assert people[0] == "  Vũ Văn Xuân (3 texts): Bí thư Tỉnh ủy Nam Định"  # before "An Văn A", each post once
    assert people[1].startswith("  An Văn A (1 texts)")
    relations = out.split("relations between documents")[1].split("\n\n")[0].splitlines()[1:]
    assert relations[0].startswith("  7-HD/TW --implements--> 9-KL/TW   (2 texts")  # given by two texts
    assert relations[1].startswith("  1-HD/TW --implements--> 9-KL/TW")  # one text, target cited by three
    assert relations[2].startswith("  0-HD/TW --based_on--> 2-NQ/TW")  # first by name, last by importance
