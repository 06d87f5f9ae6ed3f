"""What a document says about itself: its region, its report year and whether it is a plan.

Used when the caller (the manifest, or `envwh extract --province/--year`) does not say. The
title (the first lines) weighs most; a province named there wins over one named in passing. The
plan and report words and the report-year pattern are in maps/document.yml. The regions named
in its text are found here too (find_regions: a province with one of its places' short names
right after it, '广东恩平', is that place).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from orchestration.extraction.cues import YEAR
from orchestration.parsing.reference import regions
from orchestration.parsing.regions import find_names

DOCUMENT_WORDS_PATH = Path(__file__).resolve().parent / "maps" / "document.yml"
TITLE_CHARS = 300  # the title and the lines under it: where a province named weighs most
TITLE_HEAD_CHARS = 200  # where the plan and report words of the title are looked for
TITLE_VOTE, PASSING_VOTE = 5, 1  # a province named in the title, or in passing
SHORT_PLACE_LENGTHS = (2, 3)  # the lengths of a place's short name after its province
_HAN = re.compile("[\u4e00-\u9fff]")


@dataclass(frozen=True)
class DocumentWords:
    """The words of maps/document.yml."""

    plan_words: tuple[str, ...]
    report_words: tuple[str, ...]
    report_year: re.Pattern[str]
    own_report: re.Pattern[str]
    city_whole_words: tuple[str, ...]
    province_whole_words: tuple[str, ...]
    not_region_words: tuple[str, ...]


@cache
def document_words(path: Path = DOCUMENT_WORDS_PATH) -> DocumentWords:
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    return DocumentWords(
        plan_words=tuple(spec["plan_words"]),
        report_words=tuple(spec["report_words"]),
        report_year=re.compile(spec["report_year_pattern"].replace("{year}", YEAR)),
        own_report=re.compile(spec["own_report_pattern"].replace("{year}", YEAR)),
        city_whole_words=tuple(spec["city_whole_words"]),
        province_whole_words=tuple(spec["province_whole_words"]),
        not_region_words=tuple(spec["not_region_words"]),
    )


@dataclass(frozen=True)
class DocumentContext:
    region_code: str | None
    year: int | None
    is_plan: bool
    period_code: str | None = None  # a part-year release ('2024-01..2024-03'); None: the year
    own_region: str | None = None  # the region of the report the title names (a city's bulletin)
    # the year of the annual report the title names (《2021年…公报》): published after that year
    reported_year: int | None = None


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
    they scope a ranking far more often than they name the subject, and so are the words of
    maps/document.yml `not_region_words` (日照时数 names no 日照市)."""
    found = []
    ordinary = document_words().not_region_words
    for start, end in find_names(text, *_prose_names()):
        if text.startswith(ordinary, start):
            continue
        resolution = regions().lookup(text[start:end], year, province)
        if resolution.ambiguous:
            found.append((start, end, ""))
        elif resolution.region and resolution.region.level == "province":
            found.append(_place_of_province(text, start, end, resolution.region.code, year))
        elif resolution.region and resolution.region.level != "country":
            found.append((start, end, resolution.region.code))
    return found


def _place_of_province(text: str, start: int, end: int, province: str,
                       year: int | None) -> tuple[int, int, str]:  # fmt: skip
    """'广东恩平(3182.9毫米)', '湖南桃源,': a province named with the short name of one of its
    places right after it (a county's short name, which prose alone does not find), that word
    closed by no other character of a name — that place; else the province."""
    for length in SHORT_PLACE_LENGTHS:
        after = text[end + length : end + length + 1]
        if not after or _HAN.match(after):
            continue
        place = regions().lookup(text[end : end + length], year, province)
        if place.region and not place.ambiguous and place.region.code[:2] == province[:2]:
            return start, end + length, place.region.code
    return start, end, province


def resolve_province(text: str) -> str:
    """'广西' / '廣西' / '450000' / 'Guangxi' / '全国' → a GB/T 2260 code; ValueError otherwise."""
    code = regions().province_code(text)
    if not code:
        raise ValueError(f"unknown region {text!r}: expected a province name or GB/T 2260 code")
    return code


def infer(folded: str) -> DocumentContext:
    """Province, report year and plan-or-report from the folded text of a whole document."""
    words = document_words()
    title = folded[:TITLE_CHARS]
    votes: dict[str, int] = {}
    for start, _, code in find_regions(folded):
        if not code:
            continue
        province = code[:2] + "0000"
        vote = TITLE_VOTE if start < TITLE_CHARS else PASSING_VOTE
        votes[province] = votes.get(province, 0) + vote
    region = max(votes, key=lambda c: (votes[c], c)) if votes else None
    year_match = words.report_year.search(title)
    head = title[:TITLE_HEAD_CHARS]
    is_plan = any(w in head for w in words.plan_words) and not any(
        w in head for w in words.report_words
    )
    year = int(year_match.group(1)) if year_match else None
    own = own_region(title, year) or headline_city(folded, year)
    reported = next((int(m.group(0)[:4]) for m in words.own_report.finditer(title)), None)
    return DocumentContext(region, year, is_plan, own_region=own, reported_year=reported)


def own_region(title: str, year: int | None = None) -> str | None:
    """The one region named in the report the title names (发布《2022年温州市生态环境状况公报》 →
    温州市), or None: no such report, or its name holds no region or several. A name without a
    region (成都发布《2018年生态环境质量公报》) gives way to the next one
    (发布了《2018年成都市环境质量公报》)."""
    for match in document_words().own_report.finditer(title):
        codes = {code for _, _, code in find_regions(match.group(1), year)}
        if len(codes) == 1 and "" not in codes:
            return codes.pop()
    return None


def headline_city(folded: str, year: int | None = None) -> str | None:
    """The one prefecture-level city the headline (first line) names, when the document speaks
    of a city as a whole (全市) and never of a province as a whole (全省); else None."""
    words = document_words()
    if not any(w in folded for w in words.city_whole_words) or any(
        w in folded for w in words.province_whole_words
    ):
        return None
    codes = {code for _, _, code in find_regions(folded.split("\n", 1)[0], year)}
    if len(codes) != 1 or "" in codes:
        return None
    code = codes.pop()
    return code if region_level(code) == "prefecture" else None


def document_region(given: str | None, inferred: DocumentContext) -> str | None:
    """The document's region: the caller's (the manifest's province), narrowed to the region of
    the report the title names when that lies inside it — a city's bulletin that the manifest
    files under its province; otherwise what the text says about itself."""
    own = inferred.own_region
    if given is None:
        return own or inferred.region_code
    if own and own != given and region_level(given) == "province" and own[:2] == given[:2]:
        return own
    return given
