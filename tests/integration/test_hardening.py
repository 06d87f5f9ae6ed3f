"""Issue 16, the pipeline: no file's rows may vanish or land twice, and what a build leaves behind
after a kill is cleaned by the next one. Through the real `envwh` command."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import register
from tests.integration.conftest import new_workspace

BULLETIN = "air_quality/gxsthjt_2023-07_air_quality_bulletin.csv"


def test_manifest_add_refuses_an_unknown_table_and_a_copy(tmp_path: Path) -> None:
    workspace = new_workspace(tmp_path)
    manifest = (workspace.raw / "manifest.csv").read_bytes()
    other = workspace.raw / "air_quality" / "other.csv"
    other.write_text("时段\n", encoding="utf-8")
    common = ("--url", "https://example.org/x", "--document-kind", "bulletin")
    unknown = workspace.envwh("manifest", "add", str(other), "--table", " Air_Quality__Periodic ",
                              *common)  # fmt: skip
    assert unknown.returncode == 1
    assert "is not a landing table; did you mean 'air_quality__periodic'?" in unknown.stderr
    new = workspace.raw / "air_quality" / "copy.csv"
    shutil.copyfile(workspace.raw / BULLETIN, new)
    copy = workspace.envwh("manifest", "add", str(new), "--table", "air_quality__periodic",
                           *common)  # fmt: skip
    assert copy.returncode == 1
    assert f"same sha256 as raw/{BULLETIN}" in copy.stderr
    assert (workspace.raw / "manifest.csv").read_bytes() == manifest


def test_build_fails_naming_the_line_of_an_unknown_table_or_a_copy(tmp_path: Path) -> None:
    workspace = new_workspace(tmp_path)
    lines = len((workspace.raw / "manifest.csv").read_text(encoding="utf-8").splitlines())
    shutil.copyfile(workspace.raw / BULLETIN, workspace.raw / "air_quality" / "copy.csv")
    register(workspace.raw, "air_quality/copy.csv", "air_quality__periodic")
    (workspace.raw / "air_quality" / "other.csv").write_text("时段\n", encoding="utf-8")
    register(workspace.raw, "air_quality/other.csv", "air_quality__nonexistent")
    result = workspace.envwh("build")
    assert result.returncode == 1
    assert f"line {lines + 1} (air_quality/copy.csv): same sha256" in result.stderr
    assert (
        f"line {lines + 2} (air_quality/other.csv): table 'air_quality__nonexistent' is not a "
        "landing table" in result.stderr
    )
    assert not workspace.published.exists()
