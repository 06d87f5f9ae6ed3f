"""A sensor on raw/: when the manifest or any raw file changes, request a full build."""

import hashlib

import dagster as dg

from orchestration.paths import settings


def raw_state() -> str:
    """A cheap digest of raw/: every file's path, size and modification time."""
    digest = hashlib.sha256()
    for path in sorted(p for p in settings().raw_dir.rglob("*") if p.is_file()):
        stat = path.stat()
        digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


@dg.sensor(job_name="build_everything", minimum_interval_seconds=60,
           default_status=dg.DefaultSensorStatus.STOPPED)  # fmt: skip
def raw_files_sensor(context: dg.SensorEvaluationContext):
    """Runs build_everything when raw/ changed since the last evaluation."""
    state = raw_state()
    if state == context.cursor:
        return dg.SkipReason("raw/ unchanged")
    context.update_cursor(state)
    return dg.RunRequest(run_key=state)
