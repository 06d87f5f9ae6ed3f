"""Running the suites with Great Expectations against pandas frames read from DuckDB (the GX SQL
datasource does not work on DuckDB), and recording the results in quality.validation_results.

Great Expectations is imported once per process, lazily (≈ 8 s); `warm_up()` starts that import in
a background thread so it overlaps with the dbt run.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from orchestration.quality.suites import SuiteFile
from orchestration.registry.generate import with_measure_columns

_import_thread: threading.Thread | None = None

RESULTS_DDL = """
create schema if not exists quality;
create table if not exists quality.validation_results (
    run_id varchar not null,
    validated_at timestamp not null,
    suite_name varchar not null,
    table_name varchar not null,
    expectation_type varchar not null,
    column_name varchar,
    severity varchar not null,
    success boolean not null,
    element_count bigint,
    unexpected_count bigint,
    observed_value varchar,
    partial_unexpected varchar,
    notes varchar
);
"""


@dataclass(frozen=True)
class ExpectationResult:
    suite_name: str
    table: str
    expectation_type: str
    column: str | None
    severity: str  # critical | warning | info
    success: bool
    element_count: int | None
    unexpected_count: int | None
    observed_value: str | None
    partial_unexpected: str | None
    notes: str | None

    @property
    def blocking_failure(self) -> bool:
        return not self.success and self.severity == "critical"


def warm_up() -> None:
    """Start importing Great Expectations in the background (idempotent)."""
    global _import_thread
    if _import_thread is None:
        _import_thread = threading.Thread(target=_import_gx, name="gx-import", daemon=True)
        _import_thread.start()


def _import_gx():
    import great_expectations

    return great_expectations


def _gx():
    if _import_thread is not None:
        _import_thread.join()
    return _import_gx()


def _context(project_root: Path | None = None):
    gx = _gx()
    from great_expectations.data_context.types.base import ProgressBarsConfig

    if project_root is None:
        context = gx.get_context(mode="ephemeral")
    else:
        context = gx.get_context(mode="file", project_root_dir=str(project_root))
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    return context


def _batch_definition(context):
    try:
        return context.data_sources.get("warehouse").get_asset("frame").get_batch_definition("all")
    except Exception:  # first use in this context
        asset = context.data_sources.add_pandas(name="warehouse").add_dataframe_asset(name="frame")
        return asset.add_batch_definition_whole_dataframe("all")


# what quality.validation_results keeps (counts, observed value, the first unexpected values):
# BASIC has all of it; SUMMARY adds value counts of the unexpected, ≈ 20 % of the validation time
RESULT_FORMAT = "BASIC"


def run_suites(
    con: duckdb.DuckDBPyConnection, suites: list[SuiteFile], docs_root: Path | None = None
) -> list[ExpectationResult]:
    """Validate each suite's table; with docs_root, keep results for Data Docs there."""
    gx = _gx()
    context = _context(docs_root)
    batch_definition = _batch_definition(context)
    results: list[ExpectationResult] = []
    for suite_file in suites:
        frame = _frame(con, suite_file)
        suite = context.suites.add_or_update(
            gx.ExpectationSuite(**json.loads(json.dumps(suite_file.spec)))
        )
        if docs_root is None:
            batch = batch_definition.get_batch(batch_parameters={"dataframe": frame})
            outcome = batch.validate(suite, result_format=RESULT_FORMAT)
        else:
            definition = context.validation_definitions.add_or_update(
                gx.ValidationDefinition(name=suite_file.name, data=batch_definition, suite=suite)
            )
            outcome = definition.run(batch_parameters={"dataframe": frame},
                                     result_format=RESULT_FORMAT)  # fmt: skip
        results.extend(_summarise(suite_file, outcome))
    return results


COLUMN_KWARGS = ("column", "column_A", "column_B", "column_list")
PLAIN_KWARGS = {"min_value", "max_value", "strict_min", "strict_max", "value_set", "regex",
                "or_equal", "ignore_row_if", "mostly", "row_condition", *COLUMN_KWARGS}  # fmt: skip


def needed_columns(suite_file: SuiteFile, table_columns: list[str]) -> list[str] | None:
    """The table's columns the suite reads, when every expectation names them in its kwargs and
    its row condition (GX's structured conditions) and all are stored columns (no derived
    measure column); None means all."""
    named: set[str] = set()
    for expectation in suite_file.spec["expectations"]:
        kwargs = expectation.get("kwargs", {})
        if not set(kwargs) <= PLAIN_KWARGS:
            return None
        for key in COLUMN_KWARGS:
            value = kwargs.get(key)
            named.update([value] if isinstance(value, str) else value or [])
        if "row_condition" in kwargs:
            condition_columns = _condition_columns(kwargs["row_condition"])
            if condition_columns is None:
                return None
            named |= condition_columns
    if not named <= set(table_columns):
        return None
    return [c for c in table_columns if c in named]


def _condition_columns(condition: object) -> set[str] | None:
    """The columns a structured row condition reads: a comparison or nullity test names its
    column, and/or nest others. None for anything else — a condition written as a pandas query
    (a string, or GX's pass_through) is not parsed here, so it gets every column."""
    if not isinstance(condition, dict):
        return None
    kind = condition.get("type")
    if kind in ("comparison", "nullity"):
        name = (condition.get("column") or {}).get("name")
        return {name} if isinstance(name, str) else None
    if kind in ("and", "or"):
        found: set[str] = set()
        for part in condition.get("conditions") or [None]:
            columns = _condition_columns(part)
            if columns is None:
                return None
            found |= columns
        return found
    return None


def _frame(con: duckdb.DuckDBPyConnection, suite_file: SuiteFile):
    """The pandas frame a suite validates: only the columns its expectations and their row
    conditions read when they say which (the 420,000 station-hours need 2 of their columns; a
    condition over a wide table costs per column of the frame), else every column plus the
    derived measure columns of the registry."""
    columns = [row[0] for row in con.execute(f"describe {suite_file.table}").fetchall()]
    needed = needed_columns(suite_file, columns)
    if needed and len(needed) < len(columns):  # none named (a row count): every column
        quoted = ", ".join('"' + c.replace('"', '""') + '"' for c in needed)
        return con.execute(f"select {quoted} from {suite_file.table}").df()
    frame = con.execute(f"select * from {suite_file.table}").df()
    return with_measure_columns(suite_file.table, frame)


def build_data_docs(
    con: duckdb.DuckDBPyConnection, suites: list[SuiteFile], root: Path, site_dir: Path
) -> Path:
    """Validate into a file context under root and write the static Data Docs site to site_dir."""
    run_suites(con, suites, docs_root=root)
    context = _context(root)
    site = {
        "class_name": "SiteBuilder",
        "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        "store_backend": {"class_name": "TupleFilesystemStoreBackend",
                          "base_directory": str(site_dir)},
    }  # fmt: skip
    sites = context.list_data_docs_sites()
    if "local_site" in sites:
        context.delete_data_docs_site("local_site")
    if "envwh" in sites:
        context.update_data_docs_site("envwh", site)
    else:
        context.add_data_docs_site("envwh", site)
    return Path(context.build_data_docs()["envwh"].removeprefix("file://"))


def _summarise(suite_file: SuiteFile, outcome) -> list[ExpectationResult]:
    summaries = []
    for result in outcome.results:
        config, detail = result.expectation_config, (result.result or {})
        kwargs = config.kwargs
        column = kwargs.get("column") or ",".join(kwargs.get("column_list") or []) or None
        partial = detail.get("partial_unexpected_list")
        summaries.append(
            ExpectationResult(
                suite_name=suite_file.name,
                table=suite_file.table,
                expectation_type=config.type,
                column=column,
                severity=config.severity.value,
                success=bool(result.success),
                element_count=detail.get("element_count"),
                unexpected_count=detail.get("unexpected_count"),
                observed_value=_text(detail.get("observed_value")),
                partial_unexpected=_text(partial[:10]) if partial else None,
                notes=(config.meta or {}).get("notes"),
            )
        )
    return sorted(summaries, key=lambda r: (r.expectation_type, r.column or "", r.notes or ""))


def _text(value) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, default=str)


def write_results(
    con: duckdb.DuckDBPyConnection, run_id: str, results: list[ExpectationResult]
) -> None:
    """Replace this run's rows of quality.validation_results."""
    con.execute(RESULTS_DDL)
    con.execute("delete from quality.validation_results where run_id = ?", [run_id])
    now = datetime.now(UTC).replace(tzinfo=None)
    if results:
        con.executemany(
            "insert into quality.validation_results values (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(run_id, now, r.suite_name, r.table, r.expectation_type, r.column, r.severity,
              r.success, r.element_count, r.unexpected_count, r.observed_value,
              r.partial_unexpected, r.notes) for r in results],
        )  # fmt: skip


def validate_database(database: Path) -> list[ExpectationResult]:
    """Run every suite against a published warehouse, opened read-only."""
    from orchestration.quality.suites import load_suites

    if not database.exists():
        raise FileNotFoundError(f"no published warehouse at {database}: run `envwh build` first")
    con = duckdb.connect(str(database), read_only=True)
    try:
        return run_suites(con, load_suites())
    finally:
        con.close()
