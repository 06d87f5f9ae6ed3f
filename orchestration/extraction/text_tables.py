"""Tables written as lines of text: a heading that names an indicator ('省会城市空气质量排名'),
then rows of places each followed by its figure, a row opened by the month it is of
('1月 哈尔滨 66 长春 57 沈阳 68' — the spaces folded away: '1月哈尔滨66长春57沈阳68').

What belongs here: finding such rows (a line that is wholly an optional period label of
maps/cues.yml `text_table_row_periods` and two or more places, each right before a bare number)
and their heading (the short lines right above the first row, none closing a sentence), and
reading each cell into one fact: the heading's indicator (its last catalogue name, only a rank
word of `text_table_rank_words` or a tail of `ranked_list_name_tails` after it), a rank when the
heading ends with a rank word, else a level in the indicator's own unit when that unit is an
index (a bare number states no other unit); the place's own region; the row's month of the
report year. The rows' numbers are claimed here, so no other reading gives them to the
document's region. A heading without such a name, or a place that does not resolve to one
region, states nothing (a wrong fact is worse than a missing one).
"""

from __future__ import annotations

from orchestration.extraction.aliases import Alias
from orchestration.extraction.assembly import build
from orchestration.extraction.cues import cues
from orchestration.extraction.facts import Fact
from orchestration.extraction.quantities import RANK_UNIT, Mention
from orchestration.extraction.ranked_lists import place_region
from orchestration.extraction.reading import Document
from orchestration.parsing.measures import MeasureRefused

HEADING_LINES = 3  # the most lines of a heading above a table's first row
HEADING_LENGTH = 30  # the longest line of a heading (a longer one is prose)
SENTENCE_ENDS = ("。", "!", "?", ";")  # a line ending so is prose, no heading
_INDEX_UNITS = ("index",)  # the units a bare number of a table may be a level in


def text_tables(doc: Document) -> tuple[list[Fact], set[int]]:
    """The facts of every table written as text lines, and the starts of the numbers its rows
    hold (stated by a table, whether or not a fact could be read from them)."""
    facts: list[Fact] = []
    claimed: set[int] = set()
    lines = _lines(doc.text)
    index = 0
    while index < len(lines):
        rows = []
        while index < len(lines):
            row = _row(doc, *lines[index])
            if row is None:
                break
            rows.append(row)
            index += 1
        if not rows:
            index += 1
            continue
        claimed.update(m.number_start for _, _, cells in rows for _, m in cells)
        heading = _heading(doc, lines[: index - len(rows)])
        if heading is None:
            continue
        alias, kind = heading
        for row_start, month, cells in rows:
            for place_start, mention in cells:
                fact = _fact(doc, alias, kind, row_start, month, place_start, mention)
                if fact is not None:
                    facts.append(fact)
    return facts, claimed


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of the text."""
    spans, start = [], 0
    for end in [i for i, char in enumerate(text) if char == "\n"] + [len(text)]:
        spans.append((start, end))
        start = end + 1
    return spans


def _row(doc: Document, start: int,
         end: int) -> tuple[int, int | None, list[tuple[int, Mention]]] | None:  # fmt: skip
    """(start, month or None, [(start of the place, its number)]) of a line that is wholly a
    row of a table: an optional period label, then two or more places each right before a bare
    number; None for any other line."""
    text, month, pos = doc.text, None, start
    for pattern in cues().text_table_row_periods:
        label = pattern.match(text, pos, end)
        if label is not None:
            month, pos = int(label["month"]), label.end()
            break
    cells = []
    while pos < end:
        place = max((e for s, e, _ in doc.regions if s == pos and e <= end), default=None)
        number = next((m for m in doc.mentions if m.start == place), None) if place else None
        if number is None or number.unit_code is not None or number.end > end:
            return None
        cells.append((pos, number))
        pos = number.end
    return (start, month, cells) if len(cells) >= 2 else None


def _heading(doc: Document, above: list[tuple[int, int]]) -> tuple[Alias, str] | None:
    """(the indicator, the kind of the cells) named by the short lines right above a table;
    None when they name none, or name it with other words after it."""
    text, the_cues = doc.text, cues()
    lines = []
    for start, end in reversed(above[-HEADING_LINES:]):
        line = text[start:end]
        if not line or end - start > HEADING_LENGTH or line.endswith(SENTENCE_ENDS):
            break
        lines.insert(0, (start, end))
    if not lines:
        return None
    start, end = lines[0][0], lines[-1][1]
    aliases = doc.aliases_between(start, end)
    if not aliases:
        return None
    alias, heading = aliases[-1], text[start:end]
    ranked = heading.endswith(tuple(the_cues.text_table_rank_words))
    tail = text[alias.end : end]
    for word in the_cues.text_table_rank_words:
        tail = tail.removesuffix(word)
    if tail and tail not in the_cues.ranked_list_name_tails:
        return None  # '…优良天数比例变化': another figure than the indicator's
    if ranked:
        return alias, "rank"
    if doc.lex.indicators[alias.code].unit_code in _INDEX_UNITS:
        return alias, "actual"
    return None


def _fact(doc: Document, alias: Alias, kind: str, row_start: int, month: int | None,
          place_start: int, mention: Mention) -> Fact | None:  # fmt: skip
    """One cell's fact, or None (an unresolved place, no year for the row's month, a figure
    the indicator refuses)."""
    region_code = place_region(doc, place_start, mention.start)
    year = doc.context.year
    if not region_code or year is None:
        return None
    period_code = f"{year}-{month:02d}" if month else str(year)
    indicator = doc.lex.indicators[alias.code]
    unit = RANK_UNIT if kind == "rank" else indicator.unit_code
    value = Mention(mention.start, mention.end, mention.number_start, mention.number_end,
                    mention.value, unit, None, "=")  # fmt: skip
    try:  # quoted from the row's start: '1月 哈尔滨 66 长春 57'
        return build(doc, value, Alias(row_start, mention.start, alias.code), indicator, kind,
                     None, period_code, region_code)  # fmt: skip
    except MeasureRefused:
        return None
