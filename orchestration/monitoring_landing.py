"""Landing station × hour monitoring files into `landing.air_quality__station_hourly` with DuckDB's
own CSV reader (plain or .gz; no Python row loop), through the declarative layouts of
orchestration/registry/layouts/station_hourly.yml.

What belongs here: running the SQL that orchestration.parsing.monitoring_layouts builds, and the
bookkeeping of what was landed, quarantined or noted per file. Nothing is dropped silently:

- a file that cannot be read (truncated .gz, unknown layout, unmapped header) raises
  SourceFileError naming it, and nothing of it is written;
- a CSV line with the wrong number of cells → quality.rejected_rows `bad_csv_row` (line, text);
- an exact copy of an earlier line of the same file (the national crawl holds every row twice)
  → `duplicate_record` naming the line kept;
- a station the layout cannot resolve → `unknown_station`; an unreadable hour → `bad_timestamp`;
- a cell that is neither a number nor a declared placeholder → `bad_value` (the row lands with
  that pollutant missing);
- hours out of order and files that mix timestamp spellings → quality.landing_notes.

The same station-hour in two files lands twice; staging flags it and says which row wins.
Files are landed per sha256: an unchanged file is skipped, a changed one replaced.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from orchestration.landing import QUALITY_DDL, FileReport, drop_if_redeclared
from orchestration.manifest import ManifestEntry
from orchestration.parsing.errors import SourceFileError
from orchestration.parsing.monitoring_layouts import (
    TABLE,
    Layout,
    bad_value_checks,
    choose_layout,
    landing_ddl,
    layout_units,
    normalised_select,
    read_header,
    table_columns,
)
from orchestration.parsing.monitoring_layouts import layouts as all_layouts
from orchestration.registry import landing_table
from orchestration.seeds import read_seed

NOTES_DDL = """
create table if not exists quality.landing_notes (
    table_name varchar not null,
    source_file varchar not null,
    note_kind varchar not null,
    rows_affected bigint not null,
    message varchar not null
)
"""
BATCH_FILES = 32  # files read by one read_csv call (bounded memory at national scale)


@dataclass(frozen=True)
class SourceFile:
    """One file to land: where it is, its name under raw/ and its manifest sha256."""

    path: Path
    source_file: str
    sha256: str


@dataclass
class LandingResult:
    reports: list[FileReport] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def ensure_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Create the landing table from its registry declaration; a table whose columns differ from
    the declaration (an older build's) is dropped with its accounting, so every file re-lands."""
    con.execute("create schema if not exists landing")
    con.execute(QUALITY_DDL)
    con.execute(NOTES_DDL)
    drop_if_redeclared(con, TABLE)
    con.execute(landing_ddl())
    units = landing_table(f"{TABLE}_layout_units")
    con.execute(f"drop table if exists landing.{units.name}")
    con.execute(units.ddl())
    con.executemany(
        f"insert into landing.{units.name} values (?, ?, ?, ?)",
        [tuple(row.values()) for row in layout_units()],
    )


def land_manifest_files(
    con: duckdb.DuckDBPyConnection, raw_dir: Path, entries: list[ManifestEntry]
) -> LandingResult:
    """Land the manifest's station × hour files (what the landing asset and the benchmark's
    plain script run)."""
    files = [SourceFile(e.file(raw_dir), e.path, e.sha256) for e in entries if e.table == TABLE]
    return land_station_hourly(con, files)


def land_station_hourly(
    con: duckdb.DuckDBPyConnection, files: list[SourceFile], batch_files: int = BATCH_FILES
) -> LandingResult:
    """Land every listed file whose sha256 is not landed yet; remove files no longer listed."""
    ensure_tables(con)
    landed = dict(
        con.execute(
            "select source_file, sha256 from quality.landing_files where table_name = ?", [TABLE]
        ).fetchall()
    )
    result = LandingResult()
    listed = {f.source_file for f in files}
    for stale in sorted(set(landed) - listed):
        _delete(con, [stale])
        result.notes.append(f"{stale}: no longer in the manifest, its rows were removed")
    todo: dict[tuple[str, tuple[str, ...]], list[SourceFile]] = defaultdict(list)
    for source in files:
        if landed.get(source.source_file) == source.sha256:
            counts = con.execute(
                "select records_read, records_landed, records_quarantined from "
                "quality.landing_files where table_name = ? and source_file = ?",
                [TABLE, source.source_file],
            ).fetchone()
            result.reports.append(FileReport(source.source_file, *counts, skipped_unchanged=True))
            continue
        header = read_header(source.path, source.source_file)
        layout = choose_layout(header, source.source_file)
        todo[(layout.code, tuple(header))].append(source)
    layouts = {lay.code: lay for lay in all_layouts()}
    for (code, header), group in todo.items():
        for start in range(0, len(group), batch_files):
            batch = group[start : start + batch_files]
            result.reports += _land_batch(con, layouts[code], list(header), batch)
    rows = con.execute(
        "select source_file, message from quality.landing_notes where table_name = ? "
        "and source_file in (select unnest(?)) order by source_file",
        [TABLE, [f.source_file for group in todo.values() for f in group]],
    ).fetchall()
    result.notes += [f"{file}: {message}" for file, message in rows]
    return result


def _read_sql(layout: Layout, header: list[str], paths: list[Path]) -> str:
    columns = "{" + ", ".join(f"'{_esc(h)}': 'VARCHAR'" for h in header) + "}"
    files = "[" + ", ".join(f"'{_esc(str(p))}'" for p in paths) + "]"
    return (
        f"select * from read_csv({files}, columns={columns}, auto_detect=false, header=true, "
        "filename='_file', delim=',', quote='\"', escape='\"', store_rejects=true, "
        "rejects_table='_mon_rejects', rejects_scan='_mon_reject_scans')"
    )


def _esc(text: str) -> str:
    return text.replace("'", "''")


def _esc_ident(name: str) -> str:
    return name.replace('"', '""')


def _read(con: duckdb.DuckDBPyConnection, layout: Layout, header: list[str],
          batch: list[SourceFile]) -> None:  # fmt: skip
    """Read the batch into temp table _mon_raw; name the file DuckDB could not read."""
    try:
        con.execute(
            "create or replace temp table _mon_raw as "
            + _read_sql(layout, header, [f.path for f in batch])
        )
    except duckdb.Error as exc:
        for source in batch:  # find the file at fault
            try:
                con.execute(
                    "select count(*) from (" + _read_sql(layout, header, [source.path]) + ")"
                )
            except duckdb.Error as inner:
                first = str(inner).strip().splitlines()[0]
                hint = " (truncated or damaged .gz)" if "GZIP" in first.upper() else ""
                raise SourceFileError(
                    source.source_file, f"cannot be read{hint}: {first}; nothing of it landed"
                ) from None
        raise SourceFileError(batch[0].source_file, f"batch read failed: {exc}") from None


def _land_batch(con: duckdb.DuckDBPyConnection, layout: Layout, header: list[str],
                batch: list[SourceFile]) -> list[FileReport]:  # fmt: skip
    _read(con, layout, header, batch)
    files = (
        con.execute("select file_id, file_path from _mon_reject_scans").fetchall()
        if _exists(con, "_mon_reject_scans")
        else []
    )
    con.execute("create or replace temp table _mon_files (path varchar, source_file varchar, "
                "sha256 varchar)")  # fmt: skip
    con.executemany("insert into _mon_files values (?, ?, ?)",
                    [(str(f.path), f.source_file, f.sha256) for f in batch])  # fmt: skip
    bad_lines = _bad_lines(con, files)
    _number_lines(con, bad_lines)
    _normalise(con, layout, header)
    (batch_number,) = con.execute(
        f"select coalesce(max(_landing_batch), 0) + 1 from landing.{TABLE}"
    ).fetchone()
    landing_columns = list(table_columns())
    selected = {
        "station_code": "station_code", "station_name": "station_name",
        "city_text": "city_text", "longitude": "longitude", "latitude": "latitude",
        "observed_at": "observed_at", "_layout": f"'{layout.code}'",
        "_source_file": "source_file", "_sha256": "sha256", "_row_number": "_line",
        "_landing_batch": str(batch_number),
        **{c: c for c in landing_columns if c.endswith("_reported")},
    }  # fmt: skip
    select_list = ", ".join(f'{selected[c]} as "{c}"' for c in landing_columns)
    con.begin()
    try:
        _delete(con, [f.source_file for f in batch])
        con.execute(
            f"insert into landing.{TABLE} select {select_list} from _mon_norm where _reason is null"
        )
        _quarantine(con, layout, header, bad_lines)
        _notes(con)
        con.execute(f"""
            insert into quality.landing_files
            select '{TABLE}', m.source_file, m.sha256, 'utf-8',
                   coalesce(n.read, 0) + coalesce(b.bad, 0),
                   coalesce(n.landed, 0), coalesce(n.read - n.landed, 0) + coalesce(b.bad, 0)
            from _mon_files as m
            left join (select source_file, count(*) as read,
                              count(*) filter (where _reason is null) as landed
                       from _mon_norm group by 1) as n on n.source_file = m.source_file
            left join (select source_file, count(*) as bad from _mon_bad_lines group by 1) as b
                on b.source_file = m.source_file
        """)
        con.commit()
    except Exception:
        con.rollback()
        raise
    reports = con.execute(
        "select source_file, records_read, records_landed, records_quarantined from "
        "quality.landing_files where table_name = ? and source_file in (select unnest(?))",
        [TABLE, [f.source_file for f in batch]],
    ).fetchall()
    return [FileReport(*row, skipped_unchanged=False) for row in reports]


def _exists(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    return bool(
        con.execute("select count(*) from duckdb_tables() where table_name = ?", [name]).fetchone()[
            0
        ]
    )


def _bad_lines(con: duckdb.DuckDBPyConnection, scans: list) -> bool:
    """Temp table _mon_bad_lines: CSV lines DuckDB rejected (one row per line)."""
    con.execute(
        "create or replace temp table _mon_bad_lines (source_file varchar, line bigint, "
        "error_type varchar, csv_line varchar, message varchar)"
    )
    if not scans:
        return False
    con.execute("""
        insert into _mon_bad_lines
        select m.source_file, e.line, any_value(e.error_type::varchar),
               any_value(trim(e.csv_line, chr(10) || chr(13))), any_value(e.error_message)
        from _mon_rejects as e
        join _mon_reject_scans as s on s.scan_id = e.scan_id and s.file_id = e.file_id
        join _mon_files as m on m.path = s.file_path
        group by m.source_file, e.line
    """)
    con.execute("drop table if exists _mon_rejects")
    con.execute("drop table if exists _mon_reject_scans")
    return bool(con.execute("select count(*) from _mon_bad_lines").fetchone()[0])


def _number_lines(con: duckdb.DuckDBPyConnection, any_bad: bool) -> None:
    """Temp table _mon_lines: the raw rows with their line in the file (header = line 1).

    DuckDB keeps a file's rows in order (insertion order is preserved), so the n-th row read is
    the n-th line that was not rejected; with none rejected, a file's rows are contiguous and
    its line is the row's offset from the file's first row (no sort needed)."""
    if not any_bad:
        con.execute("""
            create or replace temp table _mon_lines as
            select r.rowid - starts.first_rowid + 2 as _line, r.*
            from _mon_raw as r
            join (select _file, min(rowid) as first_rowid from _mon_raw group by _file) as starts
                on starts._file = r._file
        """)
        return
    con.execute("""
        create or replace temp table _mon_ordered as
        select row_number() over (partition by _file order by rowid) as _ordinal, *
        from _mon_raw
    """)
    con.execute("""
        create or replace temp table _mon_lines as
        with counts as (
            select _file, count(*) as n from _mon_ordered group by 1
        ),
        bad as (
            select f.path as _file, b.line from _mon_bad_lines as b
            join _mon_files as f using (source_file)
        ),
        good_lines as (
            select c._file, g.line,
                   row_number() over (partition by c._file order by g.line) as _ordinal
            from counts as c,
                 generate_series(2, c.n + 1 + (select count(*) from bad where bad._file = c._file))
                     as g(line)
            where not exists (select 1 from bad where bad._file = c._file and bad.line = g.line)
        )
        select g.line as _line, o.* exclude (_ordinal)
        from _mon_ordered as o join good_lines as g using (_file, _ordinal)
    """)


def _normalise(con: duckdb.DuckDBPyConnection, layout: Layout, header: list[str]) -> None:
    """Temp table _mon_norm: every line in landing terms, with its station_code and _reason (why
    it is quarantined; null = lands), in one pass over _mon_lines.

    Exact copies: lines of one file with an equal 64-bit hash of every cell (cheaper than sorting
    on all cells; a collision would quarantine a line naming the line it "copies" — never drop
    it). The first line of each group lands, the others are its copies; only groups of two or
    more lines are kept in _mon_copies (few), so no window runs over every line."""
    cells = ", ".join(f'r."{_esc_ident(h)}"' for h in header)
    con.execute(f"""
        create or replace temp table _mon_copies as
        select r._file, hash({cells}) as _cells, min(_line) as _first_line
        from _mon_lines as r group by all having count(*) > 1
    """)
    if layout.station["resolve"] == "alias":
        pairs = [f"('{_esc(r['alias'])}', '{_esc(r['station_code'])}')"
                 for r in read_seed("monitoring_station_aliases.csv")]  # fmt: skip
        lookup = (
            f"(select * from (values {', '.join(pairs)}) as v(alias, station_code))"
            if pairs
            else "(select null::varchar as alias, null::varchar as station_code where false)"
        )
        code = "a.station_code"
        join = f"left join {lookup} as a on a.alias = n.station_key"
    else:
        code = "nullif(n.station_key, '')"
        join = ""
    con.execute(f"""
        create or replace temp table _mon_norm as
        with lines as (
            select
                m.source_file, m.sha256, r._line,
                {normalised_select(layout)},
                coalesce(c._first_line, r._line) as _first_line
            from _mon_lines as r
            join _mon_files as m on m.path = r._file
            left join _mon_copies as c on c._file = r._file and c._cells = hash({cells})
        )
        select n.*, {code} as station_code,
               case
                   when n._line <> n._first_line then 'duplicate_record'
                   when {code} is null then 'unknown_station'
                   when n.observed_at is null then 'bad_timestamp'
               end as _reason
        from lines as n {join}
    """)


def _quarantine(con: duckdb.DuckDBPyConnection, layout: Layout, header: list[str],
                any_bad: bool) -> None:  # fmt: skip
    station_header = layout.station["column"]
    con.execute(f"""
        insert into quality.rejected_rows
        select '{TABLE}', source_file, sha256, _line,
               case _reason when 'bad_timestamp' then 'timestamp' else '{_esc(station_header)}' end,
               case _reason when 'bad_timestamp' then timestamp_text else station_key end,
               _reason,
               case _reason
                   when 'duplicate_record' then 'exact copy of line ' || _first_line
                        || ' of the same file (that line was kept)'
                   when 'unknown_station' then 'station ' || coalesce(station_key, '(empty)')
                        || ' is not in seeds/monitoring_station_aliases.csv; add it there'
                   else 'hour ' || coalesce(timestamp_text, '(empty)')
                        || ' matches none of the layout''s timestamp formats ({layout.code})'
               end
        from _mon_norm where _reason is not null
    """)
    for column, condition in bad_value_checks(layout):
        con.execute(f"""
            insert into quality.rejected_rows
            select '{TABLE}', m.source_file, m.sha256, r._line, '{_esc(column)}',
                   r."{column}", 'bad_value',
                   'not a number and not a declared placeholder of layout {layout.code}; '
                   || 'the hour lands with this pollutant missing'
            from _mon_lines as r join _mon_files as m on m.path = r._file
            where {condition}
        """)
    if any_bad:
        con.execute(f"""
            insert into quality.rejected_rows
            select '{TABLE}', b.source_file, m.sha256, b.line, '(row)', b.csv_line,
                   'bad_csv_row',
                   lower(b.error_type) || ': expected {len(header)} cells like the header'
            from _mon_bad_lines as b join _mon_files as m using (source_file)
        """)


def _notes(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"""
        insert into quality.landing_notes
        select '{TABLE}', source_file, 'duplicate_record', count(*),
               count(*) || ' exact duplicate line(s) quarantined, one copy of each kept'
        from _mon_norm where _reason = 'duplicate_record' group by source_file
        union all
        select '{TABLE}', source_file, 'hours_out_of_order', count(*),
               count(*) || ' line(s) earlier in time than the line before them for the same '
               || 'station (first at line ' || min(_line) || '); all landed, order is not used'
        from (
            select source_file, _line, observed_at < lag(observed_at) over (
                partition by source_file, station_key order by _line) as backwards
            from _mon_norm where _reason is null
        ) where backwards group by source_file
        union all
        select '{TABLE}', source_file, 'mixed_timestamp_formats', count(*),
               'hours written in ' || count(distinct timestamp_format) || ' formats: '
               || string_agg(distinct timestamp_format, ' and ') || '; all read'
        from _mon_norm where _reason is null and timestamp_format is not null
        group by source_file having count(distinct timestamp_format) > 1
    """)


def _delete(con: duckdb.DuckDBPyConnection, source_files: list[str]) -> None:
    con.execute(f"delete from landing.{TABLE} where _source_file in (select unnest(?))",
                [source_files])  # fmt: skip
    for quality_table in ("rejected_rows", "landing_files", "landing_notes"):
        con.execute(
            f"delete from quality.{quality_table} where table_name = ? "
            "and source_file in (select unnest(?))",
            [TABLE, source_files],
        )
