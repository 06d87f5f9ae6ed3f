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


@pytest.mark.parametrize("text", ["28\u00a05", "28 5", "1 000", "28\u202f5", "28\u30005", "约28 5"])
def test_a_space_inside_a_number_is_refused_not_joined(text: str) -> None:
    """'28<NBSP>5' is not 285: a space is not a thousands separator in published figures."""
    with pytest.raises(NotANumber) as error:
        parse_number(text)
    assert error.value.rule == "space_in_number"
    assert "space inside the number" in str(error.value)


@pytest.mark.parametrize("minus", ["-", "\u2212", "\uff0d", "\ufe63"])
def test_every_minus_sign_reads_the_same_in_values_and_changes(minus: str) -> None:
    assert parse_number(f"{minus}15.8").value == pytest.approx(-15.8)
    change = parse_change(f"{minus}1.4个百分点")
    assert (change.value, change.unit_text) == (pytest.approx(-1.4), "个百分点")


@pytest.mark.parametrize("text", ["1e2", "1.79E+08", "3.5e-1", "1E2微克/立方米"])
def test_scientific_notation_is_refused_by_name(text: str) -> None:
    with pytest.raises(NotANumber) as error:
        parse_quantity(text)
    assert error.value.rule == "scientific_notation"
    assert "scientific notation" in str(error.value)


def test_a_plain_number_is_value_not_numeric_when_unreadable() -> None:
    with pytest.raises(NotANumber) as error:
        parse_number("abc")
    assert error.value.rule == "value_not_numeric"
