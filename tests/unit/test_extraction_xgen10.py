"""Classes of wording found on the spent gold sets (unseen2–unseen5) in the tenth generalising
round: each test states the general class, in sentences written for the test (other places and
numbers than the gold texts), and fails without its rule or spelling."""

from __future__ import annotations

from tests.unit.extracting import named_facts


def test_a_count_of_the_sources_of_the_cities_named_whole_is_the_sources_count() -> None:
    """'N个地级城市饮用水源地', 'N个县级及以上城市集中式饮用水水源地': the cities' sources, the
    places named whole before the name at any length; a level with those above it is all of
    them, while one lower level alone ('县级城市') stays no count of the network's sources."""
    text = "2023年,全省14个地级城市饮用水源地和61个县级城市饮用水源地水质保持稳定。"
    assert named_facts(text, province="450000", year=2023) == [
        ("drinking_water_sources_count", "actual", 14.0)
    ]
    above = "2023年,全省87个县级及以上城市集中式饮用水水源地水质达标率为98.9%。"
    assert named_facts(above, province="520000", year=2023) == [
        ("drinking_water_sources_count", "actual", 87.0),
        ("drinking_water_source_compliance_rate", "actual", 98.9),
    ]


def test_the_sources_of_county_towns_named_after_their_count_are_a_part() -> None:
    """'N个县城饮用水源地': the county towns' sources named after the count are a part of the
    network, as they are before a number ('县级城镇集中式饮用水源地水质达标率'): open
    vocabulary under their stated name, never the network's count; and 县级市 (county-level
    cities) names that part as 县级城市 does."""
    text = "2022年,全省监测35个县城饮用水源地、128个乡镇饮用水源地。"
    assert named_facts(text, province="360000", year=2022) == [
        ("~县城饮用水源地", "actual", 35.0),
        ("~乡镇饮用水源地", "actual", 128.0),
    ]
    rate = "2022年,全省县级市饮用水源地水质达标率为96.3%。"
    assert named_facts(rate, province="360000", year=2022) == [
        ("~县级市饮用水源地水质达标率", "actual", 96.3)
    ]


def test_carbon_monoxide_said_by_its_formula_alone_is_a_pollutant() -> None:
    """'CO下降9.5%' in a list of the six pollutants ('PM10下降…、SO2下降…') is CO as SO2 is SO2;
    a Latin spelling is a word of its own, so CO2 and COD are never CO."""
    text = "2023年,全省六项污染物浓度同比均下降,其中PM10下降6.1%、SO2下降11.2%、CO下降9.5%。"
    assert named_facts(text, province="350000", year=2023) == [
        ("pm10", "change", -6.1),
        ("so2", "change", -11.2),
        ("co", "change", -9.5),
    ]
    other = "2023年,全市CO2排放量下降4.2%,COD排放量下降3.1%。"
    assert [code for code, _, _ in named_facts(other, province="350000", year=2023)] == []


def test_a_roman_class_is_read_whole_not_by_its_last_numeral() -> None:
    """'Ⅳ类水质' (folded to 'iv类水质') is class IV: its tail 'v类水质' (class V) is no
    spelling inside it, so the count of class IV lakes keeps its own name."""
    text = "2023年,全省监测的40个湖库中,9个达到Ⅲ类水质,17个达到Ⅳ类水质,4个为Ⅴ类水质。"
    assert ("~达到iv类水质", "actual", 17.0) in named_facts(text, province="340000", year=2023)


def test_groundwater_quality_monitoring_points_are_the_wells_monitored() -> None:
    """'地下水水质监测点' (the national bulletins' spelling, 040, 062) counts the groundwater
    network's points, as '地下水质量监测点位' does."""
    text = "2022年,全省共有312个地下水水质监测点,其中Ⅰ~Ⅳ类水质监测点比例为81.4%。"
    assert named_facts(text, province="410000", year=2022) == [
        ("groundwater_wells_monitored", "actual", 312.0)
    ]
