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
from functools import cache
from pathlib import Path

from extractors.patterns import people as P

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
    calendar = P._load_json("calendar_names.json")
    years = {f"{stem} {branch}" for stem in calendar["stems"] for branch in calendar["branches"]}
    return frozenset(n.casefold() for n in (*P._load_lines("not_person_places.txt"), *years))
