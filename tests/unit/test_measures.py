"""The one value → unit → conversion → range path (orchestration.parsing.measures): every table
that lands a measure goes through it, with the registry's case (the one Great Expectations
checks), and a bad value is quarantined naming file, row, column, value and what was expected.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from orchestration.parsing.builders import BUILDERS
from orchestration.parsing.errors import RowRejected
from orchestration.parsing.measures import StatedUnit, measure
from orchestration.parsing.tables import FileContext, ParsedFile, parse_table
from orchestration.parsing.units import registry
from orchestration.registry import landing_tables
from orchestration.registry.measures import MeasureCase, measure_case, measure_cases
from tests.conftest import write_csv

AIR = ["省份", "统计范围", "时段", "指标", "数值", "单位"]
CARBON = ["市场", "产品", "时段", "截至日期", "统计口径", "指标", "数值", "单位"]
WATER = ["省份", "地区", "水体", "断面名称", "断面属性", "时段", "监测项目", "浓度", "单位"]
FACILITY = ["省份", "城市", "设施名称", "设施类型", "处理能力", "单位", "状态", "日期", "装机容量"]
INVENTORY = ["地区", "日期", "设施类型", "设施数量", "处理能力", "单位"]


def _air(value: str, unit: str) -> list[str]:
    return ["广西", "全区", "2023年7月", "PM2.5平均浓度", value, unit]


def _carbon(value: str, unit: str) -> list[str]:
    return ["全国碳市场", "CEA", "2023年", "", "年度", "成交量", value, unit]


def _water(value: str, unit: str) -> list[str]:
    return ["广西", "南宁", "邕江", "老口", "国控", "2025年1月", "氨氮", value, unit]


def _facility(value: str, unit: str) -> list[str]:
    return ["广西", "南宁", "某焚烧厂", "生活垃圾焚烧发电", value, unit, "运行", "2024-05", ""]


def _inventory(value: str, unit: str) -> list[str]:
    return ["广西", "2023年", "城镇生活垃圾无害化处理设施", "67", value, unit]


# table, header, row maker, the value column's header, a good (value, unit), a unit of another
# dimension, a value beyond the registry's range (in the good unit) and what its message names
TABLES = {
    "air_quality__periodic": (AIR, _air, "数值", ("16", "微克/立方米"), "%", "9999",
                              "[0, 500]"),
    "carbon_market__figures": (CARBON, _carbon, "数值", ("2.12", "亿吨"), "亿元", "-1", "[0, ∞]"),
    "water__measurements": (WATER, _water, "浓度", ("0.5", "mg/L"), "mg/m3", "5000", "[0, "),
    "waste__facilities": (FACILITY, _facility, "处理能力", ("900", "吨/日"), "吨", "0", "(0, "),
    "waste__regional_inventory": (INVENTORY, _inventory, "处理能力", ("3.53", "万吨/日"), "吨",
                                  "0", "(0, ∞]"),
}  # fmt: skip


def _parse(tmp_path: Path, table: str, rows: list[list[str]]) -> ParsedFile:
    header = TABLES[table][0]
    path = write_csv(tmp_path / f"{table}.csv", [header, *rows])
    return parse_table(path, path.name, table, BUILDERS[table](FileContext("广西")))


def test_every_registered_measure_of_a_parsed_table_is_exercised_here() -> None:
    """A new measure (a `measure:` in the registry) of a CSV table needs its case here."""
    measured = {
        name
        for name, table in landing_tables().items()
        if any(c.measure for c in table.columns) and name in BUILDERS
    }
    assert measured == set(TABLES)


@pytest.mark.parametrize("table", sorted(TABLES))
def test_bad_units_and_values_are_quarantined_with_what_was_expected(
    tmp_path: Path, table: str
) -> None:
    _, make, value_header, (good, unit), other_unit, beyond, bounds = TABLES[table]
    rows = [
        make(good, unit),  # line 2 lands
        make(good, "克每斤"),  # 3: a unit seeds/units.csv does not know
        make(good, other_unit),  # 4: a unit of another dimension
        make(beyond, unit),  # 5: outside the registry's range
        make(good, ""),  # 6: no unit at all, and the measure has one
        make(good + "万吨", unit),  # 7: the cell and the unit column disagree
    ]
    if table != "waste__regional_inventory":  # there, no capacity stated is a count-only row
        rows.append(make("—", unit))  # 8: a placeholder
    parsed = _parse(tmp_path, table, rows)
    assert [r["_row_number"] for r in parsed.records] == [2]
    unit_header = "单位"
    got = {r.row_number: (r.rule, r.column, r.value) for r in parsed.rejections}
    assert got == {
        3: ("unknown_unit", unit_header, "克每斤"),
        4: ("unit_mismatch", unit_header, other_unit),
        5: ("out_of_range", value_header, beyond),
        6: ("missing_unit", value_header, good),
        7: ("unit_conflict", value_header, good + "万吨"),
    } | ({8: ("missing_value", value_header, "—")} if len(rows) == 7 else {})
    messages = {r.row_number: r.message for r in parsed.rejections}
    assert all(r.source_file == f"{table}.csv" for r in parsed.rejections)
    assert "seeds/units.csv" in messages[3]
    assert "cannot be converted" in messages[4]
    assert bounds in messages[5]  # the range the value had to be in
    assert "needs a unit" in messages[6]


def test_a_unit_in_the_value_header_is_used_not_ignored(tmp_path: Path) -> None:
    """'浓度(μg/L)': 150 μg/L of ammonia lands as 150 μg/L, not as 150 mg/L (over its ceiling)."""
    header = [h if h != "浓度" else "浓度(μg/L)" for h in WATER if h != "单位"]
    row = ["广西", "南宁", "邕江", "老口", "国控", "2025年1月", "氨氮", "150"]
    path = write_csv(tmp_path / "w.csv", [header, row])
    parsed = parse_table(path, path.name, "water__measurements",
                         BUILDERS["water__measurements"](FileContext("广西")))  # fmt: skip
    (record,) = parsed.records
    assert (record["value"], record["unit_code"]) == (150, "ug_l")


def test_a_regional_total_follows_the_registry_not_a_facility_ceiling(tmp_path: Path) -> None:
    """The registry declares a regional inventory's capacity only positive; one facility's is
    bounded by its type's ceiling (seeds/waste_facility_types.csv)."""
    ceiling = measure_case("waste__facilities", "capacity_value", "msw_incineration")
    assert ceiling is not None and ceiling.high is not None
    total = f"{ceiling.high * 3:g}"
    facility = _parse(tmp_path, "waste__facilities", [_facility(total, "吨/日")])
    assert [r.rule for r in facility.rejections] == ["out_of_range"]
    row = ["广西", "2023年", "生活垃圾焚烧发电", "30", total, "吨/日"]
    inventory = _parse(tmp_path, "waste__regional_inventory", [row])
    assert inventory.records[0]["capacity_value"] == float(total)


def _text(value: float) -> str:
    """A number as a source would write it (never in scientific notation)."""
    return format(Decimal(repr(value)), "f")


CASES = [
    (table.name, column.name, case)
    for table in landing_tables().values()
    for column in table.columns
    if column.measure
    for case in measure_cases(table, column)
]


@pytest.mark.parametrize(
    ("table", "column", "case"), CASES, ids=[f"{t}.{c}.{k.code}" for t, c, k in CASES]
)
def test_the_path_accepts_and_refuses_what_the_registry_case_says(
    table: str, column: str, case: MeasureCase
) -> None:
    """At each bound of every case, in the canonical unit: the bound itself lands unless the
    minimum is exclusive, beyond it is out_of_range; and 1 % inside/outside in another unit
    of the dimension, so the conversion is checked too."""
    canonical = StatedUnit(case.canonical, "单位")
    other_code = next((u for u in case.units if u != case.canonical), case.canonical)
    other = StatedUnit(other_code, "单位")
    factor = registry().convert(1.0, case.canonical, other_code)
    checks: list[tuple[float, StatedUnit, float, bool]] = []  # value, unit, canonical, lands
    for bound, is_low in ((case.low, True), (case.high, False)):
        if bound is None:
            continue
        step = max(abs(bound) * 0.01, 1.0)
        inside, outside = (bound + step, bound - step) if is_low else (bound - step, bound + step)
        lands_at_bound = not (is_low and case.exclusive_min)
        checks += [(bound, canonical, bound, lands_at_bound),
                   (outside, canonical, outside, False),
                   (inside * factor, other, inside, True),
                   (outside * factor, other, outside, False)]  # fmt: skip
    for value, unit, expected, lands in checks:
        if lands:
            measured = measure("值", _text(value), case, unit, "x")
            assert measured.canonical == pytest.approx(expected)
        else:
            with pytest.raises(RowRejected) as rejected:
                measure("值", _text(value), case, unit, "x")
            assert rejected.value.rule == "out_of_range", (value, unit)
