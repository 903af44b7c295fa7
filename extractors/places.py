"""Place names that look like personal names.

Vietnam's current provinces and wards come from the ``vietnam-provinces`` package
(pure data, read lazily the first time a text needs it); seas, rivers, foreign places,
battle sites, former provinces and newspapers the package does not hold come from
``extractors/data/not_person_places.txt``, names of years from ``calendar_names.json``.
"""

from __future__ import annotations

import importlib.util
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

# The kind of unit written before a unit's own name in the package ("Phường Ba Đình").
_UNIT_KIND = re.compile(r"^(?:Thành phố|Tỉnh|Phường|Xã|Đặc khu|Thị trấn)\s+")


def _package_units() -> list[str]:
    """Province and ward names of the package, without their kind; [] when it is missing."""
    spec = importlib.util.find_spec("vietnam_provinces")  # finds the data without importing the enums
    if spec is None or not spec.submodule_search_locations:
        return []
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "nested-divisions.json"
    if not path.exists():
        return []
    names = []
    for province in json.loads(path.read_text(encoding="utf-8")):
        names.append(province["name"])
        names.extend(ward["name"] for ward in province.get("wards", ()))
    return [_UNIT_KIND.sub("", n) for n in names]


@cache
def administrative_units() -> frozenset[str]:
    """Case-folded names of current provinces and wards ("ba đình", "vũ ninh")."""
    return frozenset(" ".join(n.split()).casefold() for n in _package_units())


@cache
def never_people() -> frozenset[str]:
    """Case-folded places from the data table and names of years ("Đinh Mùi"): never a
    person, whatever stands around them."""
    from extractors.patterns import people as P  # its patterns take a while to compile: a rollout needs none

    calendar = P._load_json("calendar_names.json")
    years = {f"{stem} {branch}" for stem in calendar["stems"] for branch in calendar["branches"]}
    return frozenset(n.casefold() for n in (*P._load_lines("not_person_places.txt"), *years))


# --- provincial units, today's and former ---------------------------------------------


def _data_lines(name: str) -> list[str]:
    """The lines of a table in ``extractors/data``, without blanks and ``#`` comments (as
    ``extractors.patterns.people`` reads its tables, without compiling its patterns)."""
    lines = (Path(__file__).resolve().parent / "data" / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@dataclass(frozen=True)
class ProvinceName:
    """A name a text may give a provincial unit: the former unit it names and today's unit."""

    written: str  # as the table writes it: "Bắc Giang", "TP.HCM"
    former: str  # the unit before 12 June 2025: "Bắc Giang"
    today: str  # the unit it is part of today: "Bắc Ninh"


def _today_in_package() -> list[str]:
    """Today's 34 provincial units as the package names them, without their kind; [] when it is missing."""
    spec = importlib.util.find_spec("vietnam_provinces")
    if spec is None or not spec.submodule_search_locations:
        return []
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "nested-divisions.json"
    if not path.exists():
        return []
    return [_UNIT_KIND.sub("", p["name"]) for p in json.loads(path.read_text(encoding="utf-8"))]


@cache
def province_names() -> tuple[ProvinceName, ...]:
    """Every name of a provincial unit in ``extractors/data/former_provinces.tsv`` (former
    units, today's, and other spellings), each with the former unit and today's."""
    names = []
    for line in _data_lines("former_provinces.tsv")[1:]:  # the header
        former, today, *rest = line.split("\t")
        names.append(ProvinceName(former, former, today))
        names += [ProvinceName(alias, former, today) for alias in (rest[0].split("|") if rest else ()) if alias]
    return tuple(names)


@cache
def today_provinces() -> tuple[str, ...]:
    """Today's 34 provincial units (from vietnam-provinces; the table's when the package is missing)."""
    table = list(dict.fromkeys(n.today for n in province_names()))
    package = _today_in_package()
    if package and set(package) != set(table):
        raise ValueError(f"former_provinces.tsv and vietnam-provinces disagree: {sorted(set(package) ^ set(table))}")
    return tuple(package or table)
