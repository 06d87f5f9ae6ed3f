"""The landing-asset factory shared by every subject, and the manifest asset they all depend on.

An asset belongs here if it is generic to landing; subject modules (air_quality.py, …) call
`landing_asset` for their tables. Asset key ["landing", <table>] equals the dbt source.
"""

from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource

from orchestration.landing import land_table, write_manifest
from orchestration.manifest import read_manifest, verify
from orchestration.publish import create_database
from orchestration.registry import landing_table
from orchestration.resources import WarehousePaths

MANIFEST_KEY = dg.AssetKey(["landing", "raw__manifest"])


def _ensure_database(path: Path) -> None:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        create_database(path)


@dg.asset(key=MANIFEST_KEY, group_name="landing", kinds={"duckdb", "csv"},
          deps=[dg.AssetKey(["raw", "manifest"])])  # fmt: skip
def raw_manifest(context: dg.AssetExecutionContext, duckdb: DuckDBResource,
                 paths: WarehousePaths) -> dg.MaterializeResult:  # fmt: skip
    """One row per source file of raw/manifest.csv, landed only after every file's sha256 matched
    and every file under raw/ was listed (the build stops here otherwise, naming the file)."""
    settings = paths.settings
    entries = read_manifest(settings.manifest_path)
    verify(settings.raw_dir, entries, settings.hash_cache_path)
    _ensure_database(paths.database_path)
    with duckdb.get_connection() as con:
        write_manifest(con, entries)
    context.log.info(f"manifest verified: {len(entries)} files")
    return dg.MaterializeResult(metadata={"files": len(entries)})


def landing_asset(table: str) -> dg.AssetsDefinition:
    """An asset that lands every raw/ file of one landing table (delete+insert per file),
    described by its registry file."""

    @dg.asset(
        key=["landing", table], group_name="landing", kinds={"duckdb", "python"},
        deps=[MANIFEST_KEY, dg.AssetKey(["raw", table])],
        description=landing_table(table).description,
    )  # fmt: skip
    def _land(context: dg.AssetExecutionContext, duckdb: DuckDBResource,
              paths: WarehousePaths) -> dg.MaterializeResult:  # fmt: skip
        settings = paths.settings
        entries = read_manifest(settings.manifest_path)
        with duckdb.get_connection() as con:
            reports = land_table(con, settings.raw_dir, entries, table)
        for report in reports:
            state = "unchanged" if report.skipped_unchanged else "landed"
            context.log.info(
                f"{report.source_file}: {state}, read {report.records_read}, "
                f"landed {report.records_landed}, quarantined {report.records_quarantined}"
            )
        return dg.MaterializeResult(metadata={
            "files": len(reports),
            "records_landed": sum(r.records_landed for r in reports),
            "records_quarantined": sum(r.records_quarantined for r in reports),
            "per_file": dg.MetadataValue.json({r.source_file: {
                "read": r.records_read, "landed": r.records_landed,
                "quarantined": r.records_quarantined} for r in reports}),
        })  # fmt: skip

    _land.__name__ = f"land_{table}"
    return _land


def raw_files_spec(table: str, description: str) -> dg.AssetSpec:
    """The raw/ files of one table, as an external asset: lineage starts at the source files."""
    return dg.AssetSpec(key=["raw", table], group_name="raw", kinds={"csv"},
                        description=description)  # fmt: skip


RAW_MANIFEST_SPEC = dg.AssetSpec(
    key=["raw", "manifest"], group_name="raw", kinds={"csv"},
    description="raw/manifest.csv: path, sha256, publisher, title and source URL of every file.",
)  # fmt: skip
