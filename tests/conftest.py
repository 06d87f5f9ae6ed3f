"""Shared fixtures: a writable copy of raw/ and helpers to write source files into it."""

from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

import pytest

from orchestration.manifest import COLUMNS
from orchestration.paths import PROJECT_ROOT

RAW = PROJECT_ROOT / "raw"


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding=encoding, newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    return path


def register(raw_dir: Path, relative: str, table: str, province: str = "广西") -> None:
    """Append a manifest entry for a file already written under raw_dir."""
    digest = hashlib.sha256((raw_dir / relative).read_bytes()).hexdigest()
    row = {"path": relative, "sha256": digest, "subject": relative.split("/")[0], "table": table,
           "province": province, "publisher": "test publisher", "source_kind": "government",
           "document_kind": "bulletin", "title": "test table",
           "source_url": "https://example.org/test", "retrieved": "2026-11-23",
           "notes": "test fixture"}  # fmt: skip
    with open(raw_dir / "manifest.csv", "a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow([row.get(c, "") for c in COLUMNS])


@pytest.fixture
def raw_copy(tmp_path: Path) -> Path:
    """A copy of the shipped raw/ that a test may change."""
    target = tmp_path / "raw"
    shutil.copytree(RAW, target)
    return target
