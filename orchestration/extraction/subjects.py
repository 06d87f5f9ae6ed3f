"""Whether a coded figure's subject is recognised: every word of its clause before the
indicator's name (and between a count and a name after it) is known, or the figure does not take
the indicator's code; a sentence that opens with the name takes the subject of the sentence
before in its paragraph.

What belongs here: the words a figure's clause says before the name of its indicator, and which
of them the rule knows — a region, a scope or count of the places, a time, another indicator's
name, a word of the indicator's own spellings, a word of maps/cues.yml (`subject_words`,
`subject_patterns`, the scope lists, and in a city's own document `city_urban_area_words`) —
and the stated name of a figure whose name other words qualify ('鄱阳湖点位水质优良比例': 鄱阳湖
is no scope the rule knows, so the figure is no figure of the whole section network). An
abstention, not a blacklist: a qualifier never seen before keeps the figure's stated name (open
vocabulary) instead of borrowing the generic code. Pure functions of the Clause.
"""

from __future__ import annotations

import re
from functools import cache

from orchestration.extraction.aliases import Alias
from orchestration.extraction.clause import Clause
from orchestration.extraction.cues import cues
from orchestration.extraction.document import region_level
from orchestration.extraction.reading import CLAUSE_BREAKS, LIST_CLOSE, LIST_JOINS
from orchestration.extraction.strategies import SEMICOLON, wrapped_name
from orchestration.parsing.text import match_key
from orchestration.registry.catalogue import Indicator

MIN_SPELLING_PART = 2  # the shortest piece of an indicator's own spellings that counts as known
OVERLAP = 4  # how far a known word before a name may run on into it
CITY_LEVELS = ("prefecture", "county")  # a document of one of these is a city's (or county's) own


def unknown_qualifier(c: Clause, alias: Alias) -> str:
    """The stated name of the figure when words the rule does not know qualify its indicator's
    name in the clause ('鄱阳湖点位' + '水质优良比例'), or stand between a count and the name
    after it ('99个县级城市' + '饮用水源地'); '' when every such word is known, the number
    interrupts the name, or the indicator is made for a part (a basin, a lake, a bay: its own
    name may stand before it), or is no figure measured over parts at all."""
    if alias.start >= alias.end:
        return ""  # a name inferred at the number
    indicator = c.doc.lex.indicators[alias.code]
    if not measured_over_parts(alias.code, indicator) or made_for_a_part(indicator):
        return ""
    if alias.start >= c.mention.end:  # '99个县级城市饮用水源地': the words between count and name
        first = first_unknown(c, c.mention.end, alias.start, indicator)
        return "" if first < 0 else c.text[first : alias.end]
    if alias.end > c.mention.start:
        return ""  # a name the number interrupts ('督察指出的39个问题')
    start = c.doc.clause_start(alias.start, c.sentence_start, CLAUSE_BREAKS)
    first = first_unknown(c, start, alias.start, indicator)
    if first >= 0:
        return c.text[first : alias.end]
    named = c.text[alias.start : alias.end]
    if (
        alias.start == c.sentence_start
        and c.sentence_start > c.paragraph_start
        and not any(word in named for word in cues().subset_resets)  # '地表水…', '国考…'
    ):
        # '…监测断面水质优良比例为96.4%。Ⅰ-Ⅱ类水质比例为…'
        subject = _elided_subject(c, indicator, c.sentence_start)
        return subject + named if subject else ""
    return ""


def elided_subject(c: Clause, alias: Alias) -> str:
    """The stated name of a figure said without digits ('…Ⅴ类水质比例为0.3%;无劣Ⅴ类水质') whose
    statement opens its sentence: the subject of the sentences before it joins, when the rule
    does not know it (+ the name); '' when it knows it, or the indicator is no figure measured
    over parts."""
    indicator = c.doc.lex.indicators[alias.code]
    named = c.text[alias.start : alias.end]
    if (
        not measured_over_parts(alias.code, indicator)
        or made_for_a_part(indicator)
        or c.sentence_start <= c.paragraph_start
        or any(word in named for word in cues().subset_resets)
    ):
        return ""
    subject = _elided_subject(c, indicator, c.sentence_start)
    return subject + named if subject else ""


def _elided_subject(c: Clause, indicator: Indicator, sentence_start: int) -> str:
    """A name opening its sentence says no subject: it is the subject of the sentence before in
    the paragraph, when that sentence's last name is of the same subject (air, water, …); the
    words the rule does not know before that name in its clause, or ''. A sentence joined by ';'
    that opens with its name says none either: its subject is the one before it ('…监测断面…
    比例为96.4%。Ⅰ-Ⅱ类水质比例为73.2%;Ⅴ类水质比例为0.3%')."""
    doc = c.doc
    previous_start, _ = doc.sentence(max(sentence_start - 2, 0))  # before its end mark
    previous_start = max(previous_start, c.paragraph_start)
    names = doc.aliases_between(previous_start, sentence_start)
    if not names:
        return ""
    name = names[-1]  # the figure said last ('针对环境空气质量,…,全国…优良天数比例为86.8%')
    said_of = doc.lex.indicators[name.code]
    if said_of.subject != indicator.subject:
        return ""
    named = c.text[name.start : name.end]
    if (
        name.start == previous_start > c.paragraph_start
        and c.text[sentence_start - 1] == SEMICOLON
        and not any(word in named for word in cues().subset_resets)
    ):
        return _elided_subject(c, indicator, previous_start)
    if made_for_a_part(said_of):  # '湖库水质优良比例为80.0%。劣Ⅴ类断面比例为5.0%': the lakes'
        return _part_named(c.text[name.start : name.end], indicator)
    start = doc.clause_start(name.start, previous_start, CLAUSE_BREAKS)
    first = first_unknown(c, start, name.start, said_of)
    return "" if first < 0 else c.text[first : name.start]


def _part_named(words: str, indicator: Indicator) -> str:
    """The word of a part (maps/cues.yml `subsets`) that words name and the indicator is not
    made for ('湖库' of '湖库水质优良比例', for the sections' worse-than-Ⅴ share), or ''."""
    if made_for_a_part(indicator):
        return ""
    for subset in cues().subsets:
        if subset.kept_in_scope or subset.after_name:
            continue
        if not subset.concerns(indicator.code, indicator.subject):
            continue
        found = next((w for w in subset.words if w in words), None)
        if found:
            return found
    return ""


_CLASS_DIGITS = re.compile(r"[0-9]+[ab]?$")  # the digits of a class glued to its 类
_CLASS_WORD = re.compile(r"[ab]?类")


def first_unknown(c: Clause, start: int, end: int, indicator: Indicator) -> int:
    """Where the first word of text[start:end] that the rule does not know begins; -1 when none."""
    doc, text = c.doc, c.text
    known = [False] * (end - start)

    def mark(a: int, b: int) -> None:
        for i in range(max(a, start), min(b, end)):
            known[i - start] = True

    for a, b in [(a.start, a.end) for a in doc.aliases] + [(s, e) for s, e, _ in doc.regions]:
        if b > start and a < end:
            mark(a, b)
    for m in doc.mentions:
        if m.end > start and m.start < end:
            mark(m.start, m.end)
            named = wrapped_name(text, doc.lex.aliases, m)
            if named is not None:  # '第二轮…督察指出的39个问题已完成整改': another figure's words
                mark(start, named.end)
    words = text[start:end]
    the_cues = cues()
    examples = words.rfind(LIST_CLOSE)
    if examples >= 0 and _opens_a_list(c, start):
        mark(start, start + examples + 1)  # '新能源汽车、新材料、新能源等新兴产业': examples
    # a known word may run on into the name after it ('地级及以上城市' + '城市区域昼间等效声级…')
    reach = text[start : end + OVERLAP]
    for pattern in (*the_cues.own_name_time_patterns, *the_cues.subset_reset_patterns,
                    *the_cues.subject_patterns):  # fmt: skip
        for found in pattern.finditer(reach):
            mark(start + found.start(), start + found.end())
    vocabulary = _known_words() | _spelling_parts(indicator)
    if region_level(doc.context.region_code) in CITY_LEVELS:
        vocabulary |= the_cues.city_urban_area_words
    single = [False] * (end - start)  # known only as a word of one character ('中', '省')
    for i in range(len(words)):
        for j in range(len(reach), i, -1):
            if reach[i:j] in vocabulary:
                if j - i == 1 and not known[i]:
                    single[i] = True
                mark(start + i, start + j)
                break
    first = next((i for i, k in enumerate(known) if not k), -1)
    if first < 0:
        return -1
    while first > 0 and single[first - 1]:  # '中心城区', '省会城市': one word with the unknown
        first -= 1
    if _CLASS_DIGITS.search(words, 0, first) and _CLASS_WORD.match(words, first):
        first = _CLASS_DIGITS.search(words, 0, first).start()  # '1类功能区', '4a类区': the class
    return start + first


def _opens_a_list(c: Clause, start: int) -> bool:
    """The item at start closes a list ('新能源汽车、新材料、新能源等')."""
    return start > 0 and c.text[start - 1] in LIST_JOINS


def measured_over_parts(code: str, indicator: Indicator) -> bool:
    """The indicator is measured over something with parts (a monitoring network, a market, a
    class of protected areas: a subset of maps/cues.yml `subsets` concerns it), where a
    qualifier names a part; an activity's figure (示范镇, 专项债券资金) is not checked."""
    return any(s.concerns(code, indicator.subject) for s in cues().subsets)


def made_for_a_part(indicator: Indicator) -> bool:
    """The indicator measures a part itself (one of its spellings names a part of maps/cues.yml
    `subsets`: 主要江河, 湖库, 流域, 近岸海域 …): the part's own name may stand before it."""
    the_cues = cues()
    spellings = [match_key(spelling) for spelling in indicator.prose_spellings]
    return any(head in spelling for head in the_cues.part_heads for spelling in spellings) or any(
        s.named_in(spelling)
        for s in the_cues.subsets
        if not (s.kept_in_scope or s.after_name)
        for spelling in spellings
    )


@cache
def _known_words() -> frozenset[str]:
    """The words of maps/cues.yml that say no part: subject words, scope and network words,
    regions without a code, copulas, values in words, list joins, and the parts' own words
    (a part named is subsets.py's business, not an unknown word)."""
    the_cues = cues()
    return frozenset(
        [
            *the_cues.subject_words,
            *the_cues.subset_resets,
            *the_cues.own_name_scope_words,
            *the_cues.regions_without_code,
            *the_cues.scope_nouns,
            *the_cues.national_network_words,
            *the_cues.provincial_network_words,
            *the_cues.copulas,
            *the_cues.none_before_alias,  # '无严重污染天数': a value in words, no part
            *(word for word, _ in the_cues.verbal_before_alias),
            *the_cues.grammar.list_joins,
            *(word for s in the_cues.subsets for word in s.words),
        ]
    )


@cache
def _spelling_parts(indicator: Indicator) -> frozenset[str]:
    """Every piece (two characters or more) of the indicator's own prose spellings."""
    parts = set()
    for spelling in indicator.prose_spellings:
        key = match_key(spelling)
        for i in range(len(key)):
            parts.update(key[i:j] for j in range(i + MIN_SPELLING_PART, len(key) + 1))
    return frozenset(parts)
