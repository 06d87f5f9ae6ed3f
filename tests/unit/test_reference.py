"""Seeds shared by the parsers and dbt: regions, indicators, area scopes, suites."""

import csv
import json
from collections import Counter

import pytest

from orchestration.parsing.reference import area_scopes, indicators, regions
from orchestration.paths import SEEDS_DIR
from orchestration.quality.suites import load_suites


def test_regions_cover_every_division_in_force() -> None:
    """MCA's counts for the edition the seed was generated from: 34 provincial-level, 333
    prefecture-level and 2,847 county-level divisions in force."""
    rows = list(
        csv.DictReader((SEEDS_DIR / "regions.csv").read_text(encoding="utf-8").splitlines())
    )
    in_force = Counter(r["level"] for r in rows if not r["valid_to"])
    assert in_force == {"country": 1, "province": 34, "prefecture": 333, "county": 2847}
    prefectures = [r for r in rows if r["level"] == "prefecture" and not r["valid_to"]]
    assert sum(r["parent_code"] == "450000" for r in prefectures) == 14  # Guangxi
    assert sum(r["parent_code"] == "520000" for r in prefectures) == 9  # Guizhou
    assert all(r["region_code"].isdigit() and len(r["region_code"]) == 6 for r in rows)
    assert all(r["source"] for r in rows)  # every row, and every history row, cites its source


@pytest.mark.parametrize(
    ("text", "code"),
    [("广西", "450000"), ("廣西", "450000"), ("Guangxi", "450000"), ("广西壮族自治区", "450000"),
     ("全国", "100000"), ("南宁", "450100"), ("南宁市", "450100"), ("都匀市", "522701"),
     ("黔西南州", "522300"), ("貴州", "520000")],
)  # fmt: skip
def test_region_aliases(text: str, code: str) -> None:
    assert regions().resolve(text).code == code


@pytest.mark.parametrize(
    ("text", "code", "count"),
    [("14个设区市", "prefecture_cities", 14), ("9个中心城市", "prefecture_cities", 9),
     ("75个县级城市", "county_cities", 75), ("88个县(市、区)", "county_cities", 88),
     ("88個縣(市、區)", "county_cities", 88), ("全区", "whole_region", None),
     ("中心城市(兴义市)", "central_city", None)],
)  # fmt: skip
def test_area_scopes(text: str, code: str, count: int | None) -> None:
    scope = area_scopes().resolve(text)
    assert (scope.code, scope.unit_count) == (code, count)


@pytest.mark.parametrize(
    ("text", "code"),
    [("优良天数比例", "good_days_ratio"), ("平均優良天數比率", "good_days_ratio"),
     ("细颗粒物(PM2.5)平均浓度", "pm2_5"), ("PM2.5浓度均值", "pm2_5"), ("臭氧", "o3")],
)  # fmt: skip
def test_indicator_aliases(text: str, code: str) -> None:
    assert indicators().resolve(text).code == code


def test_every_suite_is_valid_json_with_a_table() -> None:
    suites = load_suites()
    assert {s.name for s in suites} >= {"landing.air_quality__periodic", "marts.fct_air_quality"}
    for suite in suites:
        assert suite.table == suite.name
        assert all(
            e["severity"] in ("critical", "warning", "info") for e in suite.spec["expectations"]
        )
        json.dumps(suite.spec)
