"""Numbers in folded prose with their unit, multiplier, qualifier and bound, or their rank.

A mention is found where digits are, or where a share is written in words ('十分之一'); names,
dates, document numbers and classes ('5、6号机组', '3月26日', '〔2023〕30号', '5000亿元级') are
left out by the cue lists of maps/cues.yml. A number without a unit is kept with unit None:
the extractor accepts it only right after an indicator ('劣Ⅴ类水体比例为0') or before the places
it counts ('4市开展…').
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from orchestration.extraction.cues import cues
from orchestration.parsing.numbers import MULTIPLIERS, _qualifier_map
from orchestration.parsing.units import registry

_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_NUMERAL = "零一二两三四五六七八九十百"
# a share in words: '十分之一', '三分之二', '百分之五十', '百分之百', '百分之15'
_FRACTION = re.compile(rf"([{_NUMERAL}]+)分之([{_NUMERAL}]+|\d+(?:\.\d+)?)")
_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}
_GLUE_BEFORE_UNIT = ("余", "多")
RANK_UNIT = "rank"
NOT_A_VALUE_REACH = (
    3  # the characters before a number maps/cues.yml not_a_value_before_patterns read
)
FIRST = "首"  # '位居全国首位': the first place
DAY = "day"  # the unit of a count of days
_PIECES = "个"  # the counter a count of named days is said with ('173个污染日')
_CLAUSE_ENDS = ("", ",", ";", "。", "、", "\n")  # what closes a grade said after its count


@dataclass(frozen=True)
class Mention:
    """A number in the folded text: [start, end) covers qualifiers and unit."""

    start: int
    end: int
    number_start: int
    number_end: int
    value: float
    unit_code: str | None
    qualifier: str | None
    comparator: str


@cache
def _prose_units() -> list[tuple[str, str]]:
    """(folded spelling, unit_code) of seeds/units.csv (个百分点 → pp, 万吨 → kt10 …), longest
    first; spellings prose uses otherwise (maps/cues.yml prose_unit_exclusions) are left out."""
    units = registry()
    excluded = cues().prose_unit_exclusions
    pairs = [(s, units.resolve(s).code) for s in units.spellings if s not in excluded]
    return sorted(pairs, key=lambda pair: -len(pair[0]))


def _unit_at(text: str, pos: int) -> tuple[int, str] | None:
    for spelling, code in _prose_units():
        if text.startswith(spelling, pos):
            return pos + len(spelling), code
    return None


def _rank_numbers(text: str) -> dict[int, tuple[int, int]]:
    """number start → (mention start, mention end) of every rank phrase ('全国第5名')."""
    found: dict[int, tuple[int, int]] = {}
    for pattern in cues().rank_patterns:
        for match in pattern.finditer(text):
            found.setdefault(match.start(1), (match.start(), match.end()))
    return found


def _qualifier_before(text: str, start: int) -> tuple[int, str | None, str]:
    """(new start, qualifier code, comparator) of the words that end at `start`."""
    before_words, _, _ = _qualifier_map()
    comparators = cues().comparators
    for word, code in before_words:
        if text.endswith(word, 0, start):
            return start - len(word), code, comparators[code]
    for word, comparator in cues().bound_words:
        if text.endswith(word, 0, start):
            return start - len(word), None, comparator
    return start, None, "="


def _qualifier_after(text: str, pos: int) -> tuple[int, str | None]:
    _, after_words, _ = _qualifier_map()
    for word, code in after_words:
        if text.startswith(word, pos):
            return pos + len(word), code
    return pos, None


def find_mentions(text: str, masked: list[tuple[int, int]]) -> list[Mention]:
    """Every number of `text` outside the masked spans (indicator names such as PM2.5)."""
    the_cues = cues()
    ranks = _rank_numbers(text)
    blocked = set()
    for start, end in masked:
        blocked.update(range(start, end))
    mentions = _fractions(text, blocked) + _word_ranks(text, blocked) + _tenths(text, blocked)
    for fraction in mentions:
        blocked.update(range(fraction.number_start, fraction.number_end))
    for match in _NUMBER.finditer(text):
        start, end = match.span()
        if start in blocked or (start and text[start - 1].isascii() and text[start - 1].isalpha()):
            continue
        value = float(match.group().replace(",", ""))
        if start in ranks:
            first, last = ranks[start]
            mentions.append(Mention(first, last, start, end, value, RANK_UNIT, None, "="))
            continue
        if any(text.endswith(word, 0, start) for word in the_cues.not_a_value_before) or any(
            p.search(text, max(0, start - NOT_A_VALUE_REACH), start)
            for p in the_cues.not_a_value_before_patterns
        ):
            continue
        mention = _read_after(text, start, end, value)
        if mention is not None:
            mentions.append(mention)
    return sorted(mentions, key=lambda m: m.start)


def chinese_numeral(word: str) -> int | None:
    """'十' → 10, '二十五' → 25, '百' → 100, '三' → 3; None for anything else."""
    if word == "百":
        return 100
    tens, _, units = word.partition("十")
    if "十" not in word:
        return _DIGITS.get(word) if len(word) == 1 else None
    if (
        len(tens) > 1
        or len(units) > 1
        or (tens and tens not in _DIGITS)
        or (units and units not in _DIGITS)
    ):
        return None
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[units] if units else 0)


def _fractions(text: str, blocked: set[int]) -> list[Mention]:
    """Shares in words, as a percentage: '约占全国总量的十分之一' → 10 %."""
    found = []
    for match in _FRACTION.finditer(text):
        denominator = chinese_numeral(match.group(1))
        numerator = match.group(2)
        share = float(numerator) if numerator[0].isdigit() else chinese_numeral(numerator)
        if match.start() in blocked or not denominator or share is None:
            continue
        value = round(100 * share / denominator, 4)
        end, after = _qualifier_after(text, match.end())
        first, before, comparator = _qualifier_before(text, match.start())
        if after:
            comparator = cues().comparators[after]
        found.append(Mention(first, end, match.start(), match.end(), value, "pct",
                             before or after, comparator))  # fmt: skip
    return found


def _word_ranks(text: str, blocked: set[int]) -> list[Mention]:
    """Ranks written in words: '在京津冀及周边地区排名第二' → 2, '改善幅度全国第一' → 1."""
    found: dict[int, Mention] = {}
    for pattern in cues().rank_word_patterns:
        for match in pattern.finditer(text):
            value = 1 if match.group(1) == FIRST else chinese_numeral(match.group(1))
            if value is None or match.start(1) in blocked or match.start(1) in found:
                continue
            found[match.start(1)] = Mention(
                match.start(), match.end(), match.start(1), match.end(1), float(value), RANK_UNIT,
                None, "=",
            )  # fmt: skip
    return list(found.values())


_TENTHS = re.compile(r"([一二两三四五六七八九])成(?![为了立功绩效果本])")


def _tenths(text: str, blocked: set[int]) -> list[Mention]:
    """Shares in tenths after a change or a bound word: '同比下降六成' → 60 %."""
    found = []
    for match in _TENTHS.finditer(text):
        if match.start() in blocked:
            continue
        if not any(text.endswith(w, 0, match.start()) for w in cues().tenths_after):
            continue
        value = float(100 * _DIGITS[match.group(1)] / 10)
        end, after = _qualifier_after(text, match.end())
        comparator = cues().comparators[after] if after else "="
        found.append(Mention(match.start(), end, match.start(), match.end(), value, "pct", after,
                             comparator))  # fmt: skip
    return found


def _days_named_at(text: str, pos: int) -> bool:
    """Days named right after a count with 个 (maps/cues.yml days_after_count: '污染日'), or an
    air-quality grade closing its clause there ('4个“优”,', folded without the quotes)."""
    if text.startswith(tuple(cues().days_after_count), pos):
        return True
    grade = next((g for g in cues().day_grades if text.startswith(g, pos)), None)
    return grade is not None and text[pos + len(grade) : pos + len(grade) + 1] in _CLAUSE_ENDS


def _read_after(text: str, start: int, end: int, value: float) -> Mention | None:
    the_cues = cues()
    pos, glued = end, None
    for word in _GLUE_BEFORE_UNIT:  # 50余种, 800多吨
        if text.startswith(word, pos):
            pos, glued = pos + len(word), "more_than"
    unit = _unit_at(text, pos)
    if unit is None:
        for word, factor in MULTIPLIERS.items():
            if text.startswith(word, pos):
                after_multiplier = _unit_at(text, pos + len(word))
                if after_multiplier is not None or not text.startswith(word + "元", pos):
                    value, pos = value * factor, pos + len(word)
                    unit = after_multiplier
                break
    if unit is not None:
        pos, unit_code = unit
        if any(text.startswith(word, pos) for word in ("级", "号", "版")):
            return None  # 5000亿元级 (a class), 3号 (a name)
        if unit_code == "count" and text.startswith(tuple(the_cues.durations_after_count), pos):
            return None  # '10个工作日内': a time limit, not a count
        if unit_code == "count" and text[end:pos] == _PIECES and _days_named_at(text, pos):
            unit_code = DAY  # '173个污染日', '出现4个“优”': a count of days
    else:
        unit_code = None
        if any(text.startswith(word, pos) for word in the_cues.not_a_value_after):
            return None
        if 1900 <= value <= 2100 and value.is_integer():
            return None
    pos, after = _qualifier_after(text, pos)
    first, before, comparator = _qualifier_before(text, start)
    qualifier = before or after or glued
    if after or glued:
        comparator = the_cues.comparators[after or glued]
    return Mention(first, pos, start, end, value, unit_code, qualifier, comparator)
