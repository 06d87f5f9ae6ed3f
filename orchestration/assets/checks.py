"""Great Expectations suites as Dagster asset checks, all run in one step (GX is imported once).

One check, `great_expectations`, per validated table. A failed critical expectation fails its
check with ERROR severity, which blocks everything downstream (publishing included); a failed
warning reports with WARN and blocks nothing. Results land in quality.validation_results.
"""

from collections.abc import Iterator

import dagster as dg
from dagster_duckdb import DuckDBResource

from orchestration.quality.suites import SuiteFile, load_suites
from orchestration.quality.validate import run_suites, write_results

SUITES = load_suites()


def _spec(suite: SuiteFile) -> dg.AssetCheckSpec:
    # Mart checks block what is downstream of the marts: publishing. Landing checks cannot block
    # dbt (this one step also validates the marts dbt builds), so publishing refuses any
    # critical failure of the run instead (orchestration.assets.warehouse).
    return dg.AssetCheckSpec(
        name=suite.check_name, asset=dg.AssetKey(suite.asset_key_path),
        blocking=suite.asset_key_path[0] == "marts",
        description=f"expectations/{suite.name}.json: {suite.spec['meta'].get('description', '')}",
    )  # fmt: skip


@dg.multi_asset_check(specs=[_spec(s) for s in SUITES], can_subset=True,
                      name="great_expectations_suites")  # fmt: skip
def great_expectations_suites(
    context: dg.AssetCheckExecutionContext, duckdb: DuckDBResource
) -> Iterator[dg.AssetCheckResult]:
    selected = context.selected_asset_check_keys
    suites = [s for s in SUITES if dg.AssetCheckKey(dg.AssetKey(s.asset_key_path),
                                                     s.check_name) in selected]  # fmt: skip
    with duckdb.get_connection() as con:
        results = run_suites(con, suites)
        write_results(con, context.run.run_id, results)
    for suite in suites:
        mine = [r for r in results if r.suite_name == suite.name]
        critical = [r for r in mine if r.blocking_failure]
        warnings = [r for r in mine if not r.success and not r.blocking_failure]
        yield dg.AssetCheckResult(
            asset_key=dg.AssetKey(suite.asset_key_path),
            check_name=suite.check_name,
            passed=not critical and not warnings,
            severity=dg.AssetCheckSeverity.ERROR if critical else dg.AssetCheckSeverity.WARN,
            metadata={
                "evaluated": len(mine),
                "failed_critical": len(critical),
                "failed_warning": len(warnings),
                "failures": dg.MetadataValue.json([
                    {"expectation": r.expectation_type, "column": r.column,
                     "severity": r.severity, "unexpected": r.unexpected_count,
                     "sample": r.partial_unexpected, "observed": r.observed_value,
                     "notes": r.notes}
                    for r in critical + warnings]),
            },
        )  # fmt: skip
