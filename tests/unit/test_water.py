"""Water sections: class strings, pollutant lists, section types, and bad rows to quarantine."""

from pathlib import Path

import pytest

from orchestration.parsing.tables import FileContext, ParsedFile, parse_table
from orchestration.parsing.water import (
    BadClass,
    assessments_builder,
    measurements_builder,
    parse_class,
    split_pollutants,
)
from tests.conftest import write_csv


@pytest.mark.parametrize(
    ("text", "ordinal", "low", "high", "kind", "label"),
    [("Ⅲ", 3, 3, 3, "exact", "Ⅲ类"), ("III类", 3, 3, 3, "exact", "Ⅲ类"),
     ("Ⅲ类", 3, 3, 3, "exact", "Ⅲ类"), ("3", 3, 3, 3, "exact", "Ⅲ类"),
     ("Ⅳ", 4, 4, 4, "exact", "Ⅳ类"), ("ｖ", 5, 5, 5, "exact", "Ⅴ类"),
     ("劣Ⅴ", 6, 6, 6, "exact", "劣Ⅴ类"), ("劣V类", 6, 6, 6, "exact", "劣Ⅴ类"),
     ("劣于Ⅲ类", None, 4, 6, "worse_than", "劣于Ⅲ类"),
     ("Ⅱ~Ⅲ类", None, 2, 3, "range", "Ⅱ~Ⅲ类"), ("Ⅱ-Ⅲ类", None, 2, 3, "range", "Ⅱ~Ⅲ类")],
)  # fmt: skip
def test_parse_class(text, ordinal, low, high, kind, label) -> None:
    parsed = parse_class(text)
    assert (parsed.ordinal, parsed.minimum, parsed.maximum, parsed.kind, parsed.label) == (
        ordinal, low, high, kind, label)  # fmt: skip


@pytest.mark.parametrize("text", ["Ⅵ", "七类", "优", "劣于Ⅵ类", ""])
def test_unknown_classes(text: str) -> None:
    with pytest.raises(BadClass):
        parse_class(text)


def test_split_pollutants() -> None:
    assert split_pollutants("总磷、氨氮和五日生化需氧量") == ["总磷", "氨氮", "五日生化需氧量"]
    assert split_pollutants("——") == [] and split_pollutants("总磷") == ["总磷"]


HEADER = ["省份", "地区", "流域", "水体", "断面名称", "断面属性", "目标类别", "水质类别", "时段",
          "主要污染物", "原文摘录"]  # fmt: skip


def parse(path: Path, table: str = "water__section_assessments") -> ParsedFile:
    builder = assessments_builder if table == "water__section_assessments" else measurements_builder
    parsed = parse_table(path, path.name, table, builder(FileContext("广西")))
    assert parsed.records_read == len(parsed.records) + len(parsed.rejections)
    return parsed


def test_assessment_row(tmp_path: Path) -> None:
    (record,) = parse(
        write_csv(
            tmp_path / "a.csv",
            [
                HEADER,
                [
                    "重庆",
                    "黔江区",
                    "",
                    "黔江河",
                    "舟白渡",
                    "区控",
                    "Ⅳ",
                    "Ⅳ",
                    "2025年1月",
                    "总磷和氨氮",
                    "",
                ],
            ],
        )
    ).records
    assert (record["region_code"], record["control_level_code"], record["section_type_code"]) == (
        "500114", "county", "river")  # fmt: skip
    assert (record["class_ordinal"], record["target_class_ordinal"]) == (4, 4)
    assert record["main_pollutant_codes"] == "tp,nh3_n"


@pytest.mark.parametrize(
    ("cells", "rule"),
    [(["广西", "", "", "南流江", "横塘", "", "Ⅲ", "Ⅶ类", "2019年1-2月", "", ""], "unknown_class"),
     (["广西", "", "", "南流江", "横塘", "", "Ⅲ", "", "2019年1-2月", "", ""], "missing_class"),
     (["广西", "", "", "南流江", "横塘", "", "Ⅲ", "Ⅳ", "2019年1-2月", "石油类和重金属", ""],
      "unknown_parameter")],
)  # fmt: skip
def test_bad_assessments_are_quarantined(tmp_path: Path, cells: list[str], rule: str) -> None:
    parsed = parse(write_csv(tmp_path / "b.csv", [HEADER, cells]))
    assert [r.rule for r in parsed.rejections] == [rule]


MEASURE = ["省份", "地区", "水体", "断面名称", "断面属性", "时段", "监测项目", "浓度", "单位"]


def test_measurements_units(tmp_path: Path) -> None:
    parsed = parse(write_csv(tmp_path / "m.csv", [
        MEASURE,
        ["广西", "南宁", "邕江", "老口", "国控", "2025年1月", "氨氮", "150", "μg/L"],
        ["广西", "南宁", "邕江", "老口", "国控", "2025年1月", "pH值", "7.2", ""],
        ["广西", "南宁", "邕江", "老口", "国控", "2025年1月", "总磷", "0.1", "mg/m³"],
        ["广西", "南宁", "邕江", "老口", "国控", "2025年1月", "溶解氧", "-1", "mg/L"],
        ["广西", "南宁", "邕江", "老口", "国控", "2025年1月", "化学需氧量", "12", "克每升"],
        ["广西", "南宁", "邕江", "老口", "国控", "2025年1月", "石油类", "0.01", "mg/L"],
    ]), table="water__measurements")  # fmt: skip
    nh3, ph = parsed.records
    assert (nh3["unit_code"], nh3["value"], nh3["control_level_code"]) == ("ug_l", 150, "national")
    assert ph["unit_code"] == "index"
    assert [r.rule for r in parsed.rejections] == [
        "unit_mismatch", "out_of_range", "unknown_unit", "unknown_parameter"]  # fmt: skip
