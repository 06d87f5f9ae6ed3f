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

Also tables written one cell per line ('城市\nγ辐射空气吸收剂量率\n(纳戈瑞/小时)\n西安市\n80.6\n
宝鸡市\n88.7'): a heading of the places' column, the figure's name and its unit, then each place
on its line with its bare number on the next (_column_tables).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from orchestration.extraction.aliases import Alias
from orchestration.extraction.assembly import build
from orchestration.extraction.cues import cues
from orchestration.extraction.facts import Fact
from orchestration.extraction.quantities import RANK_UNIT, Mention
from orchestration.extraction.ranked_lists import place_region
from orchestration.extraction.reading import Document
from orchestration.parsing.measures import MeasureRefused
from orchestration.parsing.units import registry

HEADING_LINES = 3  # the most lines of a heading above a table's first row
HEADING_LENGTH = 30  # the longest line of a heading (a longer one is prose)
SENTENCE_ENDS = ("。", "!", "?", ";")  # a line ending so is prose, no heading
_INDEX_UNITS = ("index",)  # the units a bare number of a table may be a level in
_UNIT_LINE = re.compile(r"\((.+)\)")  # a heading line that is a unit in parentheses
_PLACE_LINE = re.compile("[\u4e00-\u9fff]{1,8}(?:省|市|区|县|州|盟|旗)")  # a line naming a place


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
    column_facts, column_numbers = _column_tables(doc)
    return facts + column_facts, claimed | column_numbers


def _column_tables(doc: Document) -> tuple[list[Fact], set[int]]:
    """The facts of tables written one cell per line: a heading of short lines (the places'
    column, maps/cues.yml `text_table_place_headers`; the figure's name; its unit in
    parentheses), then two or more places each on its line with its bare number on the next
    non-blank line. The indicator the name wholly spells takes the cells, in the heading's unit
    (or its own index unit); a name no spelling claims keeps its words (open vocabulary) when the
    heading states a unit; a heading with neither states nothing."""
    facts: list[Fact] = []
    claimed: set[int] = set()
    lines = [_stripped(doc.text, s, e) for s, e in _lines(doc.text)]
    lines = [(s, e) for s, e in lines if e > s]
    index = 0
    while index < len(lines):
        first, cells = index, []
        while index + 1 < len(lines):
            cell = _column_cell(doc, lines[index], lines[index + 1])
            if cell is None:
                break
            cells.append(cell)
            index += 2
        if len(cells) < 2:
            index = first + 1
            continue
        claimed.update(m.number_start for _, m in cells)
        heading = _column_heading(doc, lines[max(first - HEADING_LINES - 1, 0) : first])
        for place, mention in cells if heading is not None else ():
            fact = _column_fact(doc, heading, place, mention)
            if fact is not None:
                facts.append(fact)
    return facts, claimed


def _column_cell(doc: Document, place: tuple[int, int],
                 number: tuple[int, int]) -> tuple[tuple[int, int], Mention] | None:  # fmt: skip
    """(the place's span, its number) when one line is wholly a place (one the reference may not
    know: '杨凌区', whose cell then states nothing) and the next wholly a bare number; else
    None."""
    if not place_region(doc, *place) and not _PLACE_LINE.fullmatch(doc.text[slice(*place)]):
        return None
    found = next((m for m in doc.mentions if (m.start, m.end) == number), None)
    return (place, found) if found is not None and found.unit_code is None else None


@dataclass(frozen=True)
class _ColumnHeading:
    name: tuple[int, int]  # the span of the figure's name
    code: str  # '' for a name no catalogue spelling claims
    unit: str


def _column_heading(doc: Document, above: list[tuple[int, int]]) -> _ColumnHeading | None:
    """The figure a one-cell-per-line table states, from the short lines right above its first
    place: the places' column header, the name, the unit in parentheses; None without a header
    and a name, or without a unit for a name no indicator claims."""
    text, the_cues, units = doc.text, cues(), registry()
    name, unit, headed = None, None, False
    for start, end in reversed(above):
        line = text[start:end]
        if end - start > HEADING_LENGTH or line.endswith(SENTENCE_ENDS):
            break
        inner = _UNIT_LINE.fullmatch(line)
        if inner is not None and units.knows(inner.group(1)) and unit is None and name is None:
            unit = units.resolve(inner.group(1)).code
        elif line in the_cues.text_table_place_headers:
            headed = True
            break
        elif name is None:
            name = (start, end)
        else:
            break
    if name is None or not headed:
        return None
    alias = next((a for a in doc.aliases_between(*name) if (a.start, a.end) == name), None)
    if alias is not None:
        own_unit = doc.lex.indicators[alias.code].unit_code
        unit = unit or (own_unit if own_unit in _INDEX_UNITS else None)
        return _ColumnHeading(name, alias.code, unit) if unit else None
    return _ColumnHeading(name, "", unit) if unit else None


def _column_fact(doc: Document, heading: _ColumnHeading, place: tuple[int, int],
                 mention: Mention) -> Fact | None:  # fmt: skip
    """One cell's fact (the heading's figure of the place, in the release's period), or None (a
    place of no one region, no period, a value the indicator refuses)."""
    region_code = place_region(doc, *place)
    period_code = doc.context.period_code or (str(doc.context.year) if doc.context.year else "")
    if not region_code or not period_code:
        return None
    value = Mention(mention.start, mention.end, mention.number_start, mention.number_end,
                    mention.value, heading.unit, None, "=")  # fmt: skip
    if heading.code:
        indicator = doc.lex.indicators[heading.code]
        try:  # quoted from the place: '西安市\n\n80.6'
            return build(doc, value, Alias(place[0], place[1], heading.code), indicator,
                         "actual", None, period_code, region_code)  # fmt: skip
        except MeasureRefused:
            return None
    char_start, char_end = doc.folded.span(place[0], mention.end)
    return Fact(
        indicator_code="", indicator_name_zh=doc.text[slice(*heading.name)], kind="actual",
        value=mention.value, unit=heading.unit, value_canonical=mention.value,
        canonical_unit=heading.unit, comparator="=", period=period_code, region_code=region_code,
        baseline_year="", rank_scope="", qualifier="",
        quote=doc.folded.original[char_start:char_end], char_start=char_start, char_end=char_end,
        is_departure_from_normal=False,
    )  # fmt: skip


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the line without the spaces around it."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


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
