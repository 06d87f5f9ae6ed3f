"""`make dev` on a fresh clone: with nothing but a minimal PATH in the environment (no venv on
PATH, no ENVWH_* variables, no DAGSTER_HOME, no dbt manifest), the Dagster UI starts and loads
the code location with its job."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from orchestration.paths import PROJECT_ROOT

pytestmark = pytest.mark.integration

# what a fresh clone does not have (build outputs, caches); .venv is linked, not rebuilt
NOT_IN_A_CLONE = shutil.ignore_patterns(
    ".git", ".venv", ".venv-duckdb14", "warehouse", "target", ".dagster_home", "__pycache__",
    ".pytest_cache", ".ruff_cache", "logs",
)  # fmt: skip
LOCATION_QUERY = """{ workspaceOrError { __typename ... on Workspace { locationEntries { name
  locationOrLoadError { __typename ... on PythonError { message }
    ... on RepositoryLocation { repositories { jobs { name } } } } } } } }"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _locations(port: int) -> list[dict] | None:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql", data=json.dumps({"query": LOCATION_QUERY}).encode(),
        headers={"Content-Type": "application/json"},
    )  # fmt: skip
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            body = json.load(response)
    except OSError:
        return None
    return body["data"]["workspaceOrError"].get("locationEntries")


def test_make_dev_serves_the_code_location_from_a_clean_environment(tmp_path: Path) -> None:
    clone = tmp_path / "envwh"
    shutil.copytree(PROJECT_ROOT, clone, ignore=NOT_IN_A_CLONE)
    (clone / ".venv").symlink_to(PROJECT_ROOT / ".venv")
    port = _free_port()
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8"}
    log = (tmp_path / "dev.log").open("w")
    # -o: the linked venv is set up already; do not re-sync it from the clone
    process = subprocess.Popen(
        ["make", "-o", ".venv/.synced", "dev", f"DEV_ARGS=-h 127.0.0.1 -p {port}"],
        cwd=clone, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    try:
        entries = None
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and process.poll() is None:
            entries = _locations(port)
            if entries and entries[0]["locationOrLoadError"] is not None:
                break
            time.sleep(3)
        output = (tmp_path / "dev.log").read_text(errors="replace")[-4000:]
        assert entries, output
        location = entries[0]["locationOrLoadError"]
        assert location["__typename"] == "RepositoryLocation", location.get("message", output)
        jobs = {job["name"] for repo in location["repositories"] for job in repo["jobs"]}
        assert "build_everything" in jobs
        assert (clone / ".dagster_home").is_dir()
        assert (clone / "dbt_project" / "target" / "manifest.json").is_file()  # parsed by dev
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        log.close()
