"""Reading source tables: header maps, units in headers, and every bad-input failure mode.

Each bad record must come back as a Rejection naming row, column, value, rule and message; a
file that cannot be read at all raises SourceFileError naming the file (and header). Nothing is
lost: records read = landed + quarantined.
"""

import re
from pathlib import Path

import pytest

from orchestration.parsing.air_quality import periodic_builder, rankings_builder
from orchestration.parsing.errors import SourceFileError
from orchestration.parsing.tables import FileContext, ParsedFile, parse_table
from tests.conftest import write_csv

LONG_HEADER = ["省份", "统计范围", "时段", "指标", "数值", "单位"]


def parse(path: Path, table: str = "air_quality__periodic", province: str = "广西") -> ParsedFile:
    builders = {"air_quality__periodic": periodic_builder,
                "air_quality__city_rankings": rankings_builder}  # fmt: skip
    builder = builders[table](FileContext(province))
    parsed = parse_table(path, path.name, table, builder)
    assert parsed.records_read == len(parsed.records) + len(parsed.rejections)
    return parsed


def rules(parsed: ParsedFile) -> list[str]:
    return [r.rule for r in parsed.rejections]


def test_long_table_lands_with_provenance(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "long.csv", [
        LONG_HEADER,
        ["广西", "14个设区市", "2023年7月", "PM2.5平均浓度", "15.8", "微克/立方米"],
        ["广西", "75个县级城市", "2023年7月", "优良天数比例", "99.9", "%"],
    ])  # fmt: skip
    parsed = parse(path)
    assert not parsed.rejections
    first, second = parsed.records
    assert (first["indicator_code"], first["value"], first["unit_code"]) == ("pm2_5", 15.8, "ug_m3")
    assert (first["region_code"], first["area_scope_code"], first["area_unit_count"]) == (
        "450000", "prefecture_cities", 14)  # fmt: skip
    assert second["area_scope_code"] == "county_cities"
    assert (first["_source_file"], first["_row_number"], first["_column"]) == (
        "long.csv",
        2,
        "数值",
    )
    assert len(first["_sha256"]) == 64


def test_wide_table_units_in_headers(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "wide.csv", [
        ["地区", "统计范围", "时段", "综合指数", "优良天数比率(%)", "PM2.5浓度均值(μg/m³)",
         "CO浓度均值(mg/m³)", "O3浓度均值（微克/立方米）"],
        ["黔西南州", "中心城市(兴义市)", "2024年10月", "2.2", "100.0", "22", "0.5", "102"],
    ])  # fmt: skip
    parsed = parse(path, province="贵州")
    assert not parsed.rejections
    by_code = {r["indicator_code"]: r for r in parsed.records}
    assert set(by_code) == {"composite_index", "good_days_ratio", "pm2_5", "co", "o3"}
    assert by_code["co"]["unit_code"] == "mg_m3"
    assert by_code["o3"]["unit_code"] == "ug_m3"  # full-width brackets
    assert by_code["composite_index"]["unit_code"] == "index"
    assert by_code["pm2_5"]["_column"] == "PM2.5浓度均值(μg/m³)"
    assert by_code["pm2_5"]["region_code"] == "522300"


@pytest.mark.parametrize(
    "header",
    [
        ["省份", "统计范围", "时段", "指标", "数值", "单位"],  # Simplified
        ["省份", "統計範圍", "時段", "指標", "數值", "單位"],  # Traditional
        ["province", "scope", "period", "indicator", "value", "unit"],  # English
        ["\ufeff省份", " 统计范围 ", "时段", "指标", "数值", "单位"],  # BOM and spaces
    ],
)
def test_header_variants(tmp_path: Path, header: list[str]) -> None:
    path = write_csv(
        tmp_path / "h.csv", [header, ["广西", "全区", "2023年", "PM10", "40", "μg/m³"]]
    )
    assert len(parse(path).records) == 1


def test_traditional_cells(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "t.csv", [
        ["省份", "統計範圍", "時段", "指標", "數值", "單位"],
        ["貴州", "88個縣(市、區)", "2021年1-9月", "平均優良天數比率", "98.7", "%"],
    ])  # fmt: skip
    (record,) = parse(path, province="贵州").records
    assert (record["region_code"], record["area_scope_code"], record["indicator_code"]) == (
        "520000", "county_cities", "good_days_ratio")  # fmt: skip


def test_utf8_bom_and_gb18030(tmp_path: Path) -> None:
    rows = [LONG_HEADER, ["广西", "全区", "2023年", "SO2平均浓度", "9", "微克/立方米"]]
    bom = write_csv(tmp_path / "bom.csv", rows, encoding="utf-8-sig")
    gbk = write_csv(tmp_path / "gbk.csv", rows, encoding="gb18030")
    assert parse(bom).records[0]["value"] == 9
    parsed = parse(gbk)
    assert parsed.encoding == "gb18030" and parsed.records[0]["indicator_code"] == "so2"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "file is empty"),
        (b"   \n\n", "file is empty"),
        (b"<!DOCTYPE html><html><body><table><tr><td>1</td></tr></table>", "HTML saved as .csv"),
        (b"\x00\x01\x02binary", "binary content"),
        (b"\xff\xfe\x00\x00garbage\x81", "binary content"),
    ],
)
def test_unreadable_files(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(SourceFileError, match=message) as error:
        parse(path)
    assert "bad.csv" in str(error.value)


def test_unmapped_header_names_file_and_header(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "x.csv", [[*LONG_HEADER, "风向"], ["广西"] * 7])
    with pytest.raises(
        SourceFileError, match=re.escape("x.csv: unmapped header '风向' in column 7")
    ):
        parse(path)


def test_unknown_unit_in_header_names_file_and_header(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "u.csv", [["时段", "PM2.5浓度(克/立方米)"], ["2023年", "0.00002"]])
    with pytest.raises(
        SourceFileError, match=re.escape("u.csv: unknown unit '克/立方米' in header")
    ):
        parse(path)


def test_duplicated_headers(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "d.csv", [["时段", "PM10", "PM10浓度均值"], ["2023年", "1", "2"]])
    with pytest.raises(SourceFileError, match="both map to indicator:pm10"):
        parse(path)


def test_header_only_lands_nothing(tmp_path: Path) -> None:
    parsed = parse(write_csv(tmp_path / "h.csv", [LONG_HEADER]))
    assert parsed.records == [] and parsed.rejections == []


def row(*cells: str) -> list[str]:
    return ["广西", "14个设区市", "2023年7月", *cells]


@pytest.mark.parametrize(
    ("cells", "rule", "column"),
    [
        (row("PM2.5平均浓度", "—", "微克/立方米"), "missing_value", "数值"),
        (row("PM2.5平均浓度", "/", "微克/立方米"), "missing_value", "数值"),
        (row("PM2.5平均浓度", "未监测", "微克/立方米"), "missing_value", "数值"),
        (row("PM2.5平均浓度", "n.d.x", "微克/立方米"), "value_not_numeric", "数值"),
        (row("PM2.5平均浓度", "16", "克每升"), "unknown_unit", "单位"),
        (row("PM2.5平均浓度", "16", "%"), "unit_mismatch", "单位"),
        (row("PM2.5平均浓度", "16%", ""), "unit_mismatch", "数值"),
        (row("PM2.5平均浓度", "-3", "微克/立方米"), "out_of_range", "数值"),
        (row("PM2.5平均浓度", "9999", "微克/立方米"), "out_of_range", "数值"),
        (row("优良天数比例", "101.5", "%"), "out_of_range", "数值"),
        (row("能见度", "12", "km"), "unknown_indicator", "指标"),
        (row("碳排放配额成交量", "12", "吨"), "unknown_indicator", "指标"),  # not an air indicator
        (row("PM2.5平均浓度", "16", ""), "missing_unit", "数值"),
        (row("PM2.5平均浓度", "16毫克/立方米", "微克/立方米"), "unit_conflict", "数值"),
        (
            ["火星", "14个设区市", "2023年7月", "PM10平均浓度", "30", "微克/立方米"],
            "unknown_region",
            "省份",
        ),
        (
            ["广西", "14个设区市", "2023年13月", "PM10平均浓度", "30", "微克/立方米"],
            "bad_period",
            "时段",
        ),
        (
            ["广西", "某些站点", "2023年7月", "PM10平均浓度", "30", "微克/立方米"],
            "unknown_area_scope",
            "统计范围",
        ),
    ],
)
def test_bad_records_are_quarantined_with_reason(tmp_path: Path, cells, rule, column) -> None:
    good = row("NO2平均浓度", "13", "微克/立方米")
    parsed = parse(write_csv(tmp_path / "bad.csv", [LONG_HEADER, good, cells]))
    assert len(parsed.records) == 1
    (rejection,) = parsed.rejections
    assert (rejection.source_file, rejection.row_number, rejection.rule, rejection.column) == (
        "bad.csv", 3, rule, column)  # fmt: skip
    assert rejection.message


def test_mixed_units_in_one_column_are_kept_as_reported(tmp_path: Path) -> None:
    parsed = parse(write_csv(tmp_path / "m.csv", [
        LONG_HEADER, row("CO平均浓度", "0.8", "mg/m³"), row("PM10平均浓度", "0.032", "mg/m³"),
        ["广西", "14个设区市", "2023年8月", "PM10平均浓度", "32", "µg/m³"],
    ]))  # fmt: skip
    assert [r["unit_code"] for r in parsed.records] == ["mg_m3", "mg_m3", "ug_m3"]
    assert not parsed.rejections


def test_multipliers_and_qualifiers_in_cells(tmp_path: Path) -> None:
    parsed = parse(write_csv(tmp_path / "q.csv", [
        LONG_HEADER, row("优良天数比例", "约99.5", "%"), row("重污染天数", "２", "天"),
    ]))  # fmt: skip
    assert [(r["value"], r["qualifier"]) for r in parsed.records] == [(99.5, "approx"), (2, None)]


def test_duplicated_rows_quarantined_once(tmp_path: Path) -> None:
    record = row("PM10平均浓度", "30", "微克/立方米")
    parsed = parse(write_csv(tmp_path / "dup.csv", [LONG_HEADER, record, record]))
    assert len(parsed.records) == 1 and rules(parsed) == ["duplicate_record"]
    assert "row 2" in parsed.rejections[0].message


def test_truncated_row_and_footnote(tmp_path: Path) -> None:
    parsed = parse(write_csv(tmp_path / "f.csv", [
        LONG_HEADER, row("PM10平均浓度", "30", "微克/立方米"), ["广西", "14个设区市", "2023年"],
        ["注：数据为实况监测结果，未经审核。"],
    ]))  # fmt: skip
    assert rules(parsed) == ["wrong_cell_count", "footnote"]


def test_wide_row_with_bad_period_rejects_each_cell(tmp_path: Path) -> None:
    parsed = parse(write_csv(tmp_path / "w.csv", [
        ["时段", "PM10(μg/m³)", "SO2(μg/m³)"], ["某月", "30", "9"], ["2023年", "30", "—"],
    ]))  # fmt: skip
    assert rules(parsed) == ["bad_period", "bad_period", "missing_value"]
    # the rejection names the column that broke the rule (时段), once per record it held back
    assert [(r.column, r.value) for r in parsed.rejections][:2] == [("时段", "某月")] * 2


def test_rankings(tmp_path: Path) -> None:
    parsed = parse(write_csv(tmp_path / "r.csv", [
        ["省份", "时段", "排名依据", "排名", "城市", "备注"],
        ["贵州", "2024年1-2月", "PM2.5平均浓度 由低到高(含并列)", "1", "都匀市", ""],
        ["贵州", "2024年1-2月", "PM2.5平均浓度 由低到高(含并列)", "第2名", "兴义市", ""],
        ["贵州", "2024年1-2月", "PM2.5平均浓度 由低到高(含并列)", "0", "凯里市", ""],
    ]), table="air_quality__city_rankings", province="贵州")  # fmt: skip
    first, second = parsed.records
    assert (first["region_code"], first["ranking_indicator_code"], first["ties_possible"]) == (
        "522701", "pm2_5", True)  # fmt: skip
    assert second["rank"] == 2
    assert rules(parsed) == ["bad_rank"]


def test_a_cell_too_long_is_named_with_the_limit_not_bad_quoting() -> None:
    corpus = Path(__file__).resolve().parents[1] / "bad_inputs" / "air_quality"
    builder = periodic_builder(FileContext(province="广西"))
    parsed = parse_table(corpus / "cell_too_long.csv", "x.csv", "air_quality__periodic", builder)
    (rejection,) = parsed.rejections
    assert (rejection.row_number, rejection.rule) == (3, "cell_too_long")
    assert "longer than 131,072 characters" in rejection.message
