"""Figures named by an air-quality grade alone (HJ 633: 优, 良, 轻度污染 … 严重污染).

What belongs here: reading a number whose own words are a grade ('其中优33天、良159天',
'(其中优为15天)', '轻度污染减少3.8个百分点', or after it: '3天“优”,18天“良”') as that grade's
days or share of days — the catalogue's indicator of that name where it has one (严重污染天数,
严重污染天数比例), else an open-vocabulary figure under it (优天数, 轻度污染天数比例). The grades
and the names' suffixes are in maps/cues.yml (day_grades, grade_suffixes).
"""

from __future__ import annotations

from orchestration.extraction.aliases import Alias
from orchestration.extraction.clause import Clause
from orchestration.extraction.cues import cues
from orchestration.extraction.own_names import OwnName
from orchestration.extraction.reading import CLAUSE_BREAKS, CLAUSE_BREAKS_KEEPING_LISTS

DAY_UNIT = "day"  # the unit of a count of days
_ITEM_JOIN = "、"  # closes a list item
_COMPARING = ("比", "较", "多", "少")  # words that make a count after them a difference


def _grade_alone(c: Clause) -> tuple[str, int] | None:
    """The air-quality grade (maps/cues.yml day_grades) a number is named by alone, a part
    opener or a scope word before it and a copula after it allowed ('其中优33天', '(其中优为15天',
    '全年轻度污染55天', '轻度污染减少3.8个百分点'), and where its clause starts; None when other
    words name it."""
    mention, text, the_cues = c.mention, c.text, cues()
    start = max(c.sentence_start, *(1 + text.rfind(mark, c.sentence_start, mention.start)
                                    for mark in (*CLAUSE_BREAKS, "(")))  # fmt: skip
    words = text[start : mention.start]
    opener = next((w for w in the_cues.part_openers if words.startswith(w)), "")
    words = words.removeprefix(opener)
    # '全年轻度污染55天': a scope word before the grade names nothing
    grades = the_cues.day_grades
    scope = next((w for w in the_cues.own_name_scope_words
                  if words.startswith(w) and words[len(w) :] in grades), "")  # fmt: skip
    words = words.removeprefix(scope)
    if c.kind == "change":
        words = next((words.removesuffix(w) for w, _ in the_cues.directions
                      if words.endswith(w)), words)  # fmt: skip
    copula = next((w for w in the_cues.copulas if words.endswith(w)), "")
    grade = words.removesuffix(copula)
    if grade in the_cues.day_grades:
        return grade, start
    return _grade_after(c, words)


def _grade_after(c: Clause, words: str) -> tuple[str, int] | None:
    """'3天“优”,18天“良”,6天“轻度污染”' (folded without the quotation marks): a count of days
    closed by a grade alone, whose own words before it name nothing (no other name, no digit)
    — the grade, and where the count starts."""
    mention, text = c.mention, c.text
    if c.kind != "actual" or mention.unit_code != DAY_UNIT or any(ch.isdigit() for ch in words):
        return None
    if any(word in words for word in _COMPARING):
        return None  # '同比多了3个“优”': a change said in other words, no count of days
    if c.doc.aliases_between(mention.start - len(words), mention.start):
        return None
    end = next((i for i in range(mention.end, len(text))
                if text[i] in (*CLAUSE_BREAKS_KEEPING_LISTS, _ITEM_JOIN)), len(text))  # fmt: skip
    grade = text[mention.end : end]
    return (grade, mention.start) if grade in cues().day_grades else None


def days_of_a_grade(c: Clause) -> Alias | OwnName | None:
    """'其中优33天、良159天、轻度污染124天', '(其中优为15天、良为13天)', '良好190天', '1个“严重
    污染”': a count of days named by an air-quality grade alone is that many days of the grade:
    an open-vocabulary count named grade + its days (优天数, maps/cues.yml grade_suffixes), never
    the figure named before it. Where the catalogue spells that name (严重污染天数), its code:
    after the count ('1个“严重污染”'), as an Alias; before it, None (days_named names it)."""
    if c.mention.unit_code != DAY_UNIT or c.kind not in ("actual", "change"):
        return None
    found = _grade_alone(c)
    if found is None:
        return None
    grade, start = found
    name = grade + cues().grade_suffixes[DAY_UNIT]
    code = c.doc.lex.aliases.get(name)
    if code is not None:
        after = c.text.startswith(grade, c.mention.end)
        return Alias(c.mention.end, c.mention.end + len(grade), code) if after else None
    return OwnName(name, start, True)


def share_of_a_grade(c: Clause) -> Alias | OwnName | None:
    """'…优良天数比例增加12.4个百分点,轻度污染减少3.8个百分点,严重污染减少3.8个百分点': a share
    (or its change) named by an air-quality grade alone, when nothing else names it, is the
    grade's share of days (轻度污染天数比例): the catalogue's indicator of that name
    (严重污染天数比例), else an open-vocabulary figure under it. Not after a part opener (其中优为
    44.0%: a part of the share before, part_of_whole)."""
    unit = c.mention.unit_code
    if unit not in ("pct", "pp"):
        return None
    found = _grade_alone(c)
    if found is None:
        return None
    grade, start = found
    listed = c.doc.clause_start(c.mention.start, c.sentence_start, CLAUSE_BREAKS_KEEPING_LISTS)
    if c.text.startswith(tuple(cues().part_openers), listed):
        return None  # '总优良率为91.2%,其中优为44.0%、良为…': parts of the whole (part_of_whole)
    name = grade + cues().grade_suffixes[unit]
    code = c.doc.lex.aliases.get(name)
    if code is not None:
        return Alias(start, start + len(grade), code)
    return OwnName(name, start, True)
