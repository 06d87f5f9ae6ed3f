"""Wordings of bulletins exposed by the fifth unseen gold set (tests/gold/unseen5), after its
measurement: each test states the general class of wording, in sentences written for the test
(not copied from the gold texts), and fails without its rule or spelling."""

from __future__ import annotations

from orchestration.extraction.extractor import extract

JIANGSU = "320000"


def test_a_city_bulletin_under_its_older_title_speaks_for_the_city() -> None:
    """环境质量公报 was the title of city and provincial bulletins before 生态环境状况公报."""
    text = "市环保局昨天发布了2014年常州市环境质量公报。\n全年全市PM2.5平均浓度为59微克/立方米。"
    extraction = extract(text, province=JIANGSU, year=2014)
    assert extraction.context.region_code == "320400"
    assert {f.region_code for f in extraction.facts} == {"320400"}


def test_a_report_named_first_without_its_city_gives_way_to_its_full_name() -> None:
    text = (
        "绵阳发布《2019年生态环境质量公报》\n"
        "市生态环境局发布了《2019年绵阳市环境质量公报》,全市PM2.5平均浓度为33微克/立方米。"
    )
    assert extract(text, province="510000", year=2019).context.region_code == "510700"


def test_a_city_news_item_named_in_its_headline_speaks_for_the_city() -> None:
    text = (
        "杭州3月份空气质量优良率超八成\n"
        "记者从市生态环境局获悉,3月全市空气质量优良天数为26天,PM2.5平均浓度为31微克/立方米。"
    )
    extraction = extract(text, province="330000", year=2019)
    assert extraction.context.region_code == "330100"
    assert {f.region_code for f in extraction.facts} == {"330100"}


def test_a_provincial_text_whose_headline_names_a_city_keeps_the_province() -> None:
    text = (
        "杭州亚运会期间空气质量优良\n"
        "9月全省空气质量优良天数比例为95.2%,全市PM2.5平均浓度为22微克/立方米。"
    )
    assert extract(text, province="330000", year=2023).context.region_code == "330000"


SHANDONG = "370000"


def test_a_ranking_of_places_states_each_place_s_figure_in_parentheses() -> None:
    """'按<indicator>由低到高的顺序依次是:A(n)、B(n)和C(n)': each place's own figure of the
    indicator the list is ordered by, a bare number in its unit; '按<indicator>同比下降幅度由大到
    小…:A(下降x%)…和C(上升y%)': each place's change of it."""
    text = (
        "2019年5月全省各市空气质量排名\n"
        "按PM2.5平均浓度由低到高的顺序依次是:威海(21)、烟台(26)和淄博(47)。"
        "按PM2.5平均浓度同比下降幅度由大到小的顺序依次是:淄博(下降12.5%)、威海(下降4.5%)和"
        "烟台(上升3.8%)。"
    )
    facts = {
        (f.indicator_code, f.kind, f.value, f.unit, f.region_code)
        for f in extract(text, province=SHANDONG, year=2019).facts
    }
    assert facts == {
        ("pm2_5", "actual", 21, "ug_m3", "371000"),
        ("pm2_5", "actual", 26, "ug_m3", "370600"),
        ("pm2_5", "actual", 47, "ug_m3", "370300"),
        ("pm2_5", "change", -12.5, "pct", "370300"),
        ("pm2_5", "change", -4.5, "pct", "371000"),
        ("pm2_5", "change", 3.8, "pct", "370600"),
    }


def test_a_ranking_by_an_unknown_name_or_of_an_unknown_place_states_nothing_of_it() -> None:
    """No catalogue name after 按, or a place the region reference does not know: no coded fact
    (and never one of the document's region)."""
    text = (
        "按整改任务完成率由高到低的顺序依次是:威海(98)、烟台(95)。"
        "按PM2.5平均浓度由低到高的顺序依次是:云岭湾(19)、威海(21)。"
    )
    facts = extract(text, province=SHANDONG, year=2019).facts
    coded = {(f.indicator_code, f.value, f.region_code) for f in facts if f.indicator_code}
    assert coded == {("pm2_5", 21, "371000")}
    assert not [f for f in facts if f.value in (98, 95, 19)]


def test_a_ranked_district_named_after_its_city_is_that_city_s_district() -> None:
    """市中区 alone could be several districts of Shandong; after its city's name it is one."""
    text = "按PM10平均浓度由低到高的顺序依次是:济南市市中区(70)、枣庄市市中区(82)和市中区(75)。"
    facts = extract(text, province=SHANDONG, year=2019).facts
    assert {(f.indicator_code, f.value, f.region_code) for f in facts if f.indicator_code} == {
        ("pm10", 70, "370103"),
        ("pm10", 82, "370402"),
    }
