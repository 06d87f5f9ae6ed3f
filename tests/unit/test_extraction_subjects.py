"""A coded figure needs a subject the rule knows (orchestration/extraction/subjects.py): words
it does not know before an indicator's name keep the figure's stated name (open vocabulary)
instead of the whole network's code. Each test names the class of wording, in sentences written
for the test (not copied from any gold text), and fails without the rule."""

from __future__ import annotations

from functools import partial

from orchestration.extraction.extractor import extract
from tests.unit.extracting import named_facts

HUNAN = "430000"


facts = partial(named_facts, province=HUNAN, year=2023)


def test_an_unknown_kind_of_sections_does_not_borrow_the_section_ratio() -> None:
    # words no list knows before the generic name: no code, the stated name kept
    text = "全省生态补偿断面水质优良比例为87.5%。"
    assert facts(text) == [("~生态补偿断面水质优良比例", "actual", 87.5)]


def test_an_unknown_network_of_sections_keeps_its_name() -> None:
    # '监测断面' (every monitored section) is not the national assessment's network
    text = "地表水监测断面水质优良比例为96.0%,同比上升1.5个百分点。"
    assert facts(text) == [
        ("~监测断面水质优良比例", "actual", 96.0),
        ("~监测断面水质优良比例", "change", 1.5),
    ]


def test_known_scope_words_regions_and_counts_keep_the_code() -> None:
    # the region, a count of its cities, a time and a topic word are all known scope
    text = "2023年,全省14个市(州)政府所在地城市环境空气质量平均优良天数比例为90.1%。"
    assert facts(text) == [("good_days_ratio", "actual", 90.1)]


def test_a_self_reference_of_the_region_keeps_the_code() -> None:
    text = "该省空气质量综合指数为3.50。"
    assert facts(text) == [("composite_index", "actual", 3.5)]


def test_examples_closed_by_deng_qualify_nothing() -> None:
    # 'A、B、C等X': examples of what X names, not a part of it
    text = "长江、湘江、沅江等主要江河水质优良断面比例为98.0%。"
    assert facts(text) == [("major_rivers_good_ratio", "actual", 98.0)]


def test_a_basin_indicator_takes_the_basins_own_name() -> None:
    # an indicator made for a part (流域…) may have the part's proper name before it
    text = "资水流域水质优良比例为100%。"
    assert facts(text) == [("basin_good_ratio", "actual", 100.0)]


def test_words_of_another_figure_before_the_name_are_that_figures() -> None:
    # '…督察指出的12个问题已完成整改10个': the subject is the other figure's name
    text = "第三轮中央生态环境保护督察指出的12个问题已完成整改10个。"
    assert ("inspection_problems_rectified", "actual", 10.0) in facts(text)


def test_an_area_of_several_cities_unknown_to_the_rule_is_no_figure_of_the_province() -> None:
    # '关中地区' names part of the province: its figure, and its parts, take no province code
    # (the parts land under their stated names since xgen6)
    text = "关中地区环境空气质量总优良率为71.5%,其中优为18.2%,良为53.3%。"
    assert facts(text, province="610000") == [
        ("~关中地区环境空气质量总优良率", "actual", 71.5),
        ("~环境空气质量总优良率中优", "actual", 18.2),
        ("~环境空气质量总优良率中良", "actual", 53.3),
    ]  # fmt: skip


def test_a_sentence_without_a_subject_keeps_the_unknown_subject_of_the_one_before() -> None:
    # the subject said once, elided in the next sentence of the paragraph: still not known
    text = "全省地表水监测断面水质优良比例为95.0%。Ⅰ~Ⅱ类水质比例为70.0%。"
    assert [code for code, _, _ in facts(text)] == [
        "~监测断面水质优良比例",
        "~监测断面i-ii类水质比例",
    ]


def test_a_sentence_without_a_subject_after_a_known_one_keeps_the_code() -> None:
    text = "全省国考断面水质优良比例为95.0%。Ⅰ~Ⅱ类水质比例为70.0%。"
    assert [code for code, _, _ in facts(text)] == [
        "water_sections_good_ratio", "water_sections_class_i_ii_ratio",
    ]  # fmt: skip


def test_unknown_words_between_a_count_and_the_name_after_it_keep_the_code_away() -> None:
    # 'N个<unknown>X': the count is of a kind of X the rule does not know
    assert facts("全省共有80个试点城市集中式饮用水水源地。") == []
    assert facts("全省共有80个集中式饮用水水源地。") == [
        ("drinking_water_sources_count", "actual", 80.0)
    ]


def test_an_activity_figure_is_not_checked_for_a_subject() -> None:
    # the rule guards figures measured over parts (a network, a market): not an activity's count
    text = "全省共评定示范镇49个。"  # 评定: a verb no list knows
    assert facts(text, province="450000") == [("eco_culture_tourism_demo_towns", "actual", 49.0)]


def test_the_regions_own_unnamed_references_and_kinds_of_divisions_are_known() -> None:
    # 我省, 本市, 这些城市; 市(州), 省(区、市); 县级以上: patterns, not a list of each spelling
    assert facts("我省PM2.5平均浓度为30微克/立方米。") == [("pm2_5", "actual", 30.0)]
    assert facts("全省14个市(州)PM2.5平均浓度为28微克/立方米。") == [("pm2_5", "actual", 28.0)]


def test_the_stated_name_begins_at_the_word_the_rule_does_not_know() -> None:
    # '中心城区' is one word though '中' alone is a known join word
    text = "全市中心城区PM2.5平均浓度为30微克/立方米。"
    assert facts(text) == [("~中心城区pm2.5平均浓度", "actual", 30.0)]


def test_a_sentence_without_a_subject_after_a_figure_of_a_part_is_the_parts() -> None:
    # '湖库水质优良比例为80%。劣Ⅴ类断面比例为5%': the lakes' worse share, not the network's
    text = "全省湖库水质优良比例为80.0%。劣Ⅴ类断面比例为5.0%。"
    assert facts(text) == [
        ("key_lakes_good_ratio", "actual", 80.0),
        ("~湖库劣v类断面比例", "actual", 5.0),
    ]


def test_a_sentence_naming_its_network_takes_no_subject_from_the_one_before() -> None:
    text = "全省集中式饮用水水源地水质达标率为100%。地表水水质优良比例为95.0%。"
    assert facts(text) == [
        ("drinking_water_source_compliance_rate", "actual", 100.0),
        ("water_sections_good_ratio", "actual", 95.0),
    ]


def test_a_known_scope_word_running_on_into_the_name_stays_known() -> None:
    # '地级及以上城市' + '城市区域昼间等效声级平均值': the name begins inside the scope word
    text = "地级及以上城市区域昼间等效声级平均值为54.1分贝。"
    found = extract(text, province="100000", year=2023).facts
    assert [(f.indicator_code, f.value) for f in found] == [("noise_regional_day_leq", 54.1)]


def test_levels_of_cities_and_the_traditional_word_for_air_quality_are_known() -> None:
    # '地级以上市' (a level of cities) and '空气品质' (air quality, as Traditional texts say it)
    assert facts("全省21个地级以上市空气质量优良天数比例为95.1%。") == [
        ("good_days_ratio", "actual", 95.1)
    ]
    assert facts("全省空氣品質優良天數比例為95.1%。") == [("good_days_ratio", "actual", 95.1)]


def test_the_daily_air_quality_and_the_monitoring_stations_are_topics_not_parts() -> None:
    assert facts("全省日空气质量优良天数比例平均为89.3%。") == [("good_days_ratio", "actual", 89.3)]
    assert facts("全省国控站点PM2.5平均浓度为25微克/立方米。") == [("pm2_5", "actual", 25.0)]


def test_a_region_without_a_code_said_with_diqu_keeps_the_code_and_no_region() -> None:
    found = extract("成都平原地区PM2.5平均浓度为40微克/立方米。", province="510000", year=2023)
    assert [(f.indicator_code, f.value, f.region_code) for f in found.facts] == [
        ("pm2_5", 40.0, "")
    ]
