"""Recall and period classes of the fourth tuning round (branch xgen4): each test names the
class of wording, in sentences written for the test (not copied from any gold text), and fails
without its rule."""

from __future__ import annotations

from orchestration.extraction.extractor import extract

JIANGXI = "360000"


def facts(text: str, province: str = JIANGXI, period: str | None = None) -> list[tuple]:
    found = extract(text, province=province, year=2023, period_code=period).facts
    return [(f.indicator_code or "~" + f.indicator_name_zh, f.kind, f.value, f.region_code,
             f.period) for f in found]  # fmt: skip


def test_a_ranking_of_cities_written_as_prose_gives_each_city_its_place() -> None:
    # '<indicator>排名为:<city>第一,<city>第二,…': ranks in words or digits, each city's
    text = "全省设区市PM2.5平均浓度排名为:赣州市第一,上饶市第2,南昌市第三。"
    assert facts(text) == [
        ("pm2_5", "rank", 1.0, "360700", "2023"),
        ("pm2_5", "rank", 2.0, "361100", "2023"),
        ("pm2_5", "rank", 3.0, "360100", "2023"),
    ]


def test_an_ordinal_of_a_city_outside_a_list_item_is_no_rank() -> None:
    # '南昌市第一批…': an ordinal of a thing, not a place in a ranking
    kinds = [kind for _, kind, *_ in facts("南昌市第一批试点项目共12个,南昌市第2季度完成3个。")]
    assert "rank" not in kinds


def test_a_decimal_before_yue_is_no_month_of_the_paragraph() -> None:
    # 'PM2.5月均浓度': the 5 of PM2.5 is no month: a January release keeps its period
    text = "PM2.5月均浓度为40微克/立方米。"
    assert facts(text, period="2023-01") == [("pm2_5", "actual", 40.0, JIANGXI, "2023-01")]


def test_a_rank_of_a_place_the_reference_does_not_know_names_no_figure() -> None:
    # '…排名为:某某市第一': the place is unknown, its rank lands under no name
    text = "全省设区市PM2.5平均浓度排名为:赣州市第一,某某市第二。"
    assert facts(text) == [("pm2_5", "rank", 1.0, "360700", "2023")]


def test_a_verb_alone_before_an_amount_names_the_amount_of_it() -> None:
    # 'X产生量A,综合利用B,处置C,贮存D': the verbs complete X's amounts (…量)
    text = "全省一般工业固体废物产生量1000万吨,综合利用800万吨,处置150万吨,贮存50万吨。"
    assert [(code, value) for code, _, value, _, _ in facts(text)] == [
        ("general_industrial_solid_waste_generated", 1000.0),
        ("general_industrial_solid_waste_utilized", 800.0),
        ("general_industrial_solid_waste_disposed", 150.0),
        ("general_industrial_solid_waste_stored", 50.0),
    ]


def test_a_count_of_sections_per_class_and_a_name_wrapping_its_number_through_de() -> None:
    # '国家考核的N个断面中,Ⅰ~Ⅲ类水质断面M个,占比P%': the network's count, the good count, its share
    text = "其中,国家考核的100个断面中,Ⅰ~Ⅲ类水质断面90个,占比90.0%。"
    assert [(code, value) for code, _, value, _, _ in facts(text)] == [
        ("water_sections_count", 100.0),
        ("water_sections_good_count", 90.0),
        ("water_sections_good_ratio", 90.0),
    ]


def test_the_compliance_of_drinking_water_as_taken_is_the_sources_compliance() -> None:
    text = "全省城市集中式饮用水水源地取水水质达标率为98.5%。"
    assert [(code, value) for code, _, value, _, _ in facts(text)] == [
        ("drinking_water_source_compliance_rate", 98.5),
    ]
    text = "全省县级以上城市集中式生活饮用水水源地水质达标率保持100%。"
    assert [(code, value) for code, _, value, _, _ in facts(text)] == [
        ("drinking_water_source_compliance_rate", 100.0),
    ]


def test_shares_of_classes_named_by_their_numerals_before_respectively_name_each_number() -> None:
    # 'X一、二、三类及劣三类Y分别为a、b、c、d': each class's share, under its stated name
    text = "全省近岸海域一、二、三类及劣三类水质点位比例分别为50.0%、30.0%、15.0%、5.0%。"
    assert [(code, value) for code, _, value, _, _ in facts(text)] == [
        ("~近岸海域一类水质点位比例", 50.0),
        ("~近岸海域二类水质点位比例", 30.0),
        ("~近岸海域三类水质点位比例", 15.0),
        ("~近岸海域劣三类水质点位比例", 5.0),
    ]


def test_a_gap_to_the_national_level_in_a_unit_of_measure_is_no_level() -> None:
    # '低于全国平均水平3微克/立方米': a difference, not the province's concentration
    assert facts("全省PM2.5平均浓度低于全国平均水平3微克/立方米。") == []
    # ...while a bound without a reference is the figure ('超过90%')
    assert facts("全省优良天数比例超过90%。") == [
        ("good_days_ratio", "actual", 90.0, JIANGXI, "2023")
    ]


def test_a_figure_without_sand_and_dust_in_parentheses_is_no_figure_of_the_network() -> None:
    # '(不含沙尘)' after the name: counted another way, not the generic good-day share
    codes = [code for code, *_ in facts("全省优良天数比例(不含沙尘)为90.0%。")]
    assert codes and "good_days_ratio" not in codes


def test_a_count_of_monitored_things_lands_under_their_name() -> None:
    # 'N条支流', 'N个国控点': what a network monitors, counted — open vocabulary
    text = "全省监测的24条支流中,水质优良的有20条。全省辐射环境65个国控点监测结果表明辐射水平正常。"
    found = [(code, value) for code, _, value, _, _ in facts(text)]
    # named with what was done to them, as the blind sets' labellers name them (xgen8)
    assert ("~监测的支流", 24.0) in found and ("~国控点", 65.0) in found


def test_a_count_of_things_the_catalogue_counts_stays_unmapped_without_its_name() -> None:
    # '其他72个湖库': the catalogue counts (key) lakes; which ones, these words do not say
    assert facts("监测的其他72个湖库中,水质优良的有60个。") == [
        ("~水质优良的", "actual", 60.0, JIANGXI, "2023")
    ]


def test_the_count_closing_a_list_of_named_waters_lands_nowhere() -> None:
    # '甲湖、乙湖等7个湖库': the count of the list, whose places the list names — never the
    # network's count of lakes; it lands only as the count of what they did (branch xgen12:
    # the blind sets' labellers label it so, '水质有所好转的湖库')
    found = extract("东湖、南湖等7个湖库水质有所好转。", province="420000", year=2023).facts
    assert [(f.indicator_code, f.indicator_name_zh, f.value) for f in found] == [
        ("", "水质有所好转的湖库", 7.0)
    ]


def test_the_national_bulletins_spellings_of_sea_area_and_lake_shares() -> None:
    text = (
        "全国近岸海域优良(一、二类)水质海域面积比例为85.0%;劣四类水质海域面积比例为9.1%。"
        "监测的210个重点湖(库)中,Ⅰ~Ⅲ类水质湖库个数占比74.8%。"
    )
    found = extract(text, province="100000", year=2023).facts
    assert [(f.indicator_code, f.value) for f in found] == [
        ("coastal_good_water_area_ratio", 85.0),
        ("coastal_worse_than_iv_ratio", 9.1),
        ("key_lakes_monitored_count", 210.0),
        ("key_lakes_good_ratio", 74.8),
    ]


def test_the_share_after_the_count_of_compliant_sources_is_their_compliance_rate() -> None:
    text = "全省监测的120个水源中,110个全年均达标,占91.7%。"
    assert [(code, value) for code, _, value, _, _ in facts(text)][-2:] == [
        ("drinking_water_sources_compliant_count", 110.0),
        ("drinking_water_source_compliance_rate", 91.7),
    ]


def test_the_lakes_good_share_by_number_with_the_classes_in_parentheses() -> None:
    text = "监测的30个重点湖(库)中,水质优良(Ⅰ~Ⅲ类)湖库个数占比80.0%。"
    assert [(code, value) for code, _, value, _, _ in facts(text)] == [
        ("key_lakes_monitored_count", 30.0),
        ("key_lakes_good_ratio", 80.0),
    ]
