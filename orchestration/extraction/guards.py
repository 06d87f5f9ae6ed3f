"""What keeps a figure from borrowing: pure tests that void a strategy's candidate, because a
wrong fact is worse than a missing one.

What belongs here: a statement about part of the places ('大部分城市的…'), a bound of a spread
over places ('范围在92.9%至64.2%之间') and the places' average said after it, a round bound
crossed before the figure, a rank of places listed in order, a rank among cities that would
borrow the figure said before it, a weight of a composite score, a change of a figure left
unclaimed, a place named like a city that the region reference does not know, and a water figure
counted over a network no code stands for; a figure said of a part of a network is subsets.py's.
Each reads the Clause; none changes it.
"""

from __future__ import annotations

import re

from orchestration.extraction.aliases import Alias
from orchestration.extraction.clause import Clause
from orchestration.extraction.cues import cues
from orchestration.extraction.own_names import OwnName
from orchestration.extraction.reading import (
    CLAUSE_BREAKS_KEEPING_LISTS,
    LIST_JOINS,
    no_break,
    plain,
)
from orchestration.extraction.scope import CITY_NETWORK_WORDS, network, tied_places
from orchestration.extraction.subjects import unknown_qualifier
from orchestration.extraction.subsets import subset_alias

PLACE_WINDOW = 6  # the words before a name, and at the clause's opening, where a place may stand
RANGE_CONTEXT = 2  # a range mark and the digit (or %) beyond it ('92.9%至64.2%')
RANKED_IN_ORDER = cues().grammar.ranked_in_order  # '依次为南平、宁德…': listed in order
_ENUMERATION = "、"  # joins the kinds of things one count counts together
SPREAD_AVERAGE = "平均值"  # closes the stated name of a spread's average
REFERENCE_WORDS = ("全国", "全省", "全区", "全市", "平均", "水平")  # name a reference level
BOUND_GAP = 6  # the words between a crossed bound and the figure ('以内,达到')
STATEMENT_BREAKS = frozenset("。;!?\n")  # what a crossed bound and its figure stay within
_RANGE_MARKS = set("至~～到-—–")
# a place name the way prose writes one: 2–3 characters and 市/州/盟 ('杭州市', '湘西州')
# …not a 市 that opens a word of its own ('地表水市控…': the city's network, '市级', '市界',
# '一级市场': a market)
_PLACE_NAME = re.compile(r"[\u4e00-\u9fff]{2,3}(?:市(?![控考级界场])|州|盟)")
_SHORTEST_PLACE_NAME = 3  # '兰州市': two characters and 市
# a rank's own name that is only a place ('甲市第一', '安康市第2'): the place, no figure's name
_PLACE_OWN_NAME = re.compile(r"[\u4e00-\u9fff]{1,3}(?:市|州|盟|县|区)")
# figures counted over a network of water sections (their network decides the indicator)
SECTION_FIGURES = ("water_sections_", "provincial_sections_")
PARAGRAPH_LABEL_LENGTH = 12  # the longest label opening a paragraph ('环洞庭湖流域:')
GROUP_REACH = 8  # the words after a bound that may name the group it defines
_BETWEEN = "之间"  # closes a range that bounds a group ('在20%-40%之间的城市')
_OF = "的"  # joins a bound to the group it defines
LABEL_END = ":"  # (folded) closes a paragraph's label


def guarded(c: Clause, alias: Alias | None,
            own: OwnName | None) -> tuple[Alias | None, OwnName | None]:  # fmt: skip
    """The candidate and the own name that survive the guards, in order."""
    if is_weight(c) or is_share_base(c) or is_frequency(c):
        # '各占30%、30%和40%的权重': the weights of a score; '占全年有效监测天数(358天)的':
        # the base of a share — no figure
        return None, None
    if bounds_a_group(c):
        return None, None  # '处理率大于80%的城市数达319个': which cities are counted, no figure
    if alias is not None and qualifies_a_bounded_group(c, alias):
        return None, None  # '酸雨频率超过40%的城市比例上升了7.2个百分点': the cities' share
    if partial_subject(c) or in_range(c) or crossed_bound(c) or ranks_a_listed_place(c):
        return None, None  # '大部分城市的…达到了100%', '范围在92.9%至64.2%之间': no one region's
    if alias is not None and counts_a_list(c, alias):
        return None, None  # '9家控排企业、新建项目单位及投资机构参加': all of them, not the first
    if alias is not None and counts_a_part(c):
        # '省排名断面包括168个地表水考核断面和19个…': parts of another whole, named as said
        start = c.doc.clause_start(c.mention.start, c.sentence_start)
        return None, OwnName(c.text[alias.start : alias.end], start, True)
    if gap_to_reference(c, named=c.kind != "change"):
        return None, None  # '…超过全国平均水平10.6个百分点': a gap to another level, no figure
    if alias is not None and borrowed_city_ranking(c, alias):
        return None, None  # '…比例为100%,在168个重点城市中排名第二': ranked by what?
    if c.kind == "rank" and own is not None and _PLACE_OWN_NAME.fullmatch(own.name):
        own = None  # '…排名为:甲市第一': a place unknown to the reference names no figure
    if c.kind == "change" and own is None and changes_unclaimed(c):
        alias = None  # '…断面占91.6%(unclaimed),同比上升7.5%': the change is as unclaimed
    if alias is not None and averages_a_spread(c):
        # '…范围在88.8%-95.6%之间,平均为92.4%': the places' average keeps its stated name
        start = c.doc.clause_start(c.mention.start, c.sentence_start)
        name = c.text[alias.start : alias.end] + SPREAD_AVERAGE
        return None, OwnName(name, start, True)
    if alias is not None and unknown_place(c, min(alias.start, c.mention.start)):
        return None, None  # '杭州市PM2.5浓度…' with no code for 杭州市: no guess
    if alias is not None:
        alias, part = subset_alias(c, alias)  # '全省农村区域…总优良率为89.0%': not the region's
        if alias is None and own is None and part:
            start = c.doc.clause_start(c.mention.start, c.sentence_start)
            own = OwnName(part, start, True)
    if alias is not None:
        stated = unknown_qualifier(c, alias)  # '生态补偿断面水质优良比例': a qualifier not known
        if stated:
            start = c.doc.clause_start(c.mention.start, c.sentence_start)
            return None, own or OwnName(stated, start, True)
    return alias, own


def partial_subject(c: Clause) -> bool:
    """The clause speaks of part of the places ('大部分城市的…')."""
    clause = c.text[c.doc.clause_start(c.mention.start, c.sentence_start) : c.mention.start]
    return any(word in clause for word in cues().partial_subject_words)


def ranks_a_listed_place(c: Clause) -> bool:
    """'…从优开始排名,依次为南平、宁德、莆田和龙岩(并列第三名)': a rank of places listed in
    order, not of the region — it is the tied places' (scope.tied_places), when they are
    named."""
    return (
        c.mention.unit_code == "rank"
        and RANKED_IN_ORDER in c.text[c.sentence_start : c.mention.start]
        and tied_places(c.doc, c.mention) is None
    )


def borrowed_city_ranking(c: Clause, alias: Alias) -> bool:
    """'…优良天数比例为100%,在168个重点城市中排名第二': a rank among a group of cities counted in
    its own clause (maps/cues.yml city_ranking_patterns) whose indicator is named in an earlier
    clause only — the cities are ranked by a figure the clause does not name, unless the figure
    is of what such rankings rank by (city_ranking_indicators)."""
    if c.kind != "rank" or alias.code in cues().city_ranking_indicators:
        return False  # '综合指数为3.45,在168个重点城市中排名第52位': what such rankings rank by
    clause_start = c.doc.clause_start(c.mention.start, c.sentence_start)
    clause = c.text[clause_start : c.mention.start]
    return alias.end <= clause_start and any(p.search(clause) for p in cues().city_ranking_patterns)


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


def bounds_a_group(c: Clause) -> bool:
    """'全国生活垃圾无害化处理率大于80%的城市数达319个', '…(上升幅度超过30个百分点)的城市有…': a
    bound (a comparator, or cues `group_bounds` before it) that says which places are counted
    after it (cues `scope_nouns`) — no figure of its own."""
    bounded = c.mention.comparator != "=" or c.before.endswith(tuple(cues().group_bounds))
    if not bounded:
        return False
    after = c.text[c.mention.end : c.mention.end + GROUP_REACH].lstrip(")")
    return after.startswith(_OF) and after[len(_OF) :].startswith(tuple(cues().scope_nouns))


def qualifies_a_bounded_group(c: Clause, alias: Alias) -> bool:
    """'酸雨频率超过40%的城市比例上升了7.2个百分点': the name, followed by a bound that says which
    places are counted (a number, then 的 or 之间的 and cues `scope_nouns`), only qualifies the
    group whose figure the number is — not the indicator's own."""
    between = [m for m in c.doc.mentions if alias.end <= m.start and m.end <= c.mention.start]
    nouns = tuple(cues().scope_nouns)
    for m in between:
        after = c.text[m.end : m.end + GROUP_REACH].removeprefix(_BETWEEN).lstrip(")")
        if after.startswith(_OF) and after[len(_OF) :].startswith(nouns):
            return True
    return False


def is_weight(c: Clause) -> bool:
    """'…各占30%、30%和40%的权重': the number, or the list it is in, is a weight."""
    return any(p.match(c.text, c.mention.end) for p in cues().weight_after_patterns)


def is_frequency(c: Clause) -> bool:
    """'…水源为1次/季度': a count of times per period, how often something is done."""
    return any(p.match(c.text, c.mention.end) for p in cues().frequency_after_patterns)


def is_share_base(c: Clause) -> bool:
    """'优良天数占全年有效监测天数(358天)的90.5%': the number is the base a share is taken of."""
    clause_start = c.doc.clause_start(c.mention.start, c.sentence_start)
    clause = c.text[clause_start : c.mention.end + 2]
    return any(p.search(clause) for p in cues().share_base_patterns)


def in_range(c: Clause) -> bool:
    """'范围在92.9%至64.2%之间', '介于2.1%~28.3%', '在15微克/立方米至51微克/立方米之间': a bound
    of a spread over places (the other bound may carry its unit too)."""
    text, mention = c.text, c.mention
    after = text[mention.end : mention.end + RANGE_CONTEXT]
    before = text[max(0, mention.start - RANGE_CONTEXT) : mention.start]
    opens = after[:1] in _RANGE_MARKS and after[1:2].isdigit()
    closes = before[-1:] in _RANGE_MARKS and (before[:1].isdigit() or before[:1] == "%")
    if not (opens or closes):  # a bound with its unit: another number right across the mark
        mentions = c.doc.mentions
        opens = after[:1] in _RANGE_MARKS and any(m.start == mention.end + 1 for m in mentions)
        closes = before[-1:] in _RANGE_MARKS and any(m.end == mention.start - 1 for m in mentions)
    return opens or closes


def counts_a_part(c: Clause) -> bool:
    """'省排名断面包括168个地表水考核断面和19个入海河流国考断面': a count that a whole's name opens
    with 包括 (maps/cues.yml part_inclusion_patterns) counts a part of that whole — no count of
    the catalogue's own network."""
    if c.mention.unit_code != "count":
        return False
    start = c.doc.clause_start(c.mention.start, c.sentence_start, CLAUSE_BREAKS_KEEPING_LISTS)
    words = c.text[start : c.mention.start]
    found = next((m for p in cues().part_inclusion_patterns if (m := p.search(words))), None)
    return found is not None and found.start() > 0


def counts_a_list(c: Clause, alias: Alias) -> bool:
    """'共吸引到9家控排企业、新建项目单位及投资机构参加': a count whose name after it is the first
    item of a list of kinds of things counts them all together — no figure of the first kind."""
    if c.mention.unit_code != "count" or alias.start != c.mention.end:
        return False
    # only an enumeration comma: '2个国家级…基地和…9个…基地' goes on to another count
    return c.text[alias.end : alias.end + 1] == _ENUMERATION and plain(
        c.text[alias.end + 1 : alias.end + 3]
    )


def averages_a_spread(c: Clause) -> bool:
    """'各区县优良率范围在88.8%-95.6%之间,平均为92.4%': the average of a spread over places
    (maps/cues.yml spread_average_patterns), not the region's own figure."""
    before = c.text[c.sentence_start : c.mention.start]
    return any(p.search(before) for p in cues().spread_average_patterns)


def gap_to_reference(c: Clause, named: bool = False) -> bool:
    """'优良率超过全国平均水平10.6个百分点', '低于全国平均水平3微克/立方米': the number is a
    difference to a reference level (maps/cues.yml reference_gap_patterns), not a change nor a
    level; with named, only when the words name the reference ('超过90%' is a bound)."""
    before = c.text[c.doc.clause_start(c.mention.start, c.sentence_start) : c.mention.start]
    for pattern in cues().reference_gap_patterns:
        found = pattern.search(before)
        if found and (not named or any(w in found.group() for w in REFERENCE_WORDS)):
            return True
    return False


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
            # the match may have taken the word before a short name ('2021年兰州市': 年兰州市)
            names = {place, place[1:]} if len(place) > _SHORTEST_PLACE_NAME else {place}
            if not any(text[s:e] in names for s, e, _ in doc.regions):
                return True
    return False


def network_alias(c: Clause, alias: Alias) -> tuple[Alias | None, str]:
    """A water figure follows the network of the sections counted before it in the sentence
    (and is no region's when the sentence speaks of one river, tributary or reservoir area):
    the provincial indicator over a province's own sections ('655个省考断面…'), none over a
    network no code stands for ('南水北调东线江苏段22个断面…'), else the candidate. With none,
    the words that name the part or network the figure is of ('沅水流域', '区考'; '' when the
    rule cannot say), so a clearly named figure keeps them in its stated name."""
    if not alias.code.startswith(SECTION_FIGURES):
        return alias, ""
    said_of = c.text[c.sentence_start : min(alias.start, c.mention.start)]
    if any(word in said_of for word in cues().water_body_words):
        return None, ""  # '长江干流总体水质为优,20个监测断面…': the river's sections
    label = _paragraph_label(c)
    subject = c.doc.lex.indicators[alias.code].subject
    if label and any(s.concerns(alias.code, subject) and s.named_in(label) for s in cues().subsets):
        return None, label  # '沅水流域:水质总体为优。7个监测断面中,…': the basin's sections
    counted = network(c.doc, min(alias.start, c.mention.start), c.sentence_start)
    if counted is None and not _names_a_network(c.text[c.sentence_start : c.mention.start]):
        counted = _paragraph_network(c)  # '省控河流水质为优,…。142个监测断面中,…'
    if counted == "provincial" and alias.code.startswith(SECTION_FIGURES[1]):
        return alias, ""  # '省考断面…' already gave the provincial indicator
    if counted == "provincial":
        variant = c.doc.lex.indicators[alias.code].provincial_variant
        if variant:
            return Alias(alias.start, alias.end, variant), ""
        return None, _network_word(c)
    if counted == "other":  # '南水北调东线江苏段22个断面…': only a word of the sentence names it
        return None, _network_word(c, paragraph=False)
    return alias, ""


def _network_word(c: Clause, paragraph: bool = True) -> str:
    """The word naming the network of the figure's sections, said in its sentence before it or
    else (paragraph) in its paragraph before ('区考', '省控以上'; several levels before one
    level, whose word may be part of another: '省考核要求'); '' when none is said."""
    said = [c.text[c.sentence_start : c.mention.start]]
    if paragraph:
        said.append(c.text[c.paragraph_start : c.sentence_start])
    for words in _network_word_groups():
        for text in said:
            found = [(text.rfind(w), w) for w in words if w in text]
            if found:
                return max(found)[1]
    return ""


def _network_word_groups() -> tuple[list[str], ...]:
    """The words of networks no national code is counted over: several levels, a province's
    (or region's) own, a city's own."""
    the_cues = cues()
    return the_cues.mixed_network_words, the_cues.provincial_network_words, CITY_NETWORK_WORDS


def network_words() -> tuple[str, ...]:
    """Every word of a network no national code is counted over (_network_word_groups)."""
    return tuple(word for group in _network_word_groups() for word in group)


def _names_a_network(words: str) -> bool:
    """The words name a network of sections (国考, 省控 …): the figure is of that one."""
    the_cues = cues()
    return any(w in words for w in (*the_cues.national_network_words,
                                    *the_cues.provincial_network_words))  # fmt: skip


def _paragraph_label(c: Clause) -> str:
    """The label that opens the number's paragraph ('沅水流域:', '湖库:'), naming what all its
    sentences speak of; '' when the paragraph opens with none."""
    head = c.text[c.paragraph_start : c.paragraph_start + PARAGRAPH_LABEL_LENGTH + 1]
    colon = head.find(LABEL_END)
    return head[:colon] if colon > 0 and no_break(head[:colon]) else ""


def _paragraph_network(c: Clause) -> str | None:
    """A count of sections whose sentence names no network, in a paragraph that so far has
    spoken only of a province's own network ('省控河流水质为优,…。142个监测断面中'): that
    network's ("provincial"); else None."""
    before = c.text[c.paragraph_start : c.sentence_start]
    the_cues = cues()
    if any(word in before for word in the_cues.national_network_words):
        return None
    if any(word in before for word in the_cues.provincial_network_words):
        return "provincial"
    return None
