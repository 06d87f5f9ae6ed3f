"""Whose figure and when: the region and the period of a fact, the places a count scopes, the
list a rank is a place in, and the network of water sections a figure is counted over.

What belongs here: the resolution of a statement's scope from the words around it — a city named
before the indicator or opening the clause, 全国, a region of several provinces, a list of places
shared out by 分别 — and of its period (a target year, a year bound to the number, the year of the
clause, the report year or the release's months). Which indicator a number states is decided in
strategies.py.
"""

from __future__ import annotations

import re

from orchestration.extraction.cues import cues
from orchestration.extraction.document import region_level
from orchestration.extraction.quantities import RANK_UNIT, Mention
from orchestration.extraction.reading import (
    CLAUSE_BREAKS_KEEPING_LISTS,
    LIST_JOINS,
    RESPECTIVELY,
    Document,
    no_break,
)
from orchestration.parsing.periods import parse_period

NATIONAL = "100000"
COUNTRY_WORD = cues().grammar.country_word  # the word that makes a figure the country's
LISTED = "listed"  # a figure of a list of regions that no 分别 shares out: no one region
REGION_GAP = 8  # the most words between a region named and the indicator it scopes
TIED = "并列"  # places tied for a rank ('吉安市和抚州市并列第五')
SCOPE_NOUN_WINDOW = 12  # the words after a count where the places it counts are named
NATIONAL_LEAD = 3  # the words before 全国 that may make it no scope ('占全国')
NATIONAL_TAIL = 4  # the words after 全国 that may make it no scope ('全国的')
_OPENING_LEADS = cues().grammar.opening_leads  # what may open a clause before its region
# a later figure said of a whole region
_WHOLE_REGION = re.compile("|".join(map(re.escape, cues().grammar.whole_region_words)))
# the words of a city's own sections (maps/cues.yml subset city_network: '市控', '县考')
CITY_NETWORK_WORDS = next(s.words for s in cues().subsets if s.name == "city_network")
# a count of sections: before their name ('534个省级断面'), or after the name of a network's
# sections ('省控断面(点位)9个')
_NETWORKS = sorted({*cues().national_network_words, *cues().provincial_network_words,
                    *CITY_NETWORK_WORDS}, key=len, reverse=True)  # fmt: skip
_SECTIONS_COUNTED = re.compile(
    r"\d+个[^,;:。\d]{0,16}?断面|(?:"
    + "|".join(map(re.escape, _NETWORKS))
    + r")断面(?:\(点位\))?\d+个"
)
_YEAR = re.compile(r"(?:19|20)[0-9]{2}年")
SECTION_HEADING_LENGTH = 40  # the longest line that may head a section of a release
SENTENCE_MARKS = re.compile("[。;!?]")  # a line holding one is prose, no heading


def period(doc: Document, mention: Mention, kind: str, before: str, paragraph: str) -> str:
    """The period code of a fact: a goal's target year (of its sentence, else its paragraph,
    else the document's); an actual's year bound to the number ('从2022年的17.1%'), none when
    the sentence lists several years side by side, for a change the later year of a from-to said
    before it ('…提升到2022年的347天,增加了96天'), else the year after the report's when its
    paragraph said 今年 last in a text on that report (_this_year_said), else the last year of
    the sentence up to the report year, else the report year — the months of a half year or of
    a span of months the sentence names before it in a yearly document ('7月下旬至8月上旬,…' →
    07..08) — or the release's months for a part-year release, unless the number's clause
    names the whole year ('2020年水质优良断面比例为83.4%')."""
    the_cues, year = cues(), None
    if kind == "target":
        year = the_cues.target_year(before) or the_cues.target_year(paragraph)
        if year is None:
            year = doc.context.year
    else:
        year = the_cues.bound_year(doc.text[: mention.start])
        if year is None and any(p.search(before) for p in the_cues.several_years_patterns):
            return ""
        if year is None and kind == "change":
            year = the_cues.change_end_year(before)  # '…提升到2022年的347天,增加了96天'
        if year is None and _this_year_said(doc, paragraph):
            year = doc.context.year + 1  # '今年以来,…' in a text on the year's report
        if year is None:
            ceiling = doc.context.year
            years = [y for y in the_cues.context_years(before) if not ceiling or y <= ceiling]
            year = years[-1] if years else ceiling
        half = _half_year(before) if year and not doc.context.period_code else None
        if half is not None:  # '…上半年水质达标率为41.6%' in a bulletin of the year
            return f"{year}-{half[0]}..{year}-{half[1]}"
        span = _month_span(year, before) if year and not doc.context.period_code else None
        if span is not None:  # '2018年7月下旬至8月上旬,东北地区平均气温25.1℃'
            return span
        if year and year == doc.context.year and doc.context.period_code:
            months = _release_months(year, paragraph)
            if months is None and not _YEAR.search(paragraph):  # '(一)全区国考…' under its heading
                months = _section_months(doc, year, mention)
            clause = re.split("[,;:]", before)[-1]  # the number's own clause
            if months is None and re.search(f"{year}年{_PART_OF_YEAR}", clause):
                return str(year)  # '2020年水质优良断面比例为83.4%' in a December release
            if months is None or _same_interval(months, doc.context.period_code):
                return doc.context.period_code  # the release's own code for its own months
            return months
    return str(year) if year else ""


def _this_year_said(doc: Document, paragraph: str) -> bool:
    """The paragraph says 今年 (cues `this_year_words`) after its last year, in a text on the
    annual report of the document's year that its title names: a year after the report's."""
    context = doc.context
    if context.reported_year is None or context.reported_year != context.year:
        return False
    said = max((paragraph.rfind(w) for w in cues().this_year_words), default=-1)
    return said >= 0 and not _YEAR.search(paragraph, said)


def _half_year(before: str) -> tuple[str, str] | None:
    """The months of the last half year the sentence names before the number (maps/cues.yml
    half_year_months), unless a 全年 follows it; None when it names none."""
    halves = cues().half_year_months
    found = max(((before.rfind(word), word) for word in halves), default=(-1, ""))
    if found[0] < 0 or "全年" in before[found[0] :]:
        return None
    return halves[found[1]]


def _month_span(year: int, before: str) -> str | None:
    """The months of the last span of months the sentence names before the number (maps/cues.yml
    month_span_patterns), widened to whole months ('7月下旬至8月上旬' → 07..08); None: none."""
    found = [m for p in cues().month_span_patterns for m in p.finditer(before)]
    if not found:
        return None
    last = max(found, key=lambda m: m.end())
    first_year = int(last["first_year"] or year)
    last_year = int(last["last_year"] or first_year)
    first, final = int(last["first"]), int(last["last"])
    if not (1 <= first <= 12 and 1 <= final <= 12) or (last_year, final) < (first_year, first):
        return None
    if (first_year, first) == (last_year, final):
        return f"{first_year}-{first:02d}"
    return f"{first_year}-{first:02d}..{last_year}-{final:02d}"


# what may follow 年 when a year names a part of itself ('2020年12月', '2021年上半年', '2022年1—8
# 月', '2023年第一季度', '2020年底', '2020年以来'); any other word after it names the whole year
_PART_OF_YEAR = "(?![0-9一二三四五六七八九十上下前后第春夏秋冬首末底度以])"


_FIRST_MONTHS = re.compile(r"前([0-9]{1,2})个?月")  # the first months of the year
_QUARTER = re.compile(r"第?([一二三四1-4])季度")  # a quarter of the year, by its months
_QUARTERS = "一二三四1234"


def _section_months(doc: Document, year: int, mention: Mention) -> str | None:
    """The months the heading of the number's section names ('二、2024年1-11月全区水环境质量状况'
    over '(一)全区国考地表水断面…', a paragraph naming no year of its own): those of the nearest
    line above the number's paragraph that is a heading (short, no sentence in it); None when
    that heading names none ('一、2份环境空气质量排名情况', a page's lost 月) or there is none."""
    end = doc.paragraph_start(mention.start) - 1
    while end > 0:
        start = doc.paragraph_start(end)
        line = doc.text[start:end]
        if 0 < len(line) <= SECTION_HEADING_LENGTH and not SENTENCE_MARKS.search(line):
            return _release_months(year, line)  # the nearest heading, months or none
        end = start - 1
    return None


def _same_interval(a: str, b: str) -> bool:
    """Two period codes name the same months ('2024-Q1', '2024-01..2024-03')."""
    first, second = parse_period(a), parse_period(b)
    return (first.start, first.end) == (second.start, second.end)


def _release_months(year: int, paragraph: str) -> str | None:
    """The months a paragraph of a part-year release is about ('1-12月,…' → the year,
    '12月份,…' → that month, '第一季度' → that quarter, 2024-Q1), from the last months it names
    before the number; None: none."""
    found = [m for p in cues().release_months_patterns for m in p.finditer(paragraph)]
    if not found:
        return None
    last = max(found, key=lambda m: m.end())
    months = _FIRST_MONTHS.sub(r"1-\1月", last.group(0))  # '前11月': 1-11月
    quarter = _QUARTER.fullmatch(months)
    if quarter is not None:  # '第一季度': the quarter's own code, as the manifest writes it
        months = f"第{_QUARTERS[_QUARTERS.index(quarter.group(1)) % 4]}季度"
    try:
        return parse_period(f"{year}年{months}").code
    except ValueError:
        return None


def region(doc: Document, alias_start: int, sentence_start: int,
           mention: Mention | None = None) -> str:  # fmt: skip
    """Whose figure: a region of several provinces without a code ('汾渭平原…': none); a
    prefecture opening the number's clause after the indicator's ('…排名第8,厦门市排名第5'); a
    prefecture or county named right before the indicator ('南宁市环境空气质量') or
    opening the number's clause ('柳州市连续四年排名第1'); the country when 全国 scopes
    the clause ('全国平均水平(87.9%)'); else the document's region. LISTED for a figure of a
    list of regions that no 分别 shares out."""
    text = doc.text
    if mention is not None and closes_place_list(doc, alias_start, sentence_start):
        # '西安、宝鸡等6个市(区)优良天数分别增加…': the places', not the region's
        return _each_of_a_closed_list(doc, alias_start, sentence_start, mention)
    extreme = places_stated(doc, mention, sentence_start) if mention is not None else None
    if extreme is not None:  # '…最好的城市是青岛、烟台和威海市,为16μg/m3': theirs
        return extreme[0] if len(extreme) == 1 else LISTED
    item = _list_item_place(doc, alias_start, mention) if mention is not None else None
    if item is not None:  # '南宁市优良天数为30天、柳州市29天': the item's own place
        return item or LISTED
    if mention is not None:
        listed = listed_regions(doc, alias_start, sentence_start)
        # '京津冀及周边地区、长三角地区、汾渭平原…分别…', '厦门市、福州市…分别'
        if len(listed) >= 2:
            anchor = text.rfind(RESPECTIVELY, alias_start, mention.start)
            series = doc.series(anchor, mention) if anchor >= 0 else []
            if len(series) == len(listed) and mention in series:
                return listed[series.index(mention)]
            return LISTED
        again = _places_of_the_list_before(doc, mention, sentence_start)
        if again:  # '…A、B、C的优良天数分别为…天,优良率分别为…%': the same places again
            return again
    if mention is not None:
        clause_start = doc.clause_start(mention.start, sentence_start, CLAUSE_BREAKS_KEEPING_LISTS)
        opening = (
            _opening_region(doc, clause_start, mention.start)
            if alias_start < clause_start
            else None
        )
        if opening:
            return opening  # '福州市…综合指数…排名第8,厦门市排名第5': the clause's own city
        anchor = text.rfind(RESPECTIVELY, clause_start, mention.start)
        if alias_start < clause_start <= anchor:
            # '…综合指数…169个城市中,厦门、福州分别位列第7位、第8位': the clause's own places;
            # '…最低的3个城市依次是北京、廊坊和长治,分别为47、55和55': those closing the clause
            # before, when 分别 opens the number's own, or only a name said before repeats
            # there ('…其次是北京、广州和杭州,产生量分别为…')
            head = text[clause_start:anchor]
            repeated = len(head) >= 2 and head in text[alias_start:clause_start]
            end = anchor if anchor > clause_start and not repeated else clause_start - 1
            places = listed_regions(doc, end, sentence_start if end < anchor else clause_start)
            if len(places) >= 2:
                series = doc.series(anchor, mention)
                if len(series) == len(places) and mention in series:
                    return places[series.index(mention)]
                return LISTED
    for word in cues().regions_without_code:
        found = text.rfind(word, sentence_start, alias_start)
        if found >= 0 and no_break(text[found + len(word) : alias_start].replace("、", "")):
            return ""
    for pattern in cues().groups_without_code:  # '前10位城市产生的…总量为18.2万吨'
        found = [m.end() for m in pattern.finditer(text, sentence_start, alias_start)]
        if found and no_break(text[found[-1] : alias_start]):
            return ""
    for start, end, code in reversed(doc.regions):
        if end <= alias_start and start >= sentence_start:
            gap = doc.text[end:alias_start]
            near = no_break(gap) and len(gap) <= REGION_GAP and not re.search(r"\d|等", gap)
            if near and not in_list(doc, start, end):
                return code
            break
    if mention is not None:
        clause_start = doc.clause_start(mention.start, sentence_start, CLAUSE_BREAKS_KEEPING_LISTS)
        opening = _opening_region(doc, clause_start, mention.start)
        if opening:
            return opening
        if _national_scope(doc, clause_start, mention.start):
            return NATIONAL
        if mention.unit_code != RANK_UNIT and _after_region_without_code(doc, mention.start):
            return ""
    return doc.context.region_code or ""


def _after_region_without_code(doc: Document, pos: int) -> bool:
    """'京津冀及周边地区…平均优良天数比例为63.5%…;PM2.5浓度为51微克/立方米': a figure
    said after a region of several provinces, in the same sentence (to the 。) or in a
    paragraph the region opens, with no other place named since, is that region's."""
    text = doc.text
    start = max(text.rfind("。", 0, pos), text.rfind("\n", 0, pos)) + 1
    found = max(((text.rfind(w, start, pos), w) for w in cues().regions_without_code),
                default=(-1, ""))  # fmt: skip
    groups = [m for p in cues().groups_without_code for m in p.finditer(text, start, pos)]
    if groups and groups[-1].start() > found[0]:  # '前10位城市…为18.2万吨,占…的29.3%'
        found = (groups[-1].start(), groups[-1].group())
    if found[0] < 0:
        # '渤海近岸海域水质一般,…。一类海水比例为19.8%,…': a paragraph opened by the region
        # speaks of it in each of its sentences
        start = text.rfind("\n", 0, pos) + 1
        found = next(((start, w) for w in cues().regions_without_code
                      if text.startswith(w, start)), (-1, ""))  # fmt: skip
    if found[0] < 0 or text[found[0] - 1 : found[0]] == "在":
        return False  # '在京津冀及周边地区排名第二': the group ranked in, not the subject
    since = text[found[0] + len(found[1]) : pos]
    named = any(start <= s and e <= pos and s >= found[0] + len(found[1])
                for s, e, _ in doc.regions)  # fmt: skip
    return not named and not _WHOLE_REGION.search(since)


_SHARE_OF_PRIOR = re.compile(r",占[^,;:。()\d]{2,30}?的")  # ',占重点调查工业企业的': a share of it
# what may stand between the places of an extreme statement and their figure ('…威海市,为16')
_EXTREME_GLUE = re.compile(r"[,:]?(?:均为|都为|为|是|达|达到)?")


def places_stated(doc: Document, mention: Mention, sentence_start: int) -> list[str] | None:
    """The places a figure is stated of, each of them: those of the highest or lowest figure
    (extreme_places) or those tied for a rank ('吉安市和抚州市并列第五'); None: not such a
    figure."""
    extreme = extreme_places(doc, mention, sentence_start)
    if extreme is None:
        extreme = place_then_extreme(doc, mention, sentence_start)
    return extreme if extreme is not None else tied_places(doc, mention)


def place_then_extreme(doc: Document, mention: Mention, sentence_start: int) -> list[str] | None:
    """'…比例为92.1%,其中,桂林市最高,为97.8%;百色市最低,为86.3%': a place opening its clause
    and said to be the highest or lowest (maps/cues.yml `extreme_after_place_pattern`) right
    before the number: the figure is its own ([] when the place is no one region for sure);
    None when no such statement stands before the number."""
    text = doc.text
    last = next(((s, e, c) for s, e, c in reversed(doc.regions)
                 if sentence_start <= s and e <= mention.start), None)  # fmt: skip
    if last is None or not cues().extreme_after_place.fullmatch(text, last[1], mention.start):
        return None
    before = text[sentence_start : last[0]]
    if before and not before.endswith(_PLACE_CLAUSE_OPENINGS):
        return None  # '全区PM2.5浓度桂林市最高': a place inside another clause's words
    return [last[2]] if last[2] else []


_PLACE_CLAUSE_OPENINGS = (",", ";", ":", "其中", "、")


def tied_places(doc: Document, mention: Mention) -> list[str] | None:
    """'吉安市和抚州市并列第五': the places joined right before 并列 and a rank, in order; in a
    list of places in their order, the places joined by 和 right before '(并列第三名)' ('…宁德、莆田
    和龙岩(并列第三名)': 莆田 and 龙岩, not 宁德 before the 、 of the order); None when the rank is
    not shared so."""
    text, pos, joins = doc.text, mention.start, LIST_JOINS
    if mention.unit_code != RANK_UNIT:
        return None
    if not text.startswith(TIED, pos) and text.startswith(TIED, pos - 1):
        pos -= 1  # '(并列第三名)': the rank read from 列
    if not text.startswith(TIED, pos):
        return None
    if text[pos - 1 : pos] == "(":
        pos, joins = pos - 1, _TIE_IN_ORDER_JOINS
    codes = []
    for start, end, code in reversed(doc.regions):
        if end != pos:
            if end < pos:
                break
            continue
        codes.insert(0, code)
        if text[start - 1 : start] not in joins:
            break
        pos = start - 1
    return codes if len(codes) >= 2 else None


_TIE_IN_ORDER_JOINS = ("和", "与", "及")  # join tied places inside a list ordered by 、


def extreme_places(doc: Document, mention: Mention, sentence_start: int) -> list[str] | None:
    """'…浓度最好的城市是青岛、烟台和威海市,为16μg/m3', '下降幅度最大的城市是德州市,为19.2%':
    the places a statement names as those of the highest or lowest figure (maps/cues.yml
    `extreme_place_patterns`), closing the number's clause or the clause right before it: the
    figure is each of theirs. [] when a word between them is no place the region reference
    knows (whose figure, then, is not known); None when no such statement precedes the number
    (or 分别 shares the figures out: the lists of places read them)."""
    text = doc.text
    clause_start = doc.clause_start(mention.start, sentence_start, CLAUSE_BREAKS_KEEPING_LISTS)
    window_start = (
        doc.clause_start(clause_start - 1, sentence_start, CLAUSE_BREAKS_KEEPING_LISTS)
        if clause_start > sentence_start
        else clause_start
    )
    window = text[window_start : mention.start]
    found = [m for p in cues().extreme_place_patterns for m in p.finditer(window)]
    if not found or RESPECTIVELY in window[max(m.end() for m in found) :]:
        return None
    found_start = window_start + min(m.start() for m in found)
    pos = window_start + max(m.end() for m in found)
    before = [m for m in doc.mentions if pos <= m.start and m.end <= mention.start]
    prior = before[-1] if before else None
    if prior is not None and _SHARE_OF_PRIOR.fullmatch(text, prior.end, mention.start):
        # '…较大的省份为云南105.4万吨,占重点调查工业企业的38.2%': the share of the place's amount
        own = next((code for start, end, code in doc.regions
                    if end == prior.start and start >= pos), None)  # fmt: skip
        if own is not None:
            return [own] if own else []
    own = next((code for start, end, code in doc.regions
                if end == mention.start - 1 and start >= pos), None)  # fmt: skip
    if own is not None and text[mention.start - 1] == "(":
        return [own]  # '…较低的城市为舟山市(18微克/立方米)和丽水市(22微克/立方米)'
    own = next((code for start, end, code in doc.regions
                if end == mention.start and start >= pos), None)  # fmt: skip
    if own is not None:  # '…较大的省份为山东490.5万吨和新疆107.7万吨': each place its own figure
        return [own] if own else []  # (a name of several places, or of none for sure: no one's)
    codes = []
    for start, end, code in doc.regions:
        if start < pos or end > mention.start:
            continue
        if start != pos:
            return []  # '…最好的城市是某新区和青岛市': a word the reference does not know
        codes.append(code)
        pos = end + (1 if text[end : end + 1] in LIST_JOINS else 0)
    glue = _without_repeated_name(text[pos : mention.start], text[window_start:found_start])
    if not codes or not _EXTREME_GLUE.fullmatch(glue):
        return []
    return codes


def _without_repeated_name(glue: str, said: str) -> str:
    """The words between places and their figure without a name said before them and
    repeated there (',产生量为' after '医疗废物产生量最大的是上海市': ',为')."""
    found = _REPEATED_NAME.fullmatch(glue)
    if found is None or found["name"] not in said:
        return glue
    return found["glue"] + found["copula"]


_REPEATED_NAME = re.compile(
    r"(?P<glue>[,:]?)(?P<name>[^\d,;:。、()]{2,8}?)(?P<copula>均为|为|达|达到)"
)


LIST_ITEM_OPENERS = ("、", ",", ";")  # what opens an item of a list of places with figures


def _list_item_place(doc: Document, alias_start: int, mention: Mention) -> str | None:
    """'南宁市优良天数为30天、柳州市29天、桂林市28天': a place right before the number, opening an
    item of a list after the indicator's name (or of an open-vocabulary figure, whose name is
    read at the number), is the place of that item's figure ('' when the place is no one region
    for sure); None when no such place stands there."""
    if counts_places(doc, mention):
        return None  # '临汾、运城、吕梁3市…均有所上升': the count of the places listed
    return next((code for start, end, code in doc.regions
                 if end == mention.start and (start > alias_start or alias_start == mention.start)
                 and doc.text[start - 1 : start] in LIST_ITEM_OPENERS), None)  # fmt: skip


_CLOSING_COUNT = re.compile(r"等([0-9]+|[一二两三四五六七八九十])个")
_NUMERALS = {w: n for n, w in enumerate("一二三四五六七八九十", start=1)} | {"两": 2}


def _each_of_a_closed_list(doc: Document, alias_start: int, sentence_start: int,
                           mention: Mention) -> str:  # fmt: skip
    """'渭南、咸阳、西安等3个市优良天数分别减少90天、88天、59天': when 等 closes exactly the places
    named (as many as its count, and as many as the numbers 分别 shares out), each number is
    its place's, in order; else LISTED (more places than named: whose is which is not said)."""
    last = max(e for s, e, _ in doc.regions if s >= sentence_start and e <= alias_start)
    counted = _CLOSING_COUNT.match(doc.text, last)
    listed = listed_regions(doc, last, sentence_start)
    if counted is None or len(listed) < 2 or "" in listed:
        return LISTED  # (a place of no one region for sure: its figure would land without one)
    count = counted[1]
    if (int(count) if count.isdigit() else _NUMERALS[count]) != len(listed):
        return LISTED
    anchor = doc.text.rfind(RESPECTIVELY, alias_start, mention.start)
    series = doc.series(anchor, mention) if anchor >= 0 else []
    if len(series) != len(listed) or mention not in series:
        return LISTED
    return listed[series.index(mention)]


def closes_place_list(doc: Document, alias_start: int, sentence_start: int) -> bool:
    """'西安、宝鸡等6个市(区)优良天数…': places named and closed by 等 (maps/cues.yml
    place_list_closers) right before the indicator."""
    last = next((e for s, e, _ in reversed(doc.regions)
                 if s >= sentence_start and e <= alias_start), None)  # fmt: skip
    if last is None:
        return False
    gap = doc.text[last:alias_start]
    return (
        len(gap) <= REGION_GAP + 4
        and not re.search("[,。;:!?\n]", gap)  # '等6个市(区)': parentheses may stand
        and any(p.match(gap) for p in cues().place_list_closers)
    )


# the count of a list of places closing it before the indicator ('两个设区市的')
_LIST_COUNTED = re.compile(
    r"[0-9一二两三四五六七八九十]+个?(?:设区市|设区城市|城市|地级市|市|县|区)的?$"
)


def _places_of_the_list_before(doc: Document, mention: Mention, sentence_start: int) -> str:
    """'即富阳区、临安区…的环境空气质量优良天数分别为336天、…,优良率分别为93.9%、…': the numbers of
    a second 分别 whose clause names no place take the places the sentence's first 分别 shared
    out, in order, when both lists have one number per place; '' otherwise."""
    text = doc.text
    anchor = text.rfind(RESPECTIVELY, sentence_start, mention.start)
    first = text.rfind(RESPECTIVELY, sentence_start, anchor) if anchor >= 0 else -1
    named = doc.aliases_between(sentence_start, first) if first >= 0 else []
    if not named or not no_break(text[named[-1].end : first]):
        return ""
    places = listed_regions(doc, named[-1].start, sentence_start)
    earlier = doc.series(first, next(m for m in doc.mentions if m.start > first))
    series = doc.series(anchor, mention)
    if len(places) < 2 or not len(places) == len(earlier) == len(series) or mention not in series:
        return ""
    if any(start < end for start, end, _ in doc.regions
           if earlier[-1].end <= start and end <= mention.start):  # fmt: skip
        return ""  # the second list's clause names places of its own
    return places[series.index(mention)]


def listed_regions(doc: Document, alias_start: int, sentence_start: int) -> list[str]:
    """The codes ('' for a region of several provinces) of a list of regions ending right
    before the indicator ('厦门市、福州市环境空气质量…'), in order; [] when there is none."""
    text, codes, pos = doc.text, [], alias_start
    counted = _LIST_COUNTED.search(text[sentence_start:alias_start])
    if counted:  # '承德、张家口两个设区市的优良天数分别为329、322天'
        pos = sentence_start + counted.start()
    spans = [(s, e, c) for s, e, c in doc.regions if e <= alias_start]
    spans += [(m.start(), m.end(), "") for w in cues().regions_without_code
              for m in re.finditer(re.escape(w), text[:alias_start])]  # fmt: skip
    while pos > sentence_start:
        ends = (pos, pos - 1) if text[pos - 1 : pos] == "的" else (pos,)
        item = next((sp for sp in spans if sp[1] in ends), None)
        if item is None:
            break
        codes.insert(0, item[2])
        pos = item[0]
        if text[pos - 1 : pos] not in LIST_JOINS:
            break
        pos -= 1
    return codes


def in_list(doc: Document, start: int, end: int) -> bool:
    """'湘西州、张家界市…8个城市': a region of a list scopes a count, it is no subject."""
    text = doc.text
    return text[end : end + 1] in LIST_JOINS or text[start - 1 : start] == "、"


def _opening_region(doc: Document, clause_start: int, number_start: int) -> str | None:
    for start, end, code in doc.regions:
        if start < clause_start:
            continue
        if start >= number_start:
            break
        lead = doc.text[clause_start:start]
        if region_level(code) not in ("province", "prefecture"):
            break  # a county's name is often a word ('城区', '矿区'): only right before a name
        if lead in _OPENING_LEADS and in_list(doc, start, end):
            if RESPECTIVELY in doc.text[end:number_start]:
                return None  # '厦门、福州分别位列第7位、第8位': the list shares them out
            return LISTED  # '…比例为88.6%,淮南、亳州两市低于80%': the places', none alone
        if lead in _OPENING_LEADS:
            return code if code != doc.context.region_code else None
        break
    return None


def _national_scope(doc: Document, clause_start: int, number_start: int) -> bool:
    text, the_cues = doc.text, cues()
    if doc.context.region_code == NATIONAL:
        return False
    found = text.rfind(COUNTRY_WORD, clause_start, number_start)
    if found < 0:
        return False
    if found != clause_start and not text.startswith("全国平均", found):
        return False  # '全区列入全国…平台的设区市': 全国 qualifies a noun, not the figure
    before = text[max(0, found - NATIONAL_LEAD) : found]
    after = text[found + len(COUNTRY_WORD) : found + len(COUNTRY_WORD) + NATIONAL_TAIL]
    return not (
        before.endswith(tuple(the_cues.national_scope_not_after))
        or after.startswith(tuple(the_cues.national_scope_not_before))
        or after.startswith("的")  # '占全国的'
    )


def rank_scope(doc: Document, mention: Mention) -> str:
    """The list a rank is a place in ('national': '全国第5名', '位列全国168个重点城市第16名';
    'within_province': '全省第3'), from the words of its clause before its number; '' when they
    name none ('省会城市第6名', '柳州市连续四年排名第1')."""
    sentence_start, _ = doc.sentence(mention.start)
    clause_start = doc.clause_start(mention.number_start, sentence_start)
    return cues().rank_scope(doc.text[clause_start : mention.number_start])


def names_places(words: str) -> bool:
    """Words that open with places ('城市…', '设区市…'), not with a kind ('省级断面')."""
    the_cues = cues()
    noun = next((n for n in the_cues.scope_nouns if words.startswith(n)), None)
    return noun is not None and not words[len(noun) :].startswith(
        tuple(the_cues.scope_noun_not_before)
    )


def counts_places(doc: Document, mention: Mention) -> bool:
    """'14个设区市', '168个重点城市': a count of places scopes a statement, it is no fact."""
    after = doc.text[mention.end : mention.end + SCOPE_NOUN_WINDOW]
    return mention.unit_code in ("count", None) and names_places(after)


def network(doc: Document, pos: int, sentence_start: int) -> str | None:
    """Which sections a water figure is counted over: the last count of sections named
    before it in the sentence ('534个省级…断面中'): national, provincial, other, or None
    when the sentence names none."""
    text, the_cues = doc.text, cues()
    counted = list(_SECTIONS_COUNTED.finditer(text, sentence_start, pos))
    if not counted:
        return None
    last = counted[-1]
    phrase = text[doc.clause_start(last.start(), sentence_start) : last.end()]
    if any(word in phrase for word in the_cues.mixed_network_words):
        return "other"  # '23个省控以上考核断面': several levels together
    if any(word in phrase for word in the_cues.provincial_network_words):
        return "provincial"
    if phrase.startswith("省") and not phrase.startswith("省会"):
        return "provincial"
    if any(word in phrase for word in the_cues.national_network_words + the_cues.subset_resets):
        return "national"  # '全区133个地表水断面…': the region's whole network
    return "other"
