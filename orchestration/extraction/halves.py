"""A count said of the day and the night each ('0类区昼夜各监测2点次', '其中昼间、夜间各监测143次'):
two figures, the day's and the night's, each named by its half of the day.

What belongs here: recognising such a count from the words of its clause (maps/cues.yml
`day_and_night_each_patterns`) and naming its two halves. The reader (extractor.py) lands them as
two open-vocabulary facts; no catalogue code counts monitoring by halves of the day.
"""

from __future__ import annotations

from orchestration.extraction.clause import Clause
from orchestration.extraction.cues import cues
from orchestration.extraction.own_names import OwnName
from orchestration.extraction.reading import CLAUSE_BREAKS_KEEPING_LISTS

HALVES = ("昼间", "夜间")  # the day's and the night's, in the order they are landed


def day_and_night_each(c: Clause) -> tuple[OwnName, OwnName] | None:
    """The day's and the night's names of a count said of both each (the words before the
    number, its counter after it: '0类区' + '昼间' + '监测' + '点次'), or None."""
    mention, the_cues = c.mention, cues()
    if c.kind != "actual" or mention.unit_code != "count":
        return None
    clause_start = c.doc.clause_start(mention.start, c.sentence_start, CLAUSE_BREAKS_KEEPING_LISTS)
    words = c.text[clause_start : mention.start]
    found = next((m for p in the_cues.day_and_night_each_patterns
                  if (m := p.search(words)) is not None), None)  # fmt: skip
    if found is None:
        return None
    head = found["head"]
    for word in the_cues.own_name_scope_words:
        head = head.removeprefix(word)
    counter = c.text[mention.number_end : mention.end]
    day, night = (OwnName(head + half + found["verb"] + counter, clause_start, True)
                  for half in HALVES)  # fmt: skip
    return day, night
