"""What a document says about itself: its province, its report year and whether it is a plan.

Used when the caller (the manifest, or `envwh extract --province/--year`) does not say. The
title (the first lines) weighs most; a province named there wins over one named in passing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from orchestration.extraction.normalize import fold_key
from orchestration.parsing.reference import regions

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
def _region_names() -> list[tuple[str, str, str]]:
    """(folded name, region code, level) of every region of the region reference
    (orchestration.parsing.reference.regions(): names, short names and aliases), longest first."""
    known = regions()
    spelled: list[tuple[str, str]] = []
    for code, region in known.by_code.items():
        spelled.append((region.name_zh, code))
        short = getattr(region, "short_name_zh", "")
        if short:
            spelled.append((short, code))
    # the alias index keeps every other spelling of the seeds (短名, 繁體, 旧名)
    spelled += list(getattr(known.aliases, "_aliases", {}).items())
    names = set()
    for name, code in spelled:
        region = known.by_code.get(code)
        if region is not None and name and not name.isascii() and len(name) >= 2:
            names.add((fold_key(name), code, region.level))
    return sorted(names, key=lambda n: -len(n[0]))


def region_level(code: str) -> str:
    region = regions().by_code.get(code)
    return region.level if region else ""


def find_regions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, region code) of every region name in folded text, longest match first."""
    found, taken = [], set()
    for name, code, level in _region_names():
        if level == "country":
            continue  # 全国 scopes a ranking far more often than it names the subject
        for match in re.finditer(re.escape(name), text):
            span = range(match.start(), match.end())
            if not taken.intersection(span):
                taken.update(span)
                found.append((match.start(), match.end(), code))
    return sorted(found)


def resolve_province(text: str) -> str:
    """'广西' / '廣西' / '450000' / 'Guangxi' / '全国' → a GB/T 2260 code; ValueError otherwise."""
    region = regions().resolve(text)
    if region is None:
        raise ValueError(f"unknown region {text!r}: expected a name or GB/T 2260 code")
    return region.code


def infer(folded: str) -> DocumentContext:
    """Province, report year and plan-or-report from the folded text of a whole document."""
    title = folded[:_TITLE_CHARS]
    votes: dict[str, int] = {}
    for start, _, code in find_regions(folded):
        province = code[:2] + "0000"
        votes[province] = votes.get(province, 0) + (5 if start < _TITLE_CHARS else 1)
    region = max(votes, key=lambda c: (votes[c], c)) if votes else None
    year_match = _DOC_YEAR.search(title)
    head = title[:200]
    is_plan = any(w in head for w in _PLAN_WORDS) and not any(w in head for w in _REPORT_WORDS)
    return DocumentContext(region, int(year_match.group(1)) if year_match else None, is_plan)
