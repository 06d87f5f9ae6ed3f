"""Classes of bulletin wording found on the spent gold sets (branch xgen8, issue 13): each test
states the general class, in sentences written for the test (other places and numbers than the
gold texts), and fails without its rule or spelling."""

from __future__ import annotations

from orchestration.extraction.extractor import extract

ANHUI = "340000"


def _facts(text: str, province: str, year: int) -> set[tuple[str, str, str, float, str]]:
    return {
        (f.indicator_code, f.indicator_name_zh, f.kind, f.value, f.unit)
        for f in extract(text, province=province, year=year).facts
    }


def test_days_named_by_an_air_quality_grade_are_that_grade_s_days() -> None:
    """'其中优41天、良230天、轻度污染60天…': each count of days named by a grade alone is an
    open-vocabulary count of that grade's days, never the good days named before it; a grade
    the catalogue spells with 天数 (严重污染) keeps its code."""
    text = (
        "2020年合肥市空气质量达标271天,其中优秀41天,良好230天。"
        "全年超标95天,其中轻度污染60天、中度污染21天、重度污染12天、严重污染2天。"
        "8月全市空气质量优良天数为29天(其中优为17天、良为12天)。"
    )
    facts = _facts(text, ANHUI, 2020)
    assert ("", "优秀天数", "actual", 41.0, "day") in facts
    assert ("", "良好天数", "actual", 230.0, "day") in facts
    assert ("", "轻度污染天数", "actual", 60.0, "day") in facts
    assert ("", "中度污染天数", "actual", 21.0, "day") in facts
    assert ("", "重度污染天数", "actual", 12.0, "day") in facts
    assert ("severe_pollution_days", "严重污染天数", "actual", 2.0, "day") in facts
    assert ("", "优天数", "actual", 17.0, "day") in facts
    assert ("", "良天数", "actual", 12.0, "day") in facts
    assert ("good_days", "优良天数", "actual", 29.0, "day") in facts
    assert ("good_days", "优良天数", "actual", 271.0, "day") in facts  # 空气质量达标 N 天
    # no grade's days borrow the good days' code
    assert not [f for f in facts if f[0] == "good_days" and f[3] not in (29.0, 271.0)]


def test_a_count_after_what_was_done_counts_the_things_named_after_it() -> None:
    """'监测的37个入海河流断面中', '开展水质监测的86个水库': a count after a relative clause (…的)
    counts the things named after it — an open-vocabulary count named by both, not by the
    relative clause alone; places after the count stay the scope of a statement."""
    text = (
        "2019年全省开展水质监测的86个水库中,水质总体良好。"
        "监测的37个入海河流断面中,水质总体为轻度污染。"
        "参与排名的21个城市中,宜春市排名第一。"
    )
    facts = _facts(text, "360000", 2019)
    assert ("", "开展水质监测的水库", "actual", 86.0, "count") in facts
    assert ("", "监测的入海河流断面", "actual", 37.0, "count") in facts
    assert not [f for f in facts if f[3] == 21.0]


def test_classes_counted_after_the_things_they_are_classes_of_are_parts_of_them() -> None:
    """'监测的58个入海河流断面中,…;Ⅲ类19个,占32.8%;劣Ⅴ类4个,占6.9%': a class counted after a
    count of things closed by '中,' (across ';') is a part of those things, and its share right
    after is the part's share — open vocabulary, never the network's coded class share."""
    text = "2019年,监测的58个入海河流断面中,无Ⅰ类水质断面;Ⅲ类19个,占32.8%;劣Ⅴ类4个,占6.9%。"
    facts = _facts(text, "450000", 2019)
    assert ("", "监测的入海河流断面中iii类", "actual", 19.0, "count") in facts
    assert ("", "监测的入海河流断面中iii类占比", "actual", 32.8, "pct") in facts
    assert ("", "监测的入海河流断面中劣v类", "actual", 4.0, "count") in facts
    assert ("", "监测的入海河流断面中劣v类占比", "actual", 6.9, "pct") in facts
    # a class of a network the catalogue names keeps its share unclaimed (no open name, no code)
    network = _facts("2019年,全区52个国控断面中,Ⅱ类20个,占38.5%。", "450000", 2019)
    assert not [f for f in network if f[3] == 38.5]


def test_a_paragraph_opened_by_a_region_without_code_speaks_of_it() -> None:
    """'黄海近岸海域水质良好,…。一类海水比例为40.1%,…': a paragraph opened by a region of
    several provinces or a sea area (regions_without_code) states its figures for that region in
    every sentence — no region, never the country's; the country's figures before it keep theirs."""
    text = (
        "2016年,全国近岸海域水质总体稳定。劣四类海水比例为12.7%。\n"
        "黄海近岸海域水质良好,主要污染指标为无机氮。一类海水比例为40.1%,劣四类海水比例为3.3%。\n"
        "长三角地区空气质量持续改善。PM2.5平均浓度为41微克/立方米。"
    )
    facts = {
        (f.indicator_code, f.value, f.region_code)
        for f in extract(text, province="100000", year=2016).facts
    }
    assert ("coastal_worse_than_iv_ratio", 12.7, "100000") in facts
    assert ("coastal_worse_than_iv_ratio", 3.3, "") in facts
    assert ("", 40.1, "") in facts
    assert ("pm2_5", 41.0, "") in facts
    assert not [f for f in facts if f[1] in (3.3, 40.1, 41.0) and f[2] == "100000"]


def test_a_count_of_days_named_by_its_days_is_clearly_named() -> None:
    """'全年霾天数15天,同比减少3天': a name ending in 天数 right before a count of days names it as
    clearly as 'X为N' (measure_heads) — open vocabulary, its change too; a count of days in
    parentheses after such a name details it and is no figure of its own."""
    text = "2020年全市霾天数15天,同比减少3天;全年有效监测天数(358天)中,优良天数为301天。"
    facts = _facts(text, "130000", 2020)
    assert ("", "霾天数", "actual", 15.0, "day") in facts
    assert ("", "霾天数", "change", -3.0, "day") in facts
    assert not [f for f in facts if f[3] == 358.0]


def test_a_share_of_the_monitored_days_after_a_count_of_good_days_is_their_share() -> None:
    """'优良天数为330天,占全年有效监测天数的90.4%': the share right after the good days, of the
    days monitored, is the good days' share (share_of); the base of a share in parentheses
    ('占全年有效监测天数(358天)的') is no figure, never the good days."""
    text = (
        "2020年全市优良天数为330天,占全年有效监测天数的90.4%。"
        "县城优良天数占全年有效监测天数(358天)的88.5%。"
    )
    facts = _facts(text, "130000", 2020)
    assert ("good_days", "优良天数", "actual", 330.0, "day") in facts
    assert ("good_days_ratio", "优良天数比例", "actual", 90.4, "pct") in facts
    assert not [f for f in facts if f[3] == 358.0]


def test_township_and_rural_sources_counted_are_not_the_centralised_sources() -> None:
    """'31个乡镇集中式饮用水水源地', '57个农村饮用水水源地': a count whose name after it says
    townships or villages (forward_gap_blockers) is no count of the catalogue's sources; it lands
    under its name, which ends with the thing counted, not the statement after it."""
    text = (
        "2019年,全市18个城镇集中式饮用水水源地水质达标率为100%。"
        "31个乡镇集中式饮用水水源地水质总体良好。57个农村饮用水水源地水质稳定。"
    )
    facts = _facts(text, "430000", 2019)
    assert (
        "drinking_water_sources_count",
        "集中式饮用水水源地数量",
        "actual",
        18.0,
        "count",
    ) in facts
    assert ("", "乡镇集中式饮用水水源地", "actual", 31.0, "count") in facts
    assert ("", "农村饮用水水源地", "actual", 57.0, "count") in facts


def test_a_good_share_counted_by_river_length_is_the_river_length_share() -> None:
    """'按河长计水质优良率': a good share weighed by the length of the rivers is the river-length
    share, not the share of the main rivers' sections."""
    facts = _facts("2020年全市256条河流按河长计水质优良率为61.3%。", "440000", 2020)
    assert ("river_length_good_share", "河流Ⅰ—Ⅲ类水质河长占比", "actual", 61.3, "pct") in facts
    assert not [f for f in facts if f[0] == "major_rivers_good_ratio"]


def test_six_pollutants_listed_before_the_ozone_statistic_each_take_their_value() -> None:
    """'SO2、NO2、PM10、PM2.5、CO和O3日最大8小时平均浓度分别为…': O3 named with its 8-hour statistic
    (O3日最大8小时平均浓度) closes the list, and each pollutant before it takes its value and
    its change — not an open-vocabulary 'CO和O3' for some and nothing for the rest."""
    text = (
        "2021年全省SO2、NO2、PM10、PM2.5、CO和O3日最大8小时平均浓度分别为7μg/m3、24μg/m3、"
        "58μg/m3、31μg/m3、1.1mg/m3、142μg/m3,同比分别下降12.5%、4.0%、6.5%、8.8%、8.3%和2.1%。"
    )
    facts = {(f[0], f[2], f[3]) for f in _facts(text, "610000", 2021)}
    assert facts == {
        ("so2", "actual", 7.0), ("no2", "actual", 24.0), ("pm10", "actual", 58.0),
        ("pm2_5", "actual", 31.0), ("co", "actual", 1.1), ("o3", "actual", 142.0),
        ("so2", "change", -12.5), ("no2", "change", -4.0), ("pm10", "change", -6.5),
        ("pm2_5", "change", -8.8), ("co", "change", -8.3), ("o3", "change", -2.1),
    }  # fmt: skip


def test_a_share_named_by_an_air_quality_grade_is_that_grade_s_share_of_days() -> None:
    """'…优良天数比例上升5.1个百分点,轻度污染下降3.2个百分点,…严重污染下降0.4个百分点': a share or
    its change named by a grade alone is the grade's share of days — the catalogue's indicator
    of that name (严重污染天数比例), else open vocabulary; a grade the whole's `parts` name
    (…其中优为40.2%) keeps its code."""
    text = (
        "2022年全省优良天数比例上升5.1个百分点,轻度污染下降3.2个百分点,"
        "中度污染下降1.5个百分点,严重污染下降0.4个百分点。全年优良天数比例为88.1%,其中优为40.2%。"
    )
    facts = _facts(text, "620000", 2022)
    assert ("", "轻度污染天数比例", "change", -3.2, "pp") in facts
    assert ("", "中度污染天数比例", "change", -1.5, "pp") in facts
    assert ("severe_pollution_days_ratio", "严重污染天数比例", "change", -0.4, "pp") in facts
    assert ("excellent_days_ratio", "优级天数比例", "actual", 40.2, "pct") in facts


def test_a_count_after_a_verb_of_what_was_done_counts_the_things_after_it() -> None:
    """'划定87个乡镇饮用水水源保护区', '查处52个环境违法案件': a count right after a verb of what
    was done to the things named after it (count_verbs) is an open-vocabulary count named
    verb + 的 + things; a verb the catalogue names with its things keeps its code."""
    text = "2021年,全省划定87个乡镇饮用水水源保护区,查处52个环境违法案件,检查企业2301家。"
    facts = _facts(text, "520000", 2021)
    assert ("", "划定的乡镇饮用水水源保护区", "actual", 87.0, "count") in facts
    assert ("", "查处的环境违法案件", "actual", 52.0, "count") in facts
    assert ("enterprises_inspected", "检查企业家次", "actual", 2301.0, "count") in facts


def test_a_name_spelt_with_its_rank_word_names_the_rank_after_it() -> None:
    """'南宁空气质量排名全国第7', '柳州市城市水质排名全国第2': a catalogue spelling that ends in
    the rank word (空气质量排名, 城市水质排名) names the rank read from that word on — not an
    open-vocabulary '空气质量' rank."""
    text = "3月,在168个重点城市中,海口空气质量排名全国第7。2021年,三亚市城市水质排名全国第2。"
    facts = _facts(text, "460000", 2021)
    assert ("composite_index", "环境空气质量综合指数", "rank", 7.0, "rank") in facts
    assert ("city_water_quality_index", "城市水环境质量指数", "rank", 2.0, "rank") in facts


def test_the_urban_area_s_regional_noise_is_the_regional_noise() -> None:
    """'城区区域声环境昼间平均等效声级': the urban area (城区) is where regional noise is measured —
    the regional day level, not an open-vocabulary part of it."""
    facts = _facts("2019年贵阳城区区域声环境昼间平均等效声级为53.8分贝。", "520000", 2019)
    assert {f[0] for f in facts} == {"noise_regional_day_leq"}


def test_the_first_months_of_the_year_are_a_cumulative_period_not_the_last_month() -> None:
    """'前10月,…' opening a paragraph of a monthly release: its figures are of January to
    October (like '1-10月,…'), never of October."""
    text = (
        "10月,全省PM2.5平均浓度为28微克/立方米。\n"
        "前10月,全省PM2.5平均浓度为31微克/立方米。\n"
        "前10个月,全省优良天数比例为86.4%。"
    )
    facts = extract(text, province="410000", year=2023, period_code="2023-10").facts
    periods = {f.value: f.period for f in facts}
    assert periods == {28.0: "2023-10", 31.0: "2023-01..2023-10", 86.4: "2023-01..2023-10"}


def test_the_places_with_the_largest_falls_each_state_their_signed_change() -> None:
    """'…9市PM2.5平均浓度均有所下降,其中降幅前3位城市依次是:洛阳市(-18.4%)、…': the places
    with the largest falls of the indicator said to fall before, each with its signed change;
    an unknown place states nothing."""
    text = (
        "与去年同期相比,9市PM2.5平均浓度均有所下降,其中降幅前3位城市依次是:洛阳市(-18.4%)、"
        "开封市(-15.2%)、某某市(-11.0%)。"
    )
    facts = {
        (f.indicator_code, f.kind, f.value, f.region_code)
        for f in extract(text, province="410000", year=2023).facts
        if f.unit == "pct"
    }
    assert facts == {("pm2_5", "change", -18.4, "410300"), ("pm2_5", "change", -15.2, "410200")}


def test_the_place_with_the_largest_figure_named_without_a_place_noun_is_not_the_region() -> None:
    """'…产生量最大的是南京市,产生量为2.1万吨': the figure of the place named as the largest
    (extreme_place_patterns, the place noun now optional) is no figure of the document's
    region."""
    text = "2015年,全省医疗废物产生量最大的是南京市,产生量为2.1万吨。"
    assert not [f for f in extract(text, province="320000", year=2015).facts
                if f.region_code == "320000"]  # fmt: skip
