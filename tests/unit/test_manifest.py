"""raw/manifest.csv verification: every changed, unlisted, missing or escaping file is named."""

import csv
import re
from pathlib import Path

import pytest

from orchestration.manifest import ManifestError, add_entry, read_manifest, region_code, verify


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
    lines.append("../../etc/passwd,abc,x,air_quality__periodic,,,,,press,news,,,https://x,,")
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


def test_a_city_document_names_its_region_inside_its_province(raw_copy: Path) -> None:
    """`region` narrows the province to the city a document speaks of; a name that is not one
    prefecture or county of the province is refused with what it could mean, and nothing is
    written."""
    new = raw_copy / "reports" / "new.txt"
    new.write_text("2024年,全市PM2.5平均浓度为30微克/立方米。\n", encoding="utf-8")
    fields = {**_fields("reports__text"), "province": "四川", "period": "2024"}
    before = (raw_copy / "manifest.csv").read_bytes()
    for region, expected in (
        ("武汉市", "region '武汉市' is not one prefecture or county of 四川"),
        ("鼓楼区", "region '鼓楼区' is not one prefecture or county of 四川"),
    ):
        with pytest.raises(ManifestError, match=re.escape(expected)):
            add_entry(raw_copy, new, {**fields, "region": region})
    with pytest.raises(ManifestError, match=re.escape("needs the province it lies in")):
        add_entry(raw_copy, new, {**fields, "province": "全国", "region": "绵阳市"})
    assert (raw_copy / "manifest.csv").read_bytes() == before
    added = add_entry(raw_copy, new, {**fields, "region": "绵阳"})
    assert region_code(added.province, added.region, 2024) == "510700"
    verify(raw_copy, read_manifest(raw_copy / "manifest.csv"))


def test_a_region_in_the_manifest_is_checked_on_every_build(raw_copy: Path) -> None:
    """A hand edit of the manifest's region column is refused by `verify` (every build runs
    it), naming the line, the file and the candidates of an ambiguous name."""
    manifest = raw_copy / "manifest.csv"
    rows = list(csv.DictReader(manifest.open(encoding="utf-8", newline="")))
    row = next(r for r in rows if r["region"] == "南京市")
    row["region"] = "鼓楼区"  # 南京's and 徐州's districts of that name
    with manifest.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(ManifestError) as error:
        verify(raw_copy, read_manifest(manifest))
    message = str(error.value)
    assert f"({row['path']}): region '鼓楼区' is not one prefecture or county of 江苏" in message
    assert "320106 鼓楼区" in message and "320302 鼓楼区" in message


def test_a_manifest_written_before_the_region_column_still_reads(tmp_path: Path) -> None:
    """`region` has a registry default: a manifest without the column reads as if it were
    empty, and a manifest without a column that has none is refused by name."""
    header = "path,sha256,subject,table,province,period,publisher,source_kind,document_kind,"
    row = "reports/x.txt,ab,reports,reports__text,四川,2024,p,government,bulletin,"
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(f"{header}title,published,source_url,retrieved,notes\n"
                        f"{row}t,,https://x,2026-12-02,\n", encoding="utf-8")  # fmt: skip
    (entry,) = read_manifest(manifest)
    assert (entry.province, entry.region, entry.title) == ("四川", "", "t")
    manifest.write_text(f"{header}published,source_url,retrieved,notes\n"
                        f"{row},https://x,2026-12-02,\n", encoding="utf-8")  # fmt: skip
    with pytest.raises(ManifestError, match="missing columns title"):
        read_manifest(manifest)
