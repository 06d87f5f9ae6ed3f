"""Fact assembly: a number whose indicator is decided → the Fact rows it states (or the Unmapped
row of a number no indicator claimed).

What belongs here: the value's sign and reported unit, the quote and its offsets in the file as
published, a statement that gives its value to two indicators ('A和B均达到100%') or to each
place of a list ('南宁市、柳州市…均为98.1%'), and an open-vocabulary fact (no code, the name
stated kept). Region and period come from scope.py. The value in the indicator's canonical unit,
and whether it fits the indicator at all, come from the one measure path
(orchestration.parsing.measures, with the indicator's case of orchestration.registry.measures):
a number it refuses is left unmapped with the reason, never landed as the indicator's.
"""

from __future__ import annotations

import re

from orchestration.extraction.aliases import Alias
from orchestration.extraction.clause import Clause
from orchestration.extraction.facts import Fact, Unmapped
from orchestration.extraction.fitting import annual, compatible
from orchestration.extraction.kinds import (
    change_sign,
    departure,
    open_change_sign,
)
from orchestration.extraction.own_names import OwnName
from orchestration.extraction.quantities import Mention
from orchestration.extraction.reading import LIST_JOINS, RESPECTIVELY, Document
from orchestration.extraction.scope import (
    LISTED,
    listed_regions,
    period,
    places_stated,
    rank_scope,
    region,
)
from orchestration.parsing.measures import MeasureRefused, check_range, to_canonical
from orchestration.parsing.units import registry
from orchestration.registry.catalogue import Indicator
from orchestration.registry.measures import indicator_case

PARTNER_REACH = 30  # how far before an indicator the other indicator of 'A和B均…' may start
# '…均为98.1%': the value of each place listed — not the 均 of 年均, 平均, 均值
_EACH = re.compile("(?<![年平日月])均(?!值)|都")
_BOTH = re.compile("(?<![年平日月])均(?!值)|都|皆")  # 'A和B均达到100%': the value of both


def unmapped(doc: Document, mention: Mention, name: str, reason: str = "") -> Unmapped:
    sentence_start, _ = doc.sentence(mention.start)
    start, end = doc.folded.span(mention.start, mention.end)
    quote = doc.text[sentence_start : mention.end]
    return Unmapped(mention.value, mention.unit_code or "", quote, start, end, name, reason)


def build(doc: Document, mention: Mention, alias: Alias, indicator: Indicator,
          kind: str, baseline: int | None, period_code: str, region_code: str,
          sign: int = 1) -> Fact:  # fmt: skip
    """The fact; `sign` is -1 for a change stated as a fall (or an actual stated as a departure
    below the climate normal). Raises MeasureRefused when the value does not fit the indicator
    (a unit of another dimension, a level beyond its range)."""
    unit = annual(mention.unit_code, indicator) or indicator.unit_code
    value = mention.value
    if kind in ("change", "actual") and sign == -1:
        value = -value
    canonical_unit, canonical = _canonical(value, unit, indicator, kind)
    first = min(alias.start, mention.start) if alias.end > alias.start else mention.start
    last = max(alias.end, mention.end)
    char_start, char_end = doc.folded.span(first, last)
    return Fact(
        indicator_code=indicator.code, indicator_name_zh=indicator.name_zh, kind=kind,
        value=value, unit=unit, value_canonical=canonical, canonical_unit=canonical_unit,
        comparator=mention.comparator, period=period_code, region_code=region_code,
        baseline_year=str(baseline or ""),
        rank_scope=rank_scope(doc, mention) if kind == "rank" else "",
        qualifier=mention.qualifier or "", quote=doc.folded.original[char_start:char_end],
        char_start=char_start, char_end=char_end,
        is_departure_from_normal=kind == "actual" and departure(doc.text, mention) is not None,
    )  # fmt: skip


def _canonical(value: float, unit: str, indicator: Indicator,
               kind: str) -> tuple[str, float]:  # fmt: skip
    """(canonical unit, value in it) through the one measure path; a level (actual, target) is
    checked against the indicator's range. A rank, and a change stated in % or 个百分点 (a
    relative change, or one of a share), are no amount of the indicator's unit: kept as
    stated."""
    if kind == "rank" or (unit in ("pp", "pct") and kind == "change"):
        return unit, value
    case = indicator_case(indicator)
    what = f"{indicator.code} ({indicator.name_zh})"
    # '年固碳量3.49亿吨' of a yearly indicator: one year's amount
    canonical = to_canonical(value, unit, case, what, yearly=registry().is_yearly(case.canonical))
    if kind != "change":
        check_range(canonical, case, what)
    return case.canonical, canonical


def assemble(c: Clause, alias: Alias, kind: str) -> tuple[Fact | Unmapped, list[Fact]]:
    """The fact a number states of `alias`, and the facts it states besides (of a second
    indicator, of the other places of a list); Unmapped when a list of places leaves it unsaid
    whose figure it is, or when the measure path refuses the value for any of its indicators
    (the reason kept: 'out_of_range: pm2_5 (…) = 950 µg/m³ is outside [0, 500] (…)')."""
    try:
        return _assemble(c, alias, kind)
    except MeasureRefused as refused:
        return unmapped(c.doc, c.mention, "", f"{refused.rule}: {refused}"), []


def _assemble(c: Clause, alias: Alias, kind: str) -> tuple[Fact | Unmapped, list[Fact]]:
    doc, mention, text = c.doc, c.mention, c.text
    indicator = doc.lex.indicators[alias.code]
    sign = change_sign(text, mention, c.read.previous, indicator) if kind == "change" else 1
    if kind == "actual":  # '…较常年偏低0.3℃': a departure from the climate normal, signed
        sign = departure(text, mention) or 1
    other = partner(doc, alias, mention, kind)
    first_named = min(alias.start, other.start) if other else alias.start
    region_code = region(doc, first_named, c.sentence_start, mention)  # 桂林市A和B均…: both
    if region_code == LISTED:
        extreme = places_stated(doc, mention, c.sentence_start)
        if extreme is None and mention.unit_code == "count":
            region_code = doc.context.region_code or ""  # '湘西州、张家界市…8个城市'
        elif extreme or _EACH.search(text[alias.end : mention.start]):
            # '南宁市、柳州市…优良天数比率均为98.1%': the value of each place listed; '…最好的
            # 城市是青岛、烟台和威海市,为16μg/m3', '吉安市和抚州市并列第五': of each place named
            listed = extreme or [
                code for code in listed_regions(doc, first_named, c.sentence_start) if code
            ]
            period_code = period(doc, mention, kind, c.before, c.paragraph)
            facts = [build(doc, mention, alias, indicator, kind, c.baseline, period_code, code,
                           sign) for code in listed]  # fmt: skip
            if not facts:
                return unmapped(doc, mention, ""), []
            return facts[0], facts[1:]
        else:
            return unmapped(doc, mention, ""), []  # whose figure, of the places listed?
    period_code = period(doc, mention, kind, c.before, c.paragraph)
    extra = []
    if other is not None:
        other_indicator = doc.lex.indicators[other.code]
        other_sign = change_sign(text, mention, c.read.previous, other_indicator)
        extra.append(build(doc, mention, other, other_indicator, kind, c.baseline, period_code,
                           region_code, other_sign if kind == "change" else 1))  # fmt: skip
    fact = build(doc, mention, alias, indicator, kind, c.baseline, period_code, region_code, sign)
    return fact, extra


def partner(doc: Document, alias: Alias, mention: Mention, kind: str) -> Alias | None:
    """'A和B均达到100%': the value belongs to both indicators."""
    text = doc.text
    gap = text[alias.end : mention.start]
    if alias.end > mention.start or not _BOTH.search(gap) or RESPECTIVELY in gap:
        return None
    before = [
        a
        for a in doc.aliases_between(alias.start - PARTNER_REACH, alias.start)
        if text[a.end : alias.start] in LIST_JOINS
    ]
    if before and compatible(doc.lex.indicators[before[-1].code], mention, kind):
        return before[-1]
    return None


def open_vocabulary(c: Clause, own: OwnName) -> Fact | Unmapped:
    """A clearly named figure no lexicon entry claims: no code, the stated name kept."""
    doc, mention, kind = c.doc, c.mention, c.kind
    # the stated name where the text says it ('南宁、柳州和桂林的污水集中收集率分别为…': the places
    # before it are whose figures 分别 shares out)
    named_at = c.text.rfind(own.name, own.clause_start, mention.start) if own.name else -1
    region_code = region(doc, named_at if named_at >= 0 else mention.start, c.sentence_start,
                         mention)  # fmt: skip
    if region_code == LISTED:
        return unmapped(doc, mention, own.name)
    value = mention.value
    departed = departure(c.text, mention) if kind == "actual" else None
    if kind == "change":
        sign = open_change_sign(c.text, mention, c.read.previous, own.name)
        if sign is None:
            reason = "direction_unknown: better or worse, and the name does not say which way"
            return unmapped(doc, mention, own.name, reason)
        value *= sign
    elif departed is not None:  # '较常年偏低0.3℃': a departure from the climate normal, signed
        value *= departed
    unit = mention.unit_code or ""
    char_start, char_end = doc.folded.span(min(own.clause_start, mention.start), mention.end)
    return Fact(
        indicator_code="", indicator_name_zh=own.name, kind=kind, value=value, unit=unit,
        value_canonical=value, canonical_unit=unit, comparator=mention.comparator,
        period=period(doc, mention, kind, c.before, c.paragraph), region_code=region_code,
        baseline_year=str(c.baseline or ""),
        rank_scope=rank_scope(doc, mention) if kind == "rank" else "",
        qualifier=mention.qualifier or "",
        quote=doc.folded.original[char_start:char_end], char_start=char_start,
        char_end=char_end,
        is_departure_from_normal=departed is not None,
    )  # fmt: skip
