"""Station × hour layouts: the declarative map (orchestration/registry/layouts/station_hourly.yml)
and the landing table's declaration (registry/landing/air_quality__station_hourly.yml, read
through orchestration.registry), turned into a layout choice per file and the DuckDB SQL that
reads it.

A function belongs here if it reads those two YAML files or builds SQL text from them; it never
touches a database (orchestration/monitoring_landing.py runs the SQL). A third layout is a YAML
entry, not code.
"""

from __future__ import annotations

import gzip
import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from orchestration.parsing.errors import SourceFileError
from orchestration.registry import landing_table
from orchestration.seeds import read_seed

REGISTRY_DIR = Path(__file__).resolve().parent.parent / "registry"
LAYOUTS_FILE = REGISTRY_DIR / "layouts" / "station_hourly.yml"
TABLE = "air_quality__station_hourly"
POLLUTANTS = ("pm2_5", "pm10", "so2", "no2", "co", "o3")


@dataclass(frozen=True)
class Layout:
    """One published layout: which headers feed which landing column, in which unit."""

    code: str
    required: tuple[str, ...]
    station: dict[str, str]
    timestamp: dict
    values: dict[str, dict[str, str]]
    missing: tuple[str, ...]
    ignore: tuple[str, ...]

    def mapped_headers(self) -> set[str]:
        station = {v for k, v in self.station.items() if k != "resolve"}
        stamp = set(self.timestamp.get("parts", {}).values()) | (
            {self.timestamp["column"]} if "column" in self.timestamp else set()
        )
        return station | stamp | {v["header"] for v in self.values.values()} | set(self.ignore)


def table_columns() -> dict[str, str]:
    """Landing column → DuckDB type, from the table's registry declaration."""
    return landing_table(TABLE).all_column_types


def landing_ddl() -> str:
    return landing_table(TABLE).ddl()


@cache
def layouts() -> tuple[Layout, ...]:
    """Every declared layout, checked: known units, every pollutant mapped, required headers
    mapped. A mistake in the YAML fails here, naming the layout."""
    spec = yaml.safe_load(LAYOUTS_FILE.read_text(encoding="utf-8"))
    units = {row["unit_code"] for row in read_seed("units.csv")}
    found = []
    for entry in spec["layouts"]:
        layout = Layout(
            code=entry["code"], required=tuple(entry["required"]), station=entry["station"],
            timestamp=entry["timestamp"], values=entry["values"],
            missing=tuple(entry.get("missing", [])), ignore=tuple(entry.get("ignore", [])),
        )  # fmt: skip
        where = f"{LAYOUTS_FILE.name} layout {layout.code}"
        headers = [*layout.required, *layout.ignore, *layout.missing]
        if not all(isinstance(h, str) for h in headers):
            raise ValueError(
                f"{where}: quote headers YAML reads as non-text (No, NA, 1): "
                f"{[h for h in headers if not isinstance(h, str)]}"
            )
        if set(layout.values) != set(POLLUTANTS):
            raise ValueError(f"{where}: values must map exactly {', '.join(POLLUTANTS)}")
        bad_units = {v["unit"] for v in layout.values.values()} - units
        if bad_units:
            raise ValueError(f"{where}: units {sorted(bad_units)} are not in seeds/units.csv")
        if layout.station.get("resolve") not in ("code", "alias"):
            raise ValueError(f"{where}: station.resolve must be code or alias")
        if not ({"parts", "column"} & set(layout.timestamp)):
            raise ValueError(f"{where}: timestamp needs parts or column + formats")
        found.append(layout)
    return tuple(found)


def layout_units() -> list[dict[str, str]]:
    """layout × pollutant → unit as published (landed beside the data for dbt)."""
    return [
        {"layout": layout.code, "pollutant_code": pollutant, "unit_code": value["unit"],
         "header": value["header"]}
        for layout in layouts() for pollutant, value in layout.values.items()
    ]  # fmt: skip


def read_header(path: Path, source_file: str) -> list[str]:
    """The header row of a .csv or .csv.gz file (UTF-8, with or without BOM)."""
    opener = gzip.open if path.name.endswith(".gz") else open
    try:
        with opener(path, "rb") as handle:
            first = handle.readline()
    except (OSError, EOFError) as exc:
        raise SourceFileError(source_file, f"cannot read the header ({exc})") from None
    if not first.strip():
        raise SourceFileError(source_file, "file is empty (no header row)")
    try:
        text = first.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SourceFileError(source_file, "header is not UTF-8; save the file as UTF-8") from None
    import csv

    return [cell.strip() for cell in next(csv.reader(io.StringIO(text)))]


def choose_layout(header: list[str], source_file: str) -> Layout:
    """The first layout whose required headers the file has; every other header must be mapped
    or ignored by it. SourceFileError otherwise, naming the headers."""
    present = set(header)
    for layout in layouts():
        if set(layout.required) <= present:
            unmapped = [h for h in header if h not in layout.mapped_headers()]
            if unmapped:
                raise SourceFileError(
                    source_file,
                    f"layout {layout.code}: unmapped header(s) {', '.join(unmapped)} "
                    f"(map or ignore them in {LAYOUTS_FILE.name})",
                )
            return layout
    expected = "; ".join(f"{lay.code}: {', '.join(lay.required)}" for lay in layouts())
    raise SourceFileError(
        source_file,
        f"header {', '.join(header)} matches no station-hourly layout (expected the headers of "
        f"one of: {expected}); declare the layout in {LAYOUTS_FILE.name}",
    )


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _lit(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def missing_sql(layout: Layout, header: str) -> str:
    """True when the cell means 'not measured' (null, blank or a declared placeholder)."""
    placeholders = ", ".join(_lit(m) for m in layout.missing) or "''"
    return f"(nullif(trim({_q(header)}), '') is null or trim({_q(header)}) in ({placeholders}))"


def value_sql(layout: Layout, header: str) -> str:
    number = f"try_cast(trim({_q(header)}) as double)"
    return f"case when {missing_sql(layout, header)} then null else {number} end"


def timestamp_sql(layout: Layout) -> str:
    stamp = layout.timestamp
    if "parts" in stamp:
        p = stamp["parts"]
        ints = {k: f"try_cast(trim({_q(v)}) as integer)" for k, v in p.items()}
        return (
            f"try_cast(make_timestamp({ints['year']}, {ints['month']}, {ints['day']}, "
            f"{ints['hour']}, 0, 0) as timestamp)"
        )
    formats = ", ".join(_lit(f) for f in stamp["formats"])
    return f"try_strptime(trim({_q(stamp['column'])}), [{formats}])"


def timestamp_format_sql(layout: Layout) -> str:
    """Which declared format a row's timestamp matched (to report files that mix two)."""
    stamp = layout.timestamp
    if "parts" in stamp:
        return "'parts'"
    column = _q(stamp["column"])
    whens = " ".join(
        f"when try_strptime(trim({column}), {_lit(f)}) is not null then {_lit(f)}"
        for f in stamp["formats"]
    )
    return f"case {whens} end"


def timestamp_text_sql(layout: Layout) -> str:
    stamp = layout.timestamp
    if "parts" in stamp:
        p = stamp["parts"]
        parts = (f"coalesce({_q(p[k])}, '')" for k in ("year", "month", "day", "hour"))
        return " || '-' || ".join(parts)
    return _q(stamp["column"])


def normalised_select(layout: Layout) -> str:
    """SELECT list (over the raw all-varchar columns) giving the landing columns, before the
    station code is resolved: station_key is the published station text."""
    station = layout.station

    def optional(key: str, cast: str | None = None) -> str:
        if key not in station:
            return "null"
        text = f"trim({_q(station[key])})"
        return f"try_cast({text} as {cast})" if cast else text

    values = ",\n    ".join(
        f"{value_sql(layout, spec['header'])} as {pollutant}_reported"
        for pollutant, spec in layout.values.items()
    )
    return f"""
    trim({_q(station["column"])}) as station_key,
    {optional("name")} as station_name,
    {optional("city")} as city_text,
    {optional("longitude", "double")} as longitude,
    {optional("latitude", "double")} as latitude,
    {timestamp_sql(layout)} as observed_at,
    {timestamp_format_sql(layout)} as timestamp_format,
    {timestamp_text_sql(layout)} as timestamp_text,
    {values}"""


def bad_value_checks(layout: Layout) -> list[tuple[str, str]]:
    """(header, SQL condition) per value column: a cell that is neither missing nor a number."""
    return [
        (spec["header"], f"not {missing_sql(layout, spec['header'])} and "
                         f"try_cast(trim({_q(spec['header'])}) as double) is null")
        for spec in layout.values.values()
    ]  # fmt: skip
