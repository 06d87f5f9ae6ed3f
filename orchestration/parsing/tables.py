"""Reading one source CSV: bytes → decoded text → header map → records, with every record either
landed or quarantined (read = landed + quarantined, always).

Table-specific meaning lives in the row builders (air_quality.py, …), registered in BUILDERS.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from orchestration.parsing.errors import Rejection, RowRejected, SourceFileError
from orchestration.parsing.headers import MappedHeader, map_headers
from orchestration.parsing.text import clean_cell

FOOTNOTE_PREFIXES = ("注", "说明", "资料来源", "数据来源", "备注", "来源", "note", "source")


@dataclass(frozen=True)
class FileContext:
    """What the manifest says of the whole file, used where a row is silent."""

    province: str = ""


@dataclass(frozen=True)
class Cell:
    """One cell of a source row, with the header it sat under."""

    header: MappedHeader
    text: str


@dataclass
class SourceRow:
    """A data row: canonical cells by column name, indicator cells for wide layouts."""

    row_number: int  # 1-based line in the file, header = 1
    cells: dict[str, Cell]
    indicator_cells: list[Cell]

    def text(self, column: str) -> str:
        cell = self.cells.get(column)
        return clean_cell(cell.text) if cell else ""


def column_name(row: SourceRow, column: str) -> str:
    """The header a canonical column had in this file (for messages), or the canonical name."""
    cell = row.cells.get(column)
    return cell.header.header if cell else column


@dataclass
class RowBuilder:
    """How a table turns a SourceRow into landed records (each a dict of landing columns).

    `build` yields (column, record-or-RowRejected) pairs: one pair per record candidate.
    `grain` names the fields that must be unique within a file.
    """

    build: Callable[[SourceRow], Iterator[tuple[str, dict | RowRejected]]]
    grain: tuple[str, ...]


@dataclass
class ParsedFile:
    source_file: str
    sha256: str
    table: str
    encoding: str
    records: list[dict] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)

    @property
    def records_read(self) -> int:
        return len(self.records) + len(self.rejections)


def decode(source_file: str, data: bytes) -> tuple[str, str]:
    """UTF-8 (with or without BOM), else GB18030 (a superset of GBK); anything else fails."""
    if not data.strip():
        raise SourceFileError(source_file, "file is empty")
    if b"\x00" in data[:4096]:
        raise SourceFileError(source_file, "binary content (NUL bytes): not a CSV text file")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        head = text.lstrip()[:200].lower()
        if head.startswith(("<!doctype", "<html", "<?xml", "<table", "<head")):
            raise SourceFileError(source_file, "HTML saved as .csv: export the table as CSV")
        return text, encoding.removesuffix("-sig")
    raise SourceFileError(source_file, "not UTF-8 or GB18030 text: re-save the file as UTF-8")


def _is_footnote(cells: list[str]) -> bool:
    filled = [c for c in cells if clean_cell(c)]
    return len(filled) == 1 and clean_cell(filled[0]).lower().startswith(FOOTNOTE_PREFIXES)


def parse_table(
    path: Path, source_file: str, table: str, builder: RowBuilder, data: bytes | None = None
) -> ParsedFile:
    """Parse one file into records and rejections. Raises SourceFileError for whole-file faults."""
    data = path.read_bytes() if data is None else data
    text, encoding = decode(source_file, data)
    parsed = ParsedFile(source_file, hashlib.sha256(data).hexdigest(), table, encoding)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header_index = next((i for i, r in enumerate(rows) if any(clean_cell(c) for c in r)), None)
    if header_index is None:
        raise SourceFileError(source_file, "file has no header row")
    headers = map_headers(source_file, table, rows[header_index])
    seen: dict[tuple, int] = {}
    for offset, cells in enumerate(rows[header_index + 1 :], start=header_index + 2):
        if not any(clean_cell(c) for c in cells):
            continue  # blank line: nothing was there to lose
        parsed_row = _source_row(source_file, offset, headers, cells)
        if isinstance(parsed_row, Rejection):
            parsed.rejections.append(parsed_row)
            continue
        for column, outcome in builder.build(parsed_row):
            if isinstance(outcome, RowRejected):
                parsed.rejections.append(_rejection(source_file, offset, outcome))
                continue
            key = tuple(outcome.get(f) for f in builder.grain)
            if key in seen:
                parsed.rejections.append(
                    Rejection(
                        source_file,
                        offset,
                        column,
                        "|".join(map(str, key)),
                        "duplicate_record",
                        f"same {', '.join(builder.grain)} as row {seen[key]}",
                    )
                )
                continue
            seen[key] = offset
            outcome.update(
                _source_file=source_file, _sha256=parsed.sha256, _row_number=offset, _column=column
            )
            parsed.records.append(outcome)
    return parsed


def _rejection(source_file: str, row_number: int, error: RowRejected) -> Rejection:
    return Rejection(source_file, row_number, error.column, error.value, error.rule, error.message)


def _source_row(
    source_file: str, row_number: int, headers: list[MappedHeader], cells: list[str]
) -> SourceRow | Rejection:
    if _is_footnote(cells):
        return Rejection(
            source_file,
            row_number,
            headers[0].header,
            ",".join(cells).strip(","),
            "footnote",
            "a footnote or note row, not data",
        )
    if len(cells) != len(headers):
        return Rejection(
            source_file,
            row_number,
            "*",
            ",".join(cells),
            "wrong_cell_count",
            f"{len(cells)} cells where the header has {len(headers)} (truncated or shifted row)",
        )
    named = {h.column: Cell(h, c) for h, c in zip(headers, cells, strict=True) if h.column}
    wide = [Cell(h, c) for h, c in zip(headers, cells, strict=True) if h.indicator]
    return SourceRow(row_number, named, wide)
