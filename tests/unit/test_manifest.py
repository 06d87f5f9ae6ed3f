"""raw/manifest.csv verification: every changed, unlisted, missing or escaping file is named."""

import re
from pathlib import Path

import pytest

from orchestration.manifest import ManifestError, add_entry, read_manifest, verify


def test_shipped_raw_matches_manifest() -> None:
    raw = Path(__file__).resolve().parents[2] / "raw"
    entries = read_manifest(raw / "manifest.csv")
    verify(raw, entries)
    assert all(e.source_url.startswith("http") for e in entries)
    assert all(e.publisher and e.title for e in entries)


def test_one_changed_byte_is_named(raw_copy: Path) -> None:
    target = next((raw_copy / "air_quality").glob("*.csv"))
    data = bytearray(target.read_bytes())
    data[-2] = ord("7") if data[-2] != ord("7") else ord("8")
    target.write_bytes(bytes(data))
    with pytest.raises(ManifestError, match=re.escape(f"raw/air_quality/{target.name}: sha256 is")):
        verify(raw_copy, read_manifest(raw_copy / "manifest.csv"))


def test_unlisted_file_is_named(raw_copy: Path) -> None:
    (raw_copy / "air_quality" / "extra.csv").write_text("时段\n", encoding="utf-8")
    with pytest.raises(
        ManifestError, match=re.escape("raw/air_quality/extra.csv: not in raw/manifest.csv")
    ):
        verify(raw_copy, read_manifest(raw_copy / "manifest.csv"))


def test_missing_file_and_path_outside_raw(raw_copy: Path) -> None:
    manifest = raw_copy / "manifest.csv"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    first = lines[1].split(",", 1)[0]
    (raw_copy / first).unlink()
    lines.append("../../etc/passwd,abc,x,air_quality__periodic,,,,press,news,,,https://x,,")
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ManifestError) as error:
        verify(raw_copy, read_manifest(manifest))
    message = str(error.value)
    assert f"({first}): file is missing" in message
    assert "(../../etc/passwd): path is outside raw/" in message


def test_add_entry_records_sha256(raw_copy: Path) -> None:
    new = raw_copy / "air_quality" / "new.csv"
    new.write_text("时段,PM10(μg/m³)\n2023年,30\n", encoding="utf-8")
    entry = add_entry(raw_copy, new, {"table": "air_quality__periodic", "url": "https://x.org",
                                      "source_kind": "government",
                                      "document_kind": "bulletin"})  # fmt: skip
    assert entry.path == "air_quality/new.csv" and len(entry.sha256) == 64
    verify(raw_copy, read_manifest(raw_copy / "manifest.csv"))
    with pytest.raises(ManifestError, match="already in the manifest"):
        add_entry(raw_copy, new, {})


def test_add_entry_refuses_an_unknown_document_kind(raw_copy: Path) -> None:
    new = raw_copy / "air_quality" / "new.csv"
    new.write_text("时段,PM10(μg/m³)\n2023年,30\n", encoding="utf-8")
    before = (raw_copy / "manifest.csv").read_bytes()
    with pytest.raises(ManifestError, match="document_kind '公报' is not one of status_report"):
        add_entry(raw_copy, new, {"table": "air_quality__periodic", "url": "https://x.org",
                                  "source_kind": "government",
                                  "document_kind": "公报"})  # fmt: skip
    assert (raw_copy / "manifest.csv").read_bytes() == before


def _fields(table: str) -> dict[str, str]:
    return {"table": table, "url": "https://x.org", "source_kind": "government",
            "document_kind": "bulletin"}  # fmt: skip


@pytest.mark.parametrize(
    ("table", "hint"),
    [("air_quality__nonexistent", "air_quality__periodic, "),
     (" Air_Quality__Periodic ", "did you mean 'air_quality__periodic'?")],
)  # fmt: skip
def test_add_entry_refuses_an_unknown_table(raw_copy: Path, table: str, hint: str) -> None:
    new = raw_copy / "air_quality" / "new.csv"
    new.write_text("时段,PM10(μg/m³)\n2023年,30\n", encoding="utf-8")
    before = (raw_copy / "manifest.csv").read_bytes()
    with pytest.raises(ManifestError, match="is not a landing table") as error:
        add_entry(raw_copy, new, _fields(table))
    assert hint in str(error.value) and "reports__text" in str(error.value)
    assert (raw_copy / "manifest.csv").read_bytes() == before


def test_add_entry_refuses_a_copy_of_a_listed_file(raw_copy: Path) -> None:
    listed = read_manifest(raw_copy / "manifest.csv")[0]
    copy = raw_copy / "air_quality" / "same_bytes_new_name.csv"
    copy.write_bytes((raw_copy / listed.path).read_bytes())
    before = (raw_copy / "manifest.csv").read_bytes()
    with pytest.raises(ManifestError) as error:
        add_entry(raw_copy, copy, _fields(listed.table))
    assert f"same sha256 as raw/{listed.path}" in str(error.value)
    assert (raw_copy / "manifest.csv").read_bytes() == before


def test_landing_tables_are_the_builders_the_station_hours_and_the_report_texts() -> None:
    from orchestration.parsing.builders import BUILDERS, STATION_HOURLY_TABLE, landing_tables

    assert landing_tables() == (*sorted({*BUILDERS, STATION_HOURLY_TABLE}), "reports__text")


def test_add_entry_refuses_a_report_period_nobody_can_read(raw_copy: Path) -> None:
    new = raw_copy / "reports" / "new.txt"
    new.write_text("2019年秋冬季,PM2.5平均浓度为70微克/立方米。\n", encoding="utf-8")
    before = (raw_copy / "manifest.csv").read_bytes()
    unreadable = re.escape("raw/reports/new.txt: period: cannot read period")
    with pytest.raises(ManifestError, match=unreadable):
        add_entry(raw_copy, new, {**_fields("reports__text"), "period": "2019年秋冬季"})
    assert (raw_copy / "manifest.csv").read_bytes() == before
    added = add_entry(raw_copy, new, {**_fields("reports__text"), "period": "2019年10月-2020年3月"})
    assert added.period == "2019年10月-2020年3月"
