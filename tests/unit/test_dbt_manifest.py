"""When `envwh build` may skip `dbt parse`: only with a stamp of the same inputs and a whole
manifest (a build killed while dbt rewrote it leaves it cut short)."""

from __future__ import annotations

from pathlib import Path

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
