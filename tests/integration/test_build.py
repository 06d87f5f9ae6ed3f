"""End to end: `envwh build` on the shipped raw/, then assertions on the published warehouse."""

from __future__ import annotations

import csv
import html
import re
import shutil
from pathlib import Path

import pytest

from orchestration.offline import remote_resources
from orchestration.quality.suites import load_suites
from tests.conftest import register, write_csv
from tests.integration.conftest import Workspace, new_workspace

pytestmark = pytest.mark.integration


def shipped_records(raw: Path, subject: str) -> int:
    """Data rows × value columns of a subject's files, counted independently of the parser."""
    total = 0
    manifest = (raw / "manifest.csv").read_text(encoding="utf-8").splitlines()
    for entry in csv.DictReader(manifest):
        if entry["subject"] != subject:
            continue
        rows = list(csv.reader((raw / entry["path"]).read_text(encoding="utf-8").splitlines()))
        header, body = rows[0], [r for r in rows[1:] if any(r)]
        wide = [h for h in header if h not in ("地区", "统计范围", "时段")]
        long = "指标" in header or "指標" in header  # a long table: one value per row
        per_row = len(wide) if not long and entry["table"].endswith("periodic") else 1
        total += len(body) * per_row
    return total


def test_build_publishes_every_shipped_record(built: Workspace) -> None:
    (air,) = built.query("select count(*) from marts.fct_air_quality")[0]
    (carbon,) = built.query("select count(*) from marts.fct_carbon_market_figure")[0]
    assert air == shipped_records(built.raw, "air_quality") == 272
    assert carbon == shipped_records(built.raw, "carbon_market") == 51
    (waste,) = built.query(
        "select (select count(*) from marts.fct_waste_facility_snapshot) "
        "+ (select count(*) from landing.waste__regional_inventory)")[0]  # fmt: skip
    # the two undated facility statements of the shipped sources are kept in quarantine
    assert built.query(
        "select source_file, rule from quality.rejected_rows "
        "where table_name <> 'air_quality__station_hourly' order by 1"
    ) == [("waste_facilities/hongbo_guiping_wte.csv", "missing_as_of"),
          ("waste_facilities/xushiqg_beiliu_wte.csv", "missing_as_of")]  # fmt: skip
    read, landed, quarantined = built.query(
        "select sum(records_read), sum(records_landed), sum(records_quarantined) "
        "from quality.landing_files "
        "where table_name <> 'air_quality__station_hourly'")[0]  # fmt: skip
    (water,) = built.query("select count(*) from marts.fct_water_section_assessment")[0]
    assert water == 56  # every row of the shipped water tables
    # report texts: every fact and every number no indicator claimed is a landed record
    (prose,) = built.query(
        "select (select count(*) from landing.reports__facts) "
        "+ (select count(*) from landing.reports__unmapped_quantities)")[0]  # fmt: skip
    assert prose > 0
    assert read == landed + quarantined == air + carbon + waste + water + prose + 2
    # station-hours: 12 Beijing files × 35,064 hours, the national hour (every line twice:
    # 1,725 exact copies quarantined) and the 42-line GX/GZ sample
    assert built.query(
        "select sum(records_read), sum(records_landed), sum(records_quarantined) "
        "from quality.landing_files where table_name = 'air_quality__station_hourly'"
    ) == [(12 * 35064 + 3450 + 42, 12 * 35064 + 1725 + 42, 1725)]  # fmt: skip
    assert built.query(
        "select rule, count(*) from quality.rejected_rows "
        "where table_name = 'air_quality__station_hourly' group by 1"
    ) == [("duplicate_record", 1725)]  # fmt: skip


def test_beijing_monitoring_answers(built: Workspace) -> None:
    day = built.envwh(
        "sql", "select aqi, category_zh, primary_pollutants from marts.mart_air_city_daily_bi "
        "where city = '北京市' and date = '2015-12-01'", "--format", "csv",
    )  # fmt: skip
    assert day.returncode == 0 and "482,严重污染,pm2_5" in day.stdout
    years = built.query(
        "select year, is_complete from marts.fct_air_city_annual "
        "where region_code = '110000' and year between 2014 and 2016 order by 1"
    )  # fmt: skip
    assert years == [(2014, True), (2015, True), (2016, True)]
    compared = built.query(
        "select count(*), count(*) filter (where is_within_tolerance) "
        "from marts.mart_air_recomputed_vs_reported where year between 2014 and 2016"
    )[0]  # fmt: skip
    assert compared == (13, 13)


def test_sql_command_prints_the_count(built: Workspace) -> None:
    result = built.envwh("sql", "select count(*) as n from marts.fct_air_quality")
    assert result.returncode == 0 and "272" in result.stdout


def test_dimensions(built: Workspace) -> None:
    levels = dict(built.query(
        "select level, count(*) from marts.dim_region where is_current group by 1"
    ))  # fmt: skip
    assert levels == {"country": 1, "province": 34, "prefecture": 333, "county": 2847}
    assert built.query(
        "select valid_to::varchar, successor_region_code from marts.dim_region "
        "where region_code = '371200'"
    ) == [("2018-12-31", "370116")]  # fmt: skip
    # a city table of another province (福建, 2023) lands with every city mapped
    assert built.query(
        "select count(*), count(distinct f.region_key), count(*) filter (where d.level = "
        "'prefecture' and d.province_code = '350000') from marts.fct_air_quality f "
        "join marts.dim_region d using (region_key) "
        "join marts.dim_source_document s using (source_document_key) "
        "where s.source_file like '%fjsthjt_2023-04_city_air_ranking.csv'"
    ) == [(18, 9, 18)]  # fmt: skip
    assert built.query(
        "select count(*) from quality.rejected_rows where source_file like '%fjsthjt%'"
    ) == [(0,)]  # fmt: skip
    prefectures = dict(built.query(
        "select province_code, count(*) from marts.dim_region "
        "where level = 'prefecture' and is_current group by 1"
    ))  # fmt: skip
    assert (prefectures["450000"], prefectures["520000"]) == (14, 9)
    kinds = {k for (k,) in built.query("select distinct period_type from marts.dim_period")}
    assert {"year", "quarter", "month", "ytd", "day"} <= kinds
    assert built.query(
        "select start_date::varchar, end_date::varchar from marts.dim_period "
        "where period_code = '2024-01..2024-02'"
    ) == [("2024-01-01", "2024-02-29")]  # fmt: skip


def test_facts_resolve_to_dimensions_and_convert_units(built: Workspace) -> None:
    assert built.query(
        "select count(*) from marts.fct_air_quality where region_key = '-1' or period_key = '-1' "
        "or indicator_key = '-1' or source_document_key = '-1'"
    ) == [(0,)]  # fmt: skip
    # CO stays in mg/m³, the other pollutants in µg/m³; the Guizhou 2022 CO value is 1.0 mg/m³
    assert built.query(
        "select value_canonical, canonical_unit_code from marts.fct_air_quality "
        "where indicator_code = 'co' and period_code = '2022-01..2022-09'"
    ) == [(1.0, "mg_m3")]  # fmt: skip
    yoy = built.query(
        "select yoy_change_value, yoy_change_unit_code, rank, rank_scope "
        "from marts.fct_air_quality "
        "where indicator_code = 'good_days_ratio' and period_code = '2024-01..2024-06'"
    )  # fmt: skip
    assert yoy == [(1.4, "pp", 4, "national")]


def test_every_fact_traces_to_its_source(built: Workspace) -> None:
    rows = built.query(
        "select f.source_file, f.source_row_number, d.source_url, d.source_sha256 "
        "from marts.fct_air_quality f join marts.dim_source_document d using (source_document_key)"
    )  # fmt: skip
    assert rows and all(url.startswith("http") and len(sha) == 64 for *_, url, sha in rows)


def test_quality_results_and_build_info(built: Workspace) -> None:
    suites = {
        s for (s,) in built.query("select distinct suite_name from quality.validation_results")
    }
    expected = {s.name for s in load_suites()}  # the files and the registry's generated suites
    assert suites == expected and "marts.fct_carbon_compliance" in suites
    assert built.query(
        "select count(*) from quality.validation_results "
        "where severity = 'critical' and not success"
    ) == [(0,)]  # fmt: skip
    assert len(built.query("select fingerprint from meta.build_info")[0][0]) == 64


def test_published_file_is_readable_by_duckdb_1x_clients(built: Workspace) -> None:
    assert built.query(
        "select tags['storage_version'] from duckdb_databases() where database_name = 'envwh'"
    ) == [("v1.4.0+",)]  # fmt: skip


def test_no_op_rebuild_changes_nothing(built: Workspace) -> None:
    before = built.digest()
    result = built.envwh("build")
    assert result.returncode == 0 and "up to date" in result.stdout
    assert built.digest() == before


def test_validate_and_rejected_commands(built: Workspace) -> None:
    validate = built.envwh("validate")
    assert validate.returncode == 0, validate.stdout[-2000:]
    assert " 0 failed" in validate.stdout
    assert built.envwh("rejected").returncode == 0


def test_sql_is_read_only_and_single_statement(built: Workspace) -> None:
    before = built.digest()
    write = built.envwh("sql", "delete from marts.fct_air_quality")
    assert write.returncode == 2 and "read-only" in write.stderr.lower()
    many = built.envwh("sql", "select 1; select 2")
    assert many.returncode == 2 and "one SQL statement" in many.stderr
    assert built.digest() == before


def test_changed_raw_byte_fails_and_keeps_the_published_warehouse(
    tmp_path: Path, built: Workspace
) -> None:
    workspace = new_workspace(tmp_path)
    shutil.copytree(built.warehouse, workspace.warehouse)
    before = workspace.digest()
    target = workspace.raw / "air_quality" / "gxsthjt_2021-08_air_quality_bulletin.csv"
    target.write_bytes(target.read_bytes().replace(b"98.8", b"98.9", 1))
    result = workspace.envwh("build")
    assert result.returncode == 1
    assert "raw/air_quality/gxsthjt_2021-08_air_quality_bulletin.csv: sha256 is" in result.stderr
    assert workspace.digest() == before
    assert workspace.query("select count(*) from marts.fct_air_quality") == [(272,)]


def test_bad_records_are_quarantined_and_the_rest_published(tmp_path: Path) -> None:
    workspace = new_workspace(tmp_path)
    write_csv(workspace.raw / "air_quality" / "test_bad.csv", [
        ["省份", "统计范围", "时段", "指标", "数值", "单位"],
        ["广西", "14个设区市", "2025年1月", "PM2.5平均浓度", "31", "微克/立方米"],
        ["广西", "14个设区市", "2025年1月", "PM10平均浓度", "—", "微克/立方米"],
        ["广西", "14个设区市", "2025年1月", "SO2平均浓度", "7", "克每升"],
        ["广西", "14个设区市", "2025年1月", "NO2平均浓度", "-4", "微克/立方米"],
    ])  # fmt: skip
    register(workspace.raw, "air_quality/test_bad.csv", "air_quality__periodic")
    result = workspace.envwh("build")
    assert result.returncode == 0, result.stdout[-3000:]
    # 3 here + the 2 undated facility statements of the shipped waste sources + the 1,725 exact
    # copies of lines in the national monitoring crawl (every row twice, one copy kept)
    assert "1730 records quarantined" in result.stdout and "envwh rejected" in result.stdout
    rejected = workspace.query(
        "select row_number, column_name, value, rule from quality.rejected_rows "
        "where source_file like '%test_bad.csv' order by 1"
    )
    # each rejection names the column the bad text is in (the unit's own column for 克每升)
    assert rejected == [(3, "数值", "—", "missing_value"), (4, "单位", "克每升", "unknown_unit"),
                        (5, "数值", "-4", "out_of_range")]  # fmt: skip
    assert workspace.query("select count(*) from marts.fct_air_quality") == [(273,)]
    listing = workspace.envwh("rejected")
    assert "unknown_unit" in listing.stdout and "test_bad.csv" in listing.stdout


def test_unmapped_header_fails_the_build_naming_file_and_header(tmp_path: Path) -> None:
    workspace = new_workspace(tmp_path)
    write_csv(workspace.raw / "air_quality" / "test_header.csv",
              [["时段", "风速(米/秒)"], ["2025年1月", "3"]])  # fmt: skip
    register(workspace.raw, "air_quality/test_header.csv", "air_quality__periodic")
    result = workspace.envwh("build")
    assert result.returncode == 1
    assert "test_header.csv: unmapped header '风速(米/秒)'" in result.stdout
    assert "was not changed" in result.stdout
    assert not workspace.published.exists()


def test_failed_blocking_check_does_not_publish(tmp_path: Path, built: Workspace) -> None:
    workspace = new_workspace(tmp_path)
    shutil.copytree(built.warehouse, workspace.warehouse)
    before = workspace.digest()
    suites = tmp_path / "expectations"
    shutil.copytree(Path(__file__).resolve().parents[2] / "expectations", suites)
    strict = suites / "marts.fct_air_quality.json"
    strict.write_text(strict.read_text(encoding="utf-8").replace(
        '"min_value": 1\n', '"min_value": 100000\n', 1), encoding="utf-8")  # fmt: skip
    result = workspace.envwh("build", extra_env={"ENVWH_EXPECTATIONS_DIR": str(suites)})
    assert result.returncode == 1, result.stdout[-2000:]
    assert "marts/fct_air_quality:great_expectations failed (ERROR)" in result.stdout
    # the failed expectation itself is named, with its count and notes
    assert "expect_table_row_count_to_be_between on the table" in result.stdout
    assert workspace.digest() == before
    assert list(workspace.warehouse.glob(".build*.duckdb")) == []


def test_carbon_market_sources_disagree_and_both_are_kept(built: Workspace) -> None:
    turnover_2024 = built.query(
        "select value_canonical, source_kind, is_preferred from marts.fct_carbon_market_figure "
        "where indicator_code = 'carbon_turnover' and period_code = '2024' and not is_cumulative "
        "order by 1"
    )  # fmt: skip
    assert turnover_2024 == [(18_044_000_000, "press", False), (18_114_000_000, "ministry", True)]
    assert built.query(
        "select turnover_cny from marts.mart_carbon_market_trading_preferred "
        "where period_code = '2024' and not is_cumulative"
    ) == [(18_114_000_000,)]  # fmt: skip


def test_carbon_trading_and_compliance_in_canonical_units(built: Workspace) -> None:
    assert built.query(
        "select volume_t_co2e, turnover_cny, average_price_cny_per_t "
        "from marts.mart_carbon_market_trading_preferred "
        "where period_code = '2023' and not is_cumulative"
    ) == [(212_000_000, 14_444_000_000, 68.15)]  # fmt: skip
    assert built.query(
        "select compliance_period_code, region_code, entities_covered, compliance_rate_pct, basis "
        "from marts.fct_carbon_compliance order by 1, 2"
    ) == [
        ("2019..2020", "100000", 2162, 99.5, "market_table"),
        # report 010's text: the first cycle's figures as of 2021-12-31 (the text's period)
        ("2021", "100000", 2162, 99.5, "stated_in_prose"),
        ("2023", "100000", 2096, 99.98, "market_table"),
        ("2023", "450000", 51, None, "stated_in_prose"),  # Guangxi, report 001's text
    ]  # fmt: skip
    sectors = built.query(
        "select sector_code, joined_year from marts.dim_carbon_sector order by 2, 1"
    )
    assert sectors == [("power", 2021), ("aluminium", 2025), ("cement", 2025), ("steel", 2025)]
    gaps = dict(built.query(
        "select year, volume_gap_pct from marts.mart_carbon_annual_vs_cumulative"))  # fmt: skip
    assert gaps[2023] == pytest.approx(0.15) and gaps[2024] == pytest.approx(-0.53)


def test_waste_facilities_scd2_and_capacity_summary(built: Workspace) -> None:
    current = built.query(
        "select count(*), count(distinct facility_code) from marts.dim_waste_facility "
        "where is_current"
    )  # fmt: skip
    assert current == [(8, 8)]
    assert built.query(
        "select capacity_t_per_day from marts.dim_waste_facility where facility_name like '贵阳%'"
    ) == [(2000.0,)]  # 73万吨/年 ÷ 365  # fmt: skip
    assert built.query(
        "select basis, is_preferred, facility_count, capacity_t_per_day "
        "from marts.fct_waste_capacity_summary where region_code = '450000' and year = 2023 "
        "and facility_type_code = 'msw_harmless_treatment' order by basis"
    ) == [
        ("stated_aggregate", True, 67, 35_300.0),  # 67 座, 3.53万吨/日: report 001's table
        ("stated_in_prose", False, 67, 35_300.0),  # the same figures read from its text
    ]  # fmt: skip
    # Guangxi's facility list sums to 2600 t/d of incineration in 2024, below Nanning's stated
    # 5150: a partial sum, never the preferred row
    assert built.query(
        "select completeness, is_preferred from marts.fct_waste_capacity_summary "
        "where region_code = '450000' and year = 2024 and facility_type_code = 'msw_incineration'"
    ) == [("facility_list_below_stated_total", False)]  # fmt: skip
    assert built.query(
        "select stated_capacity_t_per_day, facility_rows_capacity_t_per_day "
        "from marts.mart_waste_capacity_disagreements where facility_type_code = 'msw_incineration'"
    ) == [(5150.0, 2600.0)]  # fmt: skip


def test_a_second_edition_starts_a_new_version(tmp_path: Path) -> None:
    workspace = new_workspace(tmp_path)
    write_csv(workspace.raw / "waste_facilities" / "test_edition_2025.csv", [
        ["省份", "城市", "设施名称", "设施类型", "处理能力", "单位", "状态", "日期", "装机容量",
         "备注", "原文摘录"],
        ["广西", "南宁(横州市)", "广西六景循环经济产业园生活垃圾焚烧发电厂", "生活垃圾焚烧发电",
         "900", "吨/日", "运行", "2025-01", "25兆瓦", "", ""],
    ])  # fmt: skip
    register(workspace.raw, "waste_facilities/test_edition_2025.csv", "waste__facilities")
    result = workspace.envwh("build")
    assert result.returncode == 0, result.stdout[-3000:]
    versions = workspace.query(
        "select status_code, valid_from::varchar, valid_to::varchar, is_current "
        "from marts.dim_waste_facility where facility_name like '广西六景%' order by valid_from"
    )  # fmt: skip
    assert versions == [("under_construction", "2022-09-01", "2024-12-31", False),
                        ("operating", "2025-01-01", "9999-12-31", True)]  # fmt: skip


def test_water_assessments_and_summary(built: Workspace) -> None:
    assert built.query(
        "select list_kind, sections_listed, network_section_count, good_share_pct, "
        "meets_target_share_pct from marts.fct_water_quality_summary where region_code = '500114'"
    ) == [("complete", 9, 9, 88.9, 100.0)]  # 黔江区 2025-01: 8 of 9 in Ⅰ–Ⅲ, all meet the target
    # Guangxi 2019: the bulletins name only the 7 sections below Ⅲ of 97 — no share, a reason
    partial = built.query(
        "select list_kind, sections_listed, network_section_count, good_share_pct, "
        "meets_target_share_pct, share_null_reason like 'exceedance list%' "
        "from marts.fct_water_quality_summary where period_code like '2019%'"
    )  # fmt: skip
    assert partial == [("exceedance", 7, 97, None, None, True)] * 2
    bounds = built.query(
        "select distinct class_label, class_ordinal_min, class_ordinal_max, meets_target "
        "from marts.fct_water_section_assessment where class_kind = 'worse_than'"
    )  # fmt: skip
    # below Ⅲ: fails a Ⅲ target where one is set (2019), unknown where none is (2014)
    assert sorted(bounds, key=str) == [("劣于Ⅲ类", 4, 6, False), ("劣于Ⅲ类", 4, 6, None)]
    assert built.query(
        "select count(*) from marts.bridge_water_assessment_pollutant where parameter_code = 'tp'"
    ) == [(22,)]  # fmt: skip


def test_measurements_compute_the_class_and_list_disagreements(tmp_path: Path) -> None:
    workspace = new_workspace(tmp_path)
    write_csv(workspace.raw / "water_sections" / "test_measurements.csv", [
        ["省份", "地区", "水体", "断面名称", "断面属性", "时段", "监测项目", "浓度", "单位"],
        ["重庆", "黔江区", "黔江河", "舟白渡", "区控", "2025年1月", "氨氮", "1.8", "mg/L"],
        ["重庆", "黔江区", "黔江河", "舟白渡", "区控", "2025年1月", "总磷", "100", "μg/L"],
        ["重庆", "黔江区", "黔江河", "舟白渡", "区控", "2025年1月", "总氮", "5", "mg/L"],
        ["重庆", "黔江区", "段溪河", "胜利", "市评", "2025年1月", "氨氮", "0.5", "mg/L"],
    ])  # fmt: skip
    register(workspace.raw, "water_sections/test_measurements.csv", "water__measurements", "重庆")
    result = workspace.envwh("build")
    assert result.returncode == 0, result.stdout[-3000:]
    classes = dict(workspace.query(
        "select parameter_code, single_factor_class_ordinal "
        "from marts.fct_water_quality_measurement where section_code in "
        "(select section_code from marts.dim_water_section where section_name = '舟白渡')"
    ))  # fmt: skip
    assert classes == {"nh3_n": 5, "tp": 2, "tn": None}  # 100 μg/L = 0.1 mg/L; TN excluded
    # 舟白渡 is published as Ⅳ but NH3-N 1.8 makes it Ⅴ; 胜利 (Ⅱ, NH3-N 0.5 on the Ⅱ limit) agrees
    assert workspace.query(
        "select published_class_label, computed_class_ordinal, worst_parameter_code "
        "from marts.mart_water_class_disagreements"
    ) == [("Ⅳ类", 5, "nh3_n")]  # fmt: skip


def test_docs_command_writes_one_site(built: Workspace) -> None:
    result = built.envwh("docs")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    docs = built.warehouse / "docs"
    assert (docs / "index.html").exists()
    assert "fct_air_quality" in (docs / "dbt" / "index.html").read_text(encoding="utf-8")
    gx_pages = list((docs / "gx").rglob("*.html"))
    assert docs / "gx" / "index.html" in gx_pages
    assert any("fct_air_quality" in page.name for page in gx_pages)
    # the index links the three parts, and each link resolves to a page of the site
    links = re.findall(r'href="([^"#]+)"', (docs / "index.html").read_text(encoding="utf-8"))
    assert sorted(links) == ["dashboard.html", "dbt/index.html", "dictionary.html", "gx/index.html"]
    # offline: no page loads a script or stylesheet from the network (GX's CDNs are vendored)
    for page in docs.rglob("*.html"):
        assert remote_resources(page.read_text(encoding="utf-8")) == [], page
    assert all((docs / link).is_file() for link in links)
    dictionary = (docs / "dictionary.html").read_text(encoding="utf-8")
    for code, name_zh, name_en in built.query(
        "select indicator_code, name_zh, name_en from marts.dim_indicator "
        "where indicator_key <> '-1'"
    ):
        assert all(html.escape(text) in dictionary for text in (code, name_zh, name_en)), code
    assert '<h2 id="fct_air_quality">' in dictionary
    assert "<code>value_canonical</code>" in dictionary


def test_report_prose_becomes_observations_and_targets_with_provenance(built: Workspace) -> None:
    ((value, rank, change, quote, start, end, source),) = built.query(
        "select value_reported, national_rank, change_value, quote, char_start, char_end, "
        "source_file from marts.fct_indicator_observation where indicator_code = "
        "'good_days_ratio' and region_code = '450000' and period_code = '2023'"
    )
    assert (value, rank, change) == (97.9, 5, 2.8)
    text = (built.raw / source).read_text(encoding="utf-8")
    assert text[start:end] == quote and "97.9%" in quote
    # an open-vocabulary figure (no lexicon code) lands with its stated name and key '-1'
    assert ("-1", "参与评价", 93.0) in built.query(
        "select indicator_key, indicator_name_stated, value_reported "
        "from marts.fct_indicator_observation where indicator_code is null"
    )
    targets = dict(built.query(
        "select target_year, target_value_canonical from marts.fct_indicator_target "
        "where indicator_code = 'pm2_5' and region_code = '520000'"
    ))  # fmt: skip
    assert targets == {2027: 22.0, 2035: 20.0}
    statuses = dict(built.query(
        "select status, count(*) from marts.mart_target_progress group by status"
    ))  # fmt: skip
    assert statuses["no_observation"] > 0 and statuses["compared"] > 0
    assert built.query(
        "select on_track from marts.mart_target_progress where indicator_code = "
        "'rural_sewage_treatment_rate' and target_year = 2024"
    ) == [(False,)]
    disagreements = built.query(
        "select indicator_code, agrees from marts.mart_indicator_prose_vs_table "
        "where indicator_code = 'msw_harmless_capacity'"
    )
    assert disagreements == [("msw_harmless_capacity", True)]
