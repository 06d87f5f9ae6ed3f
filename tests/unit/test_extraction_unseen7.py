"""Wordings of bulletins found in the development half of the seventh unseen gold set
(tests/gold/unseen7/dev), before its test half was measured: each test states the general class
of wording, in sentences written for the test (not copied from the gold texts), and fails
without its rule or spelling."""

from __future__ import annotations

from orchestration.extraction.extractor import extract
from tests.unit.extracting import named_facts


def test_a_separator_a_mirror_site_lost_is_restored() -> None:
    """'…同比下降18.2%NO2浓度为31微克/立方米': a unit glued to the Latin name that opens the next
    clause ends its clause, so the next figure is named by its own pollutant, not by words of
    the figure before; quotes and offsets stay those of the text as published."""
    text = (
        "3月,全市SO2浓度为8微克/立方米,同比下降11.1%NO2浓度为31微克/立方米,"
        "同比下降18.2%。PM10浓度为58微克/立方米(同比下降42.0%)O3浓度为96微克/立方米。"
    )
    assert named_facts(text, province="420100", year=2021) == [
        ("so2", "actual", 8.0),
        ("so2", "change", -11.1),
        ("no2", "actual", 31.0),
        ("no2", "change", -18.2),
        ("pm10", "actual", 58.0),
        ("pm10", "change", -42.0),
        ("o3", "actual", 96.0),
    ]
    (no2,) = [f for f in extract(text, "420100", 2021).facts if f.value == 31.0]
    assert text[no2.char_start : no2.char_end] == no2.quote
    assert no2.quote.startswith("NO2浓度为31")


def test_the_days_of_one_grade_are_not_the_days_over_the_standard() -> None:
    """'轻度污染天数比例', '中度污染天数比例': the share of days of one grade of pollution is a
    part of the days over the standard (maps/cues.yml subsets: pollution_grades), not their
    share, which 污染天数比例 alone names."""
    text = "2月,全市轻度污染天数比例为9.8%,中度污染天数比例为1.2%。"
    assert named_facts(text, province="430100", year=2021) == [
        ("~轻度污染天数比例", "actual", 9.8),
        ("~中度污染天数比例", "actual", 1.2),
    ]
    text = "2月,全市污染天数比例为11.0%。"
    assert named_facts(text, province="430100", year=2021) == [
        ("exceedance_days_ratio", "actual", 11.0)
    ]


def test_the_cities_where_the_governments_sit_are_the_provinces_cities() -> None:
    """'14个市州政府所在城市' (the cities where the prefectures' governments sit) is how a
    provincial release names its cities as a whole: their figure is the province's."""
    text = "2021年5月,全省13个市州政府所在城市平均优良天数比例为91.7%。"
    assert named_facts(text, province="430000", year=2021) == [("good_days_ratio", "actual", 91.7)]


def test_the_last_words_of_a_longer_name_finish_no_other_name() -> None:
    """'…空气质量达标330天,…其中臭氧超标天数21天': 天数 is the end of the ozone's own name, not a
    head finishing 环境空气质量达标 into the good days — a wrong indicator before; the figure
    keeps no code rather than borrow one."""
    text = "2022年,全年环境空气质量达标330天,超标35天,其中臭氧超标天数21天,同比增加4天。"
    codes = {value: code for code, _, value in named_facts(text, province="330200", year=2022)}
    assert codes.get(21.0, "") != "good_days"
    assert codes.get(4.0, "") != "good_days"


def test_days_said_after_the_name_of_another_indicator() -> None:
    """'环境空气质量达标318天': a name of another indicator (the compliant cities) right before a
    count of days that, with 天数, spells an indicator of days (环境空气质量达标天数: the good
    days) names that one."""
    text = "2021年,全年环境空气质量达标318天。"
    assert named_facts(text, province="330200", year=2021) == [("good_days", "actual", 318.0)]


def test_the_average_of_a_spread_over_places_is_not_the_regions_figure() -> None:
    """'各区县…优良率范围在85.2%-97.0%之间,平均为91.1%': the places' average (and the change
    said right after it) keeps its stated name; the region's own figure keeps its code."""
    text = (
        "2022年,全市空气质量优良天数比率为92.6%。各区(县、市)环境空气质量优良率范围在"
        "85.2%-97.0%之间,平均为91.1%,同比上升1.3个百分点。"
    )
    assert named_facts(text, province="330200", year=2022) == [
        ("good_days_ratio", "actual", 92.6),
        ("~空气质量优良率平均值", "actual", 91.1),
        ("~空气质量优良率平均值", "change", 1.3),
    ]


def test_a_place_named_right_after_its_year_is_known() -> None:
    """'2021年兰州市空气质量达标天数296天': the guard against unknown places read 年兰州市 as a
    place the reference does not know and voided the figure; the place is 兰州市."""
    text = "2020年西宁市空气质量达标天数320天。"
    assert named_facts(text, province="630100", year=2020) == [("good_days", "actual", 320.0)]


def test_the_air_quality_compliance_rate_is_the_good_days_ratio() -> None:
    """City releases call the good-days ratio 空气质量达标率 (the days whose AQI meets the
    standard, ≤ 100, over the valid days), beside 空气质量达标天数 for the good days."""
    text = "2020年,全市空气质量达标天数301天,空气质量达标率82.2%。"
    assert named_facts(text, province="620100", year=2020) == [
        ("good_days", "actual", 301.0),
        ("good_days_ratio", "actual", 82.2),
    ]


def test_things_of_every_kind_and_level_are_all_of_them() -> None:
    """'共建立各种类型、不同级别的自然保护区181个': every kind and level of reserve is all the
    reserves (subject_words: self_reference), not a part to abstain on."""
    text = "截至2020年底,全省共建立各种类型、不同级别的自然保护区181个,总面积约350万公顷。"
    assert named_facts(text, province="360000", year=2020) == [
        ("nature_reserves_count", "actual", 181.0),
        ("nature_reserves_area", "actual", 350.0),
    ]


def test_the_national_networks_monitoring_sections_are_counted() -> None:
    """国控地表水监测断面 (the national network's monitored sections) is a spelling of the
    sections' count, as 国家地表水环境质量监测断面 is."""
    text = "2016年,全国1940个国控地表水监测断面中,Ⅰ至Ⅲ类水质断面占67.8%。"
    assert named_facts(text, province="100000", year=2016) == [
        ("water_sections_count", "actual", 1940.0),
        ("water_sections_good_ratio", "actual", 67.8),
    ]


def test_the_day_a_release_is_reported_is_not_its_month() -> None:
    """'8月23日,记者…获悉,今年7月,全省…' in a release of July: a date with its day (8月23日) is
    when the news was told, not the months of the figures; 7月 is."""
    text = "8月23日,记者从省生态环境厅获悉,今年7月,全省PM2.5月均浓度为16微克/立方米。"
    facts = extract(text, "360000", 2021, period_code="2021-07").facts
    assert [f.period for f in facts] == ["2021-07"]


def test_sections_on_a_boundary_are_a_part_of_their_own() -> None:
    """'…饮用水源地水质达标率为100%;省界断面水质优良比例为95.0%': the boundary sections are a part
    of the sections (subsets: boundaries) — not the whole network, and not the drinking-water
    sources said before them."""
    text = (
        "2021年6月,全省设区城市饮用水源地水质达标率为100%;省界断面水质优良比例为95.0%,"
        "市界断面水质优良比例为96.2%。"
    )
    assert named_facts(text, province="360000", year=2021) == [
        ("drinking_water_source_compliance_rate", "actual", 100.0),
        ("~省界断面水质优良比例", "actual", 95.0),
        ("~市界断面水质优良比例", "actual", 96.2),
    ]


def test_a_name_that_cannot_measure_the_number_is_the_topic_of_a_longer_name() -> None:
    """'空气质量优的天数为80天': 空气质量 spells the composite index (an index), which cannot count
    days — it is the topic of the number's own longer name, which lands as open vocabulary
    instead of leaving the number unread."""
    text = "2014年,全市空气质量优的天数为80天。"
    assert named_facts(text, province="350200", year=2014) == [
        ("~空气质量优的天数", "actual", 80.0)
    ]


def test_a_later_years_months_to_date_are_their_period() -> None:
    """A news item on last year's figures that goes on to this year's ('2023年1至4月份,全市…'):
    the months named, with their own year, are the period — not the report year."""
    text = "2022年,全市优良天数为301天。2023年1至4月份,全市环境空气质量优良天数98天,同比增加5天。"
    assert [(f.value, f.period) for f in extract(text, "620100", 2022).facts] == [
        (301.0, "2022"),
        (98.0, "2023-01..2023-04"),
        (5.0, "2023-01..2023-04"),
    ]


def test_the_places_whose_figure_changed_most_each_hold_their_change() -> None:
    """'…12个城市浓度均有不同程度下降,下降幅度较大的有娄底市(-38.1%)、邵阳市(-36.0%)': each
    place's signed change of the indicator said before in the sentence (浓度 said in part: the
    PM2.5 concentration); a change in points ('(上升12.5个百分点)') is read as such."""
    text = (
        "3月,全省PM2.5平均浓度为35微克/立方米,同比下降20.5%,12个城市浓度均有不同程度下降,"
        "下降幅度较大的有娄底市(-38.1%)、邵阳市(-36.0%)。全省平均优良天数比例上升10.2个百分点,"
        "12个城市优良天数比例均有不同程度上升,上升幅度较大的有娄底市(上升12.5个百分点)。"
    )
    facts = [(f.indicator_code, f.kind, f.value, f.unit, f.region_code)
             for f in extract(text, "430000", 2021).facts]  # fmt: skip
    assert ("pm2_5", "change", -38.1, "pct", "431300") in facts
    assert ("pm2_5", "change", -36.0, "pct", "430500") in facts
    assert ("good_days_ratio", "change", 12.5, "pp", "431300") in facts
    assert ("pm2_5", "change", -20.5, "pct", "430000") in facts


def test_a_lost_separator_after_a_list_of_places_ends_the_sentence() -> None:
    """'…下降幅度较大的有怀化市(-49.5%)、湘西州(-46.8%)O3浓度为82微克/立方米': the separator a
    mirror lost after a list of places ends its sentence, so the next figure is the region's,
    not one of the listed places'."""
    text = (
        "1月,12个城市浓度均有不同程度下降,下降幅度较大的有岳阳市(-30.5%)、常德市(-28.0%)"
        "O3浓度为75微克/立方米,同比上升8.7%。"
    )
    facts = [(f.indicator_code, f.kind, f.value, f.region_code)
             for f in extract(text, "430000", 2021).facts]  # fmt: skip
    assert ("o3", "actual", 75.0, "430000") in facts
    assert ("o3", "change", 8.7, "430000") in facts


def test_classes_listed_before_the_name_they_share_each_take_their_number() -> None:
    """'Ⅰ~Ⅲ类、Ⅳ~Ⅴ类和劣Ⅴ类水质断面分别占…': each class (or span of classes) + the shared name
    (+ 比例 for a share) names its number — the catalogue's code where that is a spelling, else
    open vocabulary; never the last class's name for all, nor the list as one name."""
    text = "2016年,全国Ⅰ~Ⅲ类、Ⅳ~Ⅴ类和劣Ⅴ类水质断面分别占67.8%、23.7%和8.6%。"
    assert sorted(named_facts(text, province="100000", year=2016), key=lambda f: f[2]) == [
        ("water_sections_worse_than_v_ratio", "actual", 8.6),
        ("~iv-v类水质断面比例", "actual", 23.7),
        ("water_sections_good_ratio", "actual", 67.8),
    ]


def test_a_city_network_word_is_no_unknown_place() -> None:
    """'地表水市控及以上断面…': 市 opening 市控 (the city's own network) ends no place name, so the
    figure is not voided as a place the reference does not know — it lands under its part."""
    text = "2022年,地表水市控及以上断面水质优良比例同比上升2.4个百分点。"
    assert named_facts(text, province="330200", year=2022) == [
        ("~市控断面水质优良比例", "change", 2.4)
    ]


def test_a_change_of_an_index_said_without_a_unit_is_in_the_indexs_unit() -> None:
    """'综合指数为3.45,同比下降0.12': the change right after the index's level, without a unit,
    is a change in index points."""
    text = "2022年,全市环境空气质量综合指数为3.45,同比下降0.12。"
    facts = [(f.indicator_code, f.kind, f.value, f.unit)
             for f in extract(text, "330200", 2022).facts]  # fmt: skip
    assert facts == [
        ("composite_index", "actual", 3.45, "index"),
        ("composite_index", "change", -0.12, "index"),
    ]


def test_what_people_care_about_is_a_description_not_a_part() -> None:
    """'市民最关心的PM2.5年均浓度为25μg/m³': a relative clause of who cares about a figure
    describes it; it names no part to abstain on (subject_patterns)."""
    text = "2021年,市民最关心的PM2.5年均浓度为25μg/m³。"
    assert named_facts(text, province="330200", year=2021) == [("pm2_5", "actual", 25.0)]


def test_all_the_places_doing_something_is_no_count_but_the_rest_is() -> None:
    """'12个城市浓度均有不同程度下降': a statement about all the places at once is no count of
    places that did it; '其余9个市州均有不同程度的上升' — the rest — is."""
    text = "2月,全省12个城市浓度均有不同程度下降。除长沙外,其余9个市州均有不同程度的上升。"
    assert [v for _, _, v in named_facts(text, province="430000", year=2021)] == [9.0]


def test_the_places_changed_most_of_an_indicator_said_before_take_the_openers_direction() -> None:
    """'O3浓度为70…,其余9个市州均有不同程度的上升,上升幅度较大的有长沙市(25.1%)': no name before
    均有 — the indicator is the one said last before it in the sentence — and an item without its
    own sign takes the opener's direction (上升幅度: a rise)."""
    text = (
        "3月,全省O3浓度为70微克/立方米,同比上升8.0%,其余9个市州均有不同程度的上升,"
        "上升幅度较大的有长沙市(25.1%)和株洲市(20.4%)。"
    )
    facts = [(f.indicator_code, f.kind, f.value, f.region_code)
             for f in extract(text, "430000", 2021).facts]  # fmt: skip
    assert ("o3", "change", 25.1, "430100") in facts
    assert ("o3", "change", 20.4, "430200") in facts


def test_the_composite_quality_index_said_bare_is_the_airs_unless_qualified() -> None:
    """'…,综合质量指数4.62,同比下降2.1%' after a clause break is the air's composite index (a
    bare spelling: only when nothing qualifies it); '河流水质综合质量指数' is another index."""
    text = "2021年,全市空气质量优良天数为310天,综合质量指数4.62,同比下降2.1%。"
    assert named_facts(text, province="620100", year=2021)[1:] == [
        ("composite_index", "actual", 4.62),
        ("composite_index", "change", -2.1),
    ]
    text = "2021年,全市河流水质综合质量指数为0.42。"
    assert named_facts(text, province="620100", year=2021) == [
        ("~河流水质综合质量指数", "actual", 0.42)
    ]


def test_days_over_the_standard_said_with_the_verb_are_named() -> None:
    """'全年环境空气质量达标330天,超标35天': the days over the standard said by the verb alone
    (超标, a measure head for a count of days) land under it, beside the good days."""
    text = "2022年,全年环境空气质量达标330天,超标35天。"
    assert named_facts(text, province="330200", year=2022) == [
        ("good_days", "actual", 330.0),
        ("~超标", "actual", 35.0),
    ]


def test_a_departure_from_the_normal_is_marked_as_a_signed_difference() -> None:
    """Written after the seventh set's measurement, whose climate bulletin gave the first
    negative open figures ('…较常年偏少8.1个'): a departure from the climate normal is marked
    (is_departure_from_normal), so the warehouse's check that an open level is never negative
    can tell it from a level; a level beside it is not marked."""
    text = "2022年,全国平均气温10.5℃,较常年偏高0.6℃;平均降水量606.1毫米,较常年偏少4.9%。"
    marked = [(f.value, f.is_departure_from_normal) for f in extract(text, "100000", 2022).facts]
    assert (10.5, False) in marked
    assert (-4.9, True) in marked


def test_names_before_a_second_respectively_are_those_said_since_the_first_list() -> None:
    """Written after the seventh set's measurement: '…浓度分别为:16、30、90…,其中四项污染物PM2.5、
    PM10、O3、NO2较去年同期分别下降了4.2%、…' — the names of the second 分别 are those said
    since the numbers of the first list, each its own change; never the last name for all."""
    text = (
        "3月,全市PM2.5、PM10、O3、SO2、NO2浓度分别为:16微克/立方米、30微克/立方米、"
        "90微克/立方米、6微克/立方米、9微克/立方米,其中四项污染物PM2.5、PM10、O3、NO2较去年同期"
        "分别下降了4.2%、12.5%、3.0%、20.1%。"
    )
    changes = [(code, v) for code, kind, v in named_facts(text, province="460100", year=2024)
               if kind == "change"]  # fmt: skip
    assert changes == [("pm2_5", -4.2), ("pm10", -12.5), ("o3", -3.0), ("no2", -20.1)]


def test_a_concentration_said_in_micrograms_alone_is_per_cubic_metre() -> None:
    """Written after the seventh set's measurement: a press release's '同比下降21微克' and '浓度为
    30微克' shorten 微克/立方米 (units.csv: 微克 is a spelling of ug_m3); 微克/升 stays a water
    concentration."""
    text = (
        "2021年1—6月,全市PM2.5浓度为35微克/立方米,同比下降21微克、降幅37.5%;二氧化氮浓度为30微克。"
    )
    read = extract(text, "150100", 2021, period_code="2021-01..2021-06")
    facts = [(f.indicator_code, f.kind, f.value, f.unit) for f in read.facts]
    assert ("pm2_5", "change", -21.0, "ug_m3") in facts
    assert ("no2", "actual", 30.0, "ug_m3") in facts


def test_districts_listed_before_the_good_days_each_hold_theirs() -> None:
    """Written after the seventh set's measurement: 环境空气质量优良天数 is a spelling of the good
    days, so districts listed right before it ('…即富阳区、临安区的环境空气质量优良天数…') each
    hold their own figure, as places before 空气质量优良天数 did; 环境空气优良天数比率 stays the
    ratio."""
    text = "2020年,其余2个区,即富阳区、临安区的环境空气质量优良天数分别为330天、335天。"
    facts = [(f.indicator_code, f.value, f.region_code)
             for f in extract(text, "330100", 2020).facts]  # fmt: skip
    assert facts == [("good_days", 330.0, "330111"), ("good_days", 335.0, "330112")]
    text = "2020年,全省环境空气优良天数比率为88.5%。"
    assert named_facts(text, province="330000", year=2020) == [("good_days_ratio", "actual", 88.5)]


def test_a_count_of_a_list_of_kinds_is_no_count_of_the_first_kind() -> None:
    """Written after the seventh set's measurement (093): '共吸引到12家控排企业、新建项目单位及
    投资机构参加' counts the three kinds together — not the covered entities, whose code it had
    taken (and which entered marts.fct_carbon_compliance); '2个…和…9个…' stays two counts."""
    text = "2016年,本次竞价共吸引到12家控排企业、新建项目单位及投资机构参加。"
    assert "carbon_covered_entities" not in {
        code for code, _, _ in named_facts(text, province="440000", year=2016)
    }
    text = "2016年,全省纳入碳排放权交易的控排企业共有246家。"
    assert named_facts(text, province="440000", year=2016) == [
        ("carbon_covered_entities", "actual", 246.0)
    ]


def test_rivers_and_lakes_counted_together_are_the_whole_network() -> None:
    """Written after the seventh set's measurement (084, a dev document): the sections of
    '108条主要河流、21座重点湖泊(水库)' are the whole national network, so neither the rivers'
    nor the lakes' part indicator claims their figures; the lakes counted stay the lakes' count;
    the sections of the main rivers alone stay theirs."""
    text = ("2019年,全省108条主要河流、21座重点湖泊(水库)的305个国控地表水监测断面开展了水质监测,"
            "Ⅰ至Ⅲ类、劣Ⅴ类水质断面分别占81.3%、1.6%。")  # fmt: skip
    facts = named_facts(text, province="四川", year=2019)
    assert ("key_lakes_monitored_count", "actual", 21.0) in facts
    assert {
        ("water_sections_count", "actual", 305.0),
        ("water_sections_good_ratio", "actual", 81.3),
        ("water_sections_worse_than_v_ratio", "actual", 1.6),
    } <= set(facts)
    text = "2019年,全省108条主要河流监测的305个国控地表水监测断面中,Ⅰ至Ⅲ类水质断面占81.3%。"
    facts = named_facts(text, province="四川", year=2019)
    assert ("major_rivers_good_ratio", "actual", 81.3) in facts


def test_yici_before_numbers_shares_them_out_as_fenbie() -> None:
    """Written after the seventh set's measurement (094): '依次为' right before numbers shares
    them out over the places listed, as 分别 does; the quote stays the original's."""
    text = "2021年,越城区、柯桥区、上虞区的细颗粒物(PM2.5)年均浓度依次为29、31、30µg/m3。"
    read = extract(text, "330600", 2021)
    facts = [(f.indicator_code, f.value, f.region_code) for f in read.facts]
    assert facts == [("pm2_5", 29.0, "330602"), ("pm2_5", 31.0, "330603"),
                     ("pm2_5", 30.0, "330604")]  # fmt: skip
    assert all("依次为" in f.quote for f in read.facts)


def test_a_gloss_noted_down_the_same_and_bare_rate_names_after_their_count() -> None:
    """Written after the seventh set's measurement (094): an editor's note closing a gloss
    ('(含越城区…,下同)') is no unknown qualifier of the name after it; 优良率 right after the
    good days is their share; 酸雨率 spells the acid-rain frequency."""
    text = ("绍兴市区(含越城区、柯桥区和上虞区,下同)2021年环境空气优良天数为301天,优良率为82.5%。"
            "全年绍兴市酸雨率41.2%,比2020年下降3.1个百分点。")  # fmt: skip
    assert named_facts(text, province="330600", year=2021) == [
        ("good_days", "actual", 301.0),
        ("good_days_ratio", "actual", 82.5),
        ("acid_rain_frequency", "actual", 41.2),
        ("acid_rain_frequency", "change", -3.1),
    ]


def test_a_bare_index_after_the_air_quality_said_before_is_the_composite_index() -> None:
    """Written after the seventh set's measurement (089): '…空气质量优良天数比例为95.1%,综合指数为
    2.87' — 综合指数 alone, in a sentence that named the air quality before it, is the composite
    index (cues measured_subjects); a water-quality index stays its own name; 优级率 spells the
    share of excellent days."""
    text = "2023年,全市空气质量优良天数比例为95.1%,综合指数为2.87,优级率达到41.2%。"
    assert named_facts(text, province="460100", year=2023) == [
        ("good_days_ratio", "actual", 95.1),
        ("composite_index", "actual", 2.87),
        ("excellent_days_ratio", "actual", 41.2),
    ]
    text = "2023年,全市空气质量优良天数比例为95.1%,水质综合指数为0.45。"
    assert named_facts(text, province="460100", year=2023)[1] == ("~水质综合指数", "actual", 0.45)


def test_this_year_in_a_text_on_last_years_report_is_the_year_after() -> None:
    """Written after the seventh set's measurement (091): a news item on the release of
    《2021年漳州市生态环境质量公报》 that says '今年以来,…。1-5月,…' speaks of 2022's months;
    a later year named after 今年 is that year; without such a title 今年 stays the year."""
    text = ("昨日,漳州市生态环境局发布了2021年漳州市生态环境质量公报,全市空气质量优良率98.9%。\n"
            "今年以来,全市生态环境质量持续向好。1-5月,全市空气质量优良率为99.3%。\n"
            "今年以来,2021年全市酸雨频率为3.2%。")  # fmt: skip
    periods = [(f.value, f.period) for f in extract(text, "350600").facts]
    assert periods == [(98.9, "2021"), (99.3, "2022-01..2022-05"), (3.2, "2021")]
    text = "2021年,漳州市生态环境持续向好。\n今年以来,全市空气质量优良率为99.3%。"
    assert [f.period for f in extract(text, "350600").facts] == ["2021"]


def test_a_pilot_markets_traded_amounts_keep_their_stated_names() -> None:
    """Written after the seventh set's measurement (093): a trade's amount named without a
    copula ('累计成交配额2349.92万吨', '有效申报量近50万吨') names itself as clearly as 'X为N'
    (cues measure_heads); 一级市场 is a market, no unknown city (guards._PLACE_NAME); 有效 stays
    whole in a name (cues own_name_whole_words)."""
    text = ("截至2016年12月20日,湖北碳市场累计成交配额3321.05万吨。"
            "其中,一级市场累计成交量1203.46万吨,二级市场成交量722.81万吨。"
            "本次竞价踊跃,有效申报量近40万吨。")  # fmt: skip
    assert named_facts(text, province="420000", year=2016) == [
        ("~碳市场累计成交配额", "actual", 3321.05),
        ("~一级市场累计成交量", "actual", 1203.46),
        ("~二级市场成交量", "actual", 722.81),
        ("~有效申报量", "actual", 40.0),
    ]


def test_a_second_list_of_the_sentence_shares_out_over_the_same_places() -> None:
    """Written after the seventh set's measurement (094): '即A、B、C的环境空气质量优良天数分别为…天,
    优良率分别为…%' — the second list's bare name completes with the air quality said before
    (空气质量优良率) for every number of its list, and takes the places the first list shared
    out, in order; a second list that names its own places keeps them."""
    text = ("2021年,其余3个县(市),即新昌县、诸暨市、嵊州市的环境空气质量优良天数分别为"
            "336天、341天、348天,优良率分别为93.9%、93.4%、95.3%。")  # fmt: skip
    facts = [(f.indicator_code, f.value, f.region_code)
             for f in extract(text, "330600", 2021).facts]  # fmt: skip
    assert facts[3:] == [("good_days_ratio", 93.9, "330624"), ("good_days_ratio", 93.4, "330681"),
                         ("good_days_ratio", 95.3, "330683")]  # fmt: skip
    text = ("2021年,新昌县、诸暨市的环境空气质量优良天数分别为336天、341天,越城区、柯桥区的优良率"
            "分别为93.9%、93.4%。")  # fmt: skip
    facts = [(f.indicator_code, f.value, f.region_code)
             for f in extract(text, "330600", 2021).facts]  # fmt: skip
    assert facts[2:] == [("good_days_ratio", 93.9, "330602"), ("good_days_ratio", 93.4, "330603")]


def test_a_gloss_of_what_a_place_includes_is_no_unknown_qualifier() -> None:
    """Written after the seventh set's measurement (094): '宁波市区(含海曙区、…前湾新区…)' lists
    what the urban area includes, a zone without a code among them: no qualifier of the name
    after it."""
    text = "宁波市区(含海曙区、江北区、前湾新区和鄞州区,下同)2021年环境空气优良天数为320天。"
    assert named_facts(text, province="330200", year=2021) == [("good_days", "actual", 320.0)]
