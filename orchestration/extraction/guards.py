"""What keeps a figure from borrowing: pure tests that void a strategy's candidate, because a
wrong fact is worse than a missing one.

What belongs here: a statement about part of the places ('大部分城市的…'), a bound of a spread
over places ('范围在92.9%至64.2%之间'), a change of a figure left unclaimed, a place named like a
city that the region reference does not know, and a water figure counted over a network no code
stands for. Each reads the Clause; none changes it.
"""

from __future__ import annotations

import re

from orchestration.extraction.aliases import Alias
from orchestration.extraction.clause import Clause
from orchestration.extraction.cues import Subset, cues
from orchestration.extraction.own_names import OwnName
from orchestration.extraction.reading import (
    CLAUSE_BREAKS_KEEPING_LISTS,
    LIST_JOINS,
    Document,
    plain,
)
from orchestration.extraction.scope import network
from orchestration.parsing.text import match_key
from orchestration.registry.catalogue import Indicator

PLACE_WINDOW = 6  # the words before a name, and at the clause's opening, where a place may stand
NATIONAL = "100000"  # the country's code: a national document's networks are the nation's
PART_NAME_REACH = 16  # the words before a part's last word that may belong to its name
_LEADING_COUNT = re.compile(r"^[0-9]+[个条座]")
STATEMENT_ENDS = "。!?\n"  # what ends a statement (';' only separates its parts)
RANGE_CONTEXT = 2
RANKED_IN_ORDER = cues().grammar.ranked_in_order  # '依次为南平、宁德…': listed in order
BOUND_GAP = 6  # the words between a crossed bound and the figure ('以内,达到')
STATEMENT_BREAKS = frozenset(
    "。;!?\n"
)  # a range mark and the digit (or %) beyond it ('92.9%至64.2%')
_RANGE_MARKS = set("至~～到-—–")
# a place name the way prose writes one: 2–3 characters and 市/州/盟 ('杭州市', '湘西州')
_PLACE_NAME = re.compile(r"[\u4e00-\u9fff]{2,3}(?:市|州|盟)")
# figures counted over a network of water sections (their network decides the indicator)
SECTION_FIGURES = ("water_sections_", "provincial_sections_")


def guarded(c: Clause, alias: Alias | None,
            own: OwnName | None) -> tuple[Alias | None, OwnName | None]:  # fmt: skip
    """The candidate and the own name that survive the guards, in order."""
    if partial_subject(c) or in_range(c) or crossed_bound(c) or ranks_a_listed_place(c):
        return None, None  # '大部分城市的…达到了100%', '范围在92.9%至64.2%之间': no one region's
    if c.kind == "change" and gap_to_reference(c):
        return None, None  # '…超过全国平均水平10.6个百分点': a gap to another level, no change
    if c.kind == "change" and own is None and changes_unclaimed(c):
        alias = None  # '…断面占91.6%(unclaimed),同比上升7.5%': the change is as unclaimed
    if alias is not None and unknown_place(c, min(alias.start, c.mention.start)):
        return None, None  # '杭州市PM2.5浓度…' with no code for 杭州市: no guess
    if alias is not None:
        alias, part = subset_alias(c, alias)  # '全省农村区域…总优良率为89.0%': not the region's
        if alias is None and own is None and part:
            start = c.doc.clause_start(c.mention.start, c.sentence_start)
            own = OwnName(part, start, True)
    return alias, own


def subset_alias(c: Clause, alias: Alias) -> tuple[Alias | None, str]:
    """The candidate when the words before it name no part of what it measures (maps/cues.yml
    `subsets`: '主要河流', '重点湖库', '农村区域', '剔除沙尘…后'), or when it is made for that part;
    else the indicator its catalogue entry names for the part (which must account for every part
    named too), or (None, the name as stated with its part): the figure lands as an
    open-vocabulary fact, never with the generic code. The parts are read from the statement
    (up to '。', across ';': '主要河流…Ⅰ~Ⅲ类…;劣Ⅴ类断面比例为0.5%'), through the indicator's own
    words and the words after them ('全省68个城市空气质量优良天数比例', '…昼间等效声级…,夜间…')."""
    start = min(alias.start, c.mention.start)
    through = c.mention.start  # a name said before the number, and the words up to it
    opening = statement_start(c.text, start)
    said = c.text[opening:through]
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
            return None, _part_name(named, said[: start - opening], matched)
        code = variant
    return (alias if code == alias.code else Alias(alias.start, alias.end, code)), ""


def _latest_parts(named: list[Subset], said: str) -> list[Subset]:
    """Of the parts of places named, those of the last ';'-part that names one ('主要河流…优良率
    达到90.5%;…;湖泊、水库水质优良率为86.7%': the lakes, not the rivers); ways of counting stay."""
    places = [s for s in named if not (s.kept_in_scope or s.after_name)]
    if not places:
        return named
    last = max(s.last_end(said) for s in places)
    part_start = said.rfind(";", 0, last)
    return [s for s in named if s not in places or s.last_end(said) > part_start]


def names_a_part(doc: Document, code: str, start: int) -> bool:
    """The statement before start names a part of the places the indicator of code measures
    (a verbal figure: '191个省控监测断面…;无劣Ⅴ类断面' is no figure of the region's network)."""
    said = doc.text[statement_start(doc.text, start) : start]
    indicator = doc.lex.indicators[code]
    the_cues = cues()
    return any(
        s.concerns(code, indicator.subject) and not _made_for(indicator, s, "")
        for s in _latest_parts(
            [s for s in the_cues.subsets
             if not (s.kept_in_scope or s.after_name)
             and _named_last(s, said, the_cues.subset_resets)],
            said,
        )
    )  # fmt: skip


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


def partial_subject(c: Clause) -> bool:
    """The clause speaks of part of the places ('大部分城市的…')."""
    clause = c.text[c.doc.clause_start(c.mention.start, c.sentence_start) : c.mention.start]
    return any(word in clause for word in cues().partial_subject_words)


def ranks_a_listed_place(c: Clause) -> bool:
    """'…从优开始排名,依次为南平、宁德、莆田和龙岩(并列第三名)': a rank of places listed in
    order, not of the region."""
    return (
        c.mention.unit_code == "rank"
        and RANKED_IN_ORDER in c.text[c.sentence_start : c.mention.start]
    )


def crossed_bound(c: Clause) -> bool:
    """'首次降到1%以内,达到0.9%', '首次降到30微克/立方米以内,为29微克/立方米': a round bound the
    figure crossed, followed at once by the figure itself in the same unit — no fact of its own."""
    mention = c.mention
    if c.kind != "actual" or mention.comparator == "=":
        return False
    later = next((m for m in c.doc.mentions if m.start >= mention.end), None)
    if later is None or later.unit_code != mention.unit_code or later.comparator != "=":
        return False
    gap = c.text[mention.end : later.start]
    return len(gap) <= BOUND_GAP and gap.count(",") <= 1 and not STATEMENT_BREAKS.intersection(gap)


def in_range(c: Clause) -> bool:
    """'范围在92.9%至64.2%之间', '介于2.1%~28.3%': a bound of a spread over places."""
    text, mention = c.text, c.mention
    after = text[mention.end : mention.end + RANGE_CONTEXT]
    before = text[max(0, mention.start - RANGE_CONTEXT) : mention.start]
    opens = after[:1] in _RANGE_MARKS and after[1:2].isdigit()
    closes = before[-1:] in _RANGE_MARKS and (before[:1].isdigit() or before[:1] == "%")
    return opens or closes


def gap_to_reference(c: Clause) -> bool:
    """'优良率超过全国平均水平10.6个百分点', '高于全国平均2.1个百分点': the number is a
    difference to a reference level (maps/cues.yml reference_gap_patterns), not a change."""
    before = c.text[c.doc.clause_start(c.mention.start, c.sentence_start) : c.mention.start]
    return any(p.search(before) for p in cues().reference_gap_patterns)


def changes_unclaimed(c: Clause) -> bool:
    """The figure a change follows (',同比上升7.5%') was left unclaimed."""
    end = c.read.last_unmapped_end
    if end < c.sentence_start or end > c.mention.start:
        return False
    gap = c.text[end : c.mention.start]
    return gap.startswith(",") and plain(gap[1:])


def unknown_place(c: Clause, name_start: int) -> bool:
    """A city or prefecture the region reference does not know, named as the subject
    ('杭州市PM2.5浓度…') or opening the clause: its code cannot be given, so no guess. Places
    listed before a count scope it ('湘西州、张家界市…8个城市')."""
    text, doc = c.text, c.doc
    counts = c.mention.unit_code == "count"
    clause_start = doc.clause_start(name_start, c.sentence_start, CLAUSE_BREAKS_KEEPING_LISTS)
    for window in (text[max(clause_start, name_start - PLACE_WINDOW) : name_start],
                   text[clause_start : clause_start + PLACE_WINDOW]):  # fmt: skip
        for found in _PLACE_NAME.finditer(window):
            place = found.group()
            if any(word in place for word in cues().not_a_place_name):
                continue
            listed = window[found.end() : found.end() + 1] in LIST_JOINS or (
                window[found.start() - 1 : found.start()] in ("、", "和")
            )
            if listed and counts:
                continue
            if not any(text[s:e] == place for s, e, _ in doc.regions):
                return True
    return False


def network_alias(c: Clause, alias: Alias) -> Alias | None:
    """A water figure follows the network of the sections counted before it in the sentence
    (and is no region's when the sentence speaks of one river, tributary or reservoir area):
    the provincial indicator over a province's own sections ('655个省考断面…'), none over a
    network no code stands for ('南水北调东线江苏段22个断面…'), else the candidate."""
    if not alias.code.startswith(SECTION_FIGURES):
        return alias
    said_of = c.text[c.sentence_start : min(alias.start, c.mention.start)]
    if any(word in said_of for word in cues().water_body_words):
        return None  # '长江干流总体水质为优,20个监测断面…': the river's sections, not the region's
    counted = network(c.doc, min(alias.start, c.mention.start), c.sentence_start)
    if counted == "provincial" and alias.code.startswith(SECTION_FIGURES[1]):
        return alias  # '省考断面…' already gave the provincial indicator
    if counted == "provincial":
        variant = c.doc.lex.indicators[alias.code].provincial_variant
        return Alias(alias.start, alias.end, variant) if variant else None
    if counted == "other":
        return None
    return alias
