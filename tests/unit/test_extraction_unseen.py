"""Report facts that hold up on reports envwh was not built on (issue 13): whose figure a number
is, open-vocabulary figures, scope, and the evaluation of the unseen gold set's halves.

Every sentence here is written in the publishers' style or taken from other provinces'
bulletins (江苏, 福建, 湖北, the 2020 national bulletin); none comes from a gold file.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from orchestration.cli import main
from orchestration.extraction.evaluate import (
    Key,
    evaluate,
    gold_sets,
    overall,
    read_gold,
    score,
)
from orchestration.extraction.extractor import extract
from orchestration.extraction.lexicon import Lexicon
from orchestration.extraction.reports import extract_entry, report_entries
from orchestration.extraction.suggest import suggest
from orchestration.manifest import read_manifest
from orchestration.paths import PROJECT_ROOT, settings
from orchestration.registry.catalogue import Catalogue

GX = "450000"
UNSEEN = PROJECT_ROOT / "tests" / "gold" / "unseen"


def rows(text: str, province: str = GX, year: int = 2022, **context) -> list[tuple]:
    return [
        (f.indicator_code, f.kind, f.value, f.unit, f.region_code)
        for f in extract(text, province=province, year=year, **context).facts
    ]


def codes(text: str, **context) -> list[str]:
    return [row[0] for row in rows(text, **context)]


# -- a figure never borrows a nearby indicator ---------------------------------------------------
def test_a_number_with_a_name_of_its_own_does_not_borrow_the_name_before() -> None:
    text = (
        "全市一般工业固体废物产生量为1200万吨,综合利用量950万吨,处置量120万吨,倾倒丢弃量0.5万吨。"
    )
    assert codes(text) == [
        "general_industrial_solid_waste_generated",
        "general_industrial_solid_waste_utilized",
        "general_industrial_solid_waste_disposed",
        "general_industrial_solid_waste_dumped",
    ]


def test_a_treatment_rate_of_another_waste_is_not_rural_sewage_treatment() -> None:
    assert "rural_sewage_treatment_rate" not in codes("全市工业废渣治理率达到95%。")
    assert codes("力争到2025年底农村生活污水治理率达40%以上。") == ["rural_sewage_treatment_rate"]


def test_a_percentage_point_change_of_a_share_never_goes_to_a_count() -> None:
    text = "全省105个国考断面中,水质优良比例为90.5%,同比上升2.9个百分点。"
    assert rows(text) == [
        ("water_sections_count", "actual", 105.0, "count", GX),
        ("water_sections_good_ratio", "actual", 90.5, "pct", GX),
        ("water_sections_good_ratio", "change", 2.9, "pp", GX),
    ]


def test_the_change_of_an_unclaimed_figure_stays_unclaimed() -> None:
    text = "其中,国控断面水质为Ⅰ至Ⅲ类的断面占91.6%,同比上升7.5%。"
    assert rows(text) == []


def test_an_incineration_capacity_is_not_the_total_harmless_treatment_capacity() -> None:
    text = "生活垃圾无害化处理能力3.2万吨/日,其中焚烧处理能力达到2.1万吨/日。"
    assert rows(text) == [
        ("msw_harmless_capacity", "actual", 3.2, "kt10_per_day", GX),
        ("", "actual", 2.1, "kt10_per_day", GX),  # open vocabulary: 焚烧处理能力
    ]


def test_a_generic_name_qualified_by_other_words_claims_nothing() -> None:
    (fact,) = extract(
        "全年生态环境治理投资总额达到1.33万亿元。", province="100000", year=2020
    ).facts
    assert (fact.indicator_code, fact.indicator_name_zh) == ("", "生态环境治理投资总额")


def test_a_completed_name_is_never_the_name_already_said() -> None:
    text = "空气质量优良天数比例达73.4%,其中达到优的天数比例为18.0%。"
    facts = extract(text, province=GX, year=2019).facts
    assert [(f.indicator_code, f.value) for f in facts] == [
        ("good_days_ratio", 73.4), ("", 18.0),
    ]  # fmt: skip


def test_bounds_of_a_spread_over_places_are_no_figure() -> None:
    assert rows("17个重点城市空气质量优良天数比例范围在92.9%至64.2%之间。") == []


# -- open vocabulary -----------------------------------------------------------------------------
def test_a_clearly_named_figure_lands_without_a_code_and_keeps_its_name() -> None:
    extraction = extract("全省湿地保护面积为56.3万公顷,三类面积比例为4.5%,同比下降2.1个百分点。",
                         province=GX, year=2022)  # fmt: skip
    assert [(f.indicator_code, f.indicator_name_zh, f.kind, f.value, f.unit)
            for f in extraction.facts] == [
        ("", "湿地保护面积", "actual", 56.3, "ha10k"),
        ("", "三类面积比例", "actual", 4.5, "pct"),
        ("", "三类面积比例", "change", -2.1, "pp"),
    ]  # fmt: skip


def test_a_count_names_what_it_counts_after_it() -> None:
    (fact,) = extract("全省94个地表水国考断面中,93个参与评价。", province=GX, year=2022).facts[1:]
    assert (fact.indicator_code, fact.indicator_name_zh, fact.value) == ("", "参与评价", 93.0)


def test_words_that_only_precede_a_number_or_are_too_generic_do_not_land() -> None:
    extraction = extract("细颗粒物浓度为29微克/立方米,好于年度目标4.6微克/立方米。全省监测点位,"
                         "达标率为99%。", province=GX, year=2022)  # fmt: skip
    assert [f.value for f in extraction.facts] == [29.0]
    assert {(u.value, u.name) for u in extraction.unmapped} == {
        (4.6, "好于年度目标"),
        (99.0, "达标率"),
    }


def test_a_generic_name_completes_the_name_of_the_count_before_it() -> None:
    text = "118个集中式生活饮用水水源,达标率为100%。"
    assert codes(text) == ["drinking_water_sources_count", "drinking_water_source_compliance_rate"]


# -- whose figure: the country, a city, a region of several provinces -----------------------------
def test_a_national_average_quoted_in_a_provincial_report_is_the_countrys() -> None:
    text = "全省优良水体比例跃升至87.1%,接近于全国平均水平(87.9%)。"
    assert [r[2:] for r in rows(text, province="140000")] == [
        (87.1, "pct", "140000"), (87.9, "pct", "100000"),
    ]  # fmt: skip


def test_a_city_opening_the_clause_owns_the_figure() -> None:
    text = "全国地级及以上城市水质排名中,桂林市连续三年排名第2。"
    assert rows(text, year=2023) == [("city_water_quality_index", "rank", 2.0, "rank", "450300")]


def test_figures_of_regions_of_several_provinces_have_no_region() -> None:
    text = ("京津冀及周边地区、长三角地区PM2.5平均浓度分别为44微克/立方米和32微克/立方米。"
            "京津冀及周边地区平均优良天数比例为63.5%;PM2.5浓度为51微克/立方米。")  # fmt: skip
    assert [(r[0], r[2], r[4]) for r in rows(text, province="100000")] == [
        ("pm2_5", 44.0, ""), ("pm2_5", 32.0, ""), ("good_days_ratio", 63.5, ""),
        ("pm2_5", 51.0, ""),
    ]  # fmt: skip


def test_a_value_all_listed_places_share_is_each_ones() -> None:
    text = "南宁市、柳州市环境空气质量优良天数比率均为98.1%。"
    assert [r[4] for r in rows(text)] == ["450100", "450200"]


def test_a_figure_of_a_place_without_a_code_is_not_given_to_the_province() -> None:
    extraction = extract("示例市PM2.5平均浓度为28微克/立方米。", province=GX, year=2022)
    assert extraction.facts == [] and [u.value for u in extraction.unmapped] == [28.0]


def test_a_rank_inside_a_named_group_is_the_regions_own() -> None:
    text = "优良天数比例为74.5%,同比提高2.4个百分点,在京津冀及周边地区排名第二。"
    assert rows(text, province="140000")[-1] == ("good_days_ratio", "rank", 2.0, "rank", "140000")


# -- shares, reductions, changes and lists --------------------------------------------------------
def test_a_share_after_a_count_is_the_counts_share() -> None:
    text = "150个城市环境空气质量达标,占44.5%,同比上升3.1个百分点。"
    assert rows(text, province="100000") == [
        ("air_quality_compliant_cities_count", "actual", 150.0, "count", "100000"),
        ("air_quality_compliant_cities_share", "actual", 44.5, "pct", "100000"),
        ("air_quality_compliant_cities_share", "change", 3.1, "pp", "100000"),
    ]


def test_shares_of_the_country_follow_the_counts_in_order() -> None:
    text = "全省有脊椎动物 800 种、维管束植物 5000 种,分别占全国的 17.0%和 14%。"
    assert codes(text) == [
        "vertebrate_species_count", "vascular_plant_species_count",
        "vertebrate_species_national_share", "vascular_plant_species_national_share",
    ]  # fmt: skip


def test_coordinated_heads_complete_the_subject_said_before() -> None:
    text = "全市一般工业固体废物综合利用量占利用处置总量的52.0%,处置和贮存分别占比20.0%和28.0%。"
    assert codes(text) == [
        "general_industrial_solid_waste_utilized_share",
        "general_industrial_solid_waste_disposed_share",
        "general_industrial_solid_waste_stored_share",
    ]


def test_a_fall_of_an_indicator_that_is_a_reduction_is_its_value() -> None:
    text = "单位国内生产总值二氧化碳排放比上年下降1.2%。"
    assert rows(text, province="100000") == [
        ("co2_intensity_reduction", "actual", 1.2, "pct", "100000"),
    ]


def test_a_yearly_amount_without_per_year_takes_the_yearly_unit() -> None:
    (fact,) = extract("年覆盖二氧化碳排放量约51亿吨二氧化碳。", province="100000", year=2023).facts
    assert (fact.indicator_code, fact.unit, fact.comparator) == (
        "carbon_covered_emissions", "mt100_co2e_per_year", "~",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "环境空气质量综合指数为3.49,同比改善4.1%。",
            [("composite_index", 3.49), ("composite_index", -4.1)],
        ),
        (
            "优良天数比率为80.1%,同比改善2.0个百分点。",
            [("good_days_ratio", 80.1), ("good_days_ratio", 2.0)],
        ),
    ],
)
def test_an_improvement_follows_the_indicators_direction(text: str, expected: list) -> None:
    assert [(r[0], r[2]) for r in rows(text)] == expected


def test_changes_listed_after_one_direction_share_its_sign() -> None:
    text = "PM2.5和PM10平均浓度分别为30微克/立方米和45微克/立方米,相比上年分别下降3.2%、5.0%。"
    assert sorted((r[0], r[2]) for r in rows(text)) == [
        ("pm10", -5.0), ("pm10", 45.0), ("pm2_5", -3.2), ("pm2_5", 30.0),
    ]  # fmt: skip


def test_a_list_opened_by_respectively_shares_the_unit_of_its_last_number() -> None:
    text = "全省二氧化硫、二氧化氮、臭氧浓度分别为9、25、140微克/立方米。"
    assert rows(text) == [
        ("so2", "actual", 9.0, "ug_m3", GX), ("no2", "actual", 25.0, "ug_m3", GX),
        ("o3", "actual", 140.0, "ug_m3", GX),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("重污染天数同比下降七成。", ("heavy_pollution_days", "change", -70.0, "pct", GX)),
        ("全年无严重污染天数。", ("severe_pollution_days", "actual", 0.0, "day", GX)),
        (
            "核与辐射安全领域连续5年零事故。",
            ("nuclear_radiation_accidents", "actual", 0.0, "count", GX),
        ),
    ],
)
def test_values_written_in_words(text: str, expected: tuple) -> None:
    assert rows(text) == [expected]


def test_water_figures_follow_the_network_of_the_sections_counted() -> None:
    text = ("655个省考断面优Ⅲ比例为96.6%,同比上升0.6个百分点;"
            "南水北调东线江苏段22个断面水质优Ⅲ比例为90.9%。")  # fmt: skip
    # the count of the province's own sections lands under its name (no code counts them)
    assert [(r[0], r[2]) for r in rows(text, province="320000")] == [
        ("", 655.0),
        ("provincial_sections_good_ratio", 96.6), ("provincial_sections_good_ratio", 0.6),
    ]  # fmt: skip


def test_a_part_year_release_keeps_its_period() -> None:
    extraction = extract("一季度,全国PM2.5平均浓度为43微克/立方米。", province="100000", year=2024,
                         period_code="2024-01..2024-03")  # fmt: skip
    assert [f.period for f in extraction.facts] == ["2024-01..2024-03"]


def test_a_baseline_year_is_not_the_period() -> None:
    (fact,) = extract("细颗粒物浓度比2021年下降3.3%。", province="100000", year=2022).facts
    assert (fact.period, fact.baseline_year) == ("2022", "2021")


# -- the lexicon ---------------------------------------------------------------------------------
def test_every_catalogue_indicator_is_in_the_lexicon_under_its_code() -> None:
    import yaml

    catalogue = yaml.safe_load((UNSEEN / "CATALOGUE.yml").read_text(encoding="utf-8"))
    lexicon = Lexicon.of(Catalogue.load())
    missing = [e["code"] for e in catalogue["indicators"] if e["code"] not in lexicon.indicators]
    assert missing == []


# -- evaluation ---------------------------------------------------------------------------------
def test_a_fact_counts_only_with_its_region_and_values_compare_in_a_common_unit() -> None:
    gold = [Key("nature_reserves_area", "actual", 1493200.0, "ha", "2022", "430000"),
            Key("pm2_5", "actual", 30.0, "ug_m3", "2022", "430000")]  # fmt: skip
    extracted = [Key("nature_reserves_area", "actual", 149.32, "ha10k", "2022", "430000"),
                 Key("pm2_5", "actual", 30.0, "ug_m3", "2022", "100000")]  # fmt: skip
    result = score("x", gold, extracted)
    assert (result.found, result.extracted, result.wrong_indicator) == (1, 2, 0)


def test_a_period_matches_whichever_code_names_the_same_interval() -> None:
    """A quarter and its months are one period (the eighth set labels 2020-Q4 where earlier
    sets wrote 2024-01..2024-03); another interval is not."""
    gold = [Key("pm2_5", "actual", 30.0, "ug_m3", "2020-Q4", "430000"),
            Key("pm2_5", "actual", 31.0, "ug_m3", "2024-01..2024-03", "430000")]  # fmt: skip
    extracted = [Key("pm2_5", "actual", 30.0, "ug_m3", "2020-10..2020-12", "430000"),
                 Key("pm2_5", "actual", 31.0, "ug_m3", "2024-Q2", "430000")]  # fmt: skip
    assert score("x", gold, extracted).found == 1


def test_an_open_vocabulary_row_matches_a_fact_without_a_code_and_a_wrong_code_is_counted() -> None:
    shanxi = ("2022", "140000")
    gold = [Key("", "actual", 93.0, "count", *shanxi),
            Key("water_sections_good_count", "actual", 81.0, "count", *shanxi)]  # fmt: skip
    extracted = [Key("", "actual", 93.0, "count", *shanxi),
                 Key("water_sections_count", "actual", 81.0, "count", *shanxi)]  # fmt: skip
    result = score("x", gold, extracted)
    assert (result.found, result.wrong_indicator, result.wrong_indicator_rate) == (1, 1, 0.5)


def test_a_fact_kept_without_a_code_is_unmapped_and_a_borrowed_code_is_wrong() -> None:
    shanxi = ("2022", "140000")
    gold = [Key("pm2_5", "actual", 30.0, "ug_m3", *shanxi),
            Key("", "actual", 97.5, "pct", *shanxi)]  # fmt: skip
    extracted = [Key("", "actual", 30.0, "ug_m3", *shanxi),
                 Key("good_days_ratio", "actual", 97.5, "pct", *shanxi)]  # fmt: skip
    result = score("x", gold, extracted)
    assert (result.found, result.unmapped, result.wrong_indicator) == (0, 1, 1)
    assert result.unmapped_keys == [extracted[0]] and result.wrong == [extracted[1]]
    assert (result.precision, result.unmapped_rate, result.wrong_indicator_rate) == (0, 0.5, 0.5)


def test_a_gold_row_without_code_or_name_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("indicator_code,indicator_name,kind,value,unit,period,region_code\n"
                    ",,actual,1,count,2022,100000\n", encoding="utf-8")  # fmt: skip
    with pytest.raises(ValueError, match="line 2: neither indicator_code nor indicator_name"):
        read_gold(path)


def test_a_split_gold_set_is_read_by_halves_and_a_plain_one_whole() -> None:
    assert gold_sets(UNSEEN, ["dev"]) == [("dev", UNSEEN / "dev")]
    seed = PROJECT_ROOT / "tests" / "gold"
    assert gold_sets(seed, ["dev"]) == [("seed", seed)]


# Floors against regressions on the development data (docs/extraction.md has the measured
# figures): (gold set half, gold facts, precision, recall, wrong indicator). Not accuracy claims:
# every half here was tuned on; a test half is measured once, by hand, before it joins this list.
FLOORS = [
    # measured 99.3 / 98.1 / 0.0
    ("unseen/dev", 154, 0.97, 0.97, 0.01),
    # spent; measured once 88.3 / 56.7; 98.3 / 95.0 (xgen6)
    ("unseen/test", 120, 0.98, 0.94, 0.01),
    # measured 98.4 / 79.2 / 0.0 (xgen4); 99.2 / 81.1
    ("unseen2/dev", 159, 0.98, 0.81, 0.01),
    # spent; measured 97.8 / 69.0 / 0.0; 96.0 / 75.4; 96.0 / 77.0 (xgen8); 96.1 / 78.6 (xgen10);
    # 96.2 / 79.4 (xgen11)
    ("unseen2/test", 126, 0.95, 0.79, 0.01),
    # measured 100.0 / 91.9 / 0.0; 92.7 (xgen6)
    ("unseen3/dev", 123, 0.97, 0.92, 0.01),
    # spent; measured once 59.4 / 33.1 / 14.5; 88.5 / 43.5 / 8.2 (xgen3); 95.3 / 65.3 / 1.2;
    # 95.8 / 74.2 / 1.0 (xgen6); 95.9 / 75.8 / 1.0 (xgen10); 96.0 / 77.4 / 1.0 (xgen11)
    ("unseen3/test", 124, 0.95, 0.77, 0.02),
    # measured 55.6 / 26.9 / 0.0; 63.1 / 31.7 / 0.0 (xgen5); 86.7 / 58.7 / 0.0 (xgen6);
    # 91.2 / 68.3 / 0.0 (xgen8); 94.0 / 74.9 / 0.0 (xgen9); 94.1 / 76.6 / 0.0 (xgen11)
    ("unseen4/dev", 167, 0.93, 0.76, 0.01),
    # spent; measured once 35.2 / 22.9 / 9.9; 75.0 / 46.8 / 4.4; 93.8 / 56.0 / 0.0 (xgen6);
    # 94.0 / 57.8 / 0.0 (xgen8); 94.8 / 67.0 / 0.0 (xgen9); 94.9 / 67.9 / 0.0 (xgen11)
    ("unseen4/test", 109, 0.94, 0.67, 0.01),
    # not tuned on before its measurement (rules frozen at e1db32f): 65.6 / 48.3 / 0.0;
    # 67.2 / 49.4 / 0.0 (older bulletin title); 87.5 / 64.4 / 1.6 (a city named in the headline);
    # 91.9 / 78.2 / 0.0 (xgen8); 92.1 / 80.5 / 0.0 (xgen10); 94.9 / 86.2 / 0.0 (xgen11)
    ("unseen5/dev", 87, 0.94, 0.86, 0.01),
    # spent; measured once (rules frozen at e1db32f): 42.4 / 18.3 / 1.5; 48.5 / 20.9 / 6.1 (the
    # city bulletin 068 now speaks for the city: its figures' other indicators show); 74.0 / 59.5 /
    # 3.3 (rankings of places with each figure in parentheses, 064); 93.7 / 86.9 / 1.4 (xgen8);
    # 95.9 / 90.8 / 1.4 (xgen9: 95.2 when a count of listed places took the last one's region);
    # 95.9 / 91.5 / 1.4 (xgen11)
    ("unseen5/test", 153, 0.955, 0.91, 0.02),
    # development half of the sixth set, tuned on before its test half was measured: 82.2 / 55.2
    # / 0.0 before any rule saw it; 98.4 / 92.5 / 0.0 after the lead's round on it; 98.5 / 95.5 /
    # 0.0 (xgen11)
    ("unseen6/dev", 67, 0.97, 0.95, 0.01),
    # spent; measured once (rules frozen at 2809c52): 48.6 / 23.1 / 35.1; 75.7 / 35.9 / 8.1 (the
    # soil survey's parts: a kind of land, a pollutant, a degree); 88.7 / 60.3 / 5.7 (xgen11: the
    # climate bulletin, 哈尔滨's days of each grade, 081's periods); 93.8 / 76.9 / 1.6 (the fifth
    # session: a pilot market's secondary trades)
    ("unseen6/test", 78, 0.93, 0.76, 0.02),
    # development half of the seventh set, tuned on before its test half was measured: 58.2 / 41.4
    # / 12.1 before any rule saw it; 82.9 / 75.8 / 3.4 at the freeze (07e1bb5); 83.1 / 76.6 / 3.4;
    # 86.7 / 81.2 / 3.3 (the fifth session's classes)
    ("unseen7/dev", 128, 0.86, 0.81, 0.04),
    # spent; measured once (rules frozen at 07e1bb5): 67.6 / 44.2 / 8.1; 84.5 / 62.8 / 1.2 (a second
    # 分别's names, 微克 alone, districts before 环境空气质量优良天数); 92.1 / 82.3 / 0.0 (the
    # fifth session's classes before the eighth set); 91.2 / 82.3 / 0.0 (贮存量 heads a name: 091's
    # 0.44万吨 kept under its year, where the labeller wrote the paragraph's months)
    ("unseen7/test", 113, 0.91, 0.82, 0.01),
    # development half of the eighth set, tuned on before its test half was measured: 52.3 / 14.6
    # / 13.6 before any rule saw it (158 facts, before the second annotator's six rows); 96.1 /
    # 59.8 / 0.0 at the freeze (3a15071)
    ("unseen8/dev", 164, 0.96, 0.59, 0.01),
    # spent; measured once (rules frozen at 3a15071): 83.1 / 48.4 / 4.2; 90.9 / 57.4 / 1.3 (after
    # the measurement: 包括's parts, 3季度, shares of all, a network's count after its name)
    ("unseen8/test", 122, 0.90, 0.57, 0.02),
    # development half of the ninth set, tuned on before its test half was measured: 84.3 / 57.8
    # / 10.0 before any rule saw it; 90.7 / 66.7 / 5.3 at the freeze (d6beb8a)
    ("unseen9/dev", 102, 0.90, 0.66, 0.06),
    # spent; measured once (rules frozen at d6beb8a): 61.4 / 35.1 / 9.1; 71.4 / 45.5 / 2.0 (after
    # the measurement: a bounded group's qualifier, a plan's past state, EI, 二级以上天数, ranked
    # falls without 其中, a heading naming no months)
    ("unseen9/test", 77, 0.71, 0.45, 0.03),
    # development half of the tenth set, not tuned on before its test half was measured: 83.3 /
    # 65.8 / 3.3 as labelled; 86.7 / 68.4 / 0.0 after the second annotator's corrections
    ("unseen10/dev", 38, 0.86, 0.68, 0.01),
    # spent; measured once (rules frozen at f1324a6): 56.7 / 44.7 / 0.0
    ("unseen10/test", 38, 0.56, 0.44, 0.01),
]


@pytest.mark.parametrize(("half", "gold", "precision", "recall", "wrong"), FLOORS)
def test_a_development_half_scores_at_or_above_its_recorded_floor(
    half: str, gold: int, precision: float, recall: float, wrong: float
) -> None:
    paths = settings()
    entries = {Path(e.path).stem: e for e in report_entries(read_manifest(paths.manifest_path))}
    folder = PROJECT_ROOT / "tests" / "gold" / half
    total = overall(evaluate(folder, lambda s: extract_entry(paths.raw_dir, entries[s]).facts))
    assert total.gold == gold
    assert total.precision >= precision, total
    assert total.recall >= recall, total
    assert total.wrong_indicator_rate <= wrong, total


def test_cli_evaluates_the_development_half_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--evaluate", str(UNSEEN)]) == 0
    out = capsys.readouterr().out
    assert "wrong_indicator" in out and "unmapped" in out and "dev" in out and " test " not in out


# -- growing the lexicon ------------------------------------------------------------------------
def test_suggest_lists_unclaimed_names_by_how_many_documents_state_them() -> None:
    first = extract(
        "全省湿地保护面积为56.3万公顷。好于年度目标4.6微克/立方米。", province=GX, year=2022
    )
    second = extract("全市湿地保护面积为3.1万公顷。", province=GX, year=2022)
    rows_ = suggest({"a.txt": first, "b.txt": second})
    assert [(r.name, r.documents, r.mentions, r.units) for r in rows_] == [
        ("湿地保护面积", 2, 2, "ha10k"), ("好于年度目标", 1, 1, "ug_m3"),
    ]  # fmt: skip


def test_cli_suggest_reads_the_documents_asked_for(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--suggest", "--documents", "018", "--format", "csv"]) == 0
    header = capsys.readouterr().out.splitlines()[0]
    assert header == "name,documents,mentions,units,example"


def test_pinyin_a_mirror_site_prints_after_characters_is_ignored() -> None:
    text = (
        "全省環(huán)境空氣優(yōu)良天數(shù)比率為82.4%,同比上升1.8個(gè)百分點(diǎn);"
        "一氧化碳(CO)濃度為1.0毫克/立方米。"
    )
    extraction = extract(text, province="320000", year=2021)
    assert [(f.indicator_code, f.kind, f.value, f.unit) for f in extraction.facts] == [
        ("good_days_ratio", "actual", 82.4, "pct"), ("good_days_ratio", "change", 1.8, "pp"),
        ("co", "actual", 1.0, "mg_m3"),
    ]  # fmt: skip
    assert all(text[f.char_start : f.char_end] == f.quote for f in extraction.facts)


# -- lists of places with their figures ---------------------------------------------------------
def test_a_list_of_places_each_with_its_figure_gives_each_place_the_indicator_before() -> None:
    text = (
        "全省14个市(州)优良天数由多到少依次为:金昌市341天,嘉峪关市335天,酒泉市330天,兰州市298天。"
    )
    assert rows(text, province="620000", year=2023) == [
        ("good_days", "actual", 341.0, "day", "620300"),
        ("good_days", "actual", 335.0, "day", "620200"),
        ("good_days", "actual", 330.0, "day", "620900"),
        ("good_days", "actual", 298.0, "day", "620100"),
    ]


def test_figures_of_places_closed_by_deng_are_not_the_provinces() -> None:
    text = "与上年相比,兰州、天水、平凉等5个市(州)优良天数分别增加12天、9天、6天、4天、2天。"
    assert [r for r in rows(text, province="620000", year=2023) if r[4] == "620000"] == []


def test_the_jun_of_an_annual_mean_does_not_give_a_listed_value_to_both_pollutants() -> None:
    text = "全省细颗粒物(PM2.5)、臭氧的年均浓度分别为31微克/立方米、142微克/立方米。"
    assert [(r[0], r[2]) for r in rows(text, province="360000", year=2023)] == [
        ("pm2_5", 31.0), ("o3", 142.0),
    ]  # fmt: skip


def test_a_monthly_release_gives_its_year_to_date_paragraph_the_months_it_names() -> None:
    text = (
        "11月份,全市PM2.5浓度为38微克/立方米。优良天数22天。\n"
        "1-11月,全市PM2.5浓度为33微克/立方米。优良天数251天。"
    )
    facts = extract(text, province="120000", year=2023, period_code="2023-11").facts
    assert [(f.indicator_code, f.value, f.period) for f in facts] == [
        ("pm2_5", 38.0, "2023-11"), ("good_days", 22.0, "2023-11"),
        ("pm2_5", 33.0, "2023-01..2023-11"), ("good_days", 251.0, "2023-01..2023-11"),
    ]  # fmt: skip


def test_months_named_with_a_dash_between_two_months_are_the_range() -> None:
    text = "1月—6月,全省平均优良天数比率为80.8%;PM2.5平均浓度为43微克/立方米。"
    facts = extract(text, province="210000", year=2021, period_code="2021-01..2021-06").facts
    assert {f.period for f in facts} == {"2021-01..2021-06"}


def test_better_is_a_fall_for_an_unclaimed_concentration_and_unsaid_for_other_names() -> None:
    text = ("全省河流氨氮平均浓度为0.25毫克/升,同比改善24.2%。"
            "全省河流重污染河段比例为3.2%,同比改善1.1个百分点。")  # fmt: skip
    extraction = extract(text, province="210000", year=2021)
    assert [(f.indicator_name_zh, f.kind, f.value) for f in extraction.facts
            if f.kind == "change"] == [("河流氨氮平均浓度", "change", -24.2)]  # fmt: skip
    assert any(u.value == 1.1 and u.reason.startswith("direction_unknown")
               for u in extraction.unmapped)  # fmt: skip


def test_a_river_figure_does_not_take_a_lake_indicator() -> None:
    text = "全省河流主要污染物浓度持续下降,总磷平均浓度为0.067毫克/升。"
    assert "lake_total_phosphorus" not in codes(text, province="210000", year=2021)


def test_the_status_index_ei_is_not_the_quality_index_eqi() -> None:
    text = "全省生态环境状况指数为66.1,生态质量指数(EQI)为68.3。"
    assert codes(text, province="330000", year=2021) == [
        "eco_environment_status_index", "eco_quality_index",
    ]  # fmt: skip


def test_shares_of_river_length_lake_area_and_reservoir_storage() -> None:
    text = (
        "河流Ⅰ~Ⅲ类水质河长占比提高到62.4%;劣Ⅴ类水质河长比上年减少3.2个百分点。"
        "湖泊Ⅰ~Ⅲ类水质面积占比为48.0%。水库Ⅰ~Ⅲ类水质总蓄水量占比为90.6%。"
    )
    assert [(r[0], r[1], r[2]) for r in rows(text, province="120000", year=2021)] == [
        ("river_length_good_share", "actual", 62.4),
        ("river_length_worse_than_v_share", "change", -3.2),
        ("lake_area_good_share", "actual", 48.0),
        ("reservoir_storage_good_share", "actual", 90.6),
    ]


def test_days_meeting_the_standard_are_good_days_and_a_day_of_none_is_zero() -> None:
    text = "全年空气质量达标天数为286天,达标天数比例为78.4%;全年未出现严重污染日。"
    assert [(r[0], r[2]) for r in rows(text, province="120000", year=2022)] == [
        ("good_days", 286.0), ("good_days_ratio", 78.4), ("severe_pollution_days", 0.0),
    ]  # fmt: skip


def test_sections_of_one_river_are_not_the_provinces_count_of_sections() -> None:
    text = "全省共监测断面210个。赣江干流总体水质为优,27个监测断面水质均为Ⅱ类。"
    facts = extract(text, province="360000", year=2023).facts
    assert [(f.indicator_code, f.value, f.indicator_name_zh) for f in facts] == [
        ("water_sections_count", 210.0, "考核断面数量"),
        ("", 27.0, "赣江干流监测断面"),  # the river's own count, under the name stated
    ]


def test_a_change_restated_against_the_previous_year_by_name_is_one_fact() -> None:
    text = (
        "全省优良天数比例为88.1%,同比上升1.2个百分点。"
        "2023年,全省优良天数比例为88.1%,与2022年相比,上升1.2个百分点。"
    )
    assert rows(text, province="420000", year=2023) == [
        ("good_days_ratio", "actual", 88.1, "pct", "420000"),
        ("good_days_ratio", "change", 1.2, "pp", "420000"),
    ]


def test_sea_water_shares_in_the_national_wording_and_an_estuarys_sea_area() -> None:
    text = (
        "全国近岸海域优良(一、二类)海水水质比例为83.7%,劣四类水质比例为8.1%。"
        "长江口邻近海域水质优良比例为41.2%。全年AQI达标率90.3%。"
    )
    assert codes(text, province="100000", year=2023) == [
        "coastal_good_water_area_ratio", "coastal_worse_than_iv_ratio", "bay_good_water_ratio",
        "good_days_ratio",
    ]  # fmt: skip


def test_a_bare_rate_completes_the_name_said_just_before_it() -> None:
    text = "全省共有县级以上集中式饮用水水源地96个,水质达标率为100%。"
    assert codes(text, province="360000", year=2023) == [
        "drinking_water_sources_count", "drinking_water_source_compliance_rate",
    ]  # fmt: skip
    text = "126个县级以上(含县级)集中式饮用水水源地水质达标率为100%。"
    assert codes(text, province="360000", year=2023) == [
        "drinking_water_sources_count", "drinking_water_source_compliance_rate",
    ]  # fmt: skip


def test_no_section_worse_than_class_v_is_a_share_of_zero_of_the_network_named() -> None:
    text = (
        "全省国家地表水考核断面水质优良比例为93.4%,无劣Ⅴ类断面。"
        "省控断面水质优良比例为91.0%,无劣Ⅴ类断面。淮河干流水质为优,无劣Ⅴ类断面。"
    )
    # the province's sections' and the river's none land under their stated names (xgen6)
    assert [(r[0], r[2]) for r in rows(text, province="340000", year=2022)] == [
        ("water_sections_good_ratio", 93.4), ("water_sections_worse_than_v_ratio", 0.0),
        ("provincial_sections_good_ratio", 91.0), ("", 0.0), ("", 0.0),
    ]  # fmt: skip


def test_parts_named_in_one_word_take_their_part_and_a_rural_area_is_not_the_province() -> None:
    text = (
        "全省环境空气质量总优良率为71.5%,其中优为18.2%,良为53.3%。"
        "全省农村区域环境空气质量较好,总优良率为90.2%。"
    )
    facts = extract(text, province="610000", year=2023).facts
    assert [(f.indicator_code, f.value) for f in facts] == [
        ("good_days_ratio", 71.5), ("excellent_days_ratio", 18.2), ("moderate_days_ratio", 53.3),
        ("", 90.2),
    ]  # fmt: skip


def test_a_gap_to_the_national_average_is_no_change() -> None:
    text = "全省国考断面水质优良比例为95.1%,超过全国平均水平7.2个百分点。"
    assert rows(text, province="510000", year=2023) == [
        ("water_sections_good_ratio", "actual", 95.1, "pct", "510000"),
    ]


def test_a_change_since_the_start_of_a_five_year_plan_continues_the_figure_before() -> None:
    text = "劣Ⅴ类水质断面比例为1.1%,同比下降0.4个百分点,“十三五”以来累计下降6.2个百分点。"
    assert rows(text, province="100000", year=2020) == [
        ("water_sections_worse_than_v_ratio", "actual", 1.1, "pct", "100000"),
        ("water_sections_worse_than_v_ratio", "change", -0.4, "pp", "100000"),
        ("water_sections_worse_than_v_ratio", "change", -6.2, "pp", "100000"),
    ]


def test_a_count_in_parentheses_and_a_count_that_states_something_name_nothing() -> None:
    text = (
        "全省对86条主要河流的196个监测断面、12个湖泊(15个水域)进行了监测。"
        "18座主要水库总体水质为优。"
    )
    facts = extract(text, province="430000", year=2023).facts
    assert (15.0, "water_sections_count") not in [(f.value, f.indicator_code) for f in facts]
    assert 18.0 not in [f.value for f in facts]
    # the sections of the main rivers are a part of the network: their count keeps its name
    assert ("", 196.0) in [(f.indicator_code, f.value) for f in facts]


def test_a_manifest_period_across_a_new_year_is_the_documents_and_an_unreadable_one_an_error(
    tmp_path: Path,
) -> None:
    from dataclasses import replace

    from orchestration.parsing.periods import BadPeriod

    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "x.txt").write_text(
        "京津冀及周边地区“2+26”城市PM2.5平均浓度为70微克/立方米,同比下降14.9%。", encoding="utf-8"
    )
    shipped = report_entries(read_manifest(settings().manifest_path))[0]
    entry = replace(shipped, path="reports/x.txt", province="全国", document_kind="bulletin",
                    period="2019年10月-2020年3月")  # fmt: skip
    assert {f.period for f in extract_entry(tmp_path, entry).facts} == {"2019-10..2020-03"}
    named = re.escape("raw/manifest.csv, raw/reports/x.txt: period: cannot read")
    with pytest.raises(BadPeriod, match=named):
        extract_entry(tmp_path, replace(entry, period="2019年秋冬季"))
