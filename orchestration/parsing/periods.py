"""Reporting periods as publishers write them → one period code with start and end dates.

Codes (the keys of dim_period): year '2023', quarter '2023-Q2', month '2023-07',
year-to-date '2023-01..2023-07', other month ranges '2023-03..2023-05', day '2023-07-15',
several whole years '2019..2020' (e.g. a carbon-market compliance period 2019-2020年度).

A table's period or as-of date must lie in the calendar of dim_period (`calendar_years`, the
dbt vars in dbt_project.yml) and may not begin after the file was retrieved (`date_problem`).
Report prose is not held to the calendar: a target year such as 2060 is a fact of its own.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import cache

import yaml

from orchestration.parsing.text import match_key
from orchestration.paths import DBT_PROJECT_DIR

_ZH_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_RANGE_SEP = r"(?:-|至|到|\.\.)"


@dataclass(frozen=True)
class Period:
    code: str
    period_type: str  # year | quarter | month | ytd | range | day | multi_year
    start: date
    end: date


class BadPeriod(ValueError):
    """A period text we cannot read."""


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def month_span(year: int, first: int, last: int) -> Period:
    """Months first..last of one year as the right kind of period."""
    if not (1 <= first <= last <= 12):
        raise BadPeriod(f"months {first}..{last} of {year}")
    start, end = date(year, first, 1), _month_end(year, last)
    if first == last:
        return Period(f"{year}-{first:02d}", "month", start, end)
    if first == 1 and last == 12:
        return Period(str(year), "year", start, end)
    kind = "ytd" if first == 1 else "range"
    return Period(f"{year}-{first:02d}..{year}-{last:02d}", kind, start, end)


def years(first: int, last: int) -> Period:
    if last <= first:
        raise BadPeriod(f"years {first}..{last}")
    return Period(f"{first}..{last}", "multi_year", date(first, 1, 1), date(last, 12, 31))


def quarter(year: int, q: int) -> Period:
    return Period(f"{year}-Q{q}", "quarter", date(year, 3 * q - 2, 1), _month_end(year, 3 * q))


def parse_period(text: str, default_year: int | None = None) -> Period:
    """Read '2021年8月', '2021年1—8月', '2024年上半年', '2023年第三季度', '2023',
    '2021-01..2021-08', '2019年10月-2020年3月', '2024年3月5日'. A text without a year ('1至9月')
    needs default_year."""
    t = match_key(text).replace("年度", "年").replace("份", "")
    patterns = [
        (r"(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})", _iso_range),
        (r"(\d{4})-(\d{1,2})-(\d{1,2})", lambda m: _day(m[1], m[2], m[3])),
        (r"(\d{4})年(\d{1,2})月(\d{1,2})日", lambda m: _day(m[1], m[2], m[3])),
        (r"(\d{4})-(\d{1,2})", lambda m: month_span(int(m[1]), int(m[2]), int(m[2]))),
        (r"(\d{4})年?(\d{1,2})月", lambda m: month_span(int(m[1]), int(m[2]), int(m[2]))),
        (
            rf"(\d{{4}})年?(\d{{1,2}})月?{_RANGE_SEP}(\d{{1,2}})月",
            lambda m: month_span(int(m[1]), int(m[2]), int(m[3])),
        ),
        (
            rf"(\d{{4}})年(\d{{1,2}})月?{_RANGE_SEP}(\d{{4}})年(\d{{1,2}})月",
            lambda m: months_across(int(m[1]), int(m[2]), int(m[3]), int(m[4])),
        ),
        (r"(\d{4})年?(?:第)?([一二三四1-4])季度", lambda m: quarter(int(m[1]), _ZH_DIGITS[m[2]])),
        (r"(\d{4})-?q([1-4])", lambda m: quarter(int(m[1]), int(m[2]))),
        (r"(\d{4})年?[-至到](\d{4})年?", lambda m: years(int(m[1]), int(m[2]))),
        (r"(\d{4})年?上半年", lambda m: month_span(int(m[1]), 1, 6)),
        (r"(\d{4})年?下半年", lambda m: month_span(int(m[1]), 7, 12)),
        (r"(\d{4})年?(?:全年)?", lambda m: month_span(int(m[1]), 1, 12)),
    ]
    for pattern, build in patterns:
        if match := re.fullmatch(pattern, t):
            return _checked(build(match), text)
    if default_year is not None and not re.match(r"\d{4}", t):
        return parse_period(f"{default_year}年{t}")
    raise BadPeriod(
        f"cannot read period {text!r}; expected e.g. 2021年8月, 2021年1-8月, 2023年第三季度, "
        "2024年上半年, 2023年, 2021-01..2021-08"
    )


def _iso_range(m: re.Match[str]) -> Period:
    return months_across(int(m[1]), int(m[2]), int(m[3]), int(m[4]))


def months_across(first_year: int, first: int, last_year: int, last: int) -> Period:
    """A span of whole months; one across a new year ('2019年10月-2020年3月', an autumn-winter
    campaign) is a 'range' coded '2019-10..2020-03'."""
    if first_year == last_year:
        return month_span(first_year, first, last)
    if last_year < first_year:
        raise BadPeriod(f"a period ending before it begins ({first_year}-{first:02d}.."
                        f"{last_year}-{last:02d})")  # fmt: skip
    start, end = date(first_year, first, 1), _month_end(last_year, last)
    return Period(f"{first_year}-{first:02d}..{last_year}-{last:02d}", "range", start, end)


def _day(year: str, month: str, day: str) -> Period:
    try:
        d = date(int(year), int(month), int(day))
    except ValueError as exc:
        raise BadPeriod(str(exc)) from exc
    return Period(d.isoformat(), "day", d, d)


def _checked(period: Period, text: str) -> Period:
    if not 1949 <= period.start.year <= 2100:
        raise BadPeriod(f"implausible year in period {text!r}")
    return period


@cache
def calendar_years() -> tuple[int, int]:
    """First and last year of dim_period's calendar (dbt vars in dbt_project.yml)."""
    project = yaml.safe_load((DBT_PROJECT_DIR / "dbt_project.yml").read_text(encoding="utf-8"))
    return int(project["vars"]["calendar_first_year"]), int(project["vars"]["calendar_last_year"])


def date_problem(start: date, end: date, retrieved: date | None) -> tuple[str, str] | None:
    """(rule, message) when a period (or an as-of day) lies outside the calendar, or begins after
    the file was retrieved; None when it is fine."""
    first, last = calendar_years()
    span = start.isoformat() if start == end else f"{start.isoformat()}..{end.isoformat()}"
    if start.year < first or end.year > last:
        return (
            "period_outside_calendar",
            f"{span} is outside the calendar of dim_period, {first}–{last} (dbt vars "
            "calendar_first_year, calendar_last_year)",
        )
    if retrieved is not None and start > retrieved:
        return (
            "period_after_retrieval",
            f"{span} begins after the file was retrieved ({retrieved.isoformat()}, manifest "
            "column retrieved): a source cannot report it yet",
        )
    return None
