"""A figure said of a part of what an indicator measures: main rivers, lakes, a province's own
sections, a named basin, the sea, rural areas, a wider city network, figures after removing sand
and dust, the other half of the day (maps/cues.yml `subsets`).

What belongs here: reading which parts a statement names before a number, whether the candidate
indicator is made for them, the indicator its catalogue entry names for a part
(`subset_variants`), and the stated name of a figure of a part that no indicator is made for.
Pure functions of the Clause (or the Document); none changes it.
"""

from __future__ import annotations

import re

from orchestration.extraction.aliases import Alias
from orchestration.extraction.clause import Clause
from orchestration.extraction.cues import Subset, cues
from orchestration.extraction.reading import CLAUSE_BREAKS_KEEPING_LISTS, Document
from orchestration.parsing.text import match_key
from orchestration.registry.catalogue import Indicator

NATIONAL = "100000"  # the country's code: a national document's networks are the nation's
PART_NAME_REACH = 16  # the words before a part's last word that may belong to its name
_LEADING_COUNT = re.compile(r"^[0-9]+[个条座]")
STATEMENT_ENDS = "。!?\n"  # what ends a statement (';' only separates its parts)


def subset_alias(c: Clause, alias: Alias) -> tuple[Alias | None, str]:
    """The candidate when the words before it name no part of what it measures (maps/cues.yml
    `subsets`: '主要河流', '重点湖库', '农村区域', '剔除沙尘…后'), or when it is made for that part;
    else the indicator its catalogue entry names for the part (which must account for every part
    named too), or (None, the name as stated with its part): the figure lands as an
    open-vocabulary fact, never with the generic code. The parts are read from the statement
    (up to '。', across ';': '主要河流…Ⅰ~Ⅲ类…;劣Ⅴ类断面比例为0.5%'), through the indicator's own
    words and the words after them ('全省68个城市空气质量优良天数比例', '…昼间等效声级…,夜间…')."""
    start = min(alias.start, c.mention.start)
    # a name said before the number, and the words up to it; a name after the number ('24个县城
    # 饮用水源地'), the words up to the name
    through = max(c.mention.start, alias.start)
    opening = statement_start(c.text, start)
    said = _without_whole_networks(c.text, opening, through)
    matched = c.text[alias.start : alias.end]
    code, the_cues = alias.code, cues()
    after = _borrowing_words(c, alias)
    named = _latest_parts(
        [
            s
            for s in the_cues.subsets
            if (s.last_end(after) >= 0 if s.after_name else _said_of(c, s, said, through, start))
        ],
        said,
    )
    for subset in named:
        indicator = c.doc.lex.indicators[code]
        if not subset.concerns(code, indicator.subject) or _made_for(indicator, subset, matched):
            continue
        variant = indicator.variant(subset.name)
        if variant is None:
            # a part named between the number and a name after it ('35个县城饮用水源地')
            before, gap = said[: start - opening], c.text[c.mention.end : alias.start]
            if alias.start > c.mention.start and any(s.last_end(gap) >= 0 for s in named):
                before = gap
            return None, _part_name(named, before, matched)
        code = variant
    return (alias if code == alias.code else Alias(alias.start, alias.end, code)), ""


def _without_whole_networks(text: str, opening: int, through: int) -> str:
    """text[opening:through] with the rivers and lakes counted together as the whole network
    blanked out (cues `whole_network_patterns`: '423条主要河流、62座重点湖泊(水库)的967个…断面'
    names no part) — also when through falls inside them (the 62 itself)."""
    said = text[opening:through]
    closing = min((i for i in (text.find(m, through) for m in STATEMENT_ENDS) if i >= 0),
                  default=len(text))  # fmt: skip
    for pattern in cues().whole_network_patterns:
        for m in pattern.finditer(text, opening, closing):
            if m.start() >= through:
                break
            end = min(m.end(), through)
            said = said[: m.start() - opening] + " " * (end - m.start()) + said[end - opening :]
    return said


def _latest_parts(named: list[Subset], said: str) -> list[Subset]:
    """Of the parts of places named, those of the last ';'-part that names one ('主要河流…优良率
    达到90.5%;…;湖泊、水库水质优良率为86.7%': the lakes, not the rivers); ways of counting stay."""
    places = [s for s in named if not (s.kept_in_scope or s.after_name)]
    if not places:
        return named
    last = max(s.last_end(said) for s in places)
    part_start = said.rfind(";", 0, last)
    return [s for s in named if s not in places or s.last_end(said) > part_start]


def part_named(doc: Document, code: str, start: int, matched: str) -> str:
    """The stated name (the part's words + matched) when the statement before start names a
    part of the places the indicator of code measures (a verbal figure: '191个省控监测断面…;无劣
    Ⅴ类断面' is no figure of the region's network, but the province's sections'); '' when it
    names none."""
    said = doc.text[statement_start(doc.text, start) : start]
    indicator = doc.lex.indicators[code]
    the_cues = cues()
    named = [
        s
        for s in _latest_parts(
            [s for s in the_cues.subsets
             if not (s.kept_in_scope or s.after_name)
             and _named_last(s, said, the_cues.subset_resets)],
            said,
        )
        if s.concerns(code, indicator.subject) and not _made_for(indicator, s, "")
    ]  # fmt: skip
    return _part_name(named, said, matched) if named else ""


def _borrowing_words(c: Clause, alias: Alias) -> str:
    """The number's own clause after a name it borrows ('…昼间达标率为95.1%,夜间为82.3%': 夜间为);
    nothing in a list shared out by 分别 (each number has its item)."""
    if alias.end > c.mention.start:
        return ""
    start = max(alias.end, c.doc.clause_start(c.mention.start, c.sentence_start))
    words = c.text[start : c.mention.start]
    return "" if "分别" in words else words


def _said_of(c: Clause, subset: Subset, said: str, through: int, name_start: int) -> bool:
    """The statement names the part before the number (at through); a way of counting only in
    the number's own sentence, with no other figure between it and the figure's name ('…22微克/
    立方米以下(扣除沙尘暴…影响);到2035年,…20微克/立方米以下': the 20 is not counted so)."""
    if subset.provincial_only and c.doc.context.region_code == NATIONAL:
        return False
    if not subset.kept_in_scope:
        return _named_last(subset, said, cues().subset_resets)
    end = subset.last_end(c.text[c.sentence_start : through])
    return end >= 0 and not _figure_between(c, c.sentence_start + end, name_start)


def _figure_between(c: Clause, start: int, end: int) -> bool:
    """A figure stands between a way of counting and the indicator: the words were said of it
    ('…22微克/立方米以下(扣除沙尘暴…影响);到2035年,…')."""
    return any(start <= m.start < end for m in c.doc.mentions)


def statement_start(text: str, pos: int) -> int:
    """Where the statement holding pos begins: after the last '。', '!', '?' or line break."""
    return max(text.rfind(mark, 0, pos) for mark in STATEMENT_ENDS) + 1


def _part_name(named: list[Subset], said: str, matched: str) -> str:
    """'主要河流' + '劣Ⅴ类断面比例': the name of a figure of a part, as the text states it (the
    clause naming the part, without its scope words and count)."""
    end = max(subset.last_end(said) for subset in named)
    if end < 0:
        return matched
    opening = max(said.rfind(mark, 0, end) for mark in CLAUSE_BREAKS_KEEPING_LISTS) + 1
    closing = end + 1 if said[end : end + 1] == "后" else end  # '剔除沙尘影响后'
    start = max(opening, end - PART_NAME_REACH)
    part = said[start:closing]
    if start > opening and "、" in part:  # cut inside a list: begin at an item
        part = part[part.index("、") + 1 :]
    for word in cues().subset_resets:
        part = part.removeprefix(word)
    return _LEADING_COUNT.sub("", part) + matched


def _named_last(subset: Subset, said: str, resets: list[str]) -> bool:
    """The words before a figure name the subset, and no later clause brings them back to the
    whole network ('主要河流水质为优,全省国考断面…'); a scope word in the part's own clause is
    the part's ('主要江河监测的3119个国考断面中': the main rivers' sections)."""
    end = subset.last_end(said)
    if end < 0:
        return False
    if subset.kept_in_scope:
        return True
    breaks = [i for i in (said.find(m, end) for m in CLAUSE_BREAKS_KEEPING_LISTS) if i >= 0]
    if not breaks:
        return True
    later = said[min(breaks) :]
    return not any(word in later for word in resets) and not any(
        p.search(later) for p in cues().subset_reset_patterns
    )


def _made_for(indicator: Indicator, subset: Subset, matched: str) -> bool:
    """The indicator measures that part itself: its words or one of its spellings name it."""
    return subset.named_in(matched) or any(
        subset.named_in(match_key(spelling)) for spelling in indicator.prose_spellings
    )
