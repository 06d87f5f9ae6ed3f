"""The name a number states for itself in its own clause ('综合利用量8.6亿吨', '93个参与评价').

What belongs here: reading that name — stripping the copula, the times, the scope and direction
words and a region name around it — and telling a clear one ('X为N': open vocabulary, it may land
without a code) from a name that only points back ('比例为75.2%'). A number with a name of its
own never borrows an indicator from an earlier clause (strategies.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from orchestration.extraction.aliases import Alias
from orchestration.extraction.cues import cues
from orchestration.extraction.fitting import compatible
from orchestration.extraction.lexicon import Lexicon
from orchestration.extraction.quantities import RANK_UNIT, Mention
from orchestration.extraction.reading import (
    CLAUSE_BREAKS_KEEPING_LISTS,
    LIST_JOINS,
    RESPECTIVELY,
    Document,
    is_name,
)
from orchestration.extraction.scope import names_places

BASE_YEAR = re.compile(r"(?:比|较|相比|与)(?:19|20)\d\d年(?:相比)?")  # '比2021年': no name
# the words a count that opens its clause names after it ('93个参与评价')
_NAME_AFTER_COUNT = re.compile(r"[^,;:。、()\n\d]{2,14}")
# the sections of a province's own network named after a count ('207个地表水省考断面')
_PROVINCIAL_SECTIONS = re.compile(
    "[^,;:。、()\\d]{0,6}?(?:"
    + "|".join(map(re.escape, cues().provincial_network_words))
    + ")[^,;:。、()\\d]{0,4}?断面(?:\\(点位\\))?"
)
_GROUP_ENDINGS = cues().grammar.group_endings  # '省会城市第6名': a group ranked in
_COUNTER_STARTS = cues().grammar.counter_starts
# a copula after a count: the clause states, names nothing
_STATES = re.compile("|".join(map(re.escape, cues().grammar.count_statements)))


# a gloss in parentheses inside a name ('符合一级标准(优)的天数'), words going on after it
# (not the kinds of divisions counted: '13个市(区)')
# — or a pollutant's Latin name ('二氧化硫(SO2)排放量')
_INNER_GLOSS = re.compile(
    r"(?<![省市县区州盟地])\((?:[^()\d,;:。]{1,6}|[a-z]{1,4}[0-9.]{0,3}[a-z]?)\)(?=[^()])"
)
# a name glossed in parentheses right before its count ('2类功能区(混合区)41个')
_GLOSSED = re.compile(r"(?P<name>[^()]{2,12})\((?P<gloss>[^()\d]{1,12})\)")


@dataclass(frozen=True)
class OwnName:
    """The name a number states for itself in its clause ('综合利用量8.6亿吨')."""

    name: str
    clause_start: int
    copula: bool  # 'X为N', 'X达到N', 'N个X': named clearly enough to land without a code

    @property
    def is_open_vocabulary(self) -> bool:
        return self.copula and self.name not in cues().generic_names


_BREADCRUMB = re.compile(r"(?<![a-z0-9.])>+")  # a page's path ('新闻>四川新闻'), not 'AQI>200'
PART_OF = "中"  # joins a whole's name and its part's ('优良天数中优')
CLASS_ONLY = re.compile(r"劣?[ivx]+类(?:水质|水体|断面)?")  # 'Ⅳ类', folded: 'iv类'
# words ending in a relative clause before a count ('监测的', '开展水质监测的'): what was done
# to the things the count names after it
_RELATIVE = re.compile(r"^[^,;:。、()\d]{1,10}的$")
# a share said of its whole ('…的县域面积占国土面积的27.7%'): A's share of B, named A占B比例
_SHARE_OF_WHOLE = re.compile(r"占([^,;:。、()\d]{2,12})的$")
_SHARE_NAME = "占{whole}比例"
_ITEM_JOIN = "、"  # joins the items of a list of names
_CHANGE_UNITS = ("pct", "pp")  # the units of a change said with its direction ('下降11.4%')
_TIMES = "次"  # the counter of a count of times ('2次')
_RATE = "率"  # ends the name of a rate
# a figure said from its past value to its present one: 'X由2003年的14.2万平方公里' (the past) and
# '…增加到16.9万平方公里' (the present) are both X's
_FROM = re.compile(r"^(?P<name>.*?)由(?:(?:19|20)\d\d年(?:底|末)?的?)?$")
_FROM_TO = re.compile(
    r"^(?P<name>[^,;:。\d]+?)由[^,;:。]*?\d[^,;:。]*?"
    r"(?:增加|下降|上升|减少|降低|提高|增长|提升|扩大|缩小|升|降|增|减)?(?:到|至)$"
)
# the count that opens a name counting places ('两省', '3个城市': scope.names_places says which)
_PLACE_COUNT = re.compile("(?:[0-9]+|[一二两三四五六七八九十]+)个?")
_PERFECTIVE = "了"  # closes a verb of what was done ('完成了14个…')
DAY_UNIT = "day"  # the unit of a count of days ('173个污染日')
_RELATIVE_MARK = "的"  # joins what was done to the things it was done to
_AMONG = "中,"  # closes the things counted that a list of their classes follows
_COMPARISON_STARTS = ("比", "较", "与")  # what opens a comparison after a name ('浓度比2020年')
_ITEM_ENDS = ("、", ",", ";", "。")  # what closes a list item or a clause
_THINGS = (
    "个",
    "座",
    "家",
    "处",
    "条",
    "项",
    "种",
    "所",
    "台",
    "辆",
    "艘",
)  # counters of things (not 人次, 次)


@cache
def _part_words(lex: Lexicon) -> frozenset[str]:
    """The one-word parts the catalogue names (`parts`: 优, 良): grades of a figure."""
    return frozenset(word for entry in lex.indicators.values() for word, _ in entry.parts)


def own_name(doc: Document, mention: Mention, sentence_start: int) -> OwnName | None:
    """The name a number states for itself in its own clause: 'X为N' / 'X N' before it, or
    'N个X' after it when the number opens its clause. None when the clause only points
    back ('同比下降9.1%', '比例为75.2%') or a lexicon name stands in it."""
    text, the_cues = doc.text, cues()
    # a list of modifiers ('行业领军、…和专精特新企业11家') is one clause here
    clause_start = doc.clause_start(mention.start, sentence_start, CLAUSE_BREAKS_KEEPING_LISTS)
    words = text[clause_start : mention.start]
    if any(c.isdigit() for c in words) and "、" in words:  # '…13.1个百分点、改善幅度全国第一'
        clause_start += words.rfind("、") + 1
        words = text[clause_start : mention.start]
    crumbs = list(_BREADCRUMB.finditer(words))
    if crumbs:  # '新闻中心>各地新闻>>>2023年四川水环境质量…': a page's path names nothing
        clause_start += crumbs[-1].end()
        words = text[clause_start : mention.start]
    words = _INNER_GLOSS.sub("", words)  # '符合一级标准(优)的天数': the gloss is no word of it
    ranked_in = words.startswith("在") or words.endswith(_GROUP_ENDINGS)
    if mention.unit_code == RANK_UNIT and ranked_in:
        return None  # '在京津冀及周边地区排名第二', '省会城市第6名': the group, not a name
    named = doc.aliases_between(clause_start, mention.start)
    if len(named) == 1 and _count_of_a_share(doc, named[0], mention):
        # '劣五类水质断面1个': the count of what a share's name names
        return OwnName(text[named[0].start : named[0].end], clause_start, True)
    if named and not (len(named) == 1 and _topic_of_a_longer_name(doc, named[0], mention)):
        return None
    copula = False
    from_to = _FROM_TO.match(words) or _FROM.match(words)
    if from_to is not None:  # 'X由2003年的14.2万平方公里增加到16.9万平方公里': both are X's
        words, copula = from_to.group("name"), True
    for glue in the_cues.copulas if not copula else ():
        if words.endswith(glue):
            words, copula = words[: -len(glue)], True
            break
    whole = _SHARE_OF_WHOLE.search(words) if mention.unit_code == "pct" and not copula else None
    count = _PLACE_COUNT.match(words)
    if whole is not None and not (count and names_places(words[count.end() :])):
        # '…的县域面积占国土面积的27.7%': A's share of B (not '两省废碱产生量占…的79.5%': whose
        # region the places counted, not the document's, would be)
        words, copula = words[: whole.start()], True
    else:
        whole = None
    words = BASE_YEAR.sub("", words)
    for pattern in the_cues.own_name_time_patterns:
        words = pattern.sub("", words)
    changed, directed = True, False
    while changed:
        changed = False
        for word in the_cues.own_name_scope_words:
            opens = words.startswith(word) and not words.startswith(the_cues.own_name_whole_words)
            if opens or words.endswith(word):
                words = words.removeprefix(word) if opens else words[: -len(word)]
                changed = True
        for word, _ in the_cues.directions:
            said = next((w for w in (word + _PERFECTIVE, word) if words.endswith(w)), None)
            if said is not None:  # '下降了0.74': the direction, done
                words, changed, directed = words[: -len(said)], True, True
    if directed and mention.unit_code in _CHANGE_UNITS and not words.startswith(_COMPARISON_STARTS):
        copula = True  # 'X下降11.4%': a change named by its direction as clearly as by 为
    times = text[mention.number_end : mention.end] == _TIMES and mention.unit_code == "count"
    if directed and times and is_name(words) and not words.startswith(_COMPARISON_STARTS):
        # '区域性沙尘天气同比减少2次': a change of how often an event occurred, named by it
        words, copula = words + _TIMES + "数", True
    departure = the_cues.normal_departure.search(words)
    if departure is not None and departure.start() > 0:
        copula = True  # '全省平均气温较常年偏低0.3℃': a departure from the normal, named
    group = next((m for p in the_cues.groups_without_code if (m := p.match(words))), None)
    if group is not None and is_name(words[group.end() :]):
        # '前10位城市产生的医疗废物总量为18.2万吨': a group of places, named with its figure
        return OwnName(words, clause_start, copula)
    words = _without_places_counted(words)  # '(全省)11个设区城市区域环境噪声平均为55.2分贝'
    words = _without_listed_regions(doc, _without_regions(doc, words.rstrip("(")))
    glossed = _GLOSSED.fullmatch(words)
    if glossed is not None and mention.unit_code == "count" and text[mention.start - 1] == ")":
        words = glossed["name"]  # '2类功能区(混合区)41个': a name and its gloss in parentheses
    tied = words.endswith(_TIE)
    if mention.unit_code == RANK_UNIT and tied and not _without_tied_places(doc, words):
        # '吉安市和抚州市并列第五': places sharing a rank — no name to land, and the rank is
        # theirs, so it borrows none of the region's indicators either
        return OwnName(words, clause_start, False)
    if mention.unit_code == RANK_UNIT and _ranked_like_places(doc, mention, sentence_start,
                                                              clause_start, words):  # fmt: skip
        # '长春排名48位,冰城排名51位,沈阳排名65位': a place by another name, ranked
        return OwnName(words, clause_start, False)
    borrowing = words in the_cues.borrowing_names or words.endswith(
        tuple(the_cues.borrowing_suffixes)
    )
    if words in the_cues.bare_extremes:
        return OwnName(words, clause_start, False)  # '最高为45.2℃(丽水)': whose, of what?
    if CLASS_ONLY.fullmatch(words):
        # '…Ⅰ~Ⅲ类水质断面占92.9%,Ⅳ类占5.9%': a class named alone names a part of its own
        return OwnName(words, clause_start, False)
    if _is_part_word(words) and (copula or words in _part_words(doc.lex)):
        # '…总优良率为80.7%,其中优为28.3%,良为52.4%': a part named in one word — too brief to
        # land, but a name of its own: it borrows none from the clause before; a grade the
        # catalogue names as a part ('其中优100天,良200天') is one even without a copula
        return OwnName(words, clause_start, False)
    # '建成森林乡村104个、绿美古树乡村54个': a count closing its item names what it counts
    closes_item = (
        text[mention.number_end : mention.end].lstrip("万亿") in _THINGS
        and text[mention.end : mention.end + 1] in _ITEM_ENDS
    )
    # '黄海浒苔绿潮最大覆盖面积281平方公里': a name ending in a measure names the number after it
    # … not in parentheses after it ('占全年监测有效天数(365天)的96.2%': a detail of a share)
    measured = (
        mention.unit_code not in (None, "pct", "count")
        and words.endswith(tuple(the_cues.measure_heads))
        and text[mention.start - 1 : mention.start] != "("
    )
    # '各类功能区昼间达标131点次': how often points were monitored, or met the standard
    counter = text[mention.number_end : mention.end]
    times = counter in the_cues.times_counters and words.endswith(tuple(the_cues.times_verbs))
    done = words.removesuffix(_PERFECTIVE)
    if done in the_cues.count_verbs and mention.unit_code == "count" and not copula:
        done += _RELATIVE_MARK  # '划定201个农村饮用水水源保护区': what was done to them
    if _RELATIVE.search(done) and mention.unit_code == "count" and not copula:
        # '监测的195个入海河流断面中', '开展水质监测的164个湖泊': a count after what was done to
        # the things counted after it counts those things, named by both
        thing = _thing_after_count(doc, mention)
        if thing:
            return OwnName(done + thing, clause_start, True)
    # '处置、贮存和倾倒丢弃分别占比': things listed before 分别 name one item each
    listed_heads = RESPECTIVELY in words and is_name(words.replace(_ITEM_JOIN, ""))
    if (is_name(words) or listed_heads) and not borrowing:
        # '工业用水重复利用率85.7%': a rate's name right before its percentage
        rated = mention.unit_code == "pct" and words.endswith(_RATE)
        clear = copula or closes_item or measured or times or rated
        clear = clear or mention.unit_code == RANK_UNIT
        share_of = _SHARE_NAME.format(whole=whole.group(1)) if whole is not None else ""
        return OwnName(words + (counter if times else "") + share_of, clause_start, clear)
    days = next((w for w in the_cues.days_after_count if text.startswith(w, mention.end)), "")
    if not words and days and mention.unit_code == DAY_UNIT:
        return OwnName(days, clause_start, True)  # '2015年173个污染日': the days named
    if words or mention.unit_code not in ("count", None):
        return None
    after = _NAME_AFTER_COUNT.match(text[mention.end :])  # '93个参与评价'
    if after is None:
        return None
    sections = _PROVINCIAL_SECTIONS.match(after.group().removesuffix("中").removesuffix("的"))
    if sections is not None:
        # '207个地表水省考断面水质优良比例为87.0%': the count of a province's own network, which
        # no code counts — named, though an indicator of those sections follows
        return OwnName(sections.group(), clause_start, True)
    name = _thing_after_count(doc, mention)
    return OwnName(name, clause_start, True) if name else None


def _ranked_like_places(doc: Document, mention: Mention, sentence_start: int,
                        clause_start: int, words: str) -> bool:  # fmt: skip
    """'长春排名48位,冰城排名51位,沈阳排名65位': a rank's words that stand where another clause
    of its sentence names a place before the same words of ranking are a place too (a nickname
    the region reference does not know: 冰城 is 哈尔滨), not the name of what is ranked."""
    text = doc.text
    said = text[clause_start : mention.number_start]
    at = said.find(words) if words else -1
    if at < 0:
        return False
    verb = said[at + len(words) :]
    for other in doc.mentions:
        if other is mention or other.unit_code != RANK_UNIT:
            continue
        if doc.sentence(other.start)[0] != sentence_start:
            continue
        start = doc.clause_start(other.start, sentence_start)
        place = max((e for s, e, _ in doc.regions if start <= s and e <= other.number_start
                     and text[start:s] in cues().grammar.opening_leads), default=None)  # fmt: skip
        if place is not None and text[place : other.number_start] == verb:
            return True
    return False


def _thing_after_count(doc: Document, mention: Mention) -> str:
    """'93个参与评价', '195个入海河流断面中': the things a count names after it, or '' when the
    words after it are places (the scope of a statement), hold an indicator's name, or state
    or compare rather than name."""
    after = _NAME_AFTER_COUNT.match(doc.text[mention.end :])
    if after is None:
        return ""
    the_cues = cues()
    name = after.group().removesuffix("中").removesuffix("的")
    if _STATES.search(name):
        return ""  # '22座主要水库总体水质为优': what they are, not what is counted
    # '9个设区城市空气质量优良天数比例…': the places a figure is taken over, not a count
    holds_name = any(
        doc.lex.indicators[code].unit_code != "count"
        for i in range(len(name))
        for _, code in doc.lex.matches_at(name, i)
    )
    places = tuple(noun for noun in the_cues.scope_nouns if len(noun) > 1)
    if (
        names_places(name)
        or name.startswith(_COUNTER_STARTS)
        or holds_name
        or "城市" in name
        or name.endswith(places)  # '11个沿海省区市中': places qualified, the scope too
    ):
        name = ""  # '14个地级城市…': the scope of a statement
    if not is_name(name) or name in the_cues.borrowing_names or doc.lex.match_at(name, 0):
        return ""
    if name.endswith(_COMPARISON_STARTS):
        return ""  # '6项大气主要污染物浓度比2020年均明显下降': a comparison, not a count's name
    # '13个乡镇饮用水水源地水质相对稳定': the things end with the last monitored thing named
    ends = [name.rfind(t) + len(t) for t in the_cues.monitored_things if t in name]
    return name[: max(ends)] if ends else name


# 'X为A、B和C的Y' before 分别: the words that open the list (…为), its items (short names of
# classes or grades, no digit), the words that close it (的…)
_JOINS = "".join(cues().grammar.list_joins)
_LISTED_CLASSES = re.compile(
    rf"(?P<opening>[^{_JOINS}\d]+?[为是])"
    rf"(?P<items>(?:[^{_JOINS}\d的]{{1,6}}[{_JOINS}])+[^{_JOINS}\d的]{{1,6}})"
    rf"(?P<closing>的[^{_JOINS}\d]{{2,10}})"
)

# 'X一、二、三、四类及劣四类Y' before 分别: classes named by their numerals, sharing 类 and the
# closing words (近岸海域 + 一类 + 水质点位比例)
_CLASS_NUMERAL = r"劣?(?:[一二三四五六]|[iv]{1,3})"
_LISTED_NUMERAL_CLASSES = re.compile(
    rf"(?P<opening>[^{_JOINS}\d]*?)"
    rf"(?P<items>(?:{_CLASS_NUMERAL}类?[{_JOINS}])+{_CLASS_NUMERAL}类)"
    rf"(?P<closing>[^{_JOINS}\d]{{2,12}})"
)


@dataclass(frozen=True)
class ListedItem:
    """A number's place in a list of classes shared out by 分别: the words that open the list
    (地下水水质为), the number's item (iii类), the words that close it (的监测点数量), and
    whether the number is a share of the listed counts (',分别占11.6%、…' right after them)."""

    opening: str
    item: str
    closing: str
    clause_start: int
    share: bool


def part_of_whole(doc: Document, mention: Mention, sentence_start: int,
                  own: OwnName | None) -> OwnName | None:  # fmt: skip
    """'全年优良天数为332天,其中优130天,良202天': a part named in one word (a grade) or a class
    alone ('其中Ⅰ类8个'), after a part opener (maps/cues.yml part_openers) that follows a figure
    of the same unit whose indicator is named before it: an open-vocabulary fact named by the
    whole's name and the part (优良天数中优). None when the number states another name."""
    if own is None or (own.copula and not _is_part_word(own.name)):
        return None
    if not (_is_part_word(own.name) or CLASS_ONLY.fullmatch(own.name)):
        return None
    text = doc.text
    opener = max(((text.rfind(w, sentence_start, mention.start), w)
                  for w in cues().part_openers), default=(-1, ""))  # fmt: skip
    if opener[0] < 0 and CLASS_ONLY.fullmatch(own.name):
        # '监测的195个入海河流断面中,无Ⅰ类水质断面;Ⅱ类27个': classes of the things counted
        # before '中,', across ';' (to the full stop)
        sentence_start = (
            max(text.rfind("。", 0, mention.start), text.rfind("\n", 0, mention.start)) + 1
        )
        opener = (text.rfind(_AMONG, sentence_start, mention.start), _AMONG)
    if opener[0] < 0:
        return None
    whole = next((m for m in reversed(doc.mentions)
                  if sentence_start <= m.start and m.end <= opener[0]), None)  # fmt: skip
    if whole is None or whole.unit_code != mention.unit_code:
        return None
    clause_start = doc.clause_start(whole.start, sentence_start, CLAUSE_BREAKS_KEEPING_LISTS)
    named = doc.aliases_between(clause_start, whole.start)
    stated = own_name(doc, whole, sentence_start) if not named else None
    if named:
        whole_name = text[named[-1].start : named[-1].end]  # as stated
    elif stated is not None and stated.is_open_vocabulary:
        whole_name = stated.name  # '…总优良率为89.0%,其中优为40.7%'
    else:
        return None
    return OwnName(f"{whole_name}{PART_OF}{own.name}", own.clause_start, True)


def _is_part_word(words: str) -> bool:
    """One Chinese character: a part named in one word (优, 良)."""
    return len(words) == 1 and "\u4e00" <= words <= "\u9fff"


def listed_item(doc: Document, mention: Mention, sentence_start: int) -> ListedItem | None:
    """'水质为优良级、良好级和较差级的监测点分别占8.8%、23.1%和51.8%': the number's item of a
    list of k classes or grades opened by …为 and closed by 的…, or of classes named by their
    numerals ('一、二、三、四类及劣四类水质点位比例'), before 分别 with k numbers after it;
    also of the shares of such a list of counts said right after it ('…分别为5个、24个和14个,
    分别占11.6%、55.8%和32.6%'). None when the clause holds a lexicon name, no such
    list stands before 分别, or its items and its numbers differ in count (item '')."""
    text = doc.text
    anchor = text.rfind(RESPECTIVELY, sentence_start, mention.start)
    if anchor < 0:
        return None
    clause_start = doc.clause_start(anchor, sentence_start, CLAUSE_BREAKS_KEEPING_LISTS)
    share, list_end = False, anchor
    if clause_start == anchor and mention.unit_code == "pct":  # ',分别占…': of the counts before
        list_end = text.rfind(RESPECTIVELY, sentence_start, clause_start)
        if list_end < 0:
            return None
        counts = doc.series(list_end, mention)
        if not counts or counts[-1].unit_code != "count" or counts[-1].end + 1 != clause_start:
            return None
        clause_start, share = doc.clause_start(list_end, sentence_start,
                                               CLAUSE_BREAKS_KEEPING_LISTS), True  # fmt: skip
    if doc.aliases_between(clause_start, mention.start):
        return None
    found = _LISTED_CLASSES.fullmatch(text[clause_start:list_end])
    numerals = found is None
    if numerals:  # '近岸海域一、二、三、四类及劣四类水质点位比例分别为…'
        found = _LISTED_NUMERAL_CLASSES.fullmatch(text[clause_start:list_end])
    series = doc.series(anchor, mention)
    if found is None or mention not in series:
        return None
    items = re.split(f"[{_JOINS}]", found.group("items"))
    if numerals:
        items = [item if item.endswith("类") else item + "类" for item in items]
    opening = found.group("opening")
    for word in cues().own_name_scope_words:
        opening = opening.removeprefix(word)
    opening = _without_regions(doc, opening)
    if len(items) != len(series) or len(set(items)) != len(items):
        return ListedItem(opening, "", found.group("closing"), clause_start, share)
    return ListedItem(opening, items[series.index(mention)], found.group("closing"),
                      clause_start, share)  # fmt: skip


# a coordinated list of things sharing a two-character verb and a head ('化学需氧量、氨氮、氮氧化
# 物、挥发性有机物减排量', '医疗废物集中、应急处置能力'): the items, and the shared tail
_SHARED_TAIL_ITEM = re.compile(r"[\u4e00-\u9fff]{2,12}")
_COMPARED = re.compile(r"(?:与|较|比)(?:上年|去年)?相比$|同比$")  # '…减排量与上年相比分别…'
VERB_LENGTH = 2  # the verb before the shared head ('减排' + '量', '处置' + '能力')
# '…为A、B…和Z' closing a clause: the things a name in the next clause is shared out over
_THINGS_SAID_BEFORE = re.compile(
    rf"[^{_JOINS}\d,]*?(?:为|是|包括)(?P<items>[^{_JOINS}\d的,]{{1,8}}(?:[{_JOINS}][^{_JOINS}\d的,]{{1,8}})+)"
)
# 'A、B…和Z' + '的' or their count and kind ('8种无机污染物') + the name they share
_SHARED_NAME_LIST = re.compile(
    rf"(?P<items>[^{_JOINS}\d的,]{{1,8}}(?:[{_JOINS}][^{_JOINS}\d的,]{{1,8}})+)"
    rf"(?:的|(?P<count>[0-9]+)[种项类个][^{_JOINS}\d的,]{{0,4}}?"
    rf"(?:{'|'.join(map(re.escape, cues().listed_thing_kinds))})的?)"
    rf"(?P<tail>[^{_JOINS}\d,]{{2,12}})"
)


def coordinated_own_name(doc: Document, mention: Mention,
                         sentence_start: int) -> OwnName | None:  # fmt: skip
    """'全省化学需氧量、氨氮、氮氧化物、挥发性有机物减排量分别为1734吨、224吨、2627吨、544吨':
    k things listed before 分别, the last closing with a verb and a head (maps/cues.yml
    completing_heads) they share, and k numbers after it that no indicator claimed: each number
    lands under its thing + the shared tail (氨氮减排量). None otherwise."""
    text = doc.text
    anchor = text.rfind(RESPECTIVELY, sentence_start, mention.start)
    if anchor < 0:
        return None
    clause_start = doc.clause_start(anchor, sentence_start, CLAUSE_BREAKS_KEEPING_LISTS)
    listed = _without_regions(doc, text[clause_start:anchor])
    for word in cues().own_name_scope_words:
        listed = listed.removeprefix(word)
    listed = BASE_YEAR.sub("", listed)
    listed = _COMPARED.sub("", listed)
    items = re.split(f"[{_JOINS}]", listed)
    if len(items) < 2 or not all(_SHARED_TAIL_ITEM.fullmatch(item) for item in items):
        return None
    last = items[-1]
    head = next((h for h in cues().completing_heads if last.endswith(h)), None)
    if head is None or len(last) <= len(head) + VERB_LENGTH:
        return None
    tail = last[-(len(head) + VERB_LENGTH) :]
    items[-1] = last[: -len(tail)]
    series = doc.series(anchor, mention)
    if len(series) != len(items) or mention not in series:
        return None
    return OwnName(items[series.index(mention)] + tail, clause_start, True)


def shared_name_item(doc: Document, mention: Mention, sentence_start: int) -> OwnName | None:
    """'镉、汞、砷、铜…8种无机污染物点位超标率分别为7.0%、1.6%…', '铜、锌和镍的点位超标率分别为
    1.2%、…': k things listed before the name they share, the list closed by 的 or by the
    things' count and kind (maps/cues.yml listed_thing_kinds), before 分别 with k numbers after
    it: each number is its thing's, named thing + the shared name (镉点位超标率). Words said
    before the first thing ('土壤镉、汞、铅') open every thing when the other things are all as
    long. When the things, their count and the numbers differ, the number keeps the list's name
    without landing (never the whole list as one name). None when no such list stands there,
    or its things are places (whose figures scope.py shares out) or classes after 为. The things
    may also close the clause before, after what they are ('主要污染指标为化学需氧量、总磷、高锰酸盐
    指数,断面超标率分别为…' → 总磷断面超标率)."""
    text = doc.text
    anchor = text.rfind(RESPECTIVELY, sentence_start, mention.start)
    if anchor < 0:
        return None
    clause_start = doc.clause_start(anchor, sentence_start, CLAUSE_BREAKS_KEEPING_LISTS)
    words = BASE_YEAR.sub("", text[clause_start:anchor])
    words = _COMPARED.sub("", words)
    changed = True
    while changed:
        changed = False
        for word in cues().own_name_scope_words:
            if words.startswith(word) or words.endswith(word):
                words = words.removeprefix(word) if words.startswith(word) else words[: -len(word)]
                changed = True
    found = _SHARED_NAME_LIST.fullmatch(_without_regions(doc, words))
    if found is None and clause_start > sentence_start and is_name(words):
        # '主要污染指标为化学需氧量、总磷、高锰酸盐指数,断面超标率分别为…': the things closing the
        # clause before, after what they are (为/是/包括)
        before = doc.clause_start(clause_start - 1, sentence_start, CLAUSE_BREAKS_KEEPING_LISTS)
        found = _THINGS_SAID_BEFORE.fullmatch(text, before, clause_start - 1)
        tail = words
    elif found is not None:
        tail = found["tail"]
    if found is None:
        return None
    items = re.split(f"[{_JOINS}]", found["items"])
    if any(_without_regions(doc, item) != item or names_places(item) for item in items):
        return None  # '南宁、柳州和桂林的…': places
    if any(glue in items[0] for glue in ("为", "是")):
        return None  # '水质为优良级、良好级和较差级的监测点': classes (listed_item)
    series = doc.series(anchor, mention)
    lengths = {len(item) for item in items[1:]}
    if len(items[0]) > max(lengths) and len(lengths) == 1:  # '土壤镉、汞、铅': 土壤 opens each
        opening = items[0][: -max(lengths)]
        items = [items[0]] + [opening + item for item in items[1:]]
    counted = int(found["count"]) if found.groupdict().get("count") else len(items)
    if (
        mention not in series
        or len(series) != len(items)
        or counted != len(items)
        or len(set(items)) != len(items)
        or not is_name(tail)
    ):
        return OwnName(found.group(), clause_start, False)
    return OwnName(items[series.index(mention)] + tail, clause_start, True)


def fused_half_name(doc: Document, mention: Mention, sentence_start: int,
                    own: OwnName | None) -> OwnName | None:  # fmt: skip
    """'1类功能区昼夜间达标率分别为92.9%和89.4%': an open name fusing the day and the night
    (maps/cues.yml grammar.fused_halves) before 分别 with two numbers names each number by its
    own half (1类功能区昼间达标率, 1类功能区夜间达标率), never both by the fused name; None when
    the name fuses no halves or the number is no such list's."""
    if own is None or not own.is_open_vocabulary:
        return None
    for second, first in cues().grammar.fused_halves.items():
        at = own.name.find(first + second)
        anchor = doc.text.rfind(RESPECTIVELY, sentence_start, mention.start)
        if at < 0 or anchor < 0:
            continue
        series = doc.series(anchor, mention)
        if len(series) != 2 or mention not in series:
            return OwnName(own.name, own.clause_start, False)
        half = first if series.index(mention) == 0 else second
        return OwnName(own.name[:at] + half + own.name[at + 2 :], own.clause_start, True)
    return None


def listed_own_name(doc: Document, mention: Mention, sentence_start: int) -> OwnName | None:
    """The name of a number's item of a list of classes (listed_item): the opening words + the
    item + the closing words (水质为良好级的监测点; of a share, …占比), clearly enough to land
    without a code; a name that may not land (the whole list) when items and numbers differ in
    count."""
    listed = listed_item(doc, mention, sentence_start)
    if listed is None:
        return None
    if not listed.item:
        return OwnName(listed.opening + listed.closing, listed.clause_start, False)
    name = listed.opening + listed.item + listed.closing + ("占比" if listed.share else "")
    return OwnName(name, listed.clause_start, True)


def _count_of_a_share(doc: Document, alias: Alias, mention: Mention) -> bool:
    """A share's name standing right before a count of things ('劣五类水质断面1个'): the number
    counts what the name names, in no indicator's unit."""
    return (
        alias.end == mention.start
        and doc.lex.indicators[alias.code].unit_code == "pct"
        and mention.unit_code == "count"
        and doc.text[mention.number_end : mention.end] in _THINGS
    )


def _topic_of_a_longer_name(doc: Document, alias: Alias, mention: Mention) -> bool:
    """A name of an indicator that cannot measure the number, followed by more of the number's
    own name ('空气质量优的天数为78天': 空气质量 spells the composite index, an index, no count of
    days; '集中式生活饮用水水源取水总量为11022.2万吨': a count's name before a measure of the
    things it counts; '二氧化硫排放总量下降2.80%': an amount emitted or generated of what it
    names, cues `amount_heads`): the topic of a longer name, which names the number — not a name
    standing in it."""
    after = doc.text[alias.end : mention.start]
    for glue in cues().copulas:
        after = after.removesuffix(glue)
    said = next((after.removesuffix(w) for w, _ in cues().directions if after.endswith(w)), after)
    if is_name(said) and said.endswith(tuple(cues().amount_heads)):
        return True  # '二氧化硫排放总量下降2.80%': the emission of SO2, not its concentration
    return (
        mention.unit_code not in (None, RANK_UNIT)
        and not compatible(doc.lex.indicators[alias.code], mention, "actual")
        and is_name(after)
    )


_PLACES_COUNTED = re.compile(r"[0-9]+个")


def _without_places_counted(words: str) -> str:
    """The words of a name without the count of places that opens them ('11个设区城市区域环境
    噪声平均' → '区域环境噪声平均'): the places the figure is taken over, not its name."""
    counted = _PLACES_COUNTED.match(words)
    if counted is None:
        return words
    rest = words[counted.end() :]
    noun = next((n for n in cues().scope_nouns if rest.startswith(n)), None)
    return rest[len(noun) :] if noun else words


def _without_listed_regions(doc: Document, words: str) -> str:
    """The words of a name without the rest of a list of places that opened them, the first
    already stripped ('、柳州和桂林的污水集中收集率' → '污水集中收集率'): whose figures they are
    (scope.py shares them out by 分别), not the name."""
    rest, listed = words, False
    while rest[:1] in LIST_JOINS and rest[:1]:
        stripped = _without_regions(doc, rest[1:])
        if stripped == rest[1:]:
            return words
        rest, listed = stripped, True
    return rest.removeprefix("的") if listed else words


def _without_regions(doc: Document, words: str) -> str:
    """words without the region name they open with; a city's urban area keeps its word
    ('宁波市区PM2.5达标天数' → '市区pm2.5达标天数', not '区…')."""
    for start, end, _ in doc.regions:
        name = doc.text[start:end]
        if words.startswith(name):
            rest = words[len(name) :]
            urban = name[-1:] + rest[:1]
            return urban + rest[1:] if urban in cues().city_urban_area_words else rest
    return words


_TIE = "并"  # of 并列第五: the rank pattern starts at 列
_TIE_JOINS = ("和", "与", "、")


def _without_tied_places(doc: Document, words: str) -> str:
    """'(吉安市)和抚州市并(列第五)': places joined by 和/与/、 that share a rank (并列), the
    rest of a rank's words; '' when they were all the clause said."""
    words = words.removesuffix(_TIE)
    changed = True
    while changed and words:
        changed = False
        for join in _TIE_JOINS:
            if words.startswith(join):
                words, changed = words[len(join) :], True
        names = [doc.text[s:e] for s, e, _ in doc.regions if words.startswith(doc.text[s:e])]
        if names:  # the longest ('抚州市', not '抚州' said elsewhere in the text)
            words, changed = words[len(max(names, key=len)) :], True
    return words
