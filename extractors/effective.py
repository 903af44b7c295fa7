"""A directive's own effective date: "có hiệu lực kể từ ngày ký", "có hiệu lực từ ngày 01/7/2025".

:func:`find_effective` reads the clause the document writes about itself ("Quyết định
này có hiệu lực ...") and gives the date it names, or the document's own date when it
is in force from signing. Offsets index the normalized text.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractors.models import DateMention, EffectiveDate
from extractors.patterns import effective as P

_DATE_REACH = 6  # characters between "từ ngày" and a date mention that starts there


def find_effective(text: str, dates: Sequence[DateMention] = (), issued: str | None = None) -> EffectiveDate | None:
    """The first effective-date clause of ``text`` about the document itself, or None.

    ``dates`` are the text's date mentions (:func:`extractors.dates.find_dates`) and
    ``issued`` the document's own date (ISO), the value of "từ ngày ký".

    >>> from extractors.dates import find_dates
    >>> text = "Quyết định này có hiệu lực từ ngày 01/7/2025."
    >>> e = find_effective(text, find_dates(text))
    >>> e.kind, e.value, text[e.start:e.end]
    ('date', '2025-07-01', 'có hiệu lực từ ngày 01/7/2025')
    >>> find_effective("Chỉ thị này có hiệu lực kể từ ngày ký.", (), "2024-03-02").value
    '2024-03-02'
    """
    for m in P.EFFECTIVE_CLAUSE.finditer(text):
        start = m.start() + text[m.start() : m.end()].find("có")  # the span starts at "có hiệu lực"
        when = m.start("when")
        signing = P.ON_SIGNING.match(text, m.end())
        if signing:
            return EffectiveDate(start, signing.end(), "on_signing", issued)
        for d in dates:
            if when <= d.start <= when + _DATE_REACH and d.kind == "date" and d.value:
                return EffectiveDate(start, d.end, "date", d.value)
    return None
