"""Carbon-market tables: units (万吨/亿吨/亿元), bases, and bad rows to quarantine."""

from pathlib import Path

import pytest

from orchestration.parsing.carbon_market import figures_builder
from orchestration.parsing.tables import FileContext, ParsedFile, parse_table
from orchestration.parsing.units import registry
from tests.conftest import write_csv

HEADER = ["市场", "产品", "时段", "截至日期", "统计口径", "指标", "数值", "单位", "原文摘录"]


def parse(path: Path) -> ParsedFile:
    parsed = parse_table(path, path.name, "carbon_market__figures", figures_builder(FileContext()))
    assert parsed.records_read == len(parsed.records) + len(parsed.rejections)
    return parsed


@pytest.mark.parametrize(
    ("value", "unit", "expected_t"),
    [("1.89", "亿吨二氧化碳当量", 189_000_000), ("3499.66", "万吨二氧化碳当量", 34_996_600),
     ("178,789,350", "吨二氧化碳当量", 178_789_350), ("2.12", "亿吨", 212_000_000)],
)  # fmt: skip
def test_volumes_convert_to_tonnes(
    tmp_path: Path, value: str, unit: str, expected_t: float
) -> None:
    row = ["全国碳市场", "CEA", "2023年", "", "年度", "成交量", value, unit, ""]
    parsed = parse(write_csv(tmp_path / "v.csv", [HEADER, row]))
    (record,) = parsed.records
    assert record["indicator_code"] == "carbon_traded_volume"
    assert registry().convert(record["value"], record["unit_code"], "t_co2e") == pytest.approx(
        expected_t
    )


def test_turnover_in_yi_yuan_and_compliance_period(tmp_path: Path) -> None:
    parsed = parse(write_csv(tmp_path / "t.csv", [
        HEADER,
        ["全国碳市场", "CEA", "2024年", "", "年度", "成交额", "181.14", "亿元", ""],
        ["全国碳市场", "", "2019-2020年度", "", "履约周期", "配额清缴完成率", "约99.5", "%", ""],
        ["全国碳市场", "", "2025年", "", "预计", "扩围新增重点排放单位数量", "1300多", "家", ""],
    ]))  # fmt: skip
    turnover, rate, new = parsed.records
    assert registry().convert(turnover["value"], turnover["unit_code"], "cny") == pytest.approx(
        18_114_000_000
    )
    assert (rate["period_code"], rate["basis"], rate["qualifier"]) == (
        "2019..2020", "compliance_period", "approx")  # fmt: skip
    assert (new["value"], new["qualifier"], new["product_code"]) == (1300, "more_than", None)


@pytest.mark.parametrize(
    ("cells", "rule"),
    [
        (["全国碳市场", "CEA", "2024年", "", "累计", "成交量", "6.3", "亿吨", ""], "missing_as_of"),
        (["广东碳市场X", "CEA", "2024年", "", "年度", "成交量", "1", "亿吨", ""], "unknown_market"),
        (["全国碳市场", "EUA", "2024年", "", "年度", "成交量", "1", "亿吨", ""], "unknown_product"),
        (["全国碳市场", "CEA", "2024年", "", "月度", "成交量", "1", "亿吨", ""], "unknown_basis"),
        (["全国碳市场", "CEA", "2024年", "", "年度", "成交量", "1", "亿元", ""], "unit_mismatch"),
        (
            ["全国碳市场", "CEA", "2024年", "", "年度", "年末收盘价", "1500", "元/吨", ""],
            "out_of_range",
        ),
        (
            ["全国碳市场", "CEA", "2024年", "", "年度", "PM2.5", "1", "元/吨", ""],
            "unknown_indicator",
        ),
        (
            ["全国碳市场", "CEA", "2024年", "2024-13-01", "累计", "成交量", "1", "亿吨", ""],
            "bad_date",
        ),
    ],
)
def test_bad_rows_are_quarantined(tmp_path: Path, cells: list[str], rule: str) -> None:
    parsed = parse(write_csv(tmp_path / "b.csv", [HEADER, cells]))
    assert [r.rule for r in parsed.rejections] == [rule]
    assert parsed.rejections[0].row_number == 2


@pytest.mark.parametrize(
    ("province", "market", "message"),
    [
        ("全国", "cn_ets", None),  # a national source: the market of region 100000
        ("广西", None, "covers 广西 (450000), the region of no markets"),  # no pilot market
        ("", None, "covers no region (manifest province)"),
    ],
)
def test_a_row_without_a_market_takes_its_sources_region_or_is_quarantined(
    tmp_path: Path, province: str, market: str | None, message: str | None
) -> None:
    """No market is assumed: a row that names none gets the market of the region its source
    covers (manifest province → seeds/carbon_markets.csv region_code), or is quarantined."""
    path = write_csv(tmp_path / "m.csv", [
        HEADER, ["", "CEA", "2024年", "", "年度", "成交量", "1.89", "亿吨", ""]])  # fmt: skip
    parsed = parse_table(path, path.name, "carbon_market__figures",
                         figures_builder(FileContext(province)))  # fmt: skip
    if market is not None:
        (record,) = parsed.records
        assert (record["market_code"], record["market_text"]) == (market, "")
        return
    (rejection,) = parsed.rejections
    assert (rejection.source_file, rejection.row_number, rejection.column, rejection.rule) == (
        "m.csv", 2, "市场", "missing_market")  # fmt: skip
    assert message in rejection.message and "name the market" in rejection.message
