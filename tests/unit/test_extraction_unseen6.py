"""Wordings of bulletins found in the development half of the sixth unseen gold set
(tests/gold/unseen6/dev), before its test half was measured: each test states the general class
of wording, in sentences written for the test (not copied from the gold texts), and fails
without its rule or spelling."""

from __future__ import annotations

from orchestration.extraction.extractor import extract
from tests.unit.extracting import named_facts

CHINA = "100000"


def test_the_severely_polluted_sea_area_is_the_area_worse_than_class_iv() -> None:
    """The marine bulletins' 严重污染海域 is by their own definition the sea worse than class IV
    (清洁 I, 较清洁 II, 轻度污染 III, 中度污染 IV, 严重污染 worse than IV)."""
    text = "2009年,严重污染海域面积约为2.5万平方公里,减少约0.3万平方公里。"
    assert named_facts(text, province=CHINA, year=2009) == [
        ("sea_area_worse_than_iv", "actual", 25000.0),
        ("sea_area_worse_than_iv", "change", -3000.0),
    ]


def test_a_city_figure_of_its_urban_area_is_the_citys() -> None:
    """A city's air figures are those of the stations in its urban districts: in a city's own
    document 主城区 / 中心城区 qualify a figure as the city's, not as a part to abstain on; in a
    province's document they are some city's part (open vocabulary)."""
    text = "2021年,主城区空气质量优良率为95.3%。中心城区PM2.5年均浓度为28微克/立方米。"
    assert named_facts(text, province="520100", year=2021) == [
        ("good_days_ratio", "actual", 95.3),
        ("pm2_5", "actual", 28.0),
    ]
    assert named_facts(text, province="520000", year=2021) == [
        ("~主城区空气质量优良率", "actual", 95.3),
        ("~中心城区pm2.5年均浓度", "actual", 28.0),
    ]


def test_a_count_in_the_name_of_an_area_counts_nothing() -> None:
    """'主城5区' (the five main urban districts) is where a statement holds, not how many
    places did something; a count of districts that did it still is one."""
    assert (
        named_facts("2021年,主城5区空气质量总体达到二级标准。", province="520100", year=2021) == []
    )
    assert named_facts("2021年,6个区空气质量同比改善。", province="520100", year=2021) == [
        ("~区空气质量同比改善", "actual", 6.0)
    ]


def test_a_bare_number_named_as_an_index_is_an_index() -> None:
    """'X指数为N' without a unit: a dimensionless index, open vocabulary when no catalogue entry
    claims it (a lake's trophic state index); a catalogue index keeps its code."""
    text = "2020年,洱海综合营养状态指数为38.2,营养状态为中营养。"
    assert named_facts(text, province="532900", year=2020) == [
        ("~洱海综合营养状态指数", "actual", 38.2)
    ]
    assert named_facts("2020年,全区生态状况指数为52.3。", province="640000", year=2020) == [
        ("eco_environment_status_index", "actual", 52.3)
    ]
    # a bare number after a name that is no index is still no figure
    assert named_facts("2020年,洱海湖心监测点位为12。", province="532900", year=2020) == []


def test_a_verb_opening_a_list_of_things_with_amounts_names_each_amount() -> None:
    """'共产生A 20.1亿吨,B 3900万吨': each amount is thing + verb + 量 when the catalogue spells
    one; words between the verb and a thing that are no list of amounts break the link."""
    text = "2015年,全国共产生一般工业固体废物20.1亿吨,工业危险废物3900万吨,医疗废物约80万吨。"
    assert named_facts(text, province=CHINA, year=2015) == [
        ("general_industrial_solid_waste_generated", "actual", 20.1),
        ("industrial_hazardous_waste_generated", "actual", 3900.0),
        ("medical_waste_generated", "actual", 80.0),
    ]
    text = "2015年,各地产生的问题较多,其中医疗废物约80万吨。"
    assert named_facts(text, province=CHINA, year=2015) == []


def test_a_sentence_about_a_thing_completes_its_figures_names_with_it() -> None:
    """'对于X,…': X completes the names of the sentence's figures — an own name (处置率 →
    X处置率), a number 得到(了) a verb was done to (X综合利用量占比, X处置量), and the things listed
    before 分别 (X处置量占比, X贮存量占比; 倾倒丢弃, which the catalogue lacks, claims nothing)."""
    assert named_facts("2015年,对于城市生活垃圾,处置率达98.2%。", province=CHINA, year=2015) == [
        ("msw_disposal_rate", "actual", 98.2)
    ]
    text = (
        "2015年,对于一般工业固体废物,60.2%得到了综合利用,"
        "此外,处置、贮存和倾倒丢弃分别占比30.1%、9.6%和0.1%。"
    )
    assert named_facts(text, province=CHINA, year=2015) == [
        ("general_industrial_solid_waste_utilized_share", "actual", 60.2),
        ("general_industrial_solid_waste_disposed_share", "actual", 30.1),
        ("general_industrial_solid_waste_stored_share", "actual", 9.6),
    ]
    text = "2015年,对于50.5万吨医疗废物,其中50.1万吨得到处置。"
    assert ("medical_waste_disposed", "actual", 50.1) in named_facts(
        text, province=CHINA, year=2015
    )
    # a thing whose name with the figure's spells no indicator lends no code
    facts = named_facts("2015年,对于城市污泥,处置率达90.0%。", province=CHINA, year=2015)
    assert all(code.startswith("~") for code, _, _ in facts)


def test_a_share_said_of_its_whole_is_named_with_it() -> None:
    """'A占B的N%' (a share with its whole stated) is named A占B比例; when A opens with a count of
    places ('两省…'), whose figure it is stays unsaid, so it lands nothing."""
    text = "2021年,生态质量为一类的县域面积占国土面积的25.1%。"
    assert named_facts(text, province=CHINA, year=2021) == [
        ("~生态质量为一类的县域面积占国土面积比例", "actual", 25.1)
    ]
    text = "2012年,两省废碱产生量占重点调查工业企业的71.5%。"
    assert named_facts(text, province=CHINA, year=2012) == []


def test_a_figure_said_from_its_past_value_to_its_present_names_both() -> None:
    """'X由2003年的约13.8万平方公里增加到约15.2万平方公里': both numbers are X's, the first of the
    year bound to it (past an 约), the second of the report year."""
    text = "2004年,未达到清洁海域水质标准的面积由2003年的约13.8万平方公里增加到约15.2万平方公里。"
    facts = extract(text, province=CHINA, year=2004).facts
    assert [(f.indicator_name_zh, f.value, f.period) for f in facts] == [
        ("未达到清洁海域水质标准的面积", 138000.0, "2003"),
        ("未达到清洁海域水质标准的面积", 152000.0, "2004"),
    ]


def test_a_change_named_by_its_direction_is_clearly_named() -> None:
    """'X下降11.4%' names its change as clearly as 'X为…'; a comparison before the direction
    ('较去年同期下降4.2%') is no name. Said again in a headline and the body under the end of its
    name, it is one fact."""
    text = "洱海综合营养状态指数下降8.3%\n2019年,洱海水质好转,综合营养状态指数下降8.3%。"
    assert named_facts(text, province="532900", year=2019) == [
        ("~洱海综合营养状态指数", "change", -8.3)
    ]
    text = "2019年,全市PM2.5平均浓度为30微克/立方米,较去年同期下降4.2%。"
    assert named_facts(text, province="532900", year=2019) == [
        ("pm2_5", "actual", 30.0),
        ("pm2_5", "change", -4.2),
    ]


def test_the_minutes_of_a_clock_time_are_no_figure() -> None:
    """A page's dateline ('2005年02月04日16:52 人民网') holds no count of people."""
    text = "2005年02月04日16:52 人民网\n2004年,严重污染海域面积约为3.0万平方公里。"
    assert named_facts(text, province=CHINA, year=2004) == [
        ("sea_area_worse_than_iv", "actual", 30000.0)
    ]


def test_a_measure_named_alone_takes_what_the_clause_before_measured() -> None:
    """'夜间区域声环境质量等级为一般,平均等效声级为45.0dB(A)': the level is the night-time
    regional noise level, the subject and time of day said in the clause before."""
    text = (
        "2019年,昼间区域声环境质量等级为较好,昼间平均等效声级为53.2dB(A);"
        "夜间区域声环境质量等级为一般,平均等效声级为45.0dB(A)。"
    )
    assert named_facts(text, province="341800", year=2019) == [
        ("noise_regional_day_leq", "actual", 53.2),
        ("noise_regional_night_leq", "actual", 45.0),
    ]


def test_road_traffic_noise_levels_are_length_weighted_averages() -> None:
    text = "2019年,道路交通昼间加权平均等效声级为66.1dB(A)。"
    assert named_facts(text, province="341800", year=2019) == [
        ("noise_traffic_day_leq", "actual", 66.1)
    ]


def test_soil_points_of_one_kind_of_land_or_pollutant_are_a_part() -> None:
    """Written after the sixth set's measurement: '耕地点位超标率' and the rates of one pollutant or
    degree of pollution are parts of the soil survey (maps/cues.yml subsets: soil_parts), never
    the rate of all the points; '总的点位超标率' is that rate."""
    text = "2014年,全国土壤总的点位超标率为15.5%,耕地点位超标率为18.2%。"
    assert named_facts(text, province=CHINA, year=2014) == [
        ("soil_points_exceedance_rate", "actual", 15.5),
        ("~耕地点位超标率", "actual", 18.2),
    ]
    text = "2014年,镉、汞、砷、铜4种无机污染物点位超标率分别为6.0%、1.5%、2.5%、2.0%。"
    codes = {code for code, _, _ in named_facts(text, province=CHINA, year=2014)}
    assert "soil_points_exceedance_rate" not in codes


def test_a_measure_of_counted_things_is_not_their_count() -> None:
    """Written after the sixth set's measurement: the name of things the catalogue counts
    (饮用水水源, 污水处理厂) followed by a measure of them (取水总量, 处理总量) names that measure —
    open vocabulary, never the count's code, and never nothing; a volume of water (水量) is a
    measure like 总量."""
    text = "2020年,全市集中式生活饮用水水源取水总量为3618.7万吨,达标水量3602.5万吨。"
    assert named_facts(text, province="360100", year=2020) == [
        ("~集中式生活饮用水水源取水总量", "actual", 3618.7),
        ("~达标水量", "actual", 3602.5),
    ]
    text = "2020年,全省城镇污水处理厂处理总量为41.2万吨,城镇污水处理厂82座。"
    assert named_facts(text, province="360000", year=2020) == [
        ("~城镇污水处理厂处理总量", "actual", 41.2),
        ("sewage_treatment_plants_count", "actual", 82.0),
    ]


def test_drinking_water_sources_of_one_type_are_a_part() -> None:
    """Written after the sixth set's measurement: the compliance of the groundwater-type or
    surface-water-type sources (地下水型, 地表水型) is a part's figure (maps/cues.yml subsets:
    source_types), not the compliance rate of all the sources."""
    text = "2021年,全市集中式地下水型饮用水水源水质达标率为95.0%。"
    assert named_facts(text, province="370000", year=2021) == [
        ("~集中式地下水型饮用水水源水质达标率", "actual", 95.0)
    ]
    text = "2021年,全省地表水型水源达标率为98.5%。全省集中式饮用水水源水质达标率为97.1%。"
    assert named_facts(text, province="370000", year=2021) == [
        ("~地表水型水源达标率", "actual", 98.5),
        ("drinking_water_source_compliance_rate", "actual", 97.1),
    ]


def test_the_start_of_a_running_span_is_not_the_period() -> None:
    """Written after the sixth set's measurement: what is counted since a year ('自2016年以来')
    is counted up to the report, so it takes the report's year, never the start's
    (tests/gold/README: running totals get the year they are counted up to)."""
    text = "2022年全省空气质量持续改善。自2016年以来,全省累计建成城镇污水处理厂120座。"
    assert [(f.indicator_code, f.period) for f in extract(text, "360000", 2022).facts] == [
        ("sewage_treatment_plants_count", "2022")
    ]
    # a span of years said with its length ('从2018年起,…历时4年完成了…') gives no single year
    # at all (xgen11: several_years_patterns) — neither its start nor the report's
    text = "从2018年起,全省历时4年完成了详查工作,86个涉农县完成了耕地类别划定。"
    assert [f.period for f in extract(text, "360000", 2022).facts] == [""]
