"""Station × hour landing (orchestration/monitoring_landing.py) on the real files and on the
monitoring cases of the bad-input corpus: every line lands or is quarantined with its rule,
whole-file faults name the file and write nothing, and the notes say what was odd."""

from __future__ import annotations

import csv
import gzip
import io
import os
import re
from collections import Counter
from pathlib import Path

import duckdb
import pytest

from orchestration.manifest import HashCache, add_entries, expand, read_manifest, sha256_of
from orchestration.monitoring_landing import SourceFile, land_station_hourly
from orchestration.parsing.errors import SourceFileError
from orchestration.parsing.monitoring_layouts import TABLE, choose_layout, layouts
from tests.conftest import RAW
from tests.unit.test_bad_inputs import CORPUS, STATION_HOURLY, _expected_rules


def _source(path: Path, name: str | None = None) -> SourceFile:
    return SourceFile(path, name or str(path.relative_to(CORPUS)), sha256_of(path))


@pytest.fixture
def con(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(tmp_path / "w.duckdb"))


def _lines(path: Path) -> set[int]:
    """Line numbers of the data records, read with the csv module (not DuckDB)."""
    data = gzip.decompress(path.read_bytes()) if path.name.endswith(".gz") else path.read_bytes()
    reader = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    lines, start = set(), 1
    for cells in reader:
        if any(c.strip() for c in cells):
            lines.add(start)
        start = reader.line_num + 1
    return lines - {1}


@pytest.mark.parametrize("case", STATION_HOURLY, ids=lambda c: c["file"])
def test_corpus_case(case: dict[str, str], con: duckdb.DuckDBPyConnection) -> None:
    source = _source(CORPUS / case["file"])
    if case["outcome"] == "error":
        with pytest.raises(SourceFileError) as error:
            land_station_hourly(con, [source])
        message = str(error.value)
        assert message.startswith(case["file"])
        for part in case["error"].split("|"):
            assert part in message
        assert con.execute(f"select count(*) from landing.{TABLE}").fetchone()[0] == 0
        return
    result = land_station_hourly(con, [source])
    (report,) = result.reports
    assert (report.records_landed, report.records_quarantined) == (
        int(case["landed"]),
        int(case["quarantined"]),
    )
    rules = Counter(
        dict(con.execute("select rule, count(*) from quality.rejected_rows group by 1").fetchall())
    )
    assert rules == _expected_rules(case)
    landed = {r for (r,) in con.execute(f"select _row_number from landing.{TABLE}").fetchall()}
    quarantined = {
        r
        for (r,) in con.execute(
            "select row_number from quality.rejected_rows where rule <> 'bad_value'"
        ).fetchall()
    }
    assert not landed & quarantined
    assert landed | quarantined == _lines(CORPUS / case["file"])  # nothing lost
    for spec in case["landed_values"].split():
        where, expected = spec.split("=", 1)
        line, column = where.split(":")
        (value,) = con.execute(
            f'select "{column}" from landing.{TABLE} where _row_number = ?', [int(line)]
        ).fetchone()
        if isinstance(value, float):
            assert value == pytest.approx(float(expected)), spec
            continue
        shown = value.isoformat() if hasattr(value, "isoformat") else str(value)
        assert (shown if value is not None else "None") == expected, spec


def test_notes_name_odd_files(con: duckdb.DuckDBPyConnection) -> None:
    files = [CORPUS / "monitoring" / n for n in ("hours_out_of_order.csv.gz",
                                                 "two_timestamp_formats.csv")]  # fmt: skip
    notes = land_station_hourly(con, [_source(f) for f in files]).notes
    text = "\n".join(notes)
    assert re.search(
        r"hours_out_of_order.csv.gz: 2 line\(s\) earlier in time .*first at line 7\)", text
    )
    assert "two_timestamp_formats.csv: hours written in 2 formats" in text


def test_same_station_hour_in_two_files_lands_twice(con: duckdb.DuckDBPyConnection) -> None:
    files = [CORPUS / "monitoring" / f"station_hour_file_{x}.csv" for x in "ab"]
    land_station_hourly(con, [_source(f) for f in files])
    rows = con.execute(
        f"select _source_file, pm2_5_reported from landing.{TABLE} where station_code = '1003A' "
        "order by 1"
    ).fetchall()
    assert rows == [("monitoring/station_hour_file_a.csv", 55.0),
                    ("monitoring/station_hour_file_b.csv", 62.0)]  # fmt: skip


def test_real_files_land_with_their_layouts(con: duckdb.DuckDBPyConnection) -> None:
    names = ["monitoring/cnemc_national_hourly_2024-01-01T12.csv",
             "monitoring/cnemc_station_hourly_sample_gx_gz_2024-01-01T00.csv",
             "monitoring/PRSA_Data_Dongsi_20130301-20170228.csv.gz"]  # fmt: skip
    result = land_station_hourly(con, [_source(RAW / n, n) for n in names])
    by_file = {r.source_file: r for r in result.reports}
    national = by_file[names[0]]
    assert (national.records_read, national.records_landed, national.records_quarantined) == (
        3450, 1725, 1725)  # fmt: skip
    assert any("1725 exact duplicate line(s)" in n for n in result.notes)
    assert by_file[names[2]].records_landed == 35064
    layout_of = dict(
        con.execute(
            f"select _source_file, any_value(_layout) from landing.{TABLE} group by 1"
        ).fetchall()
    )
    assert layout_of == {names[0]: "cnemc_realtime", names[1]: "cnemc_realtime_gx_gz_scrape",
                         names[2]: "uci_beijing_multisite"}  # fmt: skip
    # Dongsi 2013-03-01 00:00: CO 300 µg/m³ as published; station resolved through the aliases
    row = con.execute(
        f"select station_code, co_reported, pm2_5_reported from landing.{TABLE} "
        "where _source_file = ? and observed_at = timestamp '2013-03-01 00:00:00'",
        [names[2]],
    ).fetchone()
    assert row == ("1003A", 300.0, 9.0)
    units = dict(con.execute(
        f"select layout || ':' || pollutant_code, unit_code from landing.{TABLE}_layout_units"
    ).fetchall())  # fmt: skip
    assert units["uci_beijing_multisite:co"] == "ug_m3"
    assert units["cnemc_realtime:co"] == "mg_m3"
    # unchanged files are skipped; a file no longer listed is removed
    again = land_station_hourly(con, [_source(RAW / n, n) for n in names[:2]])
    assert all(r.skipped_unchanged for r in again.reports)
    assert con.execute(
        f"select count(*) from landing.{TABLE} where _source_file = ?", [names[2]]
    ).fetchone() == (0,)


def test_every_layout_header_set_is_recognised() -> None:
    for layout in layouts():
        header = sorted(layout.mapped_headers())
        assert choose_layout(header, "x.csv").code == layout.code


def test_hash_cache_rehashes_only_changed_files(tmp_path: Path) -> None:
    cache_path = tmp_path / "cache.json"
    target = tmp_path / "f.csv"
    target.write_text("a\n1\n", encoding="utf-8")
    first = HashCache(cache_path)
    digest = first.sha256(target)
    first.save()
    second = HashCache(cache_path)
    assert second.sha256(target) == digest and second.hashed == 0
    target.write_text("a\n12\n", encoding="utf-8")  # size changes
    assert second.sha256(target) == sha256_of(target) != digest and second.hashed == 1
    stat = target.stat()
    target.write_text("a\n13\n", encoding="utf-8")  # same size, mtime moved on
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert second.sha256(target) == sha256_of(target) and second.hashed == 2


def test_manifest_add_takes_a_glob(raw_copy: Path) -> None:
    folder = raw_copy / "monitoring" / "new"
    folder.mkdir()
    source = (CORPUS / "monitoring" / "station_hour_file_a.csv").read_text(encoding="utf-8")
    for index, hour in enumerate(("00", "01", "02")):  # three files, three different sha256
        (folder / f"h{hour}.csv").write_text(source + "\n" * index, encoding="utf-8")
    fields = {"table": TABLE, "url": "https://x.org", "source_kind": "government",
              "document_kind": "monitoring_data"}  # fmt: skip
    added = add_entries(raw_copy, expand([str(folder / "h*.csv")]), fields)
    assert [e.path for e in added] == [f"monitoring/new/h{h}.csv" for h in ("00", "01", "02")]
    paths = {e.path for e in read_manifest(raw_copy / "manifest.csv")}
    assert {e.path for e in added} <= paths
    with pytest.raises(Exception, match="already in the manifest"):
        add_entries(raw_copy, expand([str(folder / "h0*.csv")]), fields)
