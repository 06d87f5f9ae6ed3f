"""The bad-input corpus (tests/bad_inputs/, described in its README.md): every damaged file gives
the outcome tests/bad_inputs/expected.csv states.

A whole-file fault raises SourceFileError (ManifestError for the manifest cases) whose message
names the file and contains the expected text. A file that parses lands and quarantines the
expected numbers of records, with the expected rules, and loses nothing: every non-blank line of
the file, found here with the csv module and not with the parser, is the header or a row that
landed or was quarantined. The same counts must then reach a temporary DuckDB through the real
landing code (orchestration.landing.land_table).
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import pytest

from orchestration.landing import land_table
from orchestration.manifest import ManifestEntry, ManifestError, read_manifest, sha256_of, verify
from orchestration.parsing.builders import BUILDERS
from orchestration.parsing.errors import SourceFileError
from orchestration.parsing.tables import FileContext, ParsedFile, RowBuilder, parse_table
from tests.conftest import RAW

CORPUS = Path(__file__).resolve().parents[1] / "bad_inputs"
NOT_CASES = {"README.md", "expected.csv", ".gitattributes"}


def _cases() -> list[dict[str, str]]:
    with open(CORPUS / "expected.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


CASES = _cases()
# station × hour files are read by DuckDB through the layouts map, not by parse_table:
# tests/unit/test_monitoring_landing.py checks their cases
STATION_HOURLY = [c for c in CASES if c["table"] == "air_quality__station_hourly"]
DATA = [c for c in CASES if c["table"] not in ("manifest", "air_quality__station_hourly")]
MANIFESTS = [c for c in CASES if c["table"] == "manifest"]


def _id(case: dict[str, str]) -> str:
    return case["file"]


def test_every_corpus_file_has_one_expectation_and_one_readme_line() -> None:
    files = sorted(
        str(p.relative_to(CORPUS))
        for p in CORPUS.rglob("*")
        if p.is_file() and p.name not in NOT_CASES
    )
    assert sorted(c["file"] for c in CASES) == files
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    assert sorted(re.findall(r"^\| `([^`]+)` \|", readme, flags=re.MULTILINE)) == files
    assert len(DATA) >= 30
    assert {c["outcome"] for c in DATA} == {"rows", "error"}


RETRIEVED = "2026-11-23"  # every data case is read as if retrieved when raw/ was


def _parse(case: dict[str, str]) -> ParsedFile:
    builder = BUILDERS[case["table"]](FileContext(province=case["province"]))
    return parse_table(CORPUS / case["file"], case["file"], case["table"], builder,
                       retrieved=date.fromisoformat(RETRIEVED))  # fmt: skip


def _nonblank_lines(path: Path) -> set[int]:
    """The first line of every CSV record with a non-blank cell, read without the parser."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("gb18030")
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    lines, start = set(), 1
    limit = csv.field_size_limit(sys.maxsize)  # count a too-long cell's line too
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                lines.add(start)
            start = reader.line_num + 1
    finally:
        csv.field_size_limit(limit)
    return lines


def _expected_rules(case: dict[str, str]) -> Counter[str]:
    pairs = (item.split("=") for item in case["rules"].split())
    return Counter({rule: int(count) for rule, count in pairs})


def _check_landed_values(case: dict[str, str], parsed: ParsedFile) -> None:
    for spec in case["landed_values"].split():
        where, expected = spec.split("=", 1)
        line, column = where.split(":")
        landed = [r for r in parsed.records if r["_row_number"] == int(line)]
        assert landed, f"nothing landed from line {line}"
        actual = landed[0][column]
        if expected == "None":
            assert actual is None, spec
        elif isinstance(actual, int | float) and not isinstance(actual, bool):
            assert actual == pytest.approx(float(expected)), spec
        else:
            assert str(actual) == expected, spec


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    con = duckdb.connect(str(tmp_path_factory.mktemp("bad_inputs") / "corpus.duckdb"))
    yield con
    con.close()


def _land(con: duckdb.DuckDBPyConnection, case: dict[str, str]) -> None:
    path = CORPUS / case["file"]
    entry = ManifestEntry(
        path=case["file"], sha256=sha256_of(path), subject=case["file"].split("/")[0],
        table=case["table"], province=case["province"], region="", period="",
        publisher="test fixture",
        source_kind="government", document_kind="bulletin", title="bad-input corpus", published="",
        source_url="https://example.org/bad_inputs", retrieved=RETRIEVED, notes="test fixture",
    )  # fmt: skip
    land_table(con, CORPUS, [entry], case["table"])


def _landed_counts(con: duckdb.DuckDBPyConnection, case: dict[str, str]) -> tuple:
    file, table = case["file"], case["table"]
    accounting = con.execute(
        "select records_read, records_landed, records_quarantined from quality.landing_files "
        "where table_name = ? and source_file = ?",
        [table, file],
    ).fetchall()
    (landed,) = con.execute(
        f"select count(*) from landing.{table} where _source_file = ?", [file]
    ).fetchone()
    rules = con.execute(
        "select rule, count(*) from quality.rejected_rows where table_name = ? and "
        "source_file = ? group by rule",
        [table, file],
    ).fetchall()
    return accounting, landed, Counter(dict(rules))


@pytest.mark.parametrize("case", DATA, ids=_id)
def test_bad_input(case: dict[str, str], warehouse: duckdb.DuckDBPyConnection) -> None:
    if case["outcome"] == "error":
        with pytest.raises(SourceFileError) as error:
            _parse(case)
        message = str(error.value)
        assert message.startswith(f"{case['file']}: ")
        for part in case["error"].split("|"):
            assert part in message
        with pytest.raises(SourceFileError):
            _land(warehouse, case)
        assert _landed_counts(warehouse, case) == ([], 0, Counter())
        return

    parsed = _parse(case)
    assert parsed.encoding == case["encoding"]
    assert (len(parsed.records), len(parsed.rejections)) == (
        int(case["landed"]),
        int(case["quarantined"]),
    )
    assert Counter(r.rule for r in parsed.rejections) == _expected_rules(case)
    for rejection in parsed.rejections:
        assert rejection.source_file == case["file"]
        assert rejection.column and rejection.message and rejection.row_number >= 1
    # nothing lost: every non-blank line is the header, or a row landed or quarantined
    rows = {r["_row_number"] for r in parsed.records} | {r.row_number for r in parsed.rejections}
    assert parsed.header_row not in rows
    assert rows | {parsed.header_row} == _nonblank_lines(CORPUS / case["file"])
    _check_landed_values(case, parsed)

    _land(warehouse, case)
    accounting, landed, rules = _landed_counts(warehouse, case)
    assert accounting == [(parsed.records_read, len(parsed.records), len(parsed.rejections))]
    assert parsed.records_read == len(parsed.records) + len(parsed.rejections)
    assert (landed, rules) == (len(parsed.records), _expected_rules(case))


@pytest.mark.parametrize("case", MANIFESTS, ids=_id)
def test_manifest_problem(case: dict[str, str], tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    for spec in case["raw_files"].split():
        source, _, relative = spec.partition(">")  # 'a>b': raw/a copied to b
        relative = relative or source
        (raw / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(RAW / source, raw / relative)
    shutil.copyfile(CORPUS / case["file"], raw / "manifest.csv")
    if case["outcome"] == "ok":
        verify(raw, read_manifest(raw / "manifest.csv"))
        return
    with pytest.raises(ManifestError) as error:
        verify(raw, read_manifest(raw / "manifest.csv"))
    for part in case["error"].split("|"):
        assert part in str(error.value)


def test_a_row_that_gives_no_record_is_quarantined_not_dropped() -> None:
    case = next(c for c in DATA if c["file"] == "air_quality/utf8_bom.csv")
    silent = RowBuilder(build=lambda row: iter(()))
    parsed = parse_table(CORPUS / case["file"], case["file"], case["table"], silent)
    assert parsed.records == []
    assert [r.rule for r in parsed.rejections] == ["no_record"] * int(case["landed"])
    assert {r.row_number for r in parsed.rejections} | {1} == _nonblank_lines(CORPUS / case["file"])
