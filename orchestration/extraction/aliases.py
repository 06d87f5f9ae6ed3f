"""Indicator names in folded text: where the lexicon's spellings stand, and which of them claim.

What belongs here: matching the lexicon (longest first, never overlapping), a coordinated list
that shares the tail of a name ('A、B、C增加值' names three indicators), a name a gloss in
parentheses interrupts ('昼间(白天6点至22点)平均等效声级'), a class inside a range that names no
class, and a bare generic name that other words qualify (it claims nothing). What
a name does for a number is the business of strategies.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from orchestration.extraction.cues import cues
from orchestration.extraction.lexicon import Lexicon

COORDINATED_ITEM_MAX = 12  # longest item of a coordinated list before a shared tail
FUSED_NAME_REACH = 16  # the most words of a fused name before and after its halves
QUALIFIER_LOOKBACK = 2  # the characters before a bare name that may qualify it
GLOSSED_NAME_REACH = 16  # the most words of a name on either side of a gloss in parentheses
GLOSS_REACH = 16  # the longest gloss in parentheses inside a name
_GLOSS_BREAKS = frozenset(",;:。、\n")  # no name, nor gloss, runs over these
_COORDINATION = "".join(cues().grammar.list_joins)  # joins the items of a list sharing a tail
_FUSED_HALVES = cues().grammar.fused_halves  # '昼夜间…': the first half before the second's
_YIELDING = frozenset(cues().yielding_aliases)  # topic words that yield to a longer name
_ITEM_BREAKS = ",、;:。()和及与\n"  # where an item of such a list begins


@dataclass(frozen=True)
class Alias:
    """An indicator named at text[start:end]; start == end for an indicator a strategy infers
    at a number without a name there (a share of a count, a carried goal)."""

    start: int
    end: int
    code: str


def find_aliases(text: str, lex: Lexicon) -> list[Alias]:
    """Indicator names in folded text, longest first, left to right, never overlapping; a
    coordinated list that shares the tail of a name ('战略性新兴产业、高技术制造业、装备制造业
    增加值…贡献率') names one indicator per item."""
    found, pos = [], 0
    fused_at = [i for i in range(len(text) - 1) if _FUSED_HALVES.get(text[i + 1]) == text[i]]
    while pos < len(text):
        hit = lex.match_at(text, pos)
        pair = _fused_pair(text, pos, lex, fused_at)
        if pair and (hit is None or pair[0].end >= hit[0]):
            found += pair  # '区域声环境昼夜间平均等效声级': the day's and the night's
            pos = pair[0].end
            continue
        glossed = _glossed(text, pos, lex)
        if glossed is not None and (hit is None or glossed.end > hit[0]):
            found.append(glossed)  # '区域声环境质量昼间(白天6点至22点)平均等效声级'
            pos = glossed.end
            continue
        if hit is None or _inside_class_range(text, pos) or _overlapped(text, pos, hit[0], lex):
            pos += 1
            continue
        end, code = hit
        found += _coordinated(text, pos, end, lex, found[-1].end if found else 0)
        found.append(Alias(pos, end, code))
        pos = end
    return found


def _glossed(text: str, pos: int, lex: Lexicon) -> Alias | None:
    """'区域声环境质量昼间(白天6点至22点)平均等效声级': a name from pos that a gloss in parentheses
    (a time, a definition: at most GLOSS_REACH characters, no clause break) interrupts, and
    that is a spelling of the lexicon without it — the name over the gloss; None when none."""
    opening = text.find("(", pos, pos + GLOSSED_NAME_REACH)
    if opening <= pos or _GLOSS_BREAKS.intersection(text[pos:opening]):
        return None
    closing = text.find(")", opening, opening + GLOSS_REACH)
    if closing < 0 or _GLOSS_BREAKS.intersection(text[opening:closing]):
        return None
    head = text[pos:opening]
    hit = lex.match_at(head + text[closing + 1 : closing + 1 + GLOSSED_NAME_REACH], 0)
    if hit is None or hit[0] <= len(head):
        return None
    return Alias(pos, closing + 1 + hit[0] - len(head), hit[1])


def _overlapped(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """A longer name begins inside a topic word standing as a name (maps/cues.yml
    `yielding_aliases`) and runs past its end ('环境空气质量' + '空气质量优良率'): the longer
    one is the name said."""
    if text[start:end] not in _YIELDING:
        return False
    for inner in range(start + 1, end):
        hit = lex.match_at(text, inner)
        if hit is not None and hit[0] > end and hit[0] - inner > end - start:
            return True
    return False


def claiming(text: str, aliases: list[Alias]) -> list[Alias]:
    """The aliases that claim a figure: all but a bare name qualified by other words."""
    return [a for a in aliases if not _qualified(text, a)]


def _inside_class_range(text: str, pos: int) -> bool:
    """'Ⅰ~Ⅲ类…' (folded 'i~iii类'): the 'iii类…' or 'ii类…' inside it names no class alone."""
    return text[pos] in "iv" and pos > 0 and text[pos - 1] in "iv~-—–至"


def _coordinated(text: str, start: int, end: int, lex: Lexicon, floor: int) -> list[Alias]:
    """The items before an alias that complete to aliases with its tail: 'A、B、C+tail'."""
    items = _listed_items(text, start, floor)
    for cut in range(1, end - start):
        tail = text[start + cut : end]
        codes = [lex.aliases.get(text[a:b] + tail) for a, b in items]
        if items and all(codes) and len(set(codes)) == len(codes):
            return [Alias(a, b, c) for (a, b), c in zip(items, codes, strict=True)]
    if len(items) == 1:  # '声环境质量昼、夜间达标率': the head's last words complete the tail
        a, b = items[0]
        for cut in range(1, end - start):
            tail = text[start + cut : end]
            for head_start in range(b - 1, a - 1, -1):
                code = lex.aliases.get(text[head_start:b] + tail)
                if code and code != lex.aliases.get(text[start:end]):
                    return [Alias(head_start, b, code)]
    return []


def _fused_pair(text: str, start: int, lex: Lexicon, fused_at: list[int]) -> list[Alias]:
    """'区域声环境昼夜间平均等效声级': a name from start holding two fused halves (maps/cues.yml
    grammar.fused_halves: 昼 before 夜) that completes to one alias with either half alone
    (昼间…, 夜间…): both, over the same words, longest first; [] when none."""
    for at in (i for i in fused_at if start <= i < start + FUSED_NAME_REACH):
        for end in range(min(len(text), at + 2 + FUSED_NAME_REACH), at + 2, -1):
            first = lex.aliases.get(text[start : at + 1] + text[at + 2 : end])
            second = lex.aliases.get(text[start:at] + text[at + 1 : end])
            if first and second and first != second:
                return [Alias(start, end, first), Alias(start, end, second)]
    return []


def _listed_items(text: str, start: int, floor: int) -> list[tuple[int, int]]:
    """The items of a list joined before the name at start ('A、B、C' + tail)."""
    items: list[tuple[int, int]] = []
    cursor = start
    while cursor > floor and text[cursor - 1] in _COORDINATION:
        head_end = cursor - 1
        head_start = head_end
        while (
            head_start > floor
            and head_start > head_end - COORDINATED_ITEM_MAX
            and text[head_start - 1] not in _ITEM_BREAKS
        ):
            head_start -= 1
        if head_start == head_end:
            break
        items.insert(0, (head_start, head_end))
        cursor = head_start
    return items


def _qualified(text: str, alias: Alias) -> bool:
    """A bare name ('治理率', '投资总额') that other words qualify ('废渣治理率',
    '生态环境治理投资总额') names another figure: it claims nothing."""
    the_cues = cues()
    if text[alias.start : alias.end] not in the_cues.bare_aliases or alias.start == 0:
        return False
    before = text[max(0, alias.start - QUALIFIER_LOOKBACK) : alias.start]
    if not ("\u4e00" <= before[-1] <= "\u9fff"):
        return False
    return not before.endswith(tuple(the_cues.bare_alias_lead_ins))
