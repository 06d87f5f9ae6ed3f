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


def test_a_count_of_times_per_period_is_no_figure() -> None:
    """Written on the ninth set's development half (113): '…特定项目县级城市水源为1次/季度' — how
    often something is monitored, no count of anything; a count of times stays one."""
    text = "2017年,监测频次为1次/月,其中特定项目县级城市集中式饮用水水源为2次/季度。"
    assert named_facts(text, province="330800", year=2017) == []
    text = "2017年,全市共发现3次赤潮。"
    assert named_facts(text, province="330800", year=2017) == [("~赤潮次数", "actual", 3.0)]


def test_an_amount_emitted_of_a_pollutant_is_no_figure_of_its_concentration() -> None:
    """Written on the ninth set's development half (118): '二氧化硫排放总量下降3.10%' — SO2
    emitted (cues amount_heads), an open figure under its stated name, never the SO2
    concentration's change; a concentration said so still is."""
    text = "2013年,全省二氧化硫排放总量下降3.10%,氮氧化物排放总量下降4.25%。"
    assert named_facts(text, province="360000", year=2013) == [
        ("~二氧化硫排放总量", "change", -3.1), ("~氮氧化物排放总量", "change", -4.25)
    ]  # fmt: skip
    text = "2013年,全省二氧化硫平均浓度下降3.10%。"
    assert named_facts(text, province="360000", year=2013) == [("so2", "change", -3.1)]


def test_a_stored_amount_and_a_pollutant_glossed_in_latin_name_themselves() -> None:
    """Written on the ninth set's development half (111): '工业固体废物贮存量2.1亿吨' (贮存量
    heads a clear name) and '二氧化硫(SO2)排放量2046.7万吨' (the Latin gloss is no word of the
    name) land under their stated names."""
    text = "2011年,全国工业固体废物贮存量2.1亿吨。全国废气中二氧化硫(SO2)排放量2046.7万吨。"
    assert named_facts(text, province="100000", year=2011) == [
        ("~工业固体废物贮存量", "actual", 2.1), ("~废气中二氧化硫排放量", "actual", 2046.7)
    ]  # fmt: skip


def test_a_rates_name_right_before_its_percentage_names_it() -> None:
    """Written on the ninth set's development half (111): '工业用水重复利用率86.2%' — a rate's
    name right before its percentage names it as clearly as 'X为N'; a bare generic rate
    ('超标率6.0%') still names nothing."""
    text = "2011年,全国工业用水重复利用率86.2%。全年超标22天,超标率6.0%。"
    shares = [f for f in named_facts(text, province="100000", year=2011) if f[2] in (86.2, 6.0)]
    assert shares == [("~工业用水重复利用率", "actual", 86.2)]
