"""Reporting periods as publishers write them."""

from datetime import date

import pytest

from orchestration.parsing.periods import BadPeriod, parse_period


@pytest.mark.parametrize(
    ("text", "code", "kind", "start", "end"),
    [
        ("2021年8月", "2021-08", "month", date(2021, 8, 1), date(2021, 8, 31)),
        ("2021年1—8月", "2021-01..2021-08", "ytd", date(2021, 1, 1), date(2021, 8, 31)),
        ("2021年1-8月", "2021-01..2021-08", "ytd", date(2021, 1, 1), date(2021, 8, 31)),
        ("2024年1~2月", "2024-01..2024-02", "ytd", date(2024, 1, 1), date(2024, 2, 29)),
        ("2024年1月至6月", "2024-01..2024-06", "ytd", date(2024, 1, 1), date(2024, 6, 30)),
        ("2023年3-5月", "2023-03..2023-05", "range", date(2023, 3, 1), date(2023, 5, 31)),
        ("2021年", "2021", "year", date(2021, 1, 1), date(2021, 12, 31)),
        ("2023年度", "2023", "year", date(2023, 1, 1), date(2023, 12, 31)),
        ("2023年1-12月", "2023", "year", date(2023, 1, 1), date(2023, 12, 31)),
        ("2023年第三季度", "2023-Q3", "quarter", date(2023, 7, 1), date(2023, 9, 30)),
        ("2023年一季度", "2023-Q1", "quarter", date(2023, 1, 1), date(2023, 3, 31)),
        ("2024年上半年", "2024-01..2024-06", "ytd", date(2024, 1, 1), date(2024, 6, 30)),
        ("2021-01..2021-08", "2021-01..2021-08", "ytd", date(2021, 1, 1), date(2021, 8, 31)),
        ("2024-03-05", "2024-03-05", "day", date(2024, 3, 5), date(2024, 3, 5)),
        ("２０２１年８月", "2021-08", "month", date(2021, 8, 1), date(2021, 8, 31)),
        ("2019年10月-2020年3月", "2019-10..2020-03", "range", date(2019, 10, 1), date(2020, 3, 31)),
        ("2019-10..2020-03", "2019-10..2020-03", "range", date(2019, 10, 1), date(2020, 3, 31)),
    ],
)
def test_parse_period(text, code, kind, start, end) -> None:
    period = parse_period(text)
    assert (period.code, period.period_type, period.start, period.end) == (code, kind, start, end)


def test_year_from_context() -> None:
    assert parse_period("1至9月", default_year=2021).code == "2021-01..2021-09"


@pytest.mark.parametrize(
    "text", ["8月", "上个月", "2021年13月", "2021年9-3月", "1800年", "2020年10月-2019年3月"]
)
def test_bad_periods(text: str) -> None:
    with pytest.raises(BadPeriod):
        parse_period(text)


def test_the_calendar_bounds_are_one_dbt_var_read_by_parser_and_dim_period() -> None:
    """dim_period.sql and the parser read the same bounds (dbt_project.yml vars); neither
    hard-codes a year."""
    import re

    import yaml

    from orchestration.parsing.periods import calendar_years
    from orchestration.paths import DBT_PROJECT_DIR

    variables = yaml.safe_load((DBT_PROJECT_DIR / "dbt_project.yml").read_text())["vars"]
    assert calendar_years() == (variables["calendar_first_year"], variables["calendar_last_year"])
    assert calendar_years() == (2010, 2035)  # what the README promises
    sql = (DBT_PROJECT_DIR / "models" / "marts" / "dim_period.sql").read_text()
    body = sql.split("*/", 1)[1]
    assert "var('calendar_first_year')" in body and "var('calendar_last_year')" in body
    assert not re.search(r"\b(19|20)\d\d\b", body)


@pytest.mark.parametrize(
    ("text", "rule"),
    [("2099年", "period_outside_calendar"), ("2036年1月", "period_outside_calendar"),
     ("2009年12月", "period_outside_calendar"), ("2035-2036年", "period_outside_calendar"),
     ("2026年12月", "period_after_retrieval"), ("2026年11月24日", "period_after_retrieval")],
)  # fmt: skip
def test_periods_outside_the_calendar_or_after_retrieval(text: str, rule: str) -> None:
    from orchestration.parsing.periods import date_problem

    period = parse_period(text)
    problem = date_problem(period.start, period.end, retrieved=date(2026, 11, 23))
    assert problem is not None and problem[0] == rule


def test_a_period_in_the_calendar_before_retrieval_is_fine() -> None:
    from orchestration.parsing.periods import date_problem

    period = parse_period("2026年11月")  # begun before the file was retrieved
    assert date_problem(period.start, period.end, retrieved=date(2026, 11, 23)) is None
    assert date_problem(period.start, period.end, retrieved=None) is None
