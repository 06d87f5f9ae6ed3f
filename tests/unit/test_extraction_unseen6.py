"""Wordings of bulletins found in the development half of the sixth unseen gold set
(tests/gold/unseen6/dev), before its test half was measured: each test states the general class
of wording, in sentences written for the test (not copied from the gold texts), and fails
without its rule or spelling."""

from __future__ import annotations

from tests.unit.extracting import named_facts

CHINA = "100000"


def test_the_severely_polluted_sea_area_is_the_area_worse_than_class_iv() -> None:
    """The marine bulletins' 严重污染海域 is by their own definition the sea worse than class IV
    (清洁 I, 较清洁 II, 轻度污染 III, 中度污染 IV, 严重污染 worse than IV)."""
    text = "2009年,严重污染海域面积约为2.5万平方公里,减少约0.3万平方公里。"
    assert named_facts(text, province=CHINA, year=2009) == [
        ("sea_area_worse_than_iv", "actual", 25000.0),
        ("sea_area_worse_than_iv", "change", -3000.0),
    ]
