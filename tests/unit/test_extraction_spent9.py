"""Extraction rules written after the ninth blind set's measurement, on its spent test half
(tests/gold/unseen9/test); each test uses other places and numbers than the gold documents and
fails without its rule. The figures on that half after its measurement are development figures."""

from __future__ import annotations

from tests.unit.extracting import named_facts


def test_a_name_qualifying_a_bounded_group_is_no_figures_indicator() -> None:
    """Written after the ninth set's measurement (110): '酸雨频率超过40%的城市比例上升了5.1个
    百分点' — 酸雨频率 only says which cities are counted; the change is of their share, never
    of the acid-rain frequency; the frequency's own change still is."""
    text = "2004年,全国酸雨频率超过40%的城市比例上升了5.1个百分点。"
    assert named_facts(text, province="100000", year=2004) == []
    text = "2004年,全国酸雨频率为18.2%,比上年上升1.3个百分点。"
    assert ("acid_rain_frequency", "change", 1.3) in named_facts(text, province="100000", year=2004)
