"""A figure said of a part of what an indicator measures (maps/cues.yml `subsets`: main rivers,
lakes and reservoirs, a province's own sections, a named basin or bay, rural areas, county-level
cities, built-up areas, figures counted after removing sand and dust or a natural background)
takes the indicator made for that part, or lands under the name it states — never the generic
code of the region's whole network."""

from __future__ import annotations

from functools import partial

import pytest

from orchestration.extraction.extractor import extract
from orchestration.registry.catalogue import Catalogue, CatalogueError
from tests.unit.extracting import named_facts

FUJIAN = "350000"


facts = partial(named_facts, province=FUJIAN, year=2021)


def test_the_main_rivers_take_their_own_indicator_or_keep_their_name_across_a_semicolon() -> None:
    text = (
        "2021年,全省主要河流监测断面中,Ⅰ~Ⅲ类水质断面比例为95.2%,同比上升1.0个百分点;"
        "劣Ⅴ类断面比例为0.5%。"
    )
    assert facts(text) == [
        ("major_rivers_good_ratio", "actual", 95.2),
        ("major_rivers_good_ratio", "change", 1.0),
        ("~主要河流劣v类断面比例", "actual", 0.5),
    ]


def test_key_lakes_take_the_lake_indicators() -> None:
    text = "重点湖库中,Ⅰ~Ⅲ类水质比例为80.0%,劣Ⅴ类水质比例为4.0%。"
    assert facts(text) == [
        ("key_lakes_good_ratio", "actual", 80.0),
        ("key_lakes_worse_than_v_ratio", "actual", 4.0),
    ]


def test_every_part_named_must_be_accounted_for() -> None:
    # rivers of the provincial network: the main rivers' indicator names no provincial network
    assert facts("全省省控河流监测断面中,水质优良比例为93.0%。") == [
        ("~省控河流水质优良比例", "actual", 93.0),
    ]
    # the lake indicators are over the lakes monitored, whichever network
    assert facts("省控湖库水质良好,优良湖库比例为89.7%,Ⅳ类比例为7.7%。") == [
        ("key_lakes_good_ratio", "actual", 89.7), ("~iv类比例", "actual", 7.7),
    ]  # fmt: skip


def test_a_scope_word_after_the_part_brings_back_the_whole_network() -> None:
    text = "主要河流水质总体为优,全省国考断面水质优良比例为96.5%。"
    assert facts(text) == [("water_sections_good_ratio", "actual", 96.5)]
    text = "全省省控断面水质优良比例为93.1%。全省国考断面水质优良比例为96.5%。"
    assert facts(text) == [
        ("provincial_sections_good_ratio", "actual", 93.1),
        ("water_sections_good_ratio", "actual", 96.5),
    ]


def test_a_named_basin_takes_the_basin_indicator() -> None:
    assert facts("闽江流域水质优良比例为98.1%。") == [("basin_good_ratio", "actual", 98.1)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("全省农村区域环境空气质量优良天数比例为95.0%。", "农村区域环境空气质量优良天数比例"),
        ("全省县级城市环境空气质量优良天数比例为97.1%。", "县级城市环境空气质量优良天数比例"),
        ("全省城市建成区PM2.5平均浓度为25微克/立方米。", "城市建成区pm2.5平均浓度"),
        ("湛江湾水质优良比例为77.8%。", "湛江湾水质优良比例"),
    ],
)
def test_a_part_without_an_indicator_keeps_its_stated_name(text: str, name: str) -> None:
    found = extract(text, province=FUJIAN, year=2021).facts
    assert [(f.indicator_code, f.indicator_name_zh) for f in found] == [("", name)]


def test_a_way_of_counting_holds_in_its_sentence_and_not_past_a_figure() -> None:
    text = "剔除沙尘天气影响后,全区优良天数比例为90.1%,同比上升1.2个百分点。"
    assert facts(text) == [
        ("~剔除沙尘天气影响后优良天数比例", "actual", 90.1),
        ("~剔除沙尘天气影响后优良天数比例", "change", 1.2),
    ]
    text = (
        "到2027年,全省细颗粒物平均浓度保持在22微克/立方米以下(扣除沙尘暴影响);"
        "到2035年,全省细颗粒物平均浓度保持在20微克/立方米以下。"
    )
    assert [(f.indicator_code, f.value) for f in extract(text, province=FUJIAN, year=2024,
                                                        is_plan=True).facts] == [
        ("pm2_5", 22.0), ("pm2_5", 20.0),
    ]  # fmt: skip


def test_an_indicator_made_for_the_part_claims_it() -> None:
    assert facts("全省农村生活污水治理率达到45.0%。") == [
        ("rural_sewage_treatment_rate", "actual", 45.0)
    ]


def test_a_subset_variant_must_name_an_indicator(tmp_path) -> None:
    (tmp_path / "water.yml").write_text(
        "subject: water\nindicators:\n"
        "  - {code: x, name_zh: 某比例, name_en: x, unit: pct, higher_is_better: true,\n"
        "     range: {min: 0, max: 100, basis: share}, subset_variants: {major_rivers: nope}}\n",
        encoding="utf-8",
    )
    with pytest.raises(
        CatalogueError, match="subset_variants major_rivers: 'nope' is no indicator"
    ):
        Catalogue.load(tmp_path)


def test_a_provinces_own_wider_city_network_is_not_its_prefecture_network() -> None:
    found = extract("全省68个城市空气质量优良天数比例为97.5%。", province=FUJIAN, year=2021).facts
    assert [(f.indicator_code, f.value) for f in found] == [("", 97.5)]
    national = extract("全国339个城市优良天数比例为87.5%。", province="100000", year=2021).facts
    assert [(f.indicator_code, f.value) for f in national] == [("good_days_ratio", 87.5)]


@pytest.mark.parametrize("text", ["巢湖湖体水质优良比例为60.0%。", "淮河水质优良比例为85.0%。"])
def test_a_named_lake_or_river_is_not_the_provinces_network(text: str) -> None:
    found = extract(text, province="340000", year=2021).facts
    assert [f.indicator_code for f in found] in ([""], ["basin_good_ratio"])
    assert "water_sections_good_ratio" not in [f.indicator_code for f in found]


def test_noise_levels_by_time_of_day_and_a_later_night_figure_is_not_the_days() -> None:
    text = (
        "全省城市区域声环境昼间等效声级平均值为54.3分贝,夜间等效声级平均值为45.1分贝;"
        "道路交通噪声昼间等效声级平均值为66.8dB(A)。"
    )
    assert facts(text) == [
        ("noise_regional_day_leq", "actual", 54.3),
        ("noise_regional_night_leq", "actual", 45.1),
        ("noise_traffic_day_leq", "actual", 66.8),
    ]
    # a list shared out by 分别 keeps its items' indicators
    assert [code for code, _, _ in facts("功能区噪声昼间和夜间达标率分别为97.1%和86.6%。")] == [
        "noise_function_zone_day_compliance_rate", "noise_function_zone_night_compliance_rate",
    ]  # fmt: skip


def test_a_count_closing_its_list_item_keeps_the_name_before_it() -> None:
    text = "建成森林乡村104个、绿美古树乡村54个,52个村庄被评为国家森林乡村。"
    found = extract(text, province="440000", year=2023).facts
    assert [(f.indicator_code, f.indicator_name_zh, f.value) for f in found] == [
        ("", "森林乡村", 104.0), ("", "绿美古树乡村", 54.0),
    ]  # fmt: skip


def test_sea_and_drinking_water_sources_are_not_the_river_sections() -> None:
    text = "全省近岸海域国家考核点位海水水质优良比例达到100%。"
    assert facts(text)[0][0].startswith("~")
    text = "地市级集中式饮用水水源地取水水质优良比例87.3%。"
    assert facts(text)[0][0].startswith("~")


def test_county_towns_sources_are_not_the_cities_sources() -> None:
    text = "地级城市集中式饮用水水源地水质达标率为97.9%,县级城镇集中式饮用水源地水质达标率为94.1%。"
    assert [code for code, _, _ in facts(text)] == [
        "drinking_water_source_compliance_rate", "~县级城镇集中式饮用水源地水质达标率",
    ]  # fmt: skip


def test_a_later_part_of_the_statement_supersedes_an_earlier_one() -> None:
    text = "主要河流监测断面水质优良率达到90.5%;湖泊、水库水质优良率为86.7%。"
    assert facts(text) == [
        ("major_rivers_good_ratio", "actual", 90.5), ("key_lakes_good_ratio", "actual", 86.7),
    ]  # fmt: skip


def test_a_count_of_the_network_cities_brings_back_the_network() -> None:
    text = "全省68个城市空气质量达标天数比例平均为97.5%;九市一区城市空气质量达标天数比例为95.0%。"
    assert [code for code, _, _ in facts(text)] == ["~城市空气质量达标天数比例", "good_days_ratio"]


def test_places_listed_and_counted_before_the_indicator_share_its_values() -> None:
    text = "承德、张家口两个设区市的优良天数分别为329、322天。"
    found = extract(text, province="130000", year=2021).facts
    assert [(f.value, f.region_code) for f in found] == [(329.0, "130800"), (322.0, "130700")]


def test_class_ranges_in_more_spellings_and_a_whole_region_count_of_sections() -> None:
    text = "12条主要河流水质状况为优,Ⅰ类~Ⅲ类优良水质比例为95.8%。"
    # the rivers counted land under their name since xgen6 (monitored_thing_qualifiers)
    assert facts(text) == [
        ("~主要河流", "actual", 12.0), ("major_rivers_good_ratio", "actual", 95.8),
    ]  # fmt: skip
    text = "191个省控监测断面(点位)的水质优良(Ⅰ~Ⅲ类)比例为92.2%。"
    assert ("provincial_sections_good_ratio", "actual", 92.2) in facts(text)
    text = "全区133个地表水断面优良水体比例65.0%,劣Ⅴ类水体比例5.8%。"
    assert facts(text) == [
        ("water_sections_good_ratio", "actual", 65.0),
        ("water_sections_worse_than_v_ratio", "actual", 5.8),
    ]


def test_a_scope_word_in_the_parts_own_clause_is_the_parts() -> None:
    text = (
        "长江、黄河、珠江等七大流域和浙闽片河流、西北诸河、西南诸河主要江河监测的3119个国考断面中,"
        "Ⅰ~Ⅲ类水质断面占91.0%。"
    )
    assert facts(text)[-1] == ("major_rivers_good_ratio", "actual", 91.0)
    text = "全国地表水监测的3641个国考断面中,Ⅰ~Ⅲ类水质断面占87.9%。"
    found = extract(text, province="100000", year=2023).facts
    assert [(f.indicator_code, f.value) for f in found] == [
        ("water_sections_count", 3641.0), ("water_sections_good_ratio", 87.9),
    ]  # fmt: skip


def test_a_name_ending_in_a_measure_names_the_amount_right_after_it() -> None:
    text = "黄海浒苔绿潮最大覆盖面积281平方公里,比上年减少近50%。"
    assert facts(text) == [
        ("~黄海浒苔绿潮最大覆盖面积", "actual", 281.0),
        ("~黄海浒苔绿潮最大覆盖面积", "change", -50.0),
    ]
    # a share or a count right after words is not named so
    assert facts("全省各类功能区92.1%。") == []


def test_a_class_named_alone_borrows_no_share_before_it() -> None:
    text = "全省85个国考断面中,Ⅰ~Ⅲ类水质断面占92.9%,Ⅳ类占5.9%,Ⅴ类占1.2%。"
    assert facts(text) == [
        ("water_sections_count", "actual", 85.0), ("water_sections_good_ratio", "actual", 92.9),
    ]  # fmt: skip


def test_groundwater_takes_the_groundwater_classes() -> None:
    text = "全省地下水国考点位中,Ⅴ类水质断面比例为15.0%。"
    assert facts(text) == [("groundwater_class_v_ratio", "actual", 15.0)]


def test_a_part_named_in_one_word_after_a_figure_takes_the_parts_indicator() -> None:
    text = "全省城市环境空气质量优良天数比例为88.1%,其中优为40.2%,良为47.9%。"
    assert facts(text) == [
        ("good_days_ratio", "actual", 88.1),
        ("excellent_days_ratio", "actual", 40.2),
        ("moderate_days_ratio", "actual", 47.9),
    ]
    # the parts of a rural figure are the rural area's: no code (their stated names, xgen6)
    text = "全省农村区域环境空气质量较好,总优良率为89.0%,其中优为40.7%、良为48.3%。"
    assert [code for code, _, _ in facts(text)] == ["~总优良率", "~总优良率中优", "~总优良率中良"]


def test_a_part_must_name_an_indicator(tmp_path) -> None:
    (tmp_path / "air.yml").write_text(
        "subject: air\nindicators:\n"
        "  - {code: x, name_zh: 某比例, name_en: x, unit: pct, higher_is_better: true,\n"
        "     range: {min: 0, max: 100, basis: share}, parts: {优: nope}}\n",
        encoding="utf-8",
    )
    with pytest.raises(CatalogueError, match="parts 优: 'nope' is no indicator"):
        Catalogue.load(tmp_path)


def test_a_latin_name_in_the_numbers_own_item_borrows_nothing() -> None:
    text = "其中PM2.5下降15.3%、NO2下降8.8%、CO下降26.3%。"
    # CO is its own name (xgen10: a catalogue spelling), never NO2's borrowed
    assert [(code, value) for code, _, value in facts(text)] == [
        ("pm2_5", -15.3), ("no2", -8.8), ("co", -26.3),
    ]  # fmt: skip


def test_a_count_before_a_comparison_names_nothing() -> None:
    assert facts("全省6项大气主要污染物浓度比2020年均明显下降。") == []


def test_one_level_of_protected_areas_is_not_all_of_them() -> None:
    assert [code for code, _, _ in facts("全省共有国家级自然保护区18个。")] == [
        "~共有国家级自然保护区"
    ]
    assert facts("全省县级以上(包括县级)自然保护区1361个。") == [
        ("nature_reserves_count", "actual", 1361.0)
    ]


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("近岸海域水质优良(一、二类)比例为85.0%,劣四类为5.0%。", "coastal_worse_than_iv_ratio"),
        ("全省国考断面水质优良比例为95.0%,劣Ⅴ类为0.5%。", "water_sections_worse_than_v_ratio"),
    ],
)
def test_the_bad_class_named_after_a_good_share_is_its_part(text: str, part: str) -> None:
    assert facts(text)[-1] == (part, "actual", 5.0 if "四类" in text else 0.5)
