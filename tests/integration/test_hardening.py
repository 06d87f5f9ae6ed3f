"""Issue 16, the pipeline: no file's rows may vanish or land twice, and what a build leaves behind
after a kill is cleaned by the next one. Through the real `envwh` command."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

from tests.conftest import register, write_csv
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


def test_out_of_range_periods_never_reach_the_marts_and_csv_output_is_neutralised(
    tmp_path: Path,
) -> None:
    workspace = new_workspace(tmp_path)
    formula = '=HYPERLINK("http://example.org","PM2.5")'
    write_csv(workspace.raw / "air_quality" / "test_periods.csv", [
        ["省份", "统计范围", "时段", "指标", "数值", "单位", "原文摘录"],
        ["广西", "14个设区市", "2099年7月", "PM2.5平均浓度", "15", "微克/立方米", ""],
        ["广西", "14个设区市", "2036年", "PM2.5平均浓度", "16", "微克/立方米", ""],
        ["广西", "14个设区市", "2026年12月", "PM2.5平均浓度", "17", "微克/立方米", ""],
        ["广西", "14个设区市", "2025年3月", "PM2.5平均浓度", "18", "微克/立方米", formula],
    ])  # fmt: skip
    register(workspace.raw, "air_quality/test_periods.csv", "air_quality__periodic")
    result = workspace.envwh("build")
    assert result.returncode == 0, result.stdout[-3000:]
    assert workspace.query(
        "select row_number, rule from quality.rejected_rows "
        "where source_file = 'air_quality/test_periods.csv' order by 1"
    ) == [(2, "period_outside_calendar"), (3, "period_outside_calendar"),
          (4, "period_after_retrieval")]  # fmt: skip
    assert workspace.query(  # a table's period outside the calendar never becomes a period
        "select count(*) from marts.dim_period where period_code in ('2099-07', '2036')"
    ) == [(0,)]
    sql = "select quote from landing.air_quality__periodic where _source_file like '%periods.csv'"
    assert workspace.query(sql) == [(formula,)]  # the warehouse keeps the value
    csv_out = workspace.envwh("sql", "--format", "csv", sql)
    assert list(csv.reader(io.StringIO(csv_out.stdout))) == [["quote"], [f"'{formula}"]]
