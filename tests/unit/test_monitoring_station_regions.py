"""dim_monitoring_station maps each station's city (the CNEMC `area` column) to a GB/T 2260
region through the region seeds, as orchestration.parsing.regions reads names: short forms of
autonomous prefectures (红河州), curated aliases (伊犁哈萨克州, the former 地区 names the CNEMC
list still uses), county-level cities directly under their region (石河子市); a national-level
new area keeps region_code null with the reason from seeds/monitoring_cities_without_region.csv.

The cities go through the real path: one CNEMC-layout hour, one station per city, landed and
built with dbt (orchestration.monitoring_build) into a temporary DuckDB.
"""

from __future__ import annotations

import duckdb
import pytest

from orchestration.monitoring_build import build_monitoring, source_files
from orchestration.parsing.reference import regions

HEADER = (
    "timepoint,stationcode,longitude,latitude,area,positionname,primarypollutant,aqi,pm10,"
    "pm10_24h,pm2_5,pm2_5_24h,o3,o3_24h,o3_8h,o3_8h_24h,no2,no2_24h,so2,so2_24h,co,co_24h"
)
MAPPED = {  # city as the CNEMC station list writes it → GB/T 2260 code
    "南宁市": "450100",  # a prefecture by its name
    "红河州": "532500",  # 红河哈尼族彝族自治州: short name + 州
    "西双版纳州": "532800",
    "伊犁哈萨克州": "654000",  # alias: the resolver derives only 伊犁州
    "吐鲁番地区": "650400",  # alias: 吐鲁番市's name until 2015
    "铜仁地区": "520600",
    "石河子市": "659001",  # a county-level city directly under Xinjiang
    "五家渠市": "659004",
}
UNMAPPED = {  # city → the start of its reason
    "雄安新区": "a national-level new area (国家级新区), not a GB/T 2260 division",
    "北海新城": "no GB/T 2260 division in force has this name",  # made up: no seed row
    "鼓楼区": "no GB/T 2260 division in force has this name",  # a county name held by several
}


@pytest.fixture(scope="module")
def stations(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple]:
    root = tmp_path_factory.mktemp("station-regions")
    data = root / "data"
    data.mkdir()
    lines = [HEADER]
    for n, city in enumerate([*MAPPED, *UNMAPPED]):
        lines.append(f"2024-01-01T1200,{9001 + n}A,110.0,30.0,{city},测试站{n},,,50,,30,,"
                     "60,,,,20,,8,,0.6,")  # fmt: skip
    (data / "cnemc_test.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    database = root / "w.duckdb"
    build_monitoring(source_files([data / "cnemc_test.csv"], data), database, root / "target",
                     full_refresh=True, run_tests=True)  # fmt: skip
    con = duckdb.connect(str(database), read_only=True)
    try:
        rows = con.execute(
            "select city_text, region_code, is_region_mapped, region_unmapped_reason, "
            "region_key = '-1' from marts.dim_monitoring_station where station_code <> '-1'"
        ).fetchall()
    finally:
        con.close()
    return {row[0]: row[1:] for row in rows}


@pytest.mark.parametrize(("city", "code"), MAPPED.items())
def test_each_city_maps_to_its_division(stations: dict, city: str, code: str) -> None:
    assert stations[city] == (code, True, None, False)


@pytest.mark.parametrize(("city", "reason"), UNMAPPED.items())
def test_a_city_no_division_is_stays_unknown_with_its_reason(
    stations: dict, city: str, reason: str
) -> None:
    region_code, is_mapped, why, unknown_key = stations[city]
    assert (region_code, is_mapped, unknown_key) == (None, False, True)
    assert why.startswith(reason), why


def test_the_python_resolver_reads_the_cities_the_same_way() -> None:
    """One machinery: the resolver the parsers use agrees with the mart for 2024."""
    resolver = regions()
    assert {city: resolver.resolve(city, 2024).code for city in MAPPED} == MAPPED
    assert resolver.resolve("雄安新区", 2024) is None
