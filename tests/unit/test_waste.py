"""Waste tables: capacity units to t/d, statuses, types, and bad rows to quarantine."""

from pathlib import Path

import pytest

from orchestration.parsing.tables import FileContext, ParsedFile, parse_table
from orchestration.parsing.units import registry
from orchestration.parsing.waste import facilities_builder, inventory_builder
from tests.conftest import write_csv

HEADER = ["省份", "城市", "设施名称", "设施类型", "处理能力", "单位", "状态", "日期", "装机容量",
          "备注", "原文摘录"]  # fmt: skip


def parse(path: Path, table: str = "waste__facilities") -> ParsedFile:
    builder = facilities_builder if table == "waste__facilities" else inventory_builder
    parsed = parse_table(path, path.name, table, builder(FileContext("广西")))
    assert parsed.records_read == len(parsed.records) + len(parsed.rejections)
    return parsed


def facility(capacity: str, unit: str, status: str = "运行", date: str = "2024-05",
             kind: str = "生活垃圾焚烧发电", mw: str = "") -> list[str]:  # fmt: skip
    return ["广西", "南宁(横州市)", "某焚烧厂", kind, capacity, unit, status, date, mw, "", ""]


@pytest.mark.parametrize(
    ("capacity", "unit", "t_per_day", "qualifier"),
    [("900", "吨/日", 900, None), ("900", "吨/天", 900, None), ("0.09", "万吨/日", 900, None),
     ("73", "万吨/年", 2000, None), ("将近2600", "吨/日", 2600, "nearly"),
     ("800余", "吨/日", 800, "more_than"), ("900t/d", "", 900, None)],
)  # fmt: skip
def test_capacities_convert_to_tonnes_per_day(tmp_path, capacity, unit, t_per_day, qualifier):
    (record,) = parse(write_csv(tmp_path / "f.csv", [HEADER, facility(capacity, unit)])).records
    converted = registry().convert(record["capacity_value"], record["capacity_unit_code"],
                                   "t_per_day")  # fmt: skip
    assert converted == pytest.approx(t_per_day)
    assert record["capacity_qualifier"] == qualifier
    assert record["region_code"] == "450100"  # 南宁(横州市) → the prefecture


@pytest.mark.parametrize(
    ("status", "code"),
    [("EPC中标(在建)", "under_construction"), ("点火发电", "operating"), ("试运行", "operating"),
     ("规划/环评公示", "planned"), ("已关停", "closed"), ("运行(二期2020并网)", "operating")],
)  # fmt: skip
def test_statuses(tmp_path: Path, status: str, code: str) -> None:
    (record,) = parse(
        write_csv(tmp_path / "s.csv", [HEADER, facility("900", "吨/日", status)])
    ).records
    assert record["status_code"] == code


def test_generating_capacity_in_mw(tmp_path: Path) -> None:
    rows = [HEADER, facility("900", "吨/日", mw="25兆瓦")]
    (record,) = parse(write_csv(tmp_path / "m.csv", rows)).records
    assert record["generating_capacity_mw"] == 25


@pytest.mark.parametrize(
    ("row", "rule"),
    [
        (facility("900", "吨"), "unit_mismatch"),
        (facility("900", "立方米/日"), "unknown_unit"),
        (facility("900", "吨/日", status="谈判中"), "unknown_status"),
        (facility("900", "吨/日", date="—"), "missing_as_of"),
        (facility("900", "吨/日", kind="核电站"), "unknown_facility_type"),
        (facility("90000", "吨/日"), "out_of_range"),
        (facility("0", "吨/日"), "out_of_range"),
        (facility("900", "吨/日", kind="医疗废物集中处置"), "out_of_range"),
        (facility("—", "吨/日"), "missing_value"),
    ],
)
def test_bad_rows_are_quarantined(tmp_path: Path, row: list[str], rule: str) -> None:
    parsed = parse(write_csv(tmp_path / "b.csv", [HEADER, row]))
    assert [r.rule for r in parsed.rejections] == [rule]


def test_regional_inventory_counts_and_capacity(tmp_path: Path) -> None:
    parsed = parse(write_csv(tmp_path / "r.csv", [
        ["地区", "日期", "设施类型", "设施数量", "处理能力", "单位", "原文摘录"],
        ["广西", "2023年", "城镇生活垃圾无害化处理设施", "67", "3.53", "万吨/日", ""],
        ["广西", "2023年", "市县污水处理厂", "129", "", "", ""],
        ["广西", "2023年", "镇级污水处理设施", "七百", "", "", ""],
    ]), table="waste__regional_inventory")  # fmt: skip
    first, second = parsed.records
    assert (first["facility_count"], first["capacity_value"], first["capacity_unit_code"]) == (
        67, 3.53, "kt10_per_day")  # fmt: skip
    assert (second["facility_type_code"], second["capacity_value"]) == ("urban_sewage_plant", None)
    assert [r.rule for r in parsed.rejections] == ["bad_count"]
