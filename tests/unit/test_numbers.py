"""Numbers as publishers write them: width, separators, multipliers, qualifiers, changes."""

import pytest

from orchestration.parsing.numbers import (
    NotANumber,
    is_placeholder,
    parse_change,
    parse_number,
    parse_quantity,
)


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("97.9", 97.9, None),
        ("９７．９", 97.9, None),  # full-width digits and point
        ("178,789,350", 178_789_350, None),  # thousands separators
        ("3.53万", 35_300, None),
        ("1.2亿", 120_000_000, None),
        ("约99.98", 99.98, "approx"),
        ("98.2以上", 98.2, "at_least"),
        ("22以下", 22, "at_most"),
        ("800余", 800, "more_than"),
        ("25左右", 25, "approx"),
        ("将近2600", 2600, "nearly"),
        ("超过3000", 3000, "more_than"),
        ("-5.0", -5.0, None),
    ],
)
def test_parse_number(text: str, value: float, qualifier: str | None) -> None:
    parsed = parse_number(text)
    assert parsed.value == pytest.approx(value)
    assert parsed.qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "unit"),
    [
        ("3.53万吨/日", 3.53, None, "万吨/日"),  # 万 belongs to the unit, not a multiplier
        ("约99.98%", 99.98, "approx", "%"),
        ("98.2%以上", 98.2, "at_least", "%"),
        ("800余吨", 800, "more_than", "吨"),
        ("26.4微克/立方米", 26.4, None, "微克/立方米"),
        ("1.5万吨", 1.5, None, "万吨"),
        ("2万个", 20_000, None, "个"),
    ],
)
def test_parse_quantity_keeps_unit_text(text, value, qualifier, unit) -> None:
    parsed = parse_quantity(text)
    assert (parsed.value, parsed.qualifier, parsed.unit_text) == (
        pytest.approx(value),
        qualifier,
        unit,
    )


@pytest.mark.parametrize("text", ["", "abc", "约", "1,2,3x"])
def test_not_a_number(text: str) -> None:
    with pytest.raises(NotANumber):
        parse_number(text)


@pytest.mark.parametrize("text", ["", "—", "-", "/", "未监测", "  ", "－－"])
def test_placeholders(text: str) -> None:
    assert is_placeholder(text)


def test_a_number_is_not_a_placeholder() -> None:
    assert not is_placeholder("0")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("提高1.4个百分点", 1.4, "个百分点"),
        ("同比下降18.3%", -18.3, "%"),
        ("上升12.0%", 12.0, "%"),
        ("降低0.5个百分点", -0.5, "个百分点"),
        ("持平", 0.0, ""),
        ("+2.1个百分点", 2.1, "个百分点"),
    ],
)
def test_parse_change(text: str, value: float, unit: str) -> None:
    change = parse_change(text)
    assert change.value == pytest.approx(value)
    assert change.unit_text == unit
