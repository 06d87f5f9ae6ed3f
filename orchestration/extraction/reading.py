"""A document being read: its folded text cut into sentences, clauses and paragraphs, with its
indicator names, its numbers and its region names found once.

What belongs here: where a sentence, a clause or a paragraph begins, the list a number belongs to
('分别为39、72、11'), and the word tests the other modules share (one clause, no digit, a
name). Nothing here decides what a number means.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from itertools import pairwise

from orchestration.extraction.aliases import Alias, claiming, find_aliases
from orchestration.extraction.cues import cues
from orchestration.extraction.document import DocumentContext, find_regions
from orchestration.extraction.lexicon import Lexicon
from orchestration.extraction.quantities import RANK_UNIT, Mention, find_mentions
from orchestration.parsing.text import FoldedText

# a '?' right after a Latin letter is a mirror's lost subscript ('SO?平均浓度'), not a question
SENTENCE_END = re.compile(r"[。;!\n]|(?<![a-z])\?")
CLAUSE_BREAK = frozenset(",、;:。!?\n()")
CLAUSE_BREAKS = ",;:。、\n"  # where a clause begins (a list item too)
CLAUSE_BREAKS_KEEPING_LISTS = ",;:。\n"  # where a clause begins, a list of items kept whole
LIST_JOINS = cues().grammar.list_joins  # what joins the items of a list of names or places
# what joins the numbers of a list: a list join, a comma, or nothing at all (a separator a mirror
# site lost: '分别为93.3%96.4%、100%')
LIST_GLUE = re.compile("^(?:" + "|".join(map(re.escape, (*LIST_JOINS, ",", ""))) + ")$")
LIST_REACH = 200  # how far after a number the list it belongs to may run
LIST_CLOSE = "等"  # closes a list of examples or named things ('长江、湘江等江河', '…等18座湖库')
RESPECTIVELY_REACH = 6  # from '分别' to the first number of its list ('分别为39、72')
RESPECTIVELY = cues().grammar.respectively
COUNT, POINTS, POINTS_HEAD = "count", "pp", "个"  # '1.1个和2.4个百分点': 个 heads 个百分点


RESTORED_SEPARATOR = "。"  # the statement before ends there


def restore_separators(folded: FoldedText) -> FoldedText:
    """The folded text with a sentence end where a mirror site lost the separator between two
    statements (`lost_separator_patterns`: '同比下降25.0%CO浓度为1.4毫克/立方米', '…湘西州(-46.8%)O3
    浓度为…': a new statement, never a list item of the sentence before); each mark maps to the
    original offset of the character before it, so quotes and offsets stay the original's."""
    text, offsets = folded.text, folded.offsets
    cuts = sorted({m.start() for p in cues().lost_separator_patterns for m in p.finditer(text)})
    if not cuts:
        return folded
    chars, mapped, last = [], [], 0
    for cut in cuts:
        chars.append(text[last:cut] + RESTORED_SEPARATOR)
        mapped += [*offsets[last:cut], offsets[cut - 1]]
        last = cut
    chars.append(text[last:])
    mapped += offsets[last:]
    return FoldedText(folded.original, "".join(chars), tuple(mapped))


def read_respectively(folded: FoldedText) -> FoldedText:
    """The folded text with another word for 分别 right before the numbers it shares out
    (`respectively_patterns`: '年均浓度依次为35、37、34µg/m3') written as 分别, which every
    reader of a list looks for; a word of the same length, so offsets stay the original's."""
    text = folded.text
    for pattern in cues().respectively_patterns:
        for m in pattern.finditer(text):
            if len(m.group(0)) != len(RESPECTIVELY):
                raise ValueError(f"respectively_patterns: {m.group(0)!r} is no word of "
                                 f"{len(RESPECTIVELY)} characters")  # fmt: skip
            text = text[: m.start()] + RESPECTIVELY + text[m.end() :]
    return folded if text == folded.text else FoldedText(folded.original, text, folded.offsets)


def drop_marks(folded: FoldedText) -> FoldedText:
    """The folded text without the marks that only abbreviate a name (cues
    `dropped_mark_patterns`: '昼/夜间' is read as '昼夜间') and the quality a water class
    restates (`class_gloss_patterns`: '劣Ⅴ类重度污染水质点位' as '劣Ⅴ类水质点位'); the other
    characters keep their original offsets, so a quote still holds the words left out."""
    text = folded.text
    patterns = (*cues().dropped_mark_patterns, *cues().class_gloss_patterns)
    dropped = {i for p in patterns for m in p.finditer(text)
               for i in range(m.start(), m.end())}  # fmt: skip
    if not dropped:
        return folded
    kept = [i for i in range(len(text)) if i not in dropped]
    return FoldedText(folded.original, "".join(text[i] for i in kept),
                      tuple(folded.offsets[i] for i in kept))  # fmt: skip


def list_units(text: str, mentions: list[Mention]) -> list[Mention]:
    """'浓度分别为39、72、11、29、166μg/m3和1.2mg/m3': the numbers of a list opened by 分别 that
    state no unit take the unit of the next number of the list that states one."""
    filled = list(mentions)
    linked = [bool(LIST_GLUE.match(text[a.end : b.start])) for a, b in pairwise(filled)]
    for index, mention in enumerate(filled):
        if _elided_points(text, filled, linked, index):  # '分别上升1.1个和2.4个百分点'
            filled[index] = replace(mention, unit_code=POINTS)
            continue
        if mention.unit_code is not None:
            continue
        first = index
        while first > 0 and linked[first - 1]:
            first -= 1
        opening = text[max(0, filled[first].start - RESPECTIVELY_REACH) : filled[first].start]
        if RESPECTIVELY not in opening:
            continue
        last = index
        while last < len(linked) and linked[last] and filled[last].unit_code is None:
            last += 1
        unit = filled[last].unit_code
        if unit is not None and unit != RANK_UNIT:
            filled[index] = replace(mention, unit_code=unit)
    return filled


def _elided_points(text: str, mentions: list[Mention], linked: list[bool], index: int) -> bool:
    """'分别上升1.1个和2.4个百分点': a number of a list ending in 个, linked to the next number of
    the list stated in 个百分点, is in 个百分点 too (the unit said once, its head 个 on each) —
    when 分别 opens the list or the number has decimals (no count has)."""
    mention = mentions[index]
    if mention.unit_code != COUNT or not text.endswith(POINTS_HEAD, 0, mention.end):
        return False
    last = index
    while last < len(linked) and linked[last] and mentions[last + 1].unit_code == COUNT:
        last += 1
    if last >= len(linked) or not linked[last] or mentions[last + 1].unit_code != POINTS:
        return False
    first = index
    while first > 0 and linked[first - 1]:
        first -= 1
    opening = text[max(0, mentions[first].start - RESPECTIVELY_REACH) : mentions[first].start]
    return RESPECTIVELY in opening or not float(mention.value).is_integer()


def _before_ranks(aliases: list[Alias], mentions: list[Mention]) -> list[Alias]:
    """'深圳空气质量排名全国第6', '城市水质排名第3': a name spelt with the rank word a rank reads as
    its own ('…排名') ends where the rank begins — the name of that rank, said before it."""
    ranks = [m for m in mentions if m.unit_code == RANK_UNIT]
    clipped = []
    for alias in aliases:
        rank = next((m for m in ranks if alias.start < m.start < alias.end), None)
        clipped.append(alias if rank is None else replace(alias, end=rank.start))
    return clipped


class Document:
    """One document being read: folded text, its sentences, names and numbers."""

    def __init__(self, folded: FoldedText, context: DocumentContext, lex: Lexicon) -> None:
        self.folded = folded
        self.text = folded.text
        self.context = context
        self.lex = lex
        aliases = claiming(self.text, find_aliases(self.text, lex))
        self.mentions = list_units(
            self.text, find_mentions(self.text, [(a.start, a.end) for a in aliases])
        )
        self.aliases = _before_ranks(aliases, self.mentions)
        self.alias_starts = [a.start for a in self.aliases]
        self.sentence_ends = [m.start() for m in SENTENCE_END.finditer(self.text)]
        province = context.region_code[:2] + "0000" if context.region_code else ""
        self.regions = find_regions(self.text, context.year, province)

    def sentence(self, pos: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.sentence_ends, pos)
        start = self.sentence_ends[index - 1] + 1 if index else 0
        end = self.sentence_ends[index] if index < len(self.sentence_ends) else len(self.text)
        return start, end

    def paragraph_start(self, pos: int) -> int:
        return self.text.rfind("\n", 0, pos) + 1

    def clause_start(self, pos: int, floor: int, breaks: str = CLAUSE_BREAKS) -> int:
        """Where the clause of text[pos] begins; breaks inside parentheses do not count
        ('海域水质优良(一类、二类)面积比例为91.3%')."""
        text, depth = self.text, 0
        for index in range(pos - 1, floor - 1, -1):
            char = text[index]
            if char == ")":
                depth += 1
            elif char == "(":
                depth = max(depth - 1, 0)
            elif char in breaks and depth == 0:
                return index + 1
        return floor

    def aliases_between(self, start: int, end: int) -> list[Alias]:
        first = bisect.bisect_left(self.alias_starts, start)
        last = bisect.bisect_left(self.alias_starts, end)
        return [a for a in self.aliases[first:last] if a.end <= end]

    def series(self, anchor: int, mention: Mention) -> list[Mention]:
        """The numbers listed after '分别' ('分别为39、72、11'), up to the list's end."""
        text = self.text
        series: list[Mention] = []
        for candidate in (m for m in self.mentions if anchor < m.start):
            if series and not LIST_GLUE.match(text[series[-1].end : candidate.start]):
                break
            series.append(candidate)
            if candidate.start > mention.end + LIST_REACH:
                break
        return series


_ROMAN_CLASS = re.compile(r"(?<![a-z])[ivx]+(?=类)")
_DIGIT_CLASS = re.compile(r"(?<![0-9.])[0-9][ab]?(?=类)")  # a noise zone's class: '4a类区'
_TOP_PLACES = re.compile(r"前[0-9]+(?=位|名)")  # the places ranked first: '前10位城市'
# a pollutant named in Latin letters (folded): 'pm2.5达标天数' is a name, its digits no number
_POLLUTANT = re.compile(r"(?<![a-z0-9.])(?:pm2\.5|pm10|so2|no2|o3)(?![a-z0-9.])")


def is_name(words: str) -> bool:
    """Words that can name a figure: one clause, no digit but a class's ('2类区'), the count
    of the places ranked first ('前10位城市') or a pollutant's ('PM2.5达标天数'), no stray
    Latin letters (a mirror's 'SO 浓度' lost its subscript), two Chinese characters besides 类
    ('Ⅲ类' is a class)."""
    classes = len(_DIGIT_CLASS.findall(words))
    pollutants = len(_POLLUTANT.findall(words))
    words = _TOP_PLACES.sub("前", _DIGIT_CLASS.sub("", _POLLUTANT.sub("", words)))
    han = [c for c in words if "\u4e00" <= c <= "\u9fff" and c != "类"] + ["类"] * classes
    han += ["污"] * pollutants  # a pollutant counts as a word of the name
    # a class in Roman numerals, folded to Latin ('Ⅳ类比例' → 'iv类比例'), is no stray letter
    latin = any(c.isascii() and c.isalpha() for c in _ROMAN_CLASS.sub("", words))
    return plain(words) and len(han) >= 2 and not latin


def no_break(text: str) -> bool:
    return not CLAUSE_BREAK.intersection(text)


def plain(text: str, length: int | None = None) -> bool:
    """Words of one clause without a digit (and `length` characters long, when given): what may
    stand between, or complete, the parts of a name."""
    full = length is None or len(text) == length
    return full and no_break(text) and not any(c.isdigit() for c in text)
