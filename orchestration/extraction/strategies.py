"""How a number finds its indicator: pure functions from a Clause to a candidate Alias (or None),
tried in the order of STRATEGIES; the first that names one wins.

What belongs here: each way prose ties a number to an indicator's name — a name the number
interrupts, a name right after it, the k-th name before 分别, the nearest fitting name before it,
a name the words before it complete, the figure a change continues — and the windows each looks
in. A strategy reads the Clause and the document; it never changes either (the reader keeps the
memory, extractor.py). What keeps a candidate from being used is in guards.py; the strategies
that complete a name with words of the sentence outside the number's clause (a verb opening a
list, a topic, the clause before) are in carried.py and take their place in STRATEGIES here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from orchestration.extraction.aliases import Alias
from orchestration.extraction.carried import (
    AMOUNT_ENDINGS,
    NOT_AMOUNTS,
    SHARE_ENDINGS,
    amount_of_a_verb,
    subject_said_before,
    topic,
    topical,
)
from orchestration.extraction.clause import Clause, Previous
from orchestration.extraction.cues import EXTREME_CHANGE_REACH, cues
from orchestration.extraction.fitting import compatible
from orchestration.extraction.own_names import BASE_YEAR, listed_item
from orchestration.extraction.quantities import Mention
from orchestration.extraction.reading import (
    CLAUSE_BREAK,
    CLAUSE_BREAKS_KEEPING_LISTS,
    LIST_GLUE,
    LIST_JOINS,
    LIST_REACH,
    RESPECTIVELY,
    plain,
)
from orchestration.extraction.scope import extreme_places
from orchestration.parsing.text import match_key

Strategy = Callable[[Clause], Alias | None]

BACKWARD_WINDOW = 40  # how far before a number (within its sentence) a name may stand
FORWARD_GAP = 3  # the most words between a number and a name after it ('51家重点排放单位')
FORWARD_NAME_REACH = 30  # how far past that gap a name after the number may run
_LEVEL_AND_ABOVE = ("以上城市",)  # 县级及以上城市: the cities of that level and above
SCOPE_REACH = 16  # from a count of places to the indicator of what they do
SEMICOLON = ";"  # (folded) joins the parts of one statement, each a sentence of its own
SEMICOLON_RUN_REACH = 160  # how far back a run of such parts may reach for their subject
RESPECTIVE_GAP = 2  # the most words between the last item of a list and its 分别
WRAPPED_HEADS = range(2, 13)  # lengths of a name's head before the number it wraps
WRAPPED_TAILS = range(1, 9)  # lengths of its tail after the number
SPLIT_HEADS = range(2, 7)  # lengths of the words before a number that finish a name
OWN_NAME_TAIL_MIN = 4  # the shortest last words of a number's own name that complete a name
COMPLETING_HEAD_MIN = 3  # the shortest completing head ('总面积') an own name may end with
_PLACE_KINDS = re.compile(r"\([^()\d]{1,8}\)")  # 县(市、区)
_PARENTHESIS = re.compile(r"\((?:含|包括|其中)?$")  # a number opening a parenthesis
_DETAIL = re.compile(r"\((?:含|包括|其中)$")  # ...that details the number before ('(含1天')
_DAYS, _DAY_COUNT = "day", "天数"  # a count of days, and the word naming one
_LEVEL = "级"  # a level of division in a place noun ('县级城市', '地级市')
_JOINING = "的"  # joins a name's head to the number it wraps ('督察指出的39个问题')
_TOTAL_OPENING = re.compile(r"[\[(]共$")  # opens a total in brackets ('[共68个…有数据]')
_GLOSS_BEFORE = re.compile(r"\([^()\d]{1,6}\)$")  # a gloss right before it ('断面(点位)')
SHARE_WORD = "比例"  # names the share of a count or class ('Ⅳ类水质断面' + '比例')
_COORDINATED_NAME = re.compile(r"(.+?)分别(占比|占|为|是|达)?")
_LATIN = re.compile("[a-z]{2,}")  # a name in Latin letters (folded to lower case): CO, AQI
_COORDINATION = re.compile("|".join(map(re.escape, LIST_JOINS)))


def share_of_target(c: Clause) -> Alias | None:
    """'到位资金1129.2亿元,占年度目标任务106.0%': the previous figure's share of its target."""
    previous, mention = c.read.previous, c.mention
    if previous is None or mention.unit_code != "pct":
        return None
    share_code = c.doc.lex.target_shares.get(previous.code)
    if share_code is None:
        return None
    gap = c.text[previous.end : mention.start]
    for cue in cues().share_of_target_before:
        if gap.endswith(cue) and gap[: -len(cue)] in ("", ","):
            return Alias(mention.start - len(cue), mention.start, share_code)
    return None


def wrapped(c: Clause) -> Alias | None:
    """'督察指出的39个问题': a name (督察指出的问题) that the number interrupts."""
    lex = c.doc.lex
    fits = lambda code: compatible(lex.indicators[code], c.stated, c.kind)  # noqa: E731
    return _counts_if_unitless(c, wrapped_name(c.text, lex.aliases, c.stated, fits))


def wrapped_name(text: str, aliases: dict[str, str], mention: Mention,
                 fits: Callable[[str], bool] = lambda _: True) -> Alias | None:  # fmt: skip
    """The longest name that the number interrupts and whose code fits ('督察指出的39个问题')."""
    best: Alias | None = None
    for head_length in WRAPPED_HEADS:
        head = text[mention.start - head_length : mention.start]
        if not plain(head, head_length):
            break
        for tail_length in WRAPPED_TAILS:
            tail = text[mention.end : mention.end + tail_length]
            if not plain(tail, tail_length):
                break
            # '国家考核的160个断面': the name may drop the 的 that joins its head to the number
            code = aliases.get(head + tail) or aliases.get(head.removesuffix(_JOINING) + tail)
            if code and fits(code):
                found = Alias(mention.start - head_length, mention.end + tail_length, code)
                if best is None or found.end - found.start > best.end - best.start:
                    best = found
    return best


def bracketed_total(c: Clause) -> Alias | None:
    """'全区国考地表水断面(点位)[共68个断面(点位)有数据]': a total in brackets (or parentheses)
    right after a name of a count, with only a gloss in parentheses between, is that count."""
    mention, text = c.mention, c.text
    opened = _TOTAL_OPENING.search(text, 0, mention.start) if mention.unit_code == "count" else None
    if opened is None:
        return None
    name_end = opened.start()
    gloss = _GLOSS_BEFORE.search(text, 0, name_end)
    if gloss is not None:
        name_end = gloss.start()
    named = [a for a in c.doc.aliases if a.end == name_end]
    fitting = [a for a in named if compatible(c.doc.lex.indicators[a.code], mention, c.kind)]
    return max(fitting, key=lambda a: a.end - a.start) if fitting else None


def forward(c: Clause) -> Alias | None:
    """An indicator named right after the number ('51家重点排放单位'); a shorter name at the
    same place may fit ('228个国家重要江河湖泊' before '…水质达标率100%')."""
    text, the_cues, mention = c.text, cues(), c.stated
    reach = mention.end + FORWARD_GAP + FORWARD_NAME_REACH
    for alias in c.doc.aliases_between(mention.end, reach):
        gap = text[mention.end : alias.start]
        # '32个地级城市饮用水源地', '50个县级及以上城市集中式…水源地': the places named whole,
        # at any length, and a level with those above it is all of them, not one level
        places = gap in the_cues.scope_nouns
        if (len(gap) > FORWARD_GAP and not places) or not plain(gap):
            return None
        if any(word in gap for word in the_cues.forward_gap_blockers) and not (
            places and gap.endswith(_LEVEL_AND_ABOVE)
        ):
            return None  # '534个省级地表水…断面': not the indicator the name says
        ends_clause = text[alias.end : alias.end + 1] in CLAUSE_BREAK | {""}
        if (
            any(noun in gap for noun in the_cues.scope_nouns)
            and not ends_clause
            and gap not in the_cues.scope_nouns
        ):
            # '4个城市的国家地表水考核断面…排名进入…': cities are no count of sections
            # (but '3个县获评国家生态文明建设示范区、' counts what they became, and '63个城市集中
            # 式饮用水水源地' the cities' sources: the places named whole, the name right after)
            return None
        for end, code in c.doc.lex.matches_at(text, alias.start):
            if compatible(c.doc.lex.indicators[code], mention, c.kind):
                return _counts_if_unitless(c, Alias(alias.start, end, code))
        return None
    return None


def across_scope(c: Clause) -> Alias | None:
    """'4市开展糖企包干处理重点区域蔗叶试点', '支持27个县(市、区)实施一批农村环境整治项目':
    a count of places doing what an indicator that counts such places names."""
    if not c.counts_places:
        return None
    text, mention = c.text, c.mention
    noun = next(n for n in cues().scope_nouns if text.startswith(n, mention.end))
    pos = mention.end + len(noun)
    kinds = _PLACE_KINDS.match(text, pos)
    pos = kinds.end() if kinds else pos
    place = noun.split("(")[0][-1]  # 市, 县, 区, 省 …
    following = c.doc.aliases_between(pos, pos + SCOPE_REACH)
    if not following:
        return None
    alias, gap = following[0], text[pos : following[0].start]
    indicator = c.doc.lex.indicators[alias.code]
    counts = indicator.unit_code == "count" and place in indicator.name_zh
    if _LEVEL in noun and noun not in indicator.name_zh:
        # '1822个县级城市…划分全覆盖': county-level cities are not the cities counted
        counts = False
    return alias if counts and plain(gap) else None


def share_of_count(c: Clause) -> Alias | None:
    """'218个城市…达标,占64.3%' / '优良水体断面115个,比例为75.2%': the share of the count
    stated just before (of an open count, the indicator its name + 比例 spells); '脊椎动物1045
    种、维管束植物6186种,分别占全国的22.1%和18%': each count's share of the country, in order."""
    mention = c.mention
    if mention.unit_code != "pct":
        return None
    text, lex, the_cues, sentence_start = c.text, c.doc.lex, cues(), c.sentence_start
    anchor = text.rfind(RESPECTIVELY, sentence_start, mention.start)
    after_anchor = text[anchor + len(RESPECTIVELY) : mention.start] if anchor >= 0 else ""
    country = next((w for w in the_cues.share_of_country
                    if c.before.endswith(w) or after_anchor.startswith(w)), None)  # fmt: skip
    if country is not None:
        floor = anchor if anchor >= 0 else mention.start - len(country)
        counts = [a for a in c.doc.aliases_between(sentence_start, floor)
                  if a.code in lex.shares]  # fmt: skip
        series = c.doc.series(anchor, mention) if anchor >= 0 else [mention]
        if counts and len(series) <= len(counts) and mention in series:
            named = counts[-len(series) :]
            return Alias(mention.start, mention.start,
                         lex.shares[named[series.index(mention)].code])  # fmt: skip
        return None
    previous = c.read.previous
    if previous is None or previous.end < sentence_start:
        return None
    named_again = [a.end for a in c.doc.aliases_between(previous.end, mention.start)
                   if a.code == previous.code]  # fmt: skip
    gap = text[max([previous.end, *named_again]) : mention.start].lstrip(",")
    if previous.code in lex.shares and the_cues.is_share_gap(gap):
        return Alias(mention.start, mention.start, lex.shares[previous.code])
    if not previous.code and previous.name and the_cues.is_share_gap(gap):
        # '…Ⅳ类水质断面2个,比例为2.7%': an open count whose name + 比例 the catalogue spells
        code = lex.aliases.get(previous.name + SHARE_WORD)
        if code and compatible(lex.indicators[code], mention, c.kind):
            return Alias(mention.start, mention.start, code)
    return None


def respective_head(c: Clause) -> Alias | None:
    """'处置和贮存分别占比21.2%和30.7%': the indicator a coordinated name before gave this
    number of its list: given as the list's first number is read (respective_heads), or
    before it."""
    given = respective_heads(c)
    if given is not None:
        return given.get(c.mention.start)  # {}: the list names nothing, not even before
    return c.read.respective


def respectively(c: Clause) -> Alias | None:
    """'A、B和C分别为…': the k-th of k fitting names before 分别 when k numbers follow it."""
    mention, sentence_start = c.mention, c.sentence_start
    found = _respective_series(c)
    if found is None:
        return None
    anchor, series = found
    named = _fitting_names(c, sentence_start, anchor)
    if len(named) != len(series):
        # '…浓度分别为:17、28…,其中五项污染物PM2.5、PM10、CO、O3、NO2较去年同期分别下降了…': the
        # names said since the numbers of an earlier list of the sentence
        since = max((m.end for m in c.doc.mentions if sentence_start <= m.end <= anchor),
                    default=sentence_start)  # fmt: skip
        named = _fitting_names(c, since, anchor)
    if len(named) != len(series):
        return None
    return named[series.index(mention)]


def _fitting_names(c: Clause, start: int, end: int) -> list[Alias]:
    """The names said in text[start:end] whose indicator fits the number, each code once."""
    named: list[Alias] = []
    for alias in c.doc.aliases_between(start, end):
        indicator = c.doc.lex.indicators[alias.code]
        if compatible(indicator, c.mention, c.kind) and alias.code not in {a.code for a in named}:
            named.append(alias)
    return named


def respective_earlier(c: Clause) -> Alias | None:
    """'昼间达标率为96.1%,夜间达标率为87.0%。与2022年相比,分别升高0.1个和0.4个百分点': k changes
    after 分别 in a sentence that names nothing are the changes of the k figures stated last in
    the paragraph, in order — when each of those is a coded level of its own indicator."""
    found = _respective_series(c)
    if c.kind != "change" or found is None:
        return None
    anchor, series = found
    if c.doc.aliases_between(c.sentence_start, anchor):
        return None
    earlier = [s for s in c.read.stated if s[2] <= c.sentence_start][-len(series) :]
    codes = [code for code, kind, _ in earlier if code and kind == "actual"]
    if len(codes) != len(series) or len(set(codes)) != len(codes):
        return None
    code = codes[series.index(c.mention)]
    if not compatible(c.doc.lex.indicators[code], c.mention, c.kind):
        return None
    return Alias(c.mention.start, c.mention.start, code)


def listed_share(c: Clause) -> Alias | None:
    """'地下水水质为Ⅲ类、Ⅳ类的监测点数量分别为5个和24个,分别占11.6%和55.8%': the share of a
    listed class is the indicator some words of the list's opening, the class and a share
    ending spell (地下水 + iii类 + 点位比例: cues `listed_share_endings`)."""
    listed = listed_item(c.doc, c.mention, c.sentence_start)
    if listed is None or not listed.share or not listed.item:
        return None
    opening, lex = listed.opening, c.doc.lex
    for start in range(len(opening)):
        for end in range(len(opening), start + 1, -1):
            for ending in cues().listed_share_endings:
                code = lex.aliases.get(opening[start:end] + listed.item + ending)
                if code and compatible(lex.indicators[code], c.mention, c.kind):
                    return Alias(c.mention.start, c.mention.start, code)
    return None


_CLASS_CODE = re.compile(r"(?P<head>.+_class_)(?:i|ii|iii|iv|v)(?P<tail>_ratio)")
_CLASS_ALONE = re.compile(r"(?P<roman>i|ii|iii|iv|v)类")  # 'Ⅲ类', folded


def sibling_class(c: Clause) -> Alias | None:
    """'其中Ⅱ类水质井占22.6%;Ⅲ类占55.9%。此外,Ⅳ类占14.1%': a class named alone right after a
    share of another class of the same family (…_class_ii_ratio), in the same paragraph,
    takes that family's indicator for its own class, when the catalogue has one."""
    own, previous = c.own, c.read.previous
    if own is None or previous is None or previous.kind != "actual" or c.kind != "actual":
        return None
    named = _CLASS_ALONE.fullmatch(own.name)
    family = _CLASS_CODE.fullmatch(previous.code)
    if named is None or family is None or previous.end < c.paragraph_start:
        return None
    code = family["head"] + named["roman"] + family["tail"]
    if code in c.doc.lex.indicators and compatible(c.doc.lex.indicators[code], c.mention, c.kind):
        return Alias(c.mention.start, c.mention.start, code)
    return None


# one earlier item of a list of places with their figures ('安康301天,'): a short name, a number,
# a short unit, a comma or a join ('山东490.5万吨和')
PLACE_ITEM = (  # '安康301天,', '赣州市第二,' (a rank in words), '吉安市和抚州市并列第五,'
    r"[^\d,;:。、]{1,10}(?:\d+(?:\.\d+)?|第[一二三四五六七八九十]{1,3})[^\d,;:。、]{0,6}[,、和及]"
)
PLACE_LIST_NAME_GAP = 8  # the most words between the indicator and the opening word of the list


def place_list(c: Clause) -> Alias | None:
    """'优良天数从多到少依次是:商洛310天,安康301天,榆林296天,…': a figure of a list of places,
    each place right before its figure, after the indicator and an opening word (maps/cues.yml
    place_list_openers) — the indicator's, however long the list. Only for a place the region
    reference knows (the figure of an unknown place stays unmapped)."""
    text, mention, doc = c.text, c.mention, c.doc
    place = next((s for s, e, _ in doc.regions
                  if e == mention.start and s >= c.sentence_start), None)  # fmt: skip
    if place is None:
        return None
    while text[place - 1 : place] in LIST_JOINS:  # '吉安市和抚州市并列第五': the first tied
        tied = next((s for s, e, _ in doc.regions if e == place - 1), None)
        if tied is None:
            break
        place = tied
    openers = "|".join([*(re.escape(w) for w in cues().place_list_openers),
                        *(p.pattern for p in cues().extreme_place_patterns)])  # fmt: skip
    shape = re.compile(rf"[^\d,;:。]{{0,{PLACE_LIST_NAME_GAP}}}?(?:{openers}):?(?:{PLACE_ITEM})*")
    for alias in reversed(doc.aliases_between(c.sentence_start, place)):
        if shape.fullmatch(text, alias.end, place) and compatible(
            doc.lex.indicators[alias.code], mention, c.kind
        ):
            return alias
        return None
    return None


def named_part(c: Clause) -> Alias | None:
    """'优良天数比例为88.1%,其中优为40.2%,良为47.9%': a part named in one word after a figure of
    the sentence whose catalogue entry names that part (`parts`) — at the figure's name."""
    own = c.own
    if own is None:
        return None
    for alias in reversed(c.doc.aliases_between(c.sentence_start, own.clause_start)):
        parts = {match_key(word): code for word, code in c.doc.lex.indicators[alias.code].parts}
        part = parts.get(own.name)
        return Alias(alias.start, alias.end, part) if part else None
    return None


def _respective_series(c: Clause) -> tuple[int, list[Mention]] | None:
    """(where 分别 stands, the numbers of its list) when the number is one of two or more
    numbers listed after 分别 in its sentence, with no name between 分别 and the number."""
    text, mention = c.text, c.mention
    anchor = text.rfind(RESPECTIVELY, c.sentence_start, mention.start)
    if anchor < 0 or c.doc.aliases_between(anchor, mention.start):
        return None
    listed = [m for m in c.doc.mentions if anchor < m.start and m.end <= mention.end + LIST_REACH]
    series: list[Mention] = []
    for candidate in listed:
        if series and not LIST_GLUE.match(text[series[-1].end : candidate.start]):
            break
        series.append(candidate)
    if mention not in series or len(series) < 2:
        return None
    return anchor, series


def _last_item_only(c: Clause, alias: Alias) -> bool:
    """'化学需氧量、氨氮、挥发性有机物减排量分别为1734吨、224吨、544吨': the name is the last
    item of a coordinated list right before 分别, so it names the list's last number only."""
    if c.text[alias.start - 1 : alias.start] not in LIST_JOINS:
        return False
    found = _respective_series(c)
    if found is None:
        return False
    anchor, series = found
    return 0 <= anchor - alias.end <= RESPECTIVE_GAP and c.mention is not series[-1]


def repeated_head(c: Clause) -> Alias | None:
    """'医疗废物产生量最大的是上海市,产生量为3.5万吨,其次是北京、广州、成都和杭州,产生量分别为2.8万吨、
    2.0万吨…': the tail of the nearest catalogue name said before in the sentence, repeated alone
    after the places it is said of to name the number (or the numbers 分别 lists after it), is
    that name again, however far back it stands (scope.py reads whose figure each is). Not
    without places between the name and its repetition."""
    text, mention, doc = c.text, c.mention, c.doc
    found = _respective_series(c)
    end = found[0] if found else mention.start
    clause_start = doc.clause_start(end, c.sentence_start, CLAUSE_BREAKS_KEEPING_LISTS)
    words = text[clause_start:end]
    for glue in cues().copulas:
        words = words.removesuffix(glue)
    named = doc.aliases_between(c.sentence_start, clause_start)
    if len(words) < 2 or not named:
        return None
    alias = named[-1]
    name = text[alias.start : alias.end]
    if not name.endswith(words) or len(name) == len(words):
        return None
    if not any(alias.end <= s and e <= clause_start for s, e, _ in doc.regions):
        return None
    return alias if compatible(doc.lex.indicators[alias.code], mention, c.kind) else None


def backward(c: Clause) -> Alias | None:
    """The nearest fitting name before the number in its sentence — but a number with a name
    of its own only takes one named inside its own clause: it never borrows from the clause
    before ('…产生量达14.8亿吨,综合利用量8.6亿吨')."""
    mention = c.mention
    window_start = max(c.sentence_start, mention.start - BACKWARD_WINDOW)
    for alias in reversed(c.doc.aliases_between(window_start, mention.start)):
        if compatible(c.doc.lex.indicators[alias.code], mention, c.kind):
            if c.own is not None and alias.start < c.own.clause_start:
                return None
            if c.own is not None and _topic_of_own_name(c, alias):
                return None  # '二氧化硫排放总量下降2.80%': 二氧化硫 is the topic of the name
            if _last_item_only(c, alias) or _shared_out_over_unnamed_items(c, alias):
                return None
            if _latin_name_between(c, alias):
                return None  # '…NO2下降8.8%、CO下降26.3%': CO names the number, not NO2
            if mention.unit_code == "count" and any(
                verb in c.text[alias.end : mention.start] for verb in cues().subset_count_verbs
            ):
                return None  # '155个…考核断面共评价154个': those evaluated, not the network
            if (
                _PARENTHESIS.search(c.text, 0, mention.start)
                and (mention.unit_code == "count" or _DETAIL.search(c.text, 0, mention.start))
                and any(ch.isdigit() for ch in c.text[alias.end : mention.start])
            ):
                # '24个湖泊(29个水域)', '重污染2天(含1天沙尘影响)': a detail of the number before,
                # not the name's
                return None
            return _completed_bare(c, alias) or alias
    return None


def _topic_of_own_name(c: Clause, alias: Alias) -> bool:
    """The name is the topic of the number's own longer name of an amount ('二氧化硫' of
    '二氧化硫排放总量', cues `amount_heads`, which own_names reads as a name of its own)."""
    own = c.own
    named = c.text[alias.start : alias.end]
    return (own is not None and own.name.startswith(named) and own.name != named
            and own.name.endswith(tuple(cues().amount_heads)))  # fmt: skip


def _shared_out_over_unnamed_items(c: Clause, alias: Alias) -> bool:
    """'各类功能区昼间达标率分别为93.3%、96.4%、100%': 分别 shares two or more numbers out over
    items its clause does not list (no list join, no count of places before it): whose figure
    each number is, the text does not say — no name is borrowed."""
    found = _respective_series(c)
    if found is None or alias.end > found[0]:
        return False
    return not _lists_items(c, found[0])


def _lists_items(c: Clause, anchor: int) -> bool:
    """The clause of the 分别 at anchor lists the items it shares out ('设区市、县级市…分别',
    '两个设区市的…分别'; maps/cues.yml respective_item_patterns), or the clause before does when
    分别 opens its own ('…依次是北京、廊坊和长治,分别为47、55和55'), or an earlier 分别 of the
    sentence that lists them ('…分别完成整治85段、13段,消除比例分别达到…')."""
    clause_start = c.doc.clause_start(anchor, c.sentence_start, CLAUSE_BREAKS_KEEPING_LISTS)
    if clause_start == anchor and clause_start > c.sentence_start:
        clause_start = c.doc.clause_start(anchor - 1, c.sentence_start,
                                          CLAUSE_BREAKS_KEEPING_LISTS)  # fmt: skip
    said = c.text[clause_start:anchor]
    if _COORDINATION.search(said) or any(p.search(said) for p in cues().respective_item_patterns):
        return True
    earlier = c.text.rfind(RESPECTIVELY, c.sentence_start, clause_start)
    return earlier >= 0 and _lists_items(c, earlier)


def _latin_name_between(c: Clause, alias: Alias) -> bool:
    """The number's own clause (or list item) names something in Latin letters after the
    name it would borrow ('、CO下降26.3%'): a name of its own the lexicon does not know."""
    start = max(alias.end, c.doc.clause_start(c.mention.start, c.sentence_start))
    return bool(_LATIN.search(c.text, start, c.mention.start))


def _completed_bare(c: Clause, alias: Alias) -> Alias | None:
    """'…集中式饮用水水源地151个,水质达标率为100%': a bare generic name (maps/cues.yml
    bare_aliases) completes the name said just before it in the sentence, when the two
    together spell an indicator (集中式饮用水水源地水质达标率)."""
    text, lex = c.text, c.doc.lex
    if text[alias.start : alias.end] not in cues().bare_aliases:
        return None
    before = c.doc.aliases_between(c.sentence_start, alias.start)
    if not before:
        return None
    code = lex.aliases.get(text[before[-1].start : before[-1].end] + text[alias.start : alias.end])
    if code and compatible(lex.indicators[code], c.mention, c.kind):
        return Alias(alias.start, alias.end, code)
    return None


def _semicolon_run_start(c: Clause) -> int:
    """Where the run of sentences joined by ';' that ends with the number's sentence begins
    ('工业危险废物产生量为…;综合利用量为…;处置量为…': the parts of one subject), at most
    SEMICOLON_RUN_REACH before it; the sentence's own start when a '。' ends the one before."""
    start = c.sentence_start
    while start > 1 and c.text[start - 1] == SEMICOLON:
        before = c.doc.sentence(start - 2)[0]  # the sentence the ';' at start - 1 ends
        if before >= start or c.sentence_start - before > SEMICOLON_RUN_REACH:
            break
        start = before
    return start


def _known_words_only(words: str) -> bool:
    """Words made only of maps/cues.yml subject and scope words ('安排', '其中'), or none."""
    known = _plain_known_words()
    while words:
        word = next((w for w in known if words.startswith(w)), None)
        if word is None:
            return False
        words = words[len(word) :]
    return True


@cache
def _plain_known_words() -> tuple[str, ...]:
    the_cues = cues()
    words = {*the_cues.subject_words, *the_cues.own_name_scope_words}
    return tuple(sorted(words, key=len, reverse=True))


def split_name(c: Clause) -> Alias | None:
    """The words right before the number finish a name said nearby in the sentence:
    'EOD项目…,投资1047.21亿元' (EOD项目投资), '专项资金1.05亿元支持…农村环境整治项目'
    (农村环境整治专项资金); a number's own name completes one, whole or by its last words."""
    text, lex, mention, own = c.text, c.doc.lex, c.mention, c.own
    _, sentence_end = c.doc.sentence(mention.start)
    floor = c.sentence_start if own is None else _semicolon_run_start(c)
    reach = mention.start - floor if own is not None else BACKWARD_WINDOW
    nearby = c.doc.aliases_between(
        max(floor, mention.start - reach),
        min(sentence_end, mention.end + BACKWARD_WINDOW),
    )
    nearby.sort(key=lambda a: min(abs(a.end - mention.start), abs(a.start - mention.end)))
    # without a name of its own, the words right before the number finish a name only when
    # nothing but known words ('安排', '其中') stands before them in the clause: the last words of
    # a longer name ('其中臭氧超标天数18天') are no head of another ('环境空气质量达标' + '天数')
    clause_start = c.doc.clause_start(mention.start, c.sentence_start)
    words = [
        text[mention.start - n : mention.start]
        for n in SPLIT_HEADS
        if _known_words_only(text[clause_start : mention.start - n])
    ]
    if own is not None:  # the number's own name completes, whole or by its last 4+ words
        heads = tuple(cues().completing_heads)
        words = [own.name[-n:] for n in range(len(own.name), OWN_NAME_TAIL_MIN - 1, -1)]
        words += [own.name]
        words += [h for h in heads if len(h) >= COMPLETING_HEAD_MIN and own.name.endswith(h)]
        if c.mention.unit_code not in NOT_AMOUNTS:  # '…产生量2462.75万吨,综合利用1970.78万吨'
            words += [own.name + s for s in cues().amount_suffixes if not own.name.endswith(s)]
        words = [w for w in dict.fromkeys(words) if w.endswith(heads)]
    for word in words:
        word_length = len(word)
        if not plain(word):
            break
        for alias in nearby:
            if alias.start < mention.end and alias.end > mention.start - word_length:
                continue
            name = text[alias.start : alias.end]
            for cut in range(len(name), 1, -1):
                code = lex.aliases.get(name[:cut] + word)
                if code == alias.code:
                    continue  # '…优良天数比例达73.4%,其中达到优的天数比例': not the same figure
                if code and compatible(lex.indicators[code], mention, c.kind):
                    if alias.end <= mention.start:
                        return Alias(alias.start, mention.start, code)
                    return Alias(mention.start - word_length, alias.end, code)
    return None


def days_named(c: Clause) -> Alias | None:
    """'重污染2天', '优良290天', '14个城市累计受沙尘天气影响762天', '但全年重度及以上污染天仍有6天':
    a name right before a count of days that, with 天数 (or 数 after 天), spells an indicator of
    days (重污染天数) names it — a scope word or a conjunction opening the name left out; also a
    name of another indicator said right before ('环境空气质量达标342天': 环境空气质量达标天数, the
    good days)."""
    own, lex, mention = c.own, c.doc.lex, c.mention
    if mention.unit_code != _DAYS or c.kind != "actual":
        return None
    if own is not None:
        said = own.name
    else:
        before = [a for a in c.doc.aliases_between(c.sentence_start, mention.start)
                  if a.end == mention.start]  # fmt: skip
        if not before:
            return None
        said = c.text[before[-1].start : before[-1].end]
    name = _without_openers(said)
    code = lex.aliases.get(name + _DAY_COUNT) or (
        lex.aliases.get(name + _DAY_COUNT[-1]) if name.endswith(_DAY_COUNT[0]) else None
    )
    start = mention.start - len(said)
    if code is None or not compatible(lex.indicators[code], mention, c.kind):
        return None
    if c.text[start : mention.start] != said:
        start = mention.start  # the name was said apart from the number
    return Alias(start, mention.start, code)


def _without_openers(name: str) -> str:
    """A name without the scope words and conjunctions that open it (maps/cues.yml
    own_name_scope_words, grammar.conjunctions: '累计', '但全年')."""
    openers = (*cues().own_name_scope_words, *cues().grammar.conjunctions)
    while opener := next((w for w in openers if name.startswith(w) and name != w), ""):
        name = name[len(opener) :]
    return name


def continued(c: Clause) -> Alias | None:
    """'…比例为75.2%,同比改善13.1个百分点': a change right after a figure whose indicator no
    name in the text spells is a change of that figure."""
    if c.kind != "change" or c.own is not None:
        return None
    code = continued_code(c)
    if not code or not compatible(c.doc.lex.indicators[code], c.mention, c.kind):
        return None
    return Alias(c.mention.start, c.mention.start, code)


def other_extreme(c: Clause) -> Alias | None:
    """'…浓度最好的城市是青岛市,为16μg/m3;最差的城市是菏泽市,为26μg/m3': the places at the
    other end of a ranking, said right after a figure of the places at one end (both
    `extreme_place_patterns`) with no name of their own, are ranked by the same indicator — also
    when 分别 shares the figures out over the places closing the clause before."""
    previous, doc = c.read.previous, c.doc
    listed = (
        _respective_series(c) if extreme_places(doc, c.mention, c.sentence_start) is None else None
    )
    if previous is None and listed is not None and c.read.stated:
        # '…;最高的3个城市依次是…': the count of the places in between states no figure
        code, kind, end = c.read.stated[-1]
        previous = Previous(end, kind, code, 1, "")
    if previous is None or not previous.code or previous.kind != c.kind:
        return None
    run_start = _semicolon_run_start(c)
    if previous.end < run_start or doc.aliases_between(c.sentence_start, c.mention.start):
        return None
    if listed is not None:
        # '…;浓度最高的3个城市依次是安阳、濮阳和石家庄,分别为94、84和81': the places closing the
        # clause before 分别, each its figure (scope.py shares them out)
        clause_start = doc.clause_start(listed[0], c.sentence_start, CLAUSE_BREAKS_KEEPING_LISTS)
        if clause_start != listed[0] or clause_start <= c.sentence_start:
            return None
        before = doc.clause_start(clause_start - 1, c.sentence_start, CLAUSE_BREAKS_KEEPING_LISTS)
        if not any(p.search(c.text, before, clause_start) for p in cues().extreme_place_patterns):
            return None
    elif extreme_places(doc, c.mention, c.sentence_start) is None:
        return None
    earlier = c.text[run_start : previous.end]
    if not any(p.search(earlier) for p in cues().extreme_place_patterns):
        return None
    if not compatible(doc.lex.indicators[previous.code], c.mention, c.kind):
        return None
    at = c.sentence_start if listed is not None else c.mention.start  # before the places
    return Alias(at, at, previous.code)


def extreme_change(c: Clause) -> Alias | None:
    """'细颗粒物浓度最好的城市是青岛市,为16μg/m3;…7市同比下降,下降幅度最大的城市是德州市,为
    19.2%': a change of the places at one end of a ranking by the size of the change
    (`extreme_change_patterns`), with no name in its sentence, is a change of the indicator the
    paragraph ranked its places by (its last coded figure, itself said of extreme places)."""
    doc, code = c.doc, c.read.last_coded
    if not code or c.kind != "change" or doc.aliases_between(c.sentence_start, c.mention.start):
        return None
    the_cues = cues()
    if not any(
        p.search(c.before[-EXTREME_CHANGE_REACH:]) for p in the_cues.extreme_change_patterns
    ):
        return None
    ranked = c.text[c.paragraph_start : c.sentence_start]  # the sentences before in the paragraph
    if not any(p.search(ranked) for p in the_cues.extreme_place_patterns):
        return None
    if not extreme_places(doc, c.mention, c.sentence_start):
        return None
    if not compatible(doc.lex.indicators[code], c.mention, c.kind):
        return None
    return Alias(c.mention.start, c.mention.start, code)


# The order matters: a name bound to the number itself (it interrupts the number, or follows it
# with at most FORWARD_GAP words between, or the places it counts go on to one) is what the
# sentence says of that number, so it comes before any name said elsewhere; a percentage right
# after a count is that count's share whatever name stands before it; a name a coordinated list
# gave this number, and the k-th name before 分别, come before the nearest name before the number,
# which would give every number of a list the last name of the list; a name repeated by its head
# after places (repeated_head) before the nearest name, whose window it may reach past; completing
# a name from the
# words before the number, and continuing the figure before, are last resorts. Only the first
# four apply to a count of places ('14个设区市'): it is the scope of a statement unless one of
# them names what the places do.
STRATEGIES: tuple[Strategy, ...] = (
    named_part,
    share_of_target,
    wrapped,
    bracketed_total,
    forward,
    across_scope,
    share_of_count,
    respective_head,
    respectively,
    respective_earlier,
    listed_share,
    place_list,
    repeated_head,
    backward,
    split_name,
    sibling_class,
    days_named,
    amount_of_a_verb,
    topical,
    subject_said_before,
    continued,
    other_extreme,
    extreme_change,
)
# the strategies that bind a number to a name of its own place in the text: the number then
# states no name of its own (an OwnName only counts when none of these names it)
BINDING: tuple[Strategy, ...] = (share_of_target, wrapped, forward, across_scope)


def first_candidate(c: Clause) -> tuple[Alias | None, Strategy | None]:
    """The candidate of the first strategy that names one, and that strategy."""
    for strategy in BINDING if c.counts_places else STRATEGIES:
        alias = strategy(c)
        if alias is not None:
            return alias, strategy
    return None, None


def continued_code(c: Clause) -> str | None:
    """The code ('' for an open-vocabulary figure) of the figure a change continues: stated by
    the number just before, in the same sentence, past a comma and words without a digit."""
    previous = c.read.previous
    if previous is None or previous.end < c.sentence_start or previous.kind == "rank":
        return None
    gap = c.text[previous.end : c.mention.start]
    # '…降低3.8%,比2005年累计下降50.8%': a base year is no digit of another figure
    if not gap.startswith(",") or not plain(BASE_YEAR.sub("", gap[1:])):
        return None
    return previous.code


def respective_heads(c: Clause) -> dict[int, Alias] | None:
    """'一般工业固体废物综合利用量占…48.0%,处置和贮存分别占比21.2%和30.7%': each head of a
    coordinated own name, completed with the subject of a name said before in the sentence
    (一般工业固体废物 + 处置 + 量占比), names the number of its place in the list. Returns the
    indicator of each number of the list by its start, {} when a head completes to none (the
    list names nothing), None when the number opens no such list."""
    own, mention = c.own, c.mention
    if own is None:
        return None
    found = _COORDINATED_NAME.fullmatch(own.name)
    anchor = c.text.rfind(RESPECTIVELY, own.clause_start, mention.start)
    if found is None or anchor < 0:
        return None
    heads = _COORDINATION.split(found.group(1))
    series = c.doc.series(anchor, mention)
    if len(heads) != len(series) or series[0] is not mention:
        return None
    endings = SHARE_ENDINGS if found.group(2) in ("占比", "占") else AMOUNT_ENDINGS
    earlier = c.doc.aliases_between(c.sentence_start, own.clause_start)
    thing = topic(c)
    given = {}
    for head, item in zip(heads, series, strict=True):
        alias = _completed(c, head, endings, earlier, item, thing)
        if alias is None and not thing:
            return {}
        if alias is not None:  # with a topic, a head the catalogue lacks is left to its own name
            given[item.start] = alias
    return given


def _completed(c: Clause, head: str, endings: list[str], earlier: list[Alias],
               mention: Mention, thing: str = "") -> Alias | None:  # fmt: skip
    lex = c.doc.lex
    for ending in endings if thing else []:  # the sentence's topic ('对于X,…')
        code = lex.aliases.get(thing + head + ending)
        if code and compatible(lex.indicators[code], mention, c.kind):
            return Alias(mention.start, mention.start, code)
    for alias in reversed(earlier):
        name = c.text[alias.start : alias.end]
        for cut in range(len(name) - 1, 1, -1):
            for ending in endings:
                code = lex.aliases.get(name[:cut] + head + ending)
                if code and compatible(lex.indicators[code], mention, c.kind):
                    return Alias(mention.start, mention.start, code)
    return None


def _counts_if_unitless(c: Clause, alias: Alias | None) -> Alias | None:
    """A count of places stated without a unit ('4市') takes only an indicator that counts."""
    if alias is None or not (c.counts_places and c.stated.unit_code is None):
        return alias
    return alias if c.doc.lex.indicators[alias.code].unit_code == "count" else None


def carried_goal(c: Clause) -> Alias | None:
    """'到2035年,达到90%以上': a goal whose sentence names no indicator before it takes the
    indicator of the previous goal of its paragraph. A fallback, not one of STRATEGIES: it is
    tried after the guards, which judge the words around a number, and none stand here."""
    code = c.read.goal
    if code is None or not compatible(c.doc.lex.indicators[code], c.mention, c.kind):
        return None
    return Alias(c.mention.start, c.mention.start, code)
