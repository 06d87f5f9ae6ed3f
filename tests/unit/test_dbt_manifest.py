"""When `envwh build` may skip `dbt parse`: only with a stamp of the same inputs and a whole
manifest (a build killed while dbt rewrote it leaves it cut short)."""

from __future__ import annotations

from pathlib import Path

import pytest

from orchestration import dbt_manifest
from orchestration.dbt_manifest import is_current


def test_a_manifest_cut_short_is_parsed_again(tmp_path: Path) -> None:
    manifest, stamp = tmp_path / "manifest.json", tmp_path / "stamp"
    stamp.write_text("abc")
    manifest.write_text('{"nodes": {"a": 1}}')
    assert is_current("abc", manifest, stamp)
    assert not is_current("other inputs", manifest, stamp)
    manifest.write_text('{"nodes": {"a"')  # killed mid-write
    assert not is_current("abc", manifest, stamp)
    manifest.unlink()
    assert not is_current("abc", manifest, stamp)


def test_a_parse_still_running_is_killed_when_the_work_beside_it_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`envwh build` lands raw/ while `dbt parse` runs: a failure there leaves no dbt behind."""
    monkeypatch.setattr(dbt_manifest, "is_current", lambda digest: False)
    parse = dbt_manifest.ManifestParse(tmp_path / "work.duckdb")
    with pytest.raises(RuntimeError, match="landing failed"), parse:
        raise RuntimeError("landing failed")
    process = parse.process
    assert process is not None and process.returncode is not None  # killed and reaped
