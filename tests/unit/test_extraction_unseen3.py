"""Wordings of bulletins learnt from the development half of the third unseen gold set
(tests/gold/unseen3/dev): each test states the general class of wording, in sentences written
for the test (not copied from the gold texts), and fails without its rule or spelling."""

from __future__ import annotations

from functools import partial

from orchestration.extraction.extractor import extract
from tests.unit.extracting import named_facts

SHANGHAI = "310000"


facts = partial(named_facts, province=SHANGHAI, year=2022)


def test_the_aqi_share_of_good_days_is_the_good_days_ratio() -> None:
    text = "全市环境空气质量指数(AQI)优良率为90.1%,较上年上升1.2个百分点。"
    assert facts(text) == [
        ("good_days_ratio", "actual", 90.1),
        ("good_days_ratio", "change", 1.2),
    ]


def test_sections_of_class_iii_or_better_in_short_form_are_the_good_ratio() -> None:
    text = "全市主要河湖断面优Ⅲ类占比88.0%。"
    assert facts(text) == [("water_sections_good_ratio", "actual", 88.0)]


def test_sea_area_meeting_class_one_and_two_is_the_coastal_good_area_ratio() -> None:
    text = "全市海域符合海水水质标准第一类和第二类的面积占40.5%,较上年上升3.0个百分点。"
    assert facts(text) == [
        ("coastal_good_water_area_ratio", "actual", 40.5),
        ("coastal_good_water_area_ratio", "change", 3.0),
    ]


def test_none_before_a_list_of_classes_states_none_of_each() -> None:
    text = "全市主要河湖Ⅳ类水质断面占10.0%,无Ⅴ类和劣Ⅴ类水质断面。"
    assert facts(text) == [
        ("water_sections_class_iv_ratio", "actual", 10.0),
        ("water_sections_class_v_ratio", "actual", 0.0),
        ("water_sections_worse_than_v_ratio", "actual", 0.0),
    ]


def test_none_before_one_name_of_a_list_is_not_stated_of_the_others() -> None:
    text = "全市主要河湖Ⅳ类水质断面占10.0%,Ⅴ类和劣Ⅴ类水质断面比例分别为2.0%和1.0%。"
    assert ("water_sections_worse_than_v_ratio", "actual", 0.0) not in facts(text)


def test_a_list_of_grades_before_respectively_names_each_number() -> None:
    text = "评价结果显示,全市地下水水质为良好级、较差级和极差级的监测点分别占20.0%、50.0%和30.0%。"
    assert facts(text) == [
        ("~地下水水质为良好级的监测点", "actual", 20.0),
        ("~地下水水质为较差级的监测点", "actual", 50.0),
        ("~地下水水质为极差级的监测点", "actual", 30.0),
    ]


def test_a_list_of_grades_with_fewer_items_than_numbers_names_none() -> None:
    text = "全市地下水水质为良好级和较差级的监测点分别占20.0%、50.0%和30.0%。"
    assert [f for f in facts(text) if f[0].startswith("~")] == []


def test_lakes_good_share_by_their_number_and_none_worse_than_class_v() -> None:
    text = "监测的湖库中,水质优良湖库个数占比70.0%,无劣Ⅴ类湖库。"
    assert facts(text) == [
        ("key_lakes_good_ratio", "actual", 70.0),
        ("key_lakes_worse_than_v_ratio", "actual", 0.0),
    ]


def test_the_share_after_an_open_vocabulary_count_is_that_counts_share() -> None:
    text = "全市监测的湖库中,中度富营养的2个,占5.0%。"
    assert facts(text) == [
        ("~中度富营养的", "actual", 2.0),
        ("~中度富营养的占比", "actual", 5.0),
    ]


def test_the_share_of_a_count_of_a_catalogued_class_is_not_named() -> None:
    text = "全市10个湖库中,水质达到Ⅲ类及以上的有8个,占80.0%。"
    assert [f for f in facts(text) if f[2] == 80.0] == []


def test_the_sections_evaluated_are_no_count_of_the_network() -> None:
    text = "全市50个国家地表水考核断面共评价48个,其中优良水质断面40个,占比83.3%。"
    found = facts(text)
    assert ("water_sections_count", "actual", 50.0) in found
    assert ("water_sections_count", "actual", 48.0) not in found


def test_good_quality_sections_said_the_other_way_round_are_the_good_count() -> None:
    text = "全市国家地表水考核断面中,优良水质断面40个,占比80.0%,同比增加2个。"
    assert sorted(facts(text)) == [
        ("water_sections_good_count", "actual", 40.0),
        ("water_sections_good_count", "change", 2.0),
        ("water_sections_good_ratio", "actual", 80.0),
    ]


def test_worse_than_class_v_in_chinese_numerals() -> None:
    text = "全市国家地表水考核断面中,劣五类水质断面2个,占比1.5%,同比下降1个百分点。"
    found = facts(text)
    assert ("water_sections_worse_than_v_ratio", "actual", 1.5) in found
    assert ("water_sections_worse_than_v_ratio", "change", -1.0) in found


def test_the_year_named_in_a_figures_clause_of_a_monthly_release_is_the_whole_year() -> None:
    text = (
        "2020年水质优良断面比例为80.0%:2020年12月,国家地表水考核断面中,"
        "水质优良断面比例为85.0%,同比上升2.0个百分点。"
    )
    found = extract(text, province="100000", year=2020, period_code="2020-12").facts
    assert [(f.indicator_code, f.kind, f.value, f.period) for f in found] == [
        ("water_sections_good_ratio", "actual", 80.0, "2020"),
        ("water_sections_good_ratio", "actual", 85.0, "2020-12"),
        ("water_sections_good_ratio", "change", 2.0, "2020-12"),
    ]


def test_a_count_of_working_days_is_a_time_limit_not_a_figure() -> None:
    found = extract("该企业须在15个工作日内完成整改备案。", province=SHANGHAI, year=2022)
    assert found.facts == []
    assert [u.value for u in found.unmapped] == []


def test_the_shares_of_a_listed_count_of_classes_take_each_class_share() -> None:
    text = "全市地下水水质为III类、IV类的监测点数量分别为6个和14个,分别占30.0%和70.0%。"
    assert facts(text) == [
        ("~地下水水质为iii类的监测点数量", "actual", 6.0),
        ("~地下水水质为iv类的监测点数量", "actual", 14.0),
        ("groundwater_class_iii_ratio", "actual", 30.0),
        ("groundwater_class_iv_ratio", "actual", 70.0),
    ]


def test_the_shares_of_a_listed_count_of_grades_keep_each_grades_name() -> None:
    text = "全市地下水水质为良好级、较差级的监测点数量分别为3个和7个,分别占30.0%和70.0%。"
    assert facts(text)[2:] == [
        ("~地下水水质为良好级的监测点数量占比", "actual", 30.0),
        ("~地下水水质为较差级的监测点数量占比", "actual", 70.0),
    ]


def test_a_count_of_a_provinces_own_sections_lands_under_its_name() -> None:
    text = "全省120个地表水省考断面水质优良比例为85.0%。"
    assert facts(text) == [
        ("~地表水省考断面", "actual", 120.0),
        ("provincial_sections_good_ratio", "actual", 85.0),
    ]


def test_a_count_right_after_a_shares_name_counts_what_the_name_names() -> None:
    text = "全市国家地表水考核断面中,劣Ⅴ类水质断面2个,占比1.5%。"
    assert facts(text) == [
        ("~劣v类水质断面", "actual", 2.0),
        ("water_sections_worse_than_v_ratio", "actual", 1.5),
    ]


def test_sections_counted_after_a_paragraph_on_the_provinces_own_network_are_not_national() -> None:
    text = "省控河流水质为优,水质优良比例为93.0%。120个监测断面中,1个断面水质重度污染。"
    assert ("water_sections_count", "actual", 120.0) not in facts(text)


def test_sections_counted_in_a_paragraph_about_no_network_stay_the_regions() -> None:
    text = "河流水质为优。120个监测断面中,水质优良断面比例为93.0%。"
    assert ("water_sections_count", "actual", 120.0) in facts(text)


def test_pollutants_whose_subscript_a_mirror_lost_keep_their_codes() -> None:
    sulphur = "全市SO 浓度为8μg/m3,同比下降11.1%;"
    text = sulphur + "NO?平均浓度为30微克/立方米;O?平均浓度为150微克/立方米。"
    assert facts(text) == [
        ("so2", "actual", 8.0),
        ("so2", "change", -11.1),
        ("no2", "actual", 30.0),
        ("o3", "actual", 150.0),
    ]


def test_a_question_mark_after_chinese_still_ends_a_sentence() -> None:
    text = "全市空气质量如何?细颗粒物浓度为30微克/立方米。"
    assert facts(text) == [("pm2_5", "actual", 30.0)]


def test_a_class_named_alone_after_a_share_of_its_family_takes_its_sibling() -> None:
    text = "全省共监测地下水质量监测井100眼,其中Ⅱ类水质井占20.0%;Ⅲ类占50.0%。此外,Ⅳ类占10.0%。"
    assert [f for f in facts(text) if f[0].startswith("groundwater_class")] == [
        ("groundwater_class_ii_ratio", "actual", 20.0),
        ("groundwater_class_iii_ratio", "actual", 50.0),
        ("groundwater_class_iv_ratio", "actual", 10.0),
    ]


def test_a_class_named_alone_after_the_good_share_borrows_nothing() -> None:
    text = "全省Ⅰ~Ⅲ类水质断面占90.0%,Ⅳ类占6.0%。"
    assert facts(text) == [("water_sections_good_ratio", "actual", 90.0)]


def test_gdp_in_parentheses_inside_an_intensity_name() -> None:
    text = "全市单位国内生产总值(GDP)二氧化碳排放比2021年降低4.0%。"
    assert facts(text) == [("co2_intensity_reduction", "actual", 4.0)]


def test_a_change_against_a_base_year_continues_the_figure_before() -> None:
    text = "全市企业抽查总合格率为80%,比2021年提高3.0个百分点。"
    assert facts(text) == [
        ("~企业抽查总合格率", "actual", 80.0),
        ("~企业抽查总合格率", "change", 3.0),
    ]


def test_the_sewage_network_built_with_a_plant_is_the_sewage_network() -> None:
    expected = [("sewage_pipeline_length", "actual", 12000.0)]
    assert facts("全市建成配套污水管网1.2万公里。") == expected


def test_a_count_of_places_opening_a_name_is_the_scope_not_the_name() -> None:
    text = "全省11个设区城市区域环境噪声平均为55.0分贝,比上年下降0.2分贝。"
    assert facts(text) == [
        ("~区域环境噪声", "actual", 55.0),
        ("~区域环境噪声", "change", -0.2),
    ]


def test_the_main_freshwater_lakes_and_reservoirs_counted_are_the_lakes_count() -> None:
    text = "全省20个主要淡水湖泊水库中,水质优良湖库比例为90.0%。"
    assert facts(text) == [
        ("key_lakes_monitored_count", "actual", 20.0),
        ("key_lakes_good_ratio", "actual", 90.0),
    ]


def test_county_level_and_above_drinking_sources_counted_before_their_compliance_rate() -> None:
    text = "全省100个县级以上集中式生活饮用水水源水质达标率为100%。"
    assert facts(text) == [
        ("drinking_water_sources_count", "actual", 100.0),
        ("drinking_water_source_compliance_rate", "actual", 100.0),
    ]


# after the measurement of the unseen3 test half (spent): wrong facts removed by classes of wording


def test_days_of_one_aqi_grade_are_no_good_day_count() -> None:
    text = "全年空气质量优良天数为300天,其中优100天,良200天。"
    # the grades land as open vocabulary (xgen6), never as good days, named as the blind sets'
    # labellers name them: the grade's days (xgen8)
    assert facts(text) == [
        ("good_days", "actual", 300.0), ("~优天数", "actual", 100.0), ("~良天数", "actual", 200.0),
    ]  # fmt: skip


def test_a_tributary_network_is_not_the_main_rivers() -> None:
    text = "嘉陵江支流总体水质为良好,50条河流布设的90个监测断面中,Ⅰ~Ⅲ类断面比例为91.0%。"
    assert ("major_rivers_good_ratio", "actual", 91.0) not in facts(text)
    assert ("~河流i-iii类断面比例", "actual", 91.0) in facts(text)


def test_the_main_rivers_spelt_with_jianghe_are_still_the_main_rivers() -> None:
    text = "全省主要江河水质优良断面比例为90.0%。"
    assert facts(text) == [("major_rivers_good_ratio", "actual", 90.0)]


def test_a_named_lakes_points_are_neither_the_network_nor_a_basin() -> None:
    text = "太湖点位水质优良比例为60.5%,同比上升3.1个百分点。"
    assert facts(text) == [
        ("~太湖水质优良比例", "actual", 60.5),
        ("~太湖水质优良比例", "change", 3.1),
    ]


def test_a_carbon_markets_volume_of_all_products_is_not_the_allowance_volume() -> None:
    text = "全市碳市场运行平稳,各类产品累计成交量2000万吨。"
    assert facts(text) == [("~各类产品累计成交量", "actual", 2000.0)]


def test_figures_closing_with_the_object_of_a_goal_are_no_changes() -> None:
    text = (
        "全市PM2.5平均浓度同比下降12.0%,"
        "完成PM2.5平均浓度同比下降3%、重污染天数同比减少5%的年度目标。"
    )
    found = facts(text)
    assert ("pm2_5", "change", -12.0) in found
    assert not [f for f in found if f[1] == "change" and f[2] in (-3.0, -5.0)]


def _regions(text: str) -> list[tuple[str, float, str]]:
    return [(f.indicator_code, f.value, f.region_code)
            for f in extract(text, province="100000", year=2020).facts]  # fmt: skip


def test_the_key_regions_of_several_provinces_are_not_the_country() -> None:
    text = "今年秋冬季,重点区域细颗粒物(PM2.5)平均浓度同比下降12.0%。"
    assert _regions(text) == [("pm2_5", -12.0, "")]


def test_places_closing_the_clause_before_respectively_take_its_figures() -> None:
    text = "PM2.5平均浓度最低的3个城市依次是北京、廊坊和长治,分别为41、52和53微克/立方米。"
    assert _regions(text) == [
        ("pm2_5", 41.0, "110000"),
        ("pm2_5", 52.0, "131000"),
        ("pm2_5", 53.0, "140400"),
    ]


def test_places_tied_for_a_rank_are_no_name_and_borrow_nothing() -> None:
    text = "3月各市臭氧浓度排名为:甲市第一,泉州市和漳州市并列第二,乙市第四。"
    found = extract(text, province="350000", year=2022).facts
    # since xgen6 the tied places each hold the rank; never the province, nor 甲市/乙市
    assert [(f.indicator_code, f.value, f.region_code) for f in found if f.kind == "rank"] == [
        ("o3", 2.0, "350500"), ("o3", 2.0, "350600"),
    ]  # fmt: skip
