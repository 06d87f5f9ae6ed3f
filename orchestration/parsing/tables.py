"""Reading one source CSV: bytes → decoded text → header map → records, with every record either
landed or quarantined (read = landed + quarantined, always).

Whole-file faults (not text, HTML, a workbook, a truncated or mixed encoding, another delimiter,
no or an unmapped header, a value under an empty header) raise SourceFileError naming the file
and, where there is one, the line, column and value. Everything below the header is accounted
for: a data row lands or is quarantined with its rule, and so are rows that are not data (a title
row above the header, a footnote below the data); only blank lines are passed over. A record
dated outside the calendar of dim_period, or after the file was retrieved, is quarantined too.

Table-specific meaning lives in the row builders (air_quality.py, …), registered in BUILDERS.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from orchestration.parsing.errors import Rejection, RowRejected, SourceFileError
from orchestration.parsing.headers import MappedHeader, map_headers
from orchestration.parsing.periods import date_problem
from orchestration.parsing.text import clean_cell
from orchestration.registry import landing_table

# A row below the data whose first cell starts with one of these is a note, not data.
FOOTNOTE_PREFIXES = ("注", "说明", "资料来源", "数据来源", "备注", "来源", "note", "source")
_NOTE_LABEL = re.compile(r"^\w{1,4}\d*[:：]")
# Leading bytes of files that are not CSV text, and what to tell the person who supplied them.
SIGNATURES = {
    b"\xff\xfe\x00\x00": "binary content (a UTF-32 byte order mark): save the table as CSV UTF-8",
    b"\xff\xfe": "UTF-16 text (Excel 'Unicode Text'): save the table as CSV UTF-8",
    b"\xfe\xff": "UTF-16 text (Excel 'Unicode Text'): save the table as CSV UTF-8",
    b"PK\x03\x04": "an Excel .xlsx workbook (a zip archive), not CSV: export the sheet as CSV",
    b"\xd0\xcf\x11\xe0": "an Excel 97-2003 .xls workbook, not CSV: export the sheet as CSV",
    b"%PDF": "a PDF document, not CSV: transcribe the table into a CSV file",
}
# A first line opening with one of these tags is a web page saved under a .csv name.
HTML_START = re.compile(r"<\s*(!doctype|html|head|body|meta|table|tr|div|\?xml|!--)", re.I)
# At most this many one-cell rows above the header are read as titles.
MAX_TITLE_ROWS = 3
# A header that is one cell holding one of these was written with another delimiter.
OTHER_DELIMITERS = {";": "semicolons", "\t": "tabs", "，": "full-width commas", "|": "pipes"}


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

    row_number: int  # 1-based line in the file where the row starts
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

    `build` yields (column, record-or-RowRejected) pairs: one pair per record candidate. The
    columns that must be unique within a file are the table's `grain` in the registry.
    """

    build: Callable[[SourceRow], Iterator[tuple[str, dict | RowRejected]]]


@dataclass
class ParsedFile:
    source_file: str
    sha256: str
    table: str
    encoding: str
    header_row: int = 1  # the line of the header row (after any title rows)
    records: list[dict] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)

    @property
    def records_read(self) -> int:
        return len(self.records) + len(self.rejections)


def _line_of(data: bytes, position: int) -> int:
    return data.count(b"\n", 0, position) + 1


def _damaged_utf8(source_file: str, data: bytes, bom: int, error: UnicodeDecodeError) -> None:
    """Raise when bytes are UTF-8 apart from a cut last character or a few stray bytes (a GBK
    row pasted in, a damaged copy): GB18030 would read such a file without complaint, as garbage.
    """
    text = data[bom:].decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for c in text if ord(c) >= 0x800 and c != "\ufffd")  # 3-byte: CJK
    start = bom + error.start
    where = f"line {_line_of(data, start)}, byte {start + 1}"
    if error.reason == "unexpected end of data" and bad == 1 and good:
        raise SourceFileError(
            source_file,
            f"{where}: the file ends in the middle of a UTF-8 character: it is truncated "
            "(download it again)",
        )
    if good >= bad:  # GBK read as UTF-8 gives almost no 3-byte characters
        raise SourceFileError(
            source_file,
            f"{where}: byte 0x{data[start]:02x} is not UTF-8 in a file that otherwise is "
            f"({bad} bad sequence(s)): the file is damaged or mixes encodings; re-save it as UTF-8",
        )


def decode(source_file: str, data: bytes) -> tuple[str, str]:
    """UTF-8 (with or without BOM), else GB18030 (a superset of GBK); anything else fails."""
    if not data.strip():
        raise SourceFileError(source_file, "file is empty")
    for signature, message in SIGNATURES.items():
        if data.startswith(signature):
            raise SourceFileError(source_file, message)
    if b"\x00" in data[:4096]:
        raise SourceFileError(source_file, "binary content (NUL bytes): not a CSV text file")
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        text, encoding = data[bom:].decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        _damaged_utf8(source_file, data, bom, error)
        try:
            text, encoding = data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError as gb_error:
            if gb_error.end >= len(data.rstrip(b"\r\n")):
                raise SourceFileError(
                    source_file,
                    f"line {_line_of(data, gb_error.start)}: the file ends in the middle of a "
                    "GB18030 character: it is truncated (download it again)",
                ) from None
            raise SourceFileError(
                source_file,
                f"not UTF-8 or GB18030 text (line {_line_of(data, gb_error.start)}, byte "
                f"{gb_error.start + 1}): re-save the file as UTF-8",
            ) from None
    text = text.lstrip("\ufeff")  # a second BOM from saving a saved file again
    if HTML_START.match(text.lstrip()):
        raise SourceFileError(source_file, "HTML saved as .csv: export the table as CSV")
    return text, encoding


@dataclass(frozen=True)
class _Record:
    """One CSV record: the line it starts on, its cells (None when it cannot be split: broken
    quoting, or a cell longer than the csv module's limit — `problem` says which)."""

    line: int
    cells: list[str] | None
    raw: str
    problem: str = "bad_quoting"

    @property
    def filled(self) -> int:
        return sum(1 for c in self.cells or [] if clean_cell(c))


def _records(source_file: str, text: str) -> Iterator[_Record]:
    """Every CSV record with its first line. A record with broken quoting is kept (cells None,
    to be quarantined); a quoted cell still open at the end of the file fails the file, since it
    would otherwise swallow every row after it."""
    lines = io.StringIO(text, newline="").readlines()
    reader = csv.reader(lines, strict=True)
    done = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "end of data" in str(exc):
                raise SourceFileError(
                    source_file,
                    f"line {done + 1}: a quoted cell is never closed (the file is truncated, or "
                    "a stray '\"' opens a quote): expected a closing '\"' before the end",
                ) from None
            too_long = "field larger than field limit" in str(exc)
            yield _Record(done + 1, None, "".join(lines[done : reader.line_num]).strip(),
                          "cell_too_long" if too_long else "bad_quoting")  # fmt: skip
        else:
            yield _Record(done + 1, cells, "".join(lines[done : reader.line_num]).strip())
        done = reader.line_num


def _is_footnote(cells: list[str]) -> bool:
    """One filled cell that starts like a note ('注：…'), or a first cell that opens with a note
    label and a colon ('注：1.…', with an unquoted comma splitting the note over cells)."""
    filled = [clean_cell(c).lower() for c in cells if clean_cell(c)]
    if len(filled) == 1:
        return filled[0].startswith(FOOTNOTE_PREFIXES)
    first = clean_cell(cells[0]).lower() if cells else ""
    return first.startswith(FOOTNOTE_PREFIXES) and _NOTE_LABEL.match(first) is not None


def _header(source_file: str, records: list[_Record], parsed: ParsedFile) -> _Record:
    """The header row. Up to MAX_TITLE_ROWS rows above it with one filled cell each (a merged
    Excel title, a '单位：…' line) are quarantined as `title_row`."""
    rows = [r for r in records if r.cells is None or r.filled]
    if not rows:
        raise SourceFileError(source_file, "file has no header row")
    titles = next((i for i, r in enumerate(rows) if r.filled != 1), 0)
    titles = titles if titles <= MAX_TITLE_ROWS else 0
    for index in range(titles + 1):
        following = rows[index + 1] if index + 1 < len(rows) else None
        _other_delimiter(source_file, rows[index], following)
    for row in rows[:titles]:
        parsed.rejections.append(Rejection(
            source_file, row.line, "*", row.raw.strip(","), "title_row",
            "a title row above the header (a merged Excel title cell), not data",
        ))  # fmt: skip
    header = rows[titles]
    if header.cells is None:
        raise SourceFileError(
            source_file, f"line {header.line}: the header row's quoting is broken"
        )
    return header


def _other_delimiter(source_file: str, row: _Record, following: _Record | None) -> None:
    """Refuse a file whose first rows are single cells split by another delimiter."""
    if row.cells is None or len(row.cells) != 1:
        return
    for delimiter, name in OTHER_DELIMITERS.items():
        count = row.cells[0].count(delimiter)
        if count and (following is None or following.raw.count(delimiter) >= count):
            raise SourceFileError(
                source_file,
                f"line {row.line}: the header is one cell separated by {name} "
                f"({row.cells[0][:40]!r}): expected comma-separated CSV",
            )


def _check_unnamed(source_file: str, headers: list[MappedHeader], data: list[_Record]) -> None:
    """A column without a header may stay only if it is empty (Excel's trailing column)."""
    unnamed = [h.index for h in headers if not h.header.strip()]
    for record in data:
        for index in unnamed:
            cells = record.cells or []
            if index < len(cells) and clean_cell(cells[index]) and len(cells) == len(headers):
                raise SourceFileError(
                    source_file,
                    f"line {record.line}, column {index + 1}: {cells[index]!r} sits under an "
                    "empty header (a merged Excel header cell?): expected one header row with a "
                    "name over every column that holds values",
                )


def _map(
    source_file: str, table: str, header: list[str], encoding: str, data: bytes
) -> list[MappedHeader]:
    """map_headers, with the likely cause added when a header does not map: a header spread
    over two rows, or bytes that are Big5 (or another encoding) rather than GB18030."""
    try:
        return map_headers(source_file, table, header)
    except SourceFileError as error:
        filled = [bool(clean_cell(c)) for c in header]
        if False in filled[: len(filled) - filled[::-1].index(True)]:
            raise SourceFileError(
                source_file,
                f"{error.message} (the header row has empty cells between names: a header "
                "spread over two rows by merged Excel cells must be flattened into one row)",
            ) from None
        if encoding == "utf-8":
            raise
        if _maps_as_big5(source_file, table, data):
            raise SourceFileError(
                source_file,
                "Big5 (Traditional Chinese) text: the headers read only as Big5, which is not "
                "accepted; re-save the file as UTF-8",
            ) from None
        raise SourceFileError(
            source_file,
            f"{error.message} (the file was read as GB18030; if the header looks garbled the "
            "file is in another encoding: re-save it as UTF-8)",
        ) from None


def _maps_as_big5(source_file: str, table: str, data: bytes) -> bool:
    try:
        text = data.decode("big5")
        first = next(r for r in csv.reader(io.StringIO(text)) if any(map(clean_cell, r)))
        map_headers(source_file, table, first)
    except (UnicodeDecodeError, SourceFileError, StopIteration):
        return False
    return True


def parse_table(
    path: Path,
    source_file: str,
    table: str,
    builder: RowBuilder,
    data: bytes | None = None,
    retrieved: date | None = None,
) -> ParsedFile:
    """Parse one file into records and rejections. Raises SourceFileError for whole-file faults.
    A record dated outside the calendar, or after `retrieved` (the manifest's retrieval date),
    is quarantined."""
    data = path.read_bytes() if data is None else data
    text, encoding = decode(source_file, data)
    parsed = ParsedFile(source_file, hashlib.sha256(data).hexdigest(), table, encoding)
    records = list(_records(source_file, text))
    header = _header(source_file, records, parsed)
    parsed.header_row = header.line
    headers = _map(source_file, table, header.cells or [], encoding, data)
    body = [r for r in records if r.line > header.line and (r.cells is None or r.filled)]
    _check_unnamed(source_file, headers, body)
    seen: dict[tuple, int] = {}
    grain = landing_table(table).grain
    for record in body:
        parsed_row = _source_row(source_file, record, headers)
        if isinstance(parsed_row, Rejection):
            parsed.rejections.append(parsed_row)
            continue
        outcomes = 0
        for column, outcome in builder.build(parsed_row):
            outcomes += 1
            if isinstance(outcome, RowRejected):
                parsed.rejections.append(_rejection(source_file, record.line, outcome))
                continue
            misdated = _date_rejection(source_file, parsed_row, outcome, retrieved)
            if misdated is not None:
                parsed.rejections.append(misdated)
                continue
            key = tuple(outcome.get(f) for f in grain)
            if key in seen:
                parsed.rejections.append(Rejection(
                    source_file, record.line, column, "|".join(map(str, key)),
                    "duplicate_record", f"same {', '.join(grain)} as row {seen[key]}",
                ))  # fmt: skip
                continue
            seen[key] = record.line
            outcome.update(_source_file=source_file, _sha256=parsed.sha256,
                           _row_number=record.line, _column=column)  # fmt: skip
            parsed.records.append(outcome)
        if not outcomes:
            parsed.rejections.append(Rejection(
                source_file, record.line, "*", record.raw, "no_record",
                "the row holds no value this table reads",
            ))  # fmt: skip
    return parsed


# Landing fields that hold dates (start, end) and the source columns they are read from.
_DATED_FIELDS = (
    ("period_start", "period_end", ("period", "as_of")),
    ("as_of_date", "as_of_date", ("as_of",)),
)


def _date_rejection(
    source_file: str, row: SourceRow, record: dict, retrieved: date | None
) -> Rejection | None:
    """A record whose period or as-of date lies outside the calendar of dim_period, or begins
    after the file was retrieved (a forecast may look ahead), is quarantined with that reason."""
    for start_field, end_field, columns in _DATED_FIELDS:
        start, end = record.get(start_field), record.get(end_field)
        if start is None or end is None:
            continue
        known = None if record.get("basis") == "forecast" else retrieved
        problem = date_problem(start, end, known)
        if problem is not None:
            column = next((c for c in columns if c in row.cells), columns[0])
            return Rejection(source_file, row.row_number, column_name(row, column),
                             row.text(column), *problem)  # fmt: skip
    return None


def _rejection(source_file: str, row_number: int, error: RowRejected) -> Rejection:
    return Rejection(source_file, row_number, error.column, error.value, error.rule, error.message)


def _source_row(
    source_file: str, record: _Record, headers: list[MappedHeader]
) -> SourceRow | Rejection:
    cells = record.cells
    if cells is None and record.problem == "cell_too_long":
        return Rejection(source_file, record.line, "*", record.raw, "cell_too_long",
                         f"a cell is longer than {csv.field_size_limit():,} characters, the "
                         "most a cell may hold; the row cannot be read")  # fmt: skip
    if cells is None:
        return Rejection(source_file, record.line, "*", record.raw, "bad_quoting",
                         "a '\"' inside a quoted cell must be doubled (\"\"); the row cannot be "
                         "split into cells")  # fmt: skip
    if _is_footnote(cells):
        return Rejection(source_file, record.line, headers[0].header or "*", record.raw.strip(","),
                         "footnote", "a footnote or note row, not data")  # fmt: skip
    if len(cells) != len(headers):
        return Rejection(
            source_file,
            record.line,
            "*",
            ",".join(cells),
            "wrong_cell_count",
            f"{len(cells)} cells where the header has {len(headers)} (truncated or shifted row)",
        )
    named = {h.column: Cell(h, c) for h, c in zip(headers, cells, strict=True) if h.column}
    wide = [Cell(h, c) for h, c in zip(headers, cells, strict=True) if h.indicator]
    return SourceRow(record.line, named, wide)
