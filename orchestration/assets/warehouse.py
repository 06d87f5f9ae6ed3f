"""Publishing as the last asset: warehouse/envwh.duckdb, replaced atomically from the working
file once everything upstream materialized, no blocking check failed in this run and every
manifest entry's rows are accounted for (read = landed + quarantined).
"""

import dagster as dg

from orchestration.assets.dbt import dbt_models
from orchestration.publish import STORAGE_COMPATIBILITY, publish, record_build, storage_version
from orchestration.quality.accounting import accounting_problems
from orchestration.resources import WarehousePaths

PUBLISHED_KEY = dg.AssetKey(["warehouse", "envwh"])


class PublishError(Exception):
    """The working file must not be published (checks missing or failed, wrong format)."""


@dg.asset(key=PUBLISHED_KEY, group_name="warehouse", kinds={"duckdb"}, deps=[dbt_models])
def published_warehouse(context: dg.AssetExecutionContext,
                        paths: WarehousePaths) -> dg.MaterializeResult:  # fmt: skip
    """warehouse/envwh.duckdb: what analysts and BI tools read. Replaced by rename, so a reader
    never sees a half-written file and a failed run leaves the previous one in place."""
    import duckdb

    from orchestration.publish import fingerprint

    work, target = paths.database_path, paths.settings.published_path
    con = duckdb.connect(str(work))
    try:
        failed, evaluated = con.execute(
            "select count(*) filter (where not success and severity = 'critical'), count(*) "
            "from quality.validation_results where run_id = ?",
            [context.run_id],
        ).fetchone()
        if evaluated == 0:
            raise PublishError("no expectation suite ran in this run: run the checks first")
        if failed:
            raise PublishError(f"{failed} critical expectations failed: not publishing")
        unaccounted = accounting_problems(con)
        if unaccounted:
            raise PublishError(
                "files whose rows are not all accounted for (read = landed + quarantined); "
                "not publishing:\n" + "\n".join(unaccounted)
            )
        version = storage_version(con)
        if not version.startswith(STORAGE_COMPATIBILITY):
            raise PublishError(f"storage version {version!r}, expected {STORAGE_COMPATIBILITY}+")
        record_build(con, fingerprint(paths.settings.manifest_path), context.run_id)
    finally:
        con.close()
    publish(work, target)
    context.log.info(f"published {target}")
    return dg.MaterializeResult(metadata={"path": str(target), "storage_version": version})
