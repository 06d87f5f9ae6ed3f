"""Extraction rules written on the ninth blind set's development half (tests/gold/unseen9/dev:
109, 111, 113, 115, 116, 118), before its test half was measured; each test uses other places
and numbers than the gold documents and fails without its rule."""

from __future__ import annotations

from tests.unit.extracting import named_facts


def test_the_change_of_an_open_figure_is_no_change_of_an_indicator_its_name_holds() -> None:
    """Written on the ninth set's development half (109, 116, 118): '二氧化硫排放总量1850.3万吨,
    同比下降3.9%' — the emission's change, not the SO2 concentration's (二氧化硫 is only part of
    the open name); a concentration's change still is."""
    text = "2013年,全省二氧化硫排放总量1850.3万吨,同比下降3.9%。"
    assert named_facts(text, province="360000", year=2013) == [
        ("~二氧化硫排放总量", "actual", 1850.3), ("~二氧化硫排放总量", "change", -3.9)
    ]  # fmt: skip
    text = "2013年,全省二氧化硫年均浓度为25微克/立方米,同比下降3.9%。"
    assert named_facts(text, province="360000", year=2013)[1] == ("so2", "change", -3.9)
