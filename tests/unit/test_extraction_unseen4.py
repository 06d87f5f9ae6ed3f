"""Wordings of bulletins exposed by the fourth unseen gold set (tests/gold/unseen4): each test
states the general class of wording, in sentences written for the test (not copied from the gold
texts), and fails without its rule or spelling."""

from __future__ import annotations

from functools import partial

from orchestration.extraction.extractor import extract
from tests.unit.extracting import named_facts

JIANGSU = "320000"


facts = partial(named_facts, province=JIANGSU, year=2022)


def test_a_city_bulletin_filed_under_its_province_speaks_for_the_city() -> None:
    text = (
        "市生态环境局昨日发布《2022年无锡市生态环境状况公报》。\n"
        "2022年,全市PM2.5平均浓度为29微克/立方米。"
    )
    extraction = extract(text, province=JIANGSU, year=2022)
    assert extraction.context.region_code == "320200"
    assert {f.region_code for f in extraction.facts} == {"320200"}


def test_a_provincial_bulletin_or_another_provinces_city_keeps_the_given_region() -> None:
    own = "《2022年江苏省生态环境状况公报》发布。全省PM2.5平均浓度为32微克/立方米。"
    other = "《2022年杭州市生态环境状况公报》发布。全省PM2.5平均浓度为32微克/立方米。"
    assert extract(own, province=JIANGSU).context.region_code == JIANGSU
    assert extract(other, province=JIANGSU).context.region_code == JIANGSU


def test_a_span_from_a_past_figure_to_the_report_year_states_actuals() -> None:
    text = "全市PM10浓度由2015年的70微克/立方米下降到2022年的48微克/立方米。"
    assert facts(text) == [("pm10", "actual", 70.0), ("pm10", "actual", 48.0)]
    periods = [f.period for f in extract(text, province=JIANGSU, year=2022).facts]
    assert periods == ["2015", "2022"]


def test_a_span_to_a_later_year_stays_a_goal() -> None:
    text = "全市PM10浓度从2020年的70微克/立方米下降到2025年的55微克/立方米。"
    assert [kind for _, kind, _ in facts(text)][-1] == "target"


def test_a_citys_own_section_network_is_not_the_national_sections() -> None:
    codes = [code for code, _, _ in facts("全市市控断面水质优良率为81.0%。")]
    assert "water_sections_good_ratio" not in codes
    assert facts("全市国控断面水质优良率为81.0%。") == [
        ("water_sections_good_ratio", "actual", 81.0)
    ]


def test_what_a_regions_companies_bought_is_not_the_markets_turnover() -> None:
    text = "全省纳入配额管理的企业累计买入碳排放配额120万吨、成交额0.55亿元。"
    assert "carbon_turnover" not in [code for code, _, _ in facts(text)]


def test_a_name_closing_a_list_before_respectively_names_its_own_number_only() -> None:
    text = "全市二氧化硫、化学需氧量、氮氧化物减排量分别为310吨、120吨、450吨。"
    named = facts(text)
    assert [v for code, _, v in named if code == "voc_nox_emission_reduction"] in ([], [450.0])
    assert not [v for code, _, v in named if code.startswith("voc_") and v != 450.0]


def test_parts_of_one_subject_joined_by_semicolons_complete_its_name() -> None:
    text = "全省工业危险废物产生量为120.5万吨;综合利用量为80.2万吨,比上年增加3.1%;贮存量为9.6万吨。"
    assert facts(text) == [
        ("industrial_hazardous_waste_generated", "actual", 120.5),
        ("industrial_hazardous_waste_utilized", "actual", 80.2),
        ("industrial_hazardous_waste_stored", "actual", 9.6),
        ("industrial_hazardous_waste_utilized", "change", 3.1),
    ]


def test_a_full_stop_ends_the_run_of_parts() -> None:
    text = "全省工业危险废物产生量为120.5万吨。综合利用量为80.2万吨。"
    assert [code for code, _, _ in facts(text)][1:] == ["~综合利用量"]


def test_the_weights_of_a_composite_score_are_no_figures() -> None:
    text = "按照综合指数、改善幅度和优良天数比率排名位次数值各占20%、30%和50%的权重计算。"
    assert facts(text) == []
    assert facts("全市空气质量优良天数比率为80.5%。") == [("good_days_ratio", "actual", 80.5)]


def test_a_list_of_amplitudes_after_a_list_of_names_gives_each_its_change() -> None:
    text = "全市PM10、二氧化氮和臭氧浓度同比下降,降幅分别为12%、8.5%和3%。"
    assert facts(text) == [
        ("pm10", "change", -12.0),
        ("no2", "change", -8.5),
        ("o3", "change", -3.0),
    ]


def test_the_last_number_joined_by_and_continues_a_list_of_changes() -> None:
    text = "全市PM10和二氧化氮浓度同比分别下降12%和8.5%。"
    assert facts(text) == [("pm10", "change", -12.0), ("no2", "change", -8.5)]


def test_a_part_of_a_province_named_by_its_side_gets_no_region() -> None:
    text = "苏北5城市PM2.5浓度同比下降6.1%。"
    assert {f.region_code for f in extract(text, province=JIANGSU, year=2022).facts} == {""}


# -- after the fourth measurement (branch xgen6) -------------------------------------------------
HENAN = "410000"


def _regions(text: str, province: str = HENAN) -> list[tuple[str, float, str]]:
    return [(f.indicator_code, f.value, f.region_code)
            for f in extract(text, province=province, year=2023).facts]  # fmt: skip


def test_the_figure_of_the_best_or_worst_places_is_each_of_theirs() -> None:
    text = (
        "二氧化氮浓度最低的城市是信阳、南阳和驻马店市,为18微克/立方米;"
        "最高的城市是郑州市,为41微克/立方米。"
    )
    assert _regions(text) == [
        ("no2", 18.0, "411500"), ("no2", 18.0, "411300"), ("no2", 18.0, "411700"),
        ("no2", 41.0, "410100"),
    ]  # fmt: skip


def test_the_best_place_unknown_to_the_reference_gives_the_region_nothing() -> None:
    text = "二氧化氮浓度最低的城市是航空港新区,为18微克/立方米。"
    assert [r for r in _regions(text) if r[2] == HENAN] == []


def test_places_counted_without_a_classifier_share_the_values_out() -> None:
    text = "洛阳、开封和新乡3城市优良天数比例分别为71.2%、65.0%和60.3%。"
    assert _regions(text) == [
        ("good_days_ratio", 71.2, "410300"), ("good_days_ratio", 65.0, "410200"),
        ("good_days_ratio", 60.3, "410700"),
    ]  # fmt: skip


def test_a_rank_among_counted_cities_borrows_no_figure_said_before_it() -> None:
    text = "郑州市环境空气优良天数比例为76.4%,在全国168个重点城市中排名第九十位。"
    assert [f for f in extract(text, province=HENAN, year=2023).facts if f.kind == "rank"] == []
    index = "郑州市环境空气质量综合指数为4.81,在全国168个重点城市中排名第90位。"
    assert ("composite_index", 90.0) in [
        (f.indicator_code, f.value) for f in extract(index, province=HENAN).facts
    ]  # the figure such rankings are made by
    own = "郑州市环境空气质量综合指数在全国168个重点城市中排名第90位。"
    assert [(f.indicator_code, f.kind, f.value) for f in extract(own, province=HENAN).facts] == [
        ("composite_index", "rank", 90.0)
    ]


def test_a_sewage_treatment_rate_of_towns_is_not_the_cities_rate() -> None:
    for text in ("全省县城及以上城镇污水处理率达81.3%。", "全省县城污水处理率为93.0%。"):
        assert [code for code, _, _ in facts(text)] == ["~" + text[2:-7]]
    assert facts("全省城市污水处理率达97.2%。") == [("sewage_treatment_rate", "actual", 97.2)]


def test_the_sewage_collection_rate_is_not_the_treatment_rate() -> None:
    """The 14th five-year plan's 城市生活污水集中收集率 (≈ 60–70 %: how much sewage reaches a plant)
    and the treatment rate (≈ 97 %: how much of what is counted is treated) are two indicators."""
    assert facts("全省城市生活污水集中收集率达到68.4%。") == [
        ("sewage_collection_rate", "actual", 68.4)
    ]
    assert facts("全省城市生活污水处理率达到96.5%。") == [("sewage_treatment_rate", "actual", 96.5)]


def test_respectively_over_items_its_clause_does_not_list_lends_no_name() -> None:
    text = "全市各类功能区夜间达标率分别为90.0%、85.7%、75.0%。"
    assert facts(text) == []
    listed = "全市1类、2类功能区夜间达标率分别为90.0%、85.7%。"
    assert [v for _, _, v in facts(listed)] in ([], [90.0, 85.7])
    halves = "全市3类功能区昼夜间达标率分别为97.1%和88.0%。"
    assert [v for _, _, v in facts(halves)] == [97.1, 88.0]


def test_numbers_run_together_by_a_lost_separator_are_one_list() -> None:
    text = "全市各类功能区昼间达标率分别为95.0%88.9%、100%。"
    assert facts(text) == []


def test_the_bounds_of_a_spread_written_with_their_units_are_no_figure() -> None:
    text = "各县区PM10浓度在38微克/立方米至72微克/立方米之间。"
    assert facts(text) == []


def test_the_transmission_channel_cities_are_a_group_without_a_code() -> None:
    text = "传输通道城市PM10平均浓度为71微克/立方米,同比下降3.2%;二氧化氮平均浓度为30微克/立方米。"
    assert [(f.indicator_code, f.value, f.region_code) for f in
            extract(text, province=HENAN, year=2023).facts] == [
        ("pm10", 71.0, ""), ("pm10", -3.2, ""), ("no2", 30.0, ""),
    ]  # fmt: skip


def test_none_of_a_bad_class_said_before_or_after_its_name_is_zero() -> None:
    for text in ("全省国考断面水质优良比例为90.1%;无劣Ⅴ类水体。",
                 "全省国考断面劣V类水体清零。",
                 "全省国考断面水质优良比例为90.1%;劣Ⅴ类水体持续为0。"):  # fmt: skip
        assert ("water_sections_worse_than_v_ratio", "actual", 0.0) in facts(text), text


def test_a_sentence_joined_by_a_semicolon_keeps_the_unknown_subject_before_it() -> None:
    text = (
        "全市地表水监测断面水质优良比例为90.0%。Ⅰ-Ⅱ类水质比例为60.1%;"
        "Ⅴ类水质比例为1.2%;无劣Ⅴ类水质。"
    )
    named = facts(text)
    assert [code for code, _, _ in named if not code.startswith("~")] == []
    assert [v for _, _, v in named] == [90.0, 60.1, 1.2, 0.0]


def test_none_of_a_bad_class_said_of_a_part_lands_under_the_parts_name() -> None:
    text = "全省主要河流监测断面水质优良比例为88.4%,同比上升1.2个百分点,无劣Ⅴ类断面。"
    zero = [(code, v) for code, kind, v in facts(text) if v == 0.0]
    assert len(zero) == 1 and zero[0][0].startswith("~") and "主要河流" in zero[0][0]


def test_a_count_of_cities_right_before_their_sources_counts_the_sources() -> None:
    text = "全省41个城市集中式饮用水水源地水质达标率为97.6%。"
    assert facts(text)[0] == ("drinking_water_sources_count", "actual", 41.0)
    cities = "全省4个城市的国家地表水考核断面水质排名进入全国前30位。"
    assert "water_sections_count" not in [code for code, _, _ in facts(cities)]


def test_a_count_of_places_that_did_what_its_clause_says_is_an_open_count() -> None:
    text = "9市PM10浓度同比下降;4市同比持平;其余5个城市同比上升。"
    assert [(code[:1], v) for code, _, v in facts(text)] == [("~", 9.0), ("~", 4.0), ("~", 5.0)]


def test_places_a_statement_is_about_or_said_over_are_no_count() -> None:
    assert facts("全省13市均未出现重污染天气。") == []
    assert facts("全省13个设区市PM10平均浓度为61微克/立方米。") == [("pm10", "actual", 61.0)]
    assert [v for _, _, v in facts("全省13个城市中,9个城市同比下降。")] == [9.0]


def test_county_level_cities_are_not_the_cities_an_indicator_counts() -> None:
    text = "全国1790个县级城市声环境功能区划分全覆盖。"
    assert "noise_zoning_cities_completed" not in [code for code, _, _ in facts(text)]


def test_grades_named_in_one_word_after_the_whole_land_under_its_name() -> None:
    text = "全年空气质量优良天数为341天,其中优152天,良189天。"
    # days of a grade are named as the grade's days (xgen8: _days_of_a_grade)
    assert facts(text) == [
        ("good_days", "actual", 341.0), ("~优天数", "actual", 152.0), ("~良天数", "actual", 189.0),
    ]  # fmt: skip
    rural = "全市农村区域环境空气质量较好,总优良率为91.2%,其中优为44.0%、良为47.2%。"
    assert [code for code, _, _ in facts(rural)] == ["~总优良率", "~总优良率中优", "~总优良率中良"]


def test_a_count_of_times_after_a_verb_of_occurrence_counts_the_event() -> None:
    assert facts("全年近岸海域共发现12次赤潮。") == [("~赤潮次数", "actual", 12.0)]
    assert facts("全省共出现3次区域性沙尘天气。") == [("~区域性沙尘天气次数", "actual", 3.0)]
    assert facts("全市开展执法检查1200余次。") == []


def test_things_listed_before_respectively_share_the_verb_and_head_of_the_last() -> None:
    text = "全市二氧化硫、氨氮、挥发性有机物减排量分别为410吨、95吨、380吨。"
    assert facts(text) == [
        ("~二氧化硫减排量", "actual", 410.0), ("~氨氮减排量", "actual", 95.0),
        ("~挥发性有机物减排量", "actual", 380.0),
    ]  # fmt: skip
    changes = "全省危险废物集中、应急处置能力与上年相比分别增长8.5%、120.3%。"
    assert facts(changes) == [
        ("~危险废物集中处置能力", "change", 8.5), ("~应急处置能力", "change", 120.3),
    ]  # fmt: skip


def test_the_share_of_a_pollution_grade_said_without_days_is_that_grades_share() -> None:
    text = "全省严重污染比例为0.8%,重污染比例减少2.5个百分点,重度污染比例为1.1%。"
    named = facts(text)
    assert ("severe_pollution_days_ratio", "actual", 0.8) in named
    assert ("heavy_pollution_days_ratio", "change", -2.5) in named
    assert ("~重度污染比例", "actual", 1.1) in named  # 重度 alone is no 重污染 (重度及以上)


def test_all_of_xinjiang_said_as_quanjiang_is_the_region_itself() -> None:
    text = "全疆优良天数比例为80.3%,同比增加4.1个百分点。"
    assert facts(text) == [("good_days_ratio", "actual", 80.3), ("good_days_ratio", "change", 4.1)]


def test_places_tied_for_a_rank_in_a_prose_ranking_each_hold_it() -> None:
    text = "PM10月均浓度排名为:洛阳市第一,开封市和新乡市并列第二,郑州市第四。"
    assert _regions(text) == [
        ("pm10", 1.0, "410300"), ("pm10", 2.0, "410200"), ("pm10", 2.0, "410700"),
        ("pm10", 4.0, "410100"),
    ]  # fmt: skip


def test_a_detail_in_parentheses_after_a_figure_borrows_no_name_before_it() -> None:
    text = "全年优良天数301天,重度污染3天(含2天沙尘影响)。"
    assert ("good_days", "actual", 2.0) not in facts(text)


def test_a_name_before_a_count_of_days_that_spells_an_indicator_with_days_names_it() -> None:
    assert facts("全年优良天数301天,重污染4天。") == [
        ("good_days", "actual", 301.0), ("heavy_pollution_days", "actual", 4.0),
    ]  # fmt: skip
    # no indicator of 轻度污染天数: no code is guessed; the grade's days keep their stated name
    assert facts("全年轻度污染40天。") == [("~轻度污染天数", "actual", 40.0)]


def test_a_half_year_named_before_a_figure_of_a_yearly_bulletin_is_its_period() -> None:
    text = "全市上半年PM2.5平均浓度为35微克/立方米,同比下降5.4%;下半年为28微克/立方米。"
    periods = [(f.value, f.period) for f in extract(text, province=JIANGSU, year=2022).facts]
    assert periods[:2] == [(35.0, "2022-01..2022-06"), (-5.4, "2022-01..2022-06")]
    assert all(p != "2022" for _, p in periods)
    whole = "全市上半年PM2.5平均浓度为35微克/立方米,全年平均浓度为30微克/立方米。"
    assert [f.period for f in extract(whole, province=JIANGSU, year=2022).facts][-1] == "2022"


def test_a_web_pages_path_before_a_headline_is_no_part_of_a_name() -> None:
    text = (
        "新闻中心 > 地方新闻 > >> 2022年江苏水环境质量跃居全国第三\n\n"
        "2022年江苏水环境质量跃居全国第三\n"
    )
    assert facts(text) == [("~水环境质量", "rank", 3.0)]


def test_a_count_of_qualified_places_is_the_scope_of_a_statement() -> None:
    text = "9个沿海省区市中,江苏和山东近岸海域水质为优。"
    assert facts(text) == []


def test_a_bound_of_a_figure_stated_exactly_is_no_second_fact() -> None:
    text = (
        "全省PM2.5年均浓度为33微克/立方米,同比下降5.7%。"
        "十四五以来,全省PM2.5浓度首次降到35以下(年均浓度低于35微克/立方米)。"
    )
    assert [v for code, kind, v in facts(text) if code == "pm2_5" and kind == "actual"] == [33.0]
    alone = "全省PM2.5年均浓度低于35微克/立方米。"
    assert facts(alone) == [("pm2_5", "actual", 35.0)]  # a bound alone is kept, as stated


def test_a_generic_measure_after_a_count_of_named_things_is_of_those_things() -> None:
    text = "全省共有自然保护地215处,总面积301.5万公顷。"
    assert facts(text)[-1] == ("~自然保护地总面积", "actual", 301.5)
    events = "全年近岸海域共发现9次赤潮,累计面积为410平方公里。"
    assert facts(events)[-1] == ("~赤潮面积", "actual", 410.0)
    share = "全省共有自然保护地215处,占比为12.4%。"
    assert ("~自然保护地占比", "actual", 12.4) not in facts(share)


def test_prefectures_counted_as_dishi_are_the_scope_of_a_statement() -> None:
    text = "全省16个地市PM2.5平均浓度为31微克/立方米,7个地市达到二级标准。"
    named = facts(text)
    assert named[0] == ("pm2_5", "actual", 31.0)
    assert [v for code, _, v in named if code.startswith("~")] == [7.0]
    assert "pm2.5" in facts("全省9市PM2.5浓度达标。")[0][0]  # a name keeps its digits


def test_the_share_of_a_count_of_cities_said_of_all_cities_is_its_share() -> None:
    text = "全国339个地级及以上城市中,210个城市环境空气质量达标,占全部城市数的61.9%。"
    assert named_facts(text, province="100000", year=2022) == [
        ("air_quality_compliant_cities_count", "actual", 210.0),
        ("air_quality_compliant_cities_share", "actual", 61.9),
    ]


def test_a_count_of_monitored_things_qualified_as_main_is_their_count() -> None:
    assert facts("全省21条主要河流水质总体为优。") == [("~主要河流", "actual", 21.0)]


def test_the_places_of_lower_figures_each_with_its_own_in_parentheses() -> None:
    text = "全省PM10浓度较低的城市为信阳市(48微克/立方米)和南阳市(55微克/立方米)。"
    assert _regions(text) == [("pm10", 48.0, "411500"), ("pm10", 55.0, "411300")]


def test_the_sources_compliance_rate_said_without_water_quality_is_the_rate() -> None:
    text = "全省县级以上城市集中式饮用水水源地达标率为98.5%。"
    assert facts(text) == [("drinking_water_source_compliance_rate", "actual", 98.5)]
