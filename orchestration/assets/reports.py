"""Landing assets for report prose: facts extracted from the texts of raw/reports/ (with the
indicator catalogue of orchestration/registry/indicators/).

An asset belongs here if it moves report text (or what reading it needs) into DuckDB
`landing`. Extraction lives in orchestration.extraction; modelling belongs in dbt.
"""

import dagster as dg
from dagster_duckdb import DuckDBResource

from orchestration.assets.landing import MANIFEST_KEY, raw_files_spec
from orchestration.extraction.reports import REPORTS_TABLE
from orchestration.landing import land_reports
from orchestration.manifest import read_manifest
from orchestration.registry import landing_table
from orchestration.resources import WarehousePaths

FACTS_KEY = dg.AssetKey(["landing", "reports__facts"])
UNMAPPED_KEY = dg.AssetKey(["landing", "reports__unmapped_quantities"])

raw_specs = [raw_files_spec(REPORTS_TABLE, "raw/reports: report and policy texts (UTF-8)")]


@dg.multi_asset(
    specs=[
        dg.AssetSpec(FACTS_KEY, group_name="landing", kinds={"duckdb", "python"},
                     deps=[MANIFEST_KEY, dg.AssetKey(["raw", REPORTS_TABLE])],
                     description=landing_table("reports__facts").description),
        dg.AssetSpec(UNMAPPED_KEY, group_name="landing", kinds={"duckdb", "python"},
                     deps=[MANIFEST_KEY, dg.AssetKey(["raw", REPORTS_TABLE])],
                     description=landing_table("reports__unmapped_quantities").description),
    ],
)  # fmt: skip
def report_facts(context: dg.AssetExecutionContext, duckdb: DuckDBResource,
                 paths: WarehousePaths):  # fmt: skip
    """Extract every report of the manifest (always: the facts depend on the indicator
    catalogue too)."""
    settings = paths.settings
    with duckdb.get_connection() as con:
        reports = land_reports(con, settings.raw_dir, read_manifest(settings.manifest_path))
    for report in reports:
        context.log.info(f"{report.source_file}: {report.records_landed} facts")
    yield dg.MaterializeResult(asset_key=FACTS_KEY, metadata={
        "documents": len(reports), "facts": sum(r.records_landed for r in reports)})  # fmt: skip
    yield dg.MaterializeResult(asset_key=UNMAPPED_KEY)


assets = [report_facts]
