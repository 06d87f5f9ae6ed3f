"""A sensor on raw/: when the manifest or any raw file changes, request a full build."""

import hashlib
from pathlib import Path

import dagster as dg

from orchestration.resources import WarehousePaths


def raw_state(raw_dir: Path) -> str:
    """A cheap digest of raw/: every file's path, size and modification time."""
    digest = hashlib.sha256()
    for path in sorted(p for p in raw_dir.rglob("*") if p.is_file()):
        stat = path.stat()
        digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


@dg.sensor(job_name="build_everything", minimum_interval_seconds=60,
           default_status=dg.DefaultSensorStatus.STOPPED)  # fmt: skip
def raw_files_sensor(context: dg.SensorEvaluationContext, paths: WarehousePaths):
    """Runs build_everything when raw/ changed since the last evaluation."""
    state = raw_state(paths.settings.raw_dir)
    if state == context.cursor:
        return dg.SkipReason("raw/ unchanged")
    context.update_cursor(state)
    return dg.RunRequest(run_key=state)
