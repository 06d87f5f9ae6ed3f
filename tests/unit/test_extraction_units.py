"""The report extractor's units go through the one measure path: a prose spelling resolves in
seeds/units.csv (parsing.units), the value converts to the indicator's canonical unit and a level
is checked against the indicator's range by parsing.measures with the indicator's case of
registry.measures — the same case a table row of that indicator gets. A value the path refuses is
kept as an unmapped number with the reason, never landed as the indicator's fact.
"""

from __future__ import annotations

import pytest

from orchestration.extraction.cues import cues
from orchestration.extraction.extractor import extract
from orchestration.extraction.facts import Extraction, Unmapped
from orchestration.extraction.quantities import find_mentions
from orchestration.parsing.measures import MeasureRefused, check_range, to_canonical, unit_code
from orchestration.parsing.units import registry
from orchestration.registry import landing_tables
from orchestration.registry.catalogue import catalogue
from orchestration.registry.measures import MeasureCase, indicator_case, measure_case

GX = "450000"


def _extract(sentence: str) -> Extraction:
    return extract(f"2023年,{sentence}。", province=GX, year=2023)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # value, unit as reported → value in the indicator's canonical unit
        ("全区碳市场成交量1.2万吨", ("carbon_traded_volume", 1.2, "kt10", 12000, "t_co2e")),
        ("碳市场成交额2.5亿元", ("carbon_turnover", 2.5, "cny100m", 2.5e8, "cny")),
        ("全区PM2.5平均浓度为28微克/立方米", ("pm2_5", 28, "ug_m3", 28, "ug_m3")),
        ("二氧化硫平均浓度为0.009毫克/立方米", ("so2", 0.009, "mg_m3", 9, "ug_m3")),
        ("全区红树林面积达1.2万公顷", ("mangrove_area", 1.2, "ha10k", 12000, "ha")),
        ("城市区域声环境昼间平均等效声级为53.2dB(A)",
         ("noise_regional_day_leq", 53.2, "db_a", 53.2, "db_a")),
        ("城市区域声环境昼间平均等效声级为53.2分贝",
         ("noise_regional_day_leq", 53.2, "db_a", 53.2, "db_a")),
    ],
)  # fmt: skip
def test_prose_units_resolve_and_convert_through_the_registry(
    sentence: str, expected: tuple
) -> None:
    (fact,) = _extract(sentence).facts
    got = (fact.indicator_code, fact.value, fact.unit, fact.value_canonical, fact.canonical_unit)
    assert got[:3] == expected[:3] and got[4] == expected[4]
    assert fact.value_canonical == pytest.approx(expected[3])


def test_a_change_in_percentage_points_of_a_share_keeps_its_unit() -> None:
    """个百分点 (pp, a ratio_change) is a change of a share: no amount of the share's % unit."""
    actual, change = _extract("全区优良天数比例为95.1%,同比上升1.2个百分点").facts
    assert (actual.value, actual.unit, actual.canonical_unit) == (95.1, "pct", "pct")
    assert (change.kind, change.value, change.unit) == ("change", 1.2, "pp")
    assert (change.value_canonical, change.canonical_unit) == (1.2, "pp")


def test_a_yearly_amount_stated_without_per_year_converts_to_the_yearly_unit() -> None:
    """'林草植被年固碳量3.49亿吨' (raw/reports, the national 2022 ecology bulletin): the unit as
    stated is 亿吨 (mt100); its canonical value is one year's amount in t/a. Before the one
    measure path the registry had no 亿吨/年 twin, the conversion failed silently and the row
    landed with value_canonical 3.49 in mt100 — not the indicator's canonical unit."""
    (fact,) = extract("2022年,林草植被年固碳量3.49亿吨。", province="100000", year=2022).facts
    assert (fact.indicator_code, fact.value, fact.unit) == (
        "forest_grass_annual_carbon_sequestration", 3.49, "mt100")  # fmt: skip
    assert fact.canonical_unit == "t_per_year"
    assert fact.value_canonical == pytest.approx(3.49e8)


def test_a_level_beyond_its_indicators_range_is_unmapped_with_the_reason() -> None:
    extraction = _extract("全区PM2.5平均浓度为950微克/立方米")
    assert extraction.facts == []
    (refused,) = extraction.unmapped
    assert (refused.value, refused.unit) == (950, "ug_m3")
    assert refused.reason.startswith("out_of_range: pm2_5")
    assert "[0, 500]" in refused.reason and "HJ 633" in refused.reason  # the range, its basis
    # the same value within the range is the indicator's fact
    (fact,) = _extract("全区PM2.5平均浓度为450微克/立方米").facts
    assert (fact.indicator_code, fact.value_canonical) == ("pm2_5", 450)


def test_a_value_given_to_each_place_of_a_list_is_refused_for_all_of_them() -> None:
    extraction = _extract("南宁市、柳州市PM2.5平均浓度均为950微克/立方米")
    assert extraction.facts == []
    assert [u.reason.split(":")[0] for u in extraction.unmapped] == ["out_of_range"]


def test_a_change_is_converted_but_not_held_to_the_range_of_a_level() -> None:
    (fact,) = _extract("全区一氧化碳平均浓度同比下降0.1毫克/立方米").facts
    assert (fact.kind, fact.value, fact.unit, fact.canonical_unit) == (
        "change", -0.1, "mg_m3", "mg_m3")  # fmt: skip


def test_a_unit_the_registry_does_not_know_is_no_unit() -> None:
    """Prose has no unit column: a number is followed by a registered spelling or by other
    words ('35克每斤', '前30位', '1-9月'), and a number without a unit is no figure of an
    indicator measured in a unit (only a share or an index may omit it). It never lands as the
    indicator's, in a unit guessed; the path itself names the spelling it does not know."""
    extraction = _extract("全区PM2.5平均浓度为35克每斤")
    assert extraction.facts == [] and extraction.unmapped == []
    with pytest.raises(MeasureRefused) as refused:
        unit_code("克每斤")
    assert refused.value.rule == "unknown_unit"
    assert "'克每斤'" in str(refused.value) and "seeds/units.csv" in str(refused.value)


def test_every_prose_unit_spelling_is_the_registrys() -> None:
    """No second table of spellings: each spelling of seeds/units.csv (but the ones prose uses
    otherwise, maps/cues.yml prose_unit_exclusions) is read after a number as its unit code."""
    units = registry()
    excluded = cues().prose_unit_exclusions
    checked = 0
    for spelling in units.spellings:
        if spelling in excluded:
            continue
        mentions = find_mentions(f"为5{spelling}。", [])
        assert [m.unit_code for m in mentions if m.number_start == 1] == [
            units.resolve(spelling).code
        ], spelling
        checked += 1
    assert checked > 100


CASE = MeasureCase("x", "t_per_year", ("t_per_year",), 0, 1e9, "a test bound")


def test_the_path_converts_refuses_a_dimension_and_bounds_a_level() -> None:
    assert to_canonical(1.5, "kt10_per_year", CASE, "x") == pytest.approx(15000)
    assert to_canonical(2, "mt100", CASE, "x", yearly=True) == pytest.approx(2e8)
    with pytest.raises(MeasureRefused) as unknown:
        to_canonical(2, "rank", CASE, "x")  # a code no row of seeds/units.csv has
    assert unknown.value.rule == "unknown_unit" and "seeds/units.csv" in str(unknown.value)
    for unit, yearly in (("mt100", False), ("count", True), ("pp", True)):
        with pytest.raises(MeasureRefused) as refused:
            to_canonical(2, unit, CASE, "x", yearly=yearly)
        assert refused.value.rule == "unit_mismatch", unit
        assert "cannot be converted" in str(refused.value)
    check_range(1e9, CASE, "x")
    with pytest.raises(MeasureRefused) as refused:
        check_range(2e9, CASE, "x")
    assert refused.value.rule == "out_of_range"
    assert "[0, 1e+09] (a test bound)" in str(refused.value)


def test_a_prose_figure_gets_the_case_a_table_row_of_its_indicator_gets() -> None:
    compared = 0
    for code, indicator in catalogue().indicators.items():
        for table in ("air_quality__periodic", "carbon_market__figures"):
            case = measure_case(table, "value", code)
            if case is not None:
                assert indicator_case(indicator) == case, code
                compared += 1
    assert compared > 20


def test_an_unmapped_row_is_the_registrys_landing_row_with_its_reason() -> None:
    """landing.reports__unmapped_quantities declares every field of Unmapped, reason included
    (landing refuses a record with a missing or extra key)."""
    declared = [c.name for c in landing_tables()["reports__unmapped_quantities"].columns]
    renamed = [{"unit": "unit_code"}.get(f, f) for f in Unmapped.__dataclass_fields__]
    assert renamed == declared and "reason" in declared
