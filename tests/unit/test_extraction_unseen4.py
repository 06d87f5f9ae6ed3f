"""Wordings of bulletins exposed by the fourth unseen gold set (tests/gold/unseen4): each test
states the general class of wording, in sentences written for the test (not copied from the gold
texts), and fails without its rule or spelling."""

from __future__ import annotations

from orchestration.extraction.extractor import extract

JIANGSU = "320000"


def facts(text: str, province: str = JIANGSU) -> list[tuple[str, str, float]]:
    return [(f.indicator_code or "~" + f.indicator_name_zh, f.kind, f.value)
            for f in extract(text, province=province, year=2022).facts]  # fmt: skip


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
