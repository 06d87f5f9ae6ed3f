"""Landing asset for station × hour monitoring files (air_quality__station_hourly).

An asset belongs here if it moves monitoring-network files from raw/ into DuckDB `landing`.
Reading is DuckDB's CSV reader through the declarative layouts
(orchestration/registry/layouts/station_hourly.yml, run by orchestration.monitoring_landing);
daily and annual statistics belong in dbt.
"""

import dagster as dg
from dagster_duckdb import DuckDBResource

from orchestration.assets.landing import MANIFEST_KEY, raw_files_spec
from orchestration.manifest import read_manifest
from orchestration.monitoring_landing import land_manifest_files
from orchestration.parsing.monitoring_layouts import TABLE
from orchestration.resources import WarehousePaths

raw_specs = [raw_files_spec(TABLE, "raw/monitoring: station × hour files (.csv or .csv.gz)")]


@dg.asset(
    key=["landing", TABLE], group_name="landing", kinds={"duckdb", "csv"},
    deps=[MANIFEST_KEY, dg.AssetKey(["raw", TABLE])],
)  # fmt: skip
def station_hourly(
    context: dg.AssetExecutionContext, duckdb: DuckDBResource, paths: WarehousePaths
) -> dg.MaterializeResult:
    """One row per station × hour of a published file (six pollutants in the layout's unit),
    with file, sha256 and line; unchanged files (same sha256) are not read again."""
    settings = paths.settings
    entries = read_manifest(settings.manifest_path)
    with duckdb.get_connection() as con:
        result = land_manifest_files(con, settings.raw_dir, entries)
    for note in result.notes:
        context.log.info(note)
    reports = result.reports
    return dg.MaterializeResult(metadata={
        "files": len(reports),
        "files_unchanged": sum(r.skipped_unchanged for r in reports),
        "records_landed": sum(r.records_landed for r in reports),
        "records_quarantined": sum(r.records_quarantined for r in reports),
        "notes": dg.MetadataValue.json(result.notes),
        "per_file": dg.MetadataValue.json({r.source_file: {
            "read": r.records_read, "landed": r.records_landed,
            "quarantined": r.records_quarantined} for r in reports}),
    })  # fmt: skip


assets = [station_hourly]
