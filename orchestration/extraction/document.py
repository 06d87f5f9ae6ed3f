"""What a document says about itself: its province, its report year and whether it is a plan.

Used when the caller (the manifest, or `envwh extract --province/--year`) does not say. The
title (the first lines) weighs most; a province named there wins over one named in passing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from orchestration.parsing.reference import regions
from orchestration.parsing.regions import find_names

_TITLE_CHARS = 300
_PLAN_WORDS = ("意见", "方案", "计划", "规划", "安排", "措施", "要点", "通知", "纲要")
_REPORT_WORDS = ("报告", "公报", "状况", "年鉴", "通报")
_DOC_YEAR = re.compile(r"(?<![到至在比较])((?:19|20)\d\d)年(?:度)?(?![\d月])")


@dataclass(frozen=True)
class DocumentContext:
    region_code: str | None
    year: int | None
    is_plan: bool
    period_code: str | None = None  # a part-year release ('2024-01..2024-03'); None: the year


@cache
def _prose_names() -> tuple[dict[str, bool], list[int]]:
    names = regions().prose_names()
    return names, sorted({len(n) for n in names}, reverse=True)


def region_level(code: str) -> str:
    region = regions().by_code.get(code)
    return region.level if region else ""


def find_regions(
    text: str, year: int | None = None, province: str = ""
) -> list[tuple[int, int, str]]:
    """(start, end, region code) of every region name in folded text, longest match first, as
    orchestration.parsing.regions resolves it in `year` within `province`; the code is '' for
    a name that could mean several regions there. Names of the country (全国) are left out:
    they scope a ranking far more often than they name the subject."""
    found = []
    for start, end in find_names(text, *_prose_names()):
        resolution = regions().lookup(text[start:end], year, province)
        if resolution.ambiguous:
            found.append((start, end, ""))
        elif resolution.region and resolution.region.level != "country":
            found.append((start, end, resolution.region.code))
    return found


def resolve_province(text: str) -> str:
    """'广西' / '廣西' / '450000' / 'Guangxi' / '全国' → a GB/T 2260 code; ValueError otherwise."""
    code = regions().province_code(text)
    if not code:
        raise ValueError(f"unknown region {text!r}: expected a province name or GB/T 2260 code")
    return code


def infer(folded: str) -> DocumentContext:
    """Province, report year and plan-or-report from the folded text of a whole document."""
    title = folded[:_TITLE_CHARS]
    votes: dict[str, int] = {}
    for start, _, code in find_regions(folded):
        if not code:
            continue
        province = code[:2] + "0000"
        votes[province] = votes.get(province, 0) + (5 if start < _TITLE_CHARS else 1)
    region = max(votes, key=lambda c: (votes[c], c)) if votes else None
    year_match = _DOC_YEAR.search(title)
    head = title[:200]
    is_plan = any(w in head for w in _PLAN_WORDS) and not any(w in head for w in _REPORT_WORDS)
    return DocumentContext(region, int(year_match.group(1)) if year_match else None, is_plan)
