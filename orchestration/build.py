"""`envwh build`: verify raw/, skip when nothing changed, run every asset in one process into a
working file, publish it when the checks pass, and summarise what happened.

Heavy imports (Dagster, dbt, Great Expectations) happen only once a build is really needed.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from orchestration.manifest import read_manifest, verify
from orchestration.paths import Settings, settings
from orchestration.publish import (
    build_lock,
    discard,
    fingerprint,
    new_work_file,
    published_fingerprint,
    remove_stale_build_files,
)


@dataclass
class BuildSummary:
    published: bool = False
    up_to_date: bool = False
    warehouse: Path | None = None
    run_id: str | None = None
    stage_seconds: dict[str, float] = field(default_factory=dict)
    files: list[tuple] = field(default_factory=list)  # table, file, read, landed, quarantined
    checks: dict[str, list[int]] = field(default_factory=dict)  # kind -> [passed, failed]
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.up_to_date or self.published


@contextmanager
def stage(summary: BuildSummary, echo, name: str) -> Iterator[None]:
    """Announce a stage and add its duration to the summary."""
    echo(f"▶ {name}")
    start = time.perf_counter()
    try:
        yield
    finally:
        summary.stage_seconds[name] = time.perf_counter() - start


def build(full_refresh: bool = False, echo=print, paths: Settings | None = None) -> BuildSummary:
    """Build and publish the warehouse; never raises for bad data, reports it in the summary."""
    paths = paths or settings()
    summary = BuildSummary(warehouse=paths.published_path)
    with stage(summary, echo, "verify raw/ against raw/manifest.csv"):
        verify(paths.raw_dir, read_manifest(paths.manifest_path), paths.hash_cache_path)
        current = fingerprint(paths.manifest_path)
    for path in remove_stale_build_files(paths.warehouse_dir):
        echo(f"✓ removed {path.name}, left by a killed build")
    if not full_refresh and published_fingerprint(paths.published_path) == current:
        summary.up_to_date = True
        echo(f"✓ {paths.published_path} is up to date (raw/, code and suites unchanged)")
        return summary

    with build_lock(paths.warehouse_dir):
        work = new_work_file(paths.warehouse_dir, paths.published_path, full_refresh)
        try:
            _build(paths, work, full_refresh, summary, echo)
        finally:
            discard(work)
    return summary


def _build(paths: Settings, work: Path, full_refresh: bool, summary: BuildSummary, echo) -> None:
    """Two Dagster runs into `work`: landing raw/ while `dbt parse` runs on the other core (on a
    fresh clone, or after a dbt file changed), then everything after landing — dbt, every check,
    publishing — once the dbt assets can be loaded from the parsed manifest."""
    from orchestration.dbt_manifest import ManifestParse

    with ExitStack() as stack:
        parse = stack.enter_context(ManifestParse(work))
        with stage(summary, echo, "import Dagster (dbt parse beside it, when dbt files changed)"):
            _import_all_but_dbt_assets()
            import dagster as dg

            from orchestration.assets.landed import LANDING_DEFS

        # What is imported and defined lives as long as the build: out of the cyclic garbage
        # collector's sight (until the stack closes), its full collections (≈ 10 a build) stop
        # walking millions of module and definition objects each time (2.2 s a build → 1.0 s)
        gc.freeze()
        stack.callback(gc.unfreeze)
        # disposed on leaving: its temporary folder is gone before the command ends
        instance = stack.enter_context(dg.DagsterInstance.ephemeral())
        resources = _resources(paths, work)
        _run(LANDING_DEFS.resolve_job_def("land_raw"), instance, resources, {}, summary, echo)
        if summary.failures:
            return
        with stage(summary, echo, "dbt parse: what of it outlasted landing"):
            parse.wait()
        with stage(summary, echo, "load Dagster definitions (dbt assets)"):
            from orchestration.definitions import defs
        gc.freeze()  # the dbt assets and the definitions too
        config = {"ops": {"dbt_models": {"config": {"full_refresh": full_refresh}}}}
        job = defs.resolve_job_def("transform_and_publish")
        _run(job, instance, resources, config, summary, echo)


def _import_all_but_dbt_assets() -> None:
    """Import Dagster, dagster-dbt and every asset module that does not read dbt's manifest, so
    a fresh clone's `dbt parse` (a subprocess, ≈ 8 s) overlaps these imports (≈ 4 s) and the
    landing run on two cores; only orchestration.assets.dbt (and what uses it) must wait for the
    manifest."""
    import importlib

    for module in ("dagster", "dagster_dbt", "orchestration.resources",
                   "orchestration.assets.landed", "orchestration.assets.checks",
                   "orchestration.sensors"):  # fmt: skip
        importlib.import_module(module)


def _resources(paths: Settings, work: Path) -> dict:
    """This build's resources: its raw/, warehouse directory and working file."""
    from orchestration.resources import WarehousePaths, build_resources

    return build_resources(WarehousePaths(raw_dir=str(paths.raw_dir),
                                          warehouse_dir=str(paths.warehouse_dir),
                                          database=str(work)))  # fmt: skip


def _run(job, instance, resources: dict, run_config: dict, summary: BuildSummary, echo) -> None:
    """Execute one job in this process and add what it did to the summary."""
    import uuid

    run_id = str(uuid.uuid4())
    progress = _Progress(echo)
    instance.add_event_listener(run_id, progress.on_entry)
    started = time.perf_counter()
    result = job.execute_in_process(
        run_config={**run_config,
                    "loggers": {"console": {"config": {"log_level": "CRITICAL"}}}},
        instance=instance, run_id=run_id, raise_on_error=False, resources=resources,
    )  # fmt: skip
    summary.run_id = run_id
    summary.stage_seconds.update(progress.step_seconds)
    overhead = "dagster run overhead (planning, events)"
    summary.stage_seconds[overhead] = summary.stage_seconds.get(overhead, 0.0) + (
        time.perf_counter() - started - sum(progress.step_seconds.values())
    )
    checks = summary.checks
    for evaluation in result.get_asset_check_evaluations():
        kind = "great_expectations" if evaluation.check_name == "great_expectations" else "dbt"
        checks.setdefault(kind, [0, 0])[0 if evaluation.passed else 1] += 1
        if not evaluation.passed:
            summary.failures.append(
                f"check {evaluation.asset_key.to_user_string()}:{evaluation.check_name} "
                f"failed ({evaluation.severity.value})" + _failed_expectations(evaluation)
            )
    for event in result.get_step_failure_events():
        error = event.step_failure_data.error
        message = error.cause.message if error.cause else error.message
        summary.failures.append(f"step {event.step_key} failed: {message.strip()}")
    for event in result.get_asset_materialization_events():
        materialization = event.step_materialization_data.materialization
        if materialization.asset_key.path == ["warehouse", "envwh"]:
            summary.published = True
        per_file = materialization.metadata.get("per_file")
        if per_file is not None:
            table = materialization.asset_key.path[-1]
            summary.files += [(table, name, counts["read"], counts["landed"], counts["quarantined"])
                              for name, counts in sorted(per_file.value.items())]  # fmt: skip


def _failed_expectations(evaluation) -> str:
    """One indented line per failed expectation of a GX check: what, where, how many, examples."""
    failures = evaluation.metadata.get("failures")
    lines = []
    for failure in failures.value if failures is not None else []:
        found = (
            f"{failure['unexpected']} unexpected, e.g. {failure['sample']}"
            if failure["unexpected"] is not None
            else f"observed {failure.get('observed')}"
        )
        lines.append(
            f"\n    {failure['expectation']} on {failure['column'] or 'the table'}: {found} "
            f"({failure['severity']}) — {failure['notes']}"
        )
    return "".join(lines)


class _Progress:
    """Turns Dagster's step events into one line per stage, with its duration, as they happen."""

    def __init__(self, echo) -> None:
        self.echo = echo
        self.started: dict[str, float] = {}
        self.step_seconds: dict[str, float] = {}

    def on_entry(self, entry) -> None:
        if not entry.is_dagster_event or not entry.step_key:
            return
        kind, step = entry.dagster_event.event_type_value, entry.step_key
        if kind == "STEP_START":
            self.started[step] = time.perf_counter()
            self.echo(f"▶ {step}")
            if step == "dbt_models":
                # dbt runs in a subprocess: import Great Expectations (≈ 8 s) meanwhile, here,
                # rather than earlier, where it would slow Dagster's own start-up (one GIL)
                from orchestration.quality.validate import warm_up

                warm_up()
        elif kind in ("STEP_SUCCESS", "STEP_FAILURE"):
            seconds = time.perf_counter() - self.started.get(step, time.perf_counter())
            self.step_seconds[step] = seconds
            self.echo(f"{'✓' if kind == 'STEP_SUCCESS' else '✗'} {step} ({seconds:.1f} s)")
