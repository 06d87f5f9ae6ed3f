"""The stated names of open-vocabulary figures that no strategy names: the things, places,
events, classes and shares a number's clause names around it ('24个湖泊', '中度富营养的1个,占1.4%',
'Ⅰ至Ⅲ类、Ⅳ至Ⅴ类、劣Ⅴ类水质断面分别占…', '共发现68次赤潮', '7市同比下降').

What belongs here: pure functions from a Clause to the OwnName such a figure lands under (or
None), which the reader (extractor.py) tries when no indicator claims the number. Which indicator
a number states is decided in strategies.py; what the number's own clause names it, in
own_names.py.
"""

from __future__ import annotations

import re
from functools import cache

from orchestration.extraction.clause import Clause
from orchestration.extraction.cues import cues
from orchestration.extraction.guards import network_words
from orchestration.extraction.lexicon import Lexicon
from orchestration.extraction.own_names import CLASS_ONLY, PART_OF, OwnName
from orchestration.extraction.reading import (
    CLAUSE_BREAKS,
    CLAUSE_BREAKS_KEEPING_LISTS,
    LIST_CLOSE,
    LIST_GLUE,
    RESPECTIVELY,
    Document,
    is_name,
)
from orchestration.extraction.scope import LIST_ITEM_OPENERS, counts_places, listed_regions
from orchestration.extraction.strategies import PLACE_ITEM, SHARE_WORD

MONITORED_THING_REACH = 8  # the longest name of a monitored thing after its count
_OTHER_COUNTS = re.compile(r"(?<![a-z0-9.])[0-9]+个?(?![0-9.])")  # other counts in its name
_TIMES = "次"  # the counter of a count of times
_OPEN = "("  # opens a place's own figure in parentheses ('广东恩平(3182.9毫米)')
_SHARE_OF_A_WHOLE = re.compile(r",占([^,;:。、()\d]{2,16})的")  # ',占全部发布城市产生总量的'
_SHARES = ("pct", "pp")  # units of a share, whose generic names borrow the figure before
_EVENT = re.compile(r"[^,;:。、()\n\d]{2,12}")  # an event named after its count of times
# one item of a list of things each with its amount ('废碱752.5万吨,占…的21.7%;'), and the share
_THING_SHARE = re.compile(r",占(?P<whole>[^,;:。()\d]{2,30}?)的?")
_LISTED_THINGS = re.compile(
    r"(?:[^,;:。、()\d]{2,12}?\d+(?:\.\d+)?[^,;:。、()\d]{1,4}(?:,占[^,;:。()\d]{2,30}?\d+(?:\.\d+)?%)?"
    r"[;、,和])*(?:[^,;:。、()\d]{2,12}|[^,;:。、()\d]{2,12}?\d+(?:\.\d+)?[^,;:。、()\d]{1,4},占[^,;:。()\d]{2,30}?)"
)
_CLASS = r"(?P<cls>劣?(?:[一二三四五六]|[ivx]{1,3})类)"  # a class of water ('二类', 'iv类')
_CLASS_ALONE = re.compile(_CLASS + "(?:为|占|是)")  # '二类为': a class named alone
# a class or a span of classes ('Ⅰ至Ⅲ类', 'iv~v类', '劣Ⅴ类'), and a list of them before the name
# they share and 分别 ('Ⅰ至Ⅲ类、Ⅳ至Ⅴ类、劣Ⅴ类水质断面分别占64.5%、26.7%、8.8%')
_CLASS_SPAN = r"劣?(?:[一二三四五六]|[ivx]{1,3})(?:(?:至|~|-)(?:[一二三四五六]|[ivx]{1,3}))?类"
_CLASS_LIST = re.compile(
    rf"(?P<items>{_CLASS_SPAN}(?:[、和及与]{_CLASS_SPAN})+)(?P<tail>[^、,;:。\d]+?)"
    + RESPECTIVELY
    + "(?:占|为|是)"
)
# '一类海水比例', '鄱阳湖Ⅰ类水质点位比例': a name with its class
_CLASS_NAMED = re.compile(
    r"(?P<head>[^\d,;:。、()]{0,8}?)" + _CLASS + r"(?P<tail>[^\d,;:。、()]{2,10})"
)
# the events listed before the last of a list of events with their counts ('出现2次A和')
_EARLIER_EVENTS = re.compile(r"(?:\d+次[^,;:。()\n\d]{2,12}?[和及与、])+$")
_EVENT_JOINS = ("和", "及", "与")  # join an event to the next of its list


def places_doing(c: Clause) -> OwnName | None:
    """'7市同比下降', '26个城市完成了PM2.5浓度改善目标', '75个市(州、盟)、223个县(区)开展并完成了…':
    a count of places whose clause says what they did (maps/cues.yml place_count_predicates)
    and states no figure but counts of places is how many places did it — named by the words
    after the number to the clause's end. Not a statement about all of them at once ('16市均未
    出现重污染天气'), nor the places a statement is said over ('15个重点城市中'), nor a count in
    the name of an area ('主城5区').
    """
    doc, mention, the_cues = c.doc, c.mention, cues()
    if c.kind != "actual" or doc.context.is_plan:
        return None
    clause_start = doc.clause_start(mention.start, c.sentence_start, CLAUSE_BREAKS_KEEPING_LISTS)
    clause_end = next((i for i in range(mention.end, len(c.text))
                       if c.text[i] in CLAUSE_BREAKS_KEEPING_LISTS), len(c.text))  # fmt: skip
    others = [m for m in doc.mentions
              if clause_start <= m.start < clause_end and m is not mention]  # fmt: skip
    if any(not counts_places(doc, m) for m in others):
        return None  # '4个城市的…排名进入国家前30位': the clause states another figure
    after = c.text[mention.end : clause_end]
    rest = c.text[clause_start : mention.start].endswith(the_cues.place_count_rest_words)
    all_of_them = any(w in after for w in the_cues.place_count_all_of_them) and not rest
    if after.startswith(("中", "的")) or all_of_them:
        return None  # '16市均未出现重污染天气': all of them (not '其余11个市州均有…': the rest)
    if c.text[mention.start - 1 : mention.start] == LIST_CLOSE:
        return None  # '兴安、灵川…等9个县(区)…': the count of the places listed, said of them
    if c.text[clause_start : mention.start].endswith(the_cues.place_name_count_prefixes):
        return None  # '主城5区…达到二级标准': the name of an area
    if not any(word in after for word in the_cues.place_count_predicates):
        return None
    return OwnName(_OTHER_COUNTS.sub("", after), clause_start, True)


def generic_of_previous(c: Clause, own: OwnName | None) -> OwnName | None:
    """'自然保护地372处,总面积1467.12万公顷', '共发现68次赤潮,累计面积为3679平方公里': a generic
    name of a measure (maps/cues.yml generic_names) in the clause right after a count of named
    things is a measure of those things: an open-vocabulary fact of the things' stated name +
    the generic name (自然保护地总面积). Not of a share (a share's generic name borrows)."""
    previous, mention, doc = c.read.previous, c.mention, c.doc
    if own is None or own.name not in cues().generic_names or mention.unit_code in _SHARES:
        return None
    if previous is None or previous.end < c.sentence_start or previous.kind != "actual":
        return None
    counted = next((m for m in doc.mentions if m.end == previous.end), None)
    if counted is None or counted.unit_code != "count":
        return None
    if previous.code:
        named = doc.aliases_between(c.sentence_start, previous.end)
        if not named:
            return None
        things = c.text[named[-1].start : named[-1].end]
    else:
        things = previous.name
    things = things.removesuffix(_TIMES + "数").removesuffix("数量")
    gap = c.text[previous.end : own.clause_start].strip(",")
    if not things or (LIST_GLUE.match(gap) is None and gap != things):  # '68次赤潮,累计面积…'
        return None
    return OwnName(things + own.name, own.clause_start, True)


def open_list_item(c: Clause) -> OwnName | None:
    """'喀什出现污染日数31天、和田24天、阿克苏16天': a number right after a place that opens the
    next item of a list, after an open-vocabulary figure in the same unit, is that figure's
    name again — of its own place (scope.py reads the place)."""
    previous, mention, text = c.read.previous, c.mention, c.text
    if previous is None or previous.code or not previous.name or previous.kind != "actual":
        return None
    stated = next((m for m in c.doc.mentions if m.end == previous.end), None)
    if stated is None or stated.unit_code != mention.unit_code:
        return None
    place = next((s for s, e, _ in c.doc.regions if e == mention.start and s > previous.end), None)
    if place is None or text[previous.end : place] not in LIST_ITEM_OPENERS:
        return None
    return OwnName(previous.name, place, True)


def elided_class(c: Clause) -> OwnName | None:
    """'一类海水比例为57.6%,二类为18.2%,三类为5.3%': a class named alone with its copula, its
    clause right after a figure of the same unit whose open-vocabulary name opens with another
    class, names that figure's name with its own class (二类海水比例; 鄱阳湖Ⅰ类… → 鄱阳湖Ⅱ类…) — a
    catalogue spelling (劣四类海水比例) takes its code."""
    previous, mention, text = c.read.previous, c.mention, c.text
    if previous is None or previous.code or not previous.name or previous.kind != "actual":
        return None
    stated = next((m for m in c.doc.mentions if m.end == previous.end), None)
    clause_start = c.doc.clause_start(mention.start, c.sentence_start, CLAUSE_BREAKS)
    if stated is None or stated.unit_code != mention.unit_code or clause_start <= previous.end:
        return None
    if text[previous.end : clause_start] not in (",", "、", ";"):
        return None
    alone = _CLASS_ALONE.fullmatch(text[clause_start : mention.start])
    named = _CLASS_NAMED.fullmatch(previous.name)
    if alone is None or named is None or alone["cls"] == named["cls"]:
        return None
    return OwnName(named["head"] + alone["cls"] + named["tail"], clause_start, True)


def listed_class(c: Clause) -> OwnName | None:
    """'Ⅰ至Ⅲ类、Ⅳ至Ⅴ类、劣Ⅴ类水质断面分别占64.5%、26.7%、8.8%': classes listed before the name
    they share and 分别, one number each: each number is its class's, named class + the shared
    name (+ 比例 for a share: Ⅳ至Ⅴ类水质断面比例) — None when the classes and numbers differ."""
    doc, mention, text = c.doc, c.mention, c.text
    anchor = text.rfind(RESPECTIVELY, c.sentence_start, mention.start)
    if anchor < 0:
        return None
    clause_start = doc.clause_start(anchor, c.sentence_start, CLAUSE_BREAKS_KEEPING_LISTS)
    found = next((m for m in _CLASS_LIST.finditer(text, clause_start, mention.start)
                  if m.start(0) + len(m.group(0)) - 1 >= anchor), None)  # fmt: skip
    if found is None or found.end("tail") != anchor:
        return None
    items = [m.group(0) for m in re.finditer(_CLASS_SPAN, found["items"])]
    series = doc.series(anchor, mention)
    if mention not in series or len(series) != len(items):
        return None
    tail = found["tail"]
    if mention.unit_code == "pct" and not tail.endswith(SHARE_WORD):
        tail += SHARE_WORD
    return OwnName(items[series.index(mention)] + tail, clause_start, True)


def open_series_item(c: Clause) -> OwnName | None:
    """'南宁、柳州和桂林的污水集中收集率分别为61.2%、55.0%和58.3%': a number of a list 分别 shares
    out, right after an open-vocabulary figure of the same list, is that figure's name again —
    only when places are listed right before the name, one for each number (scope.py gives each
    its place); never for items the clause does not list ('各类功能区夜间达标率分别为…')."""
    previous, mention, doc = c.read.previous, c.mention, c.doc
    if previous is None or previous.code or not previous.name or previous.kind != c.kind:
        return None
    anchor = c.text.rfind(RESPECTIVELY, c.sentence_start, mention.start)
    stated = next((m for m in doc.mentions if m.end == previous.end), None)
    if anchor < 0 or stated is None:
        return None
    series = doc.series(anchor, mention)
    if stated not in series or mention not in series:
        return None
    named_at = c.text.rfind(previous.name, c.sentence_start, anchor)
    if named_at < 0 or len(listed_regions(doc, named_at, c.sentence_start)) != len(series):
        return None
    return OwnName(previous.name, named_at, True)


def share_of_open_count(c: Clause) -> OwnName | None:
    """'中度富营养的1个,占1.4%': a share right after an open-vocabulary count (the words of
    cues `share_after_count` between them) is that count's share, named after it (…占比),
    unless the count's name says a class the catalogue measures (cues
    `catalogued_share_words`)."""
    previous, mention = c.read.previous, c.mention
    if (
        mention.unit_code != "pct"
        or previous is None
        or previous.code
        or not previous.name
        or previous.kind != "actual"
        or previous.end < c.sentence_start
    ):
        return None
    counted = next((m for m in c.doc.mentions if m.end == previous.end), None)
    if counted is None or counted.unit_code != "count":
        return None
    if not cues().is_share_gap(c.text[previous.end : mention.start].lstrip(",")):
        return None
    whole, part = previous.name.rsplit(PART_OF, 1) if PART_OF in previous.name else ("", "")
    of_open_whole = bool(part) and CLASS_ONLY.fullmatch(part) and not _holds_alias(c, whole)
    of_a_network = previous.name.startswith(network_words())  # '区考i-iii类水质断面': no code's
    if (not of_open_whole and not of_a_network
            and any(word in previous.name for word in cues().catalogued_share_words)):  # fmt: skip
        return None  # '水质达到Ⅲ类及以上的有17个,占89.5%': a catalogued share, said otherwise
    clause_start = c.doc.clause_start(mention.start, c.sentence_start, CLAUSE_BREAKS)
    return OwnName(previous.name + "占比", clause_start, True)


def share_of_open_figure(c: Clause) -> OwnName | None:
    """'前10位城市产生的医疗废物总量为18.2万吨,占全部发布城市产生总量的29.3%': a share said of
    its whole right after an open-vocabulary amount of its sentence is that amount's share of
    the whole, named A占B比例 (as own_names names a share said with its name)."""
    previous, mention = c.read.previous, c.mention
    if mention.unit_code != "pct" or previous is None or previous.code or not previous.name:
        return None
    if previous.kind != "actual" or previous.end < c.sentence_start:
        return None
    stated = next((m for m in c.doc.mentions if m.end == previous.end), None)
    if stated is None or stated.unit_code in ("pct", "pp", "count", None):
        return None  # a share's or a count's share is said otherwise (share_of_open_count)
    whole = _SHARE_OF_A_WHOLE.fullmatch(c.text, previous.end, mention.start)
    if whole is None:
        return None
    clause_start = c.doc.clause_start(mention.start, c.sentence_start, CLAUSE_BREAKS)
    return OwnName(f"{previous.name}占{whole.group(1)}比例", clause_start, True)


def _holds_alias(c: Clause, words: str) -> bool:
    """Whether any indicator's spelling stands in words."""
    return any(c.doc.lex.match_at(words, i) for i in range(len(words)))


def monitored_things(c: Clause) -> OwnName | None:
    """'全省监测的24个湖泊中', '辐射环境65个国控点': a count right before the name of things a
    network monitors (maps/cues.yml `monitored_things`) counts them: an open-vocabulary fact
    under that name."""
    mention = c.mention
    clause = c.text[c.doc.clause_start(mention.start, c.sentence_start) : mention.end]
    listed = c.text[mention.start - 1 : mention.start] == LIST_CLOSE  # '…岗南水库等18座湖库'
    if (
        mention.unit_code != "count"
        or listed
        or any(p.search(clause) for p in cues().place_list_closers)
    ):
        return None  # '长湖、西凉湖、黄盖湖等7个湖库7个断面': the count of a list of named places
    after = c.text[mention.end : mention.end + MONITORED_THING_REACH]
    qualifier = next((w for w in cues().monitored_thing_qualifiers if after.startswith(w)), "")
    after = after.removeprefix(qualifier)  # '全省12条主要河流'
    thing = next((w for w in cues().monitored_things if after.startswith(w)), None)
    if thing is None or thing in _catalogued_counts(c.doc.lex):
        return None  # '其他72个湖库': the catalogue counts lakes; which ones, the words do not say
    clause_start = c.doc.clause_start(mention.start, c.sentence_start, CLAUSE_BREAKS)
    return OwnName(qualifier + thing, clause_start, True)


def extreme_places_each(c: Clause) -> OwnName | None:
    """'废碱产生量较大的省份为山东490.5万吨和新疆107.7万吨', '年降水量最多的地方是广东恩平
    (3182.9毫米)': the places of the highest or lowest figure (maps/cues.yml
    `extreme_place_patterns`), each right before its own figure (or its figure in parentheses),
    after a name ending in a measure head (`measure_heads`) that opens the clause: each figure
    is its place's, an open-vocabulary fact under that name (without the 全国 of the ranking).
    Not a name with a digit or a time in it."""
    doc, mention, text = c.doc, c.mention, c.text
    place = next((s for s, e, _ in doc.regions  # '…为山东490.5万吨', '…是广东恩平(3182.9毫米)'
                  if e in (mention.start, mention.start - len(_OPEN)) and s >= c.sentence_start
                  and text[e : mention.start] in ("", _OPEN)), None)  # fmt: skip
    if place is None:
        return None
    clause_start = doc.clause_start(mention.start, c.sentence_start, CLAUSE_BREAKS)
    extremes = "|".join(p.pattern for p in cues().extreme_place_patterns)
    found = re.fullmatch(rf"(?P<name>[^\d,;:。、()]{{2,16}}?)(?:{extremes})(?:{PLACE_ITEM})*",
                         text[clause_start:place])  # fmt: skip
    if found is None or not found["name"].endswith(tuple(cues().measure_heads)):
        return None
    name = found["name"]  # the place's own figure: no 全国 of the ranking ('全国年降水量最多的…')
    scope = next((w for w in cues().grammar.whole_region_words if name.startswith(w)), "")
    return OwnName(name.removeprefix(scope) or name, clause_start, True)


def listed_things_each(c: Clause) -> OwnName | None:
    """'产生量较大危险废物种类为废碱752.5万吨,占重点调查工业企业工业危险废物产生量的21.7%;石棉废物
    709.0万吨,占重点调查工业企业的20.5%;…': after an opener naming a measure (maps/cues.yml
    `thing_list_openers`), each thing right before its amount is that thing's measure (废碱产生量),
    and a share said right after an amount (',占B的N%') the thing's share of B (废碱占B比例) — when
    every item before it in the sentence is such a thing with its amount (and share). Not a
    place (its figure is the place's: extreme_places_each), nor a name with a digit."""
    doc, mention, text, previous = c.doc, c.mention, c.text, c.read.previous
    sentence_end = doc.sentence(mention.start)[1]
    # the items run across ';' to the full stop
    run_start = max(text.rfind("。", 0, mention.start), text.rfind("\n", 0, mention.start)) + 1
    opened = [(m, p) for p in cues().thing_list_openers
              for m in p.finditer(text, run_start, mention.start)]  # fmt: skip
    if not opened or mention.unit_code is None:
        return None
    opening = max((m for m, _ in opened), key=lambda m: m.end())
    head = next((h for h in cues().measure_heads if opening["measure"].endswith(h)), None)
    if head is None or not _LISTED_THINGS.fullmatch(text, opening.end(), mention.start):
        return None
    share = _THING_SHARE.fullmatch(text, previous.end, mention.start) if previous else None
    if mention.unit_code == "pct" and share is not None and previous.name.endswith(head):
        thing = previous.name[: -len(head)]  # ',占重点调查工业企业的21.7%': the thing's share
        return OwnName(f"{thing}占{share['whole']}比例", previous.end, True)
    start = max(opening.end(), *(text.rfind(b, opening.end(), mention.start) + 1
                                for b in ";、,和"))  # fmt: skip
    thing = text[start : mention.start]
    if (
        mention.unit_code in ("pct", "count")
        or not is_name(thing)
        or any(s == start and e == mention.start for s, e, _ in doc.regions)
        or mention.end > sentence_end
    ):
        return None
    return OwnName(thing + head, start, True)


def named_things_counted(c: Clause) -> OwnName | None:
    """'淦水、柏临河、东荆河等11条支流的11个断面水质有所好转', '浰河、汉北河2条支流的2个断面水质有所
    改善': things named in a list (closed by 等, or joined by 、) and counted right after it, their
    count closing the list with the kind of thing (maps/cues.yml monitored_things) — and the
    count of their sections after it — are open-vocabulary counts named by what the clause says
    they did (`listed_thing_predicates`): 水质有所好转的支流, 水质有所好转的支流断面. Not places
    (scope), nor a clause that says nothing of them."""
    mention, text, doc = c.mention, c.text, c.doc
    if mention.unit_code != "count" or c.kind != "actual" or doc.context.is_plan:
        return None
    thing = _thing_at(text, mention.end)
    if thing is None:
        return None
    clause_start = doc.clause_start(mention.start, c.sentence_start, CLAUSE_BREAKS_KEEPING_LISTS)
    lead = text[clause_start : mention.start]
    counted = next((m for m in doc.mentions if m.unit_code == "count" and m.end < mention.start
                    and _thing_at(text, m.end) is not None
                    and text[m.end + len(_thing_at(text, m.end) or "") : mention.start]
                    in ("", "的")), None)  # fmt: skip
    if counted is not None:  # '…11条支流的11个断面': the sections of the things counted before
        whole = _thing_at(text, counted.end) or ""
        if not _names_listed(doc, text[clause_start : counted.start]):
            return None
        thing = whole + thing
    elif not _names_listed(doc, lead):
        return None
    end = next((i for i in range(mention.end, len(text)) if text[i] in ",;。\n"), len(text))
    said = text[mention.end + len(_thing_at(text, mention.end) or "") : end].removeprefix("的")
    sections = next((m for m in doc.mentions if m.start == end - len(said)), None)
    if sections is not None and _thing_at(text, sections.end) is not None:
        # '…11条支流的11个断面水质有所好转': what the things' sections did
        said = text[sections.end + len(_thing_at(text, sections.end) or "") : end]
    if any(ch.isdigit() for ch in said) or not any(
        w in said for w in cues().listed_thing_predicates
    ):
        return None
    return OwnName(f"{said}的{thing}", clause_start, True)


def _thing_at(text: str, pos: int) -> str | None:
    """The monitored thing named at pos (a count's counter skipped), or None."""
    after = text[pos : pos + MONITORED_THING_REACH]
    qualifier = next((w for w in cues().monitored_thing_qualifiers if after.startswith(w)), "")
    after = after.removeprefix(qualifier)
    return next((w for w in cues().monitored_things if after.startswith(w)), None)


def _names_listed(doc: Document, lead: str) -> bool:
    """The words before a count close a list of named things: '…等', or names joined by 、
    ('浰河、汉北河'); no place named among them ('荆门市长湖…': whose count would it be?)."""
    if any(doc.text[s:e] in lead for s, e, _ in doc.regions):
        return False
    if lead.endswith(LIST_CLOSE):
        return True
    items = lead.split("、")
    return len(items) >= 2 and all(is_name(i) for i in items)


def occurrences(c: Clause) -> OwnName | None:
    """'管辖海域共发现68次赤潮', '全疆共出现2次区域性沙尘天气和2次局地性沙尘天气': a count of
    times right after a verb of occurrence (maps/cues.yml occurrence_verbs), or after the
    events listed after one, counts the event named after it, to the clause's end (or to the
    join before the next event): an open-vocabulary count (赤潮次数)."""
    mention, text = c.mention, c.text
    if mention.unit_code != "count" or text[mention.number_end : mention.end] != _TIMES:
        return None
    listed = c.doc.clause_start(mention.start, c.sentence_start, CLAUSE_BREAKS_KEEPING_LISTS)
    before = _EARLIER_EVENTS.sub("", text[listed : mention.start])  # '出现2次A和2次B'
    if not before.endswith(tuple(cues().occurrence_verbs)):
        return None
    event = _EVENT.match(text, mention.end)
    if event is None or any(
        c.doc.lex.indicators[a.code].unit_code == "count"
        for a in c.doc.aliases_between(mention.end, event.end())
    ):
        return None  # an indicator counts it
    clause_start = c.doc.clause_start(mention.start, c.sentence_start, CLAUSE_BREAKS)
    name = event.group()
    if name.endswith(_EVENT_JOINS) and text[event.end() : event.end() + 1].isdigit():
        name = name[:-1]  # '2次区域性沙尘天气和2次…': the join to the next event is no part
    return OwnName(name + "次数", clause_start, True)


@cache
def _catalogued_counts(lex: Lexicon) -> frozenset[str]:
    """The monitored things a count indicator of the catalogue counts: a spelling of one ends
    with the thing's name ('重点湖库' → 湖库)."""
    return frozenset(
        thing
        for thing in cues().monitored_things
        for spelling, code in lex.aliases.items()
        if lex.indicators[code].unit_code == "count" and spelling.endswith(thing)
    )
