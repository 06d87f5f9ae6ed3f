"""The unit registry (seeds/units.csv): spellings and conversions."""

import pytest

from orchestration.parsing.units import IncompatibleUnits, UnknownUnit, registry


@pytest.mark.parametrize(
    ("spelling", "code"),
    [
        ("µg/m³", "ug_m3"),  # micro sign
        ("μg/m³", "ug_m3"),  # Greek mu
        ("ug/m3", "ug_m3"),
        ("微克/立方米", "ug_m3"),
        ("毫克/立方米", "mg_m3"),
        ("％", "pct"),  # full-width percent
        ("个百分点", "pp"),
        ("万吨/日", "kt10_per_day"),
        ("吨/天", "t_per_day"),
        ("万吨/年", "kt10_per_year"),
        ("亿吨", "mt100"),
        ("亿元", "cny100m"),
        ("座", "count"),
        ("万亩", "mu10k"),
        ("毫米", "mm"),
        ("吨/平方公里·月", "t_per_km2_month"),
        ("t/(km²·30d)", "t_per_km2_month"),
        ("米/秒", "m_per_s"),
    ],
)
def test_spellings(spelling: str, code: str) -> None:
    assert registry().resolve(spelling).code == code


@pytest.mark.parametrize(
    ("value", "source", "target", "expected"),
    [
        (0.8, "mg_m3", "ug_m3", 800),
        (35, "ug_m3", "mg_m3", 0.035),
        (3.53, "kt10_per_day", "t_per_day", 35_300),
        (36.5, "kt10_per_year", "t_per_day", 1_000),  # ÷ 365
        (2.5, "cny100m", "cny", 250_000_000),
        (1.2, "mt100", "t", 120_000_000),
        (15, "mu", "ha", 1),
        (673.8, "mm", "m", 0.6738),
    ],
)
def test_conversions(value, source, target, expected) -> None:
    assert registry().convert(value, source, target) == pytest.approx(expected)


def test_incompatible_units_refuse() -> None:
    with pytest.raises(IncompatibleUnits, match="cannot be converted"):
        registry().convert(1, "pct", "ug_m3")


def test_unknown_unit() -> None:
    with pytest.raises(UnknownUnit):
        registry().resolve("克/立方米")


def test_yearly_rates_dimensions_and_base_units_come_from_the_seed() -> None:
    units = registry()
    assert units.per_year("kt10") == "kt10_per_year"
    assert units.per_year("mt100") is None  # 亿吨/年 of plain mass is not registered
    assert units.is_yearly("t_co2e_per_year") and not units.is_yearly("t_per_day")
    assert units.get("mt100").base_code == "t" and units.get("t").base_code == "t"
    assert units.of_dimension("mass_concentration") == ("ug_m3", "mg_m3")
