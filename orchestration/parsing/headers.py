"""Header maps: a file's header row → canonical columns, units and indicator columns.

The maps are declarative (the `fields` of orchestration/registry/landing/<table>.yml); this
module only applies them. Every header must
map, or the file fails naming the header. An empty header is an unnamed column (Excel exports
one for a trailing empty column); the table reader refuses the file if such a column holds a
value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from orchestration.parsing.errors import SourceFileError
from orchestration.parsing.reference import Indicator, indicators
from orchestration.parsing.text import clean_cell, match_key
from orchestration.parsing.units import Unit, UnknownUnit, registry
from orchestration.registry import landing_tables

_TRAILING_BRACKET = re.compile(r"^(.*?)[(\[【]([^()\[\]【】]*)[)\]】]$")


@dataclass(frozen=True)
class TableMap:
    name: str
    columns: dict[str, str]  # match_key(variant) -> canonical column
    spellings: dict[str, tuple[str, ...]]  # canonical column -> the spellings the registry lists
    required: tuple[str, ...]
    indicator_columns: bool


@dataclass(frozen=True)
class MappedHeader:
    """What one header of a file means."""

    index: int
    header: str
    column: str | None  # canonical column, or None for an indicator or unnamed column
    indicator: Indicator | None
    unit: Unit | None  # unit stated in the header, if any


@cache
def table_maps() -> dict[str, TableMap]:
    """The header map of every registered table read from raw/ CSV files (it has `fields`)."""
    maps = {}
    for name, table in landing_tables().items():
        if not table.fields:
            continue
        columns = {}
        for column, variants in table.fields.items():
            for variant in [column, *variants]:
                columns[match_key(variant)] = column
        maps[name] = TableMap(
            name=name,
            columns=columns,
            spellings=dict(table.fields),
            required=table.required,
            indicator_columns=table.indicator_columns,
        )
    return maps


def _split_unit(header: str) -> tuple[str, str | None]:
    """'PM2.5浓度均值(μg/m³)' → ('PM2.5浓度均值', 'μg/m³'); '细颗粒物(PM2.5)' stays whole."""
    match = _TRAILING_BRACKET.match(clean_cell(header))
    if match and match[1]:
        return match[1], match[2]
    return clean_cell(header), None


def map_headers(source_file: str, table: str, headers: list[str]) -> list[MappedHeader]:
    """Map every header of a file, or raise SourceFileError naming the first bad one."""
    spec = table_maps()[table]
    mapped: list[MappedHeader] = []
    for index, header in enumerate(headers):
        mapped.append(_map_one(source_file, spec, index, header))
    seen: dict[str, MappedHeader] = {}
    for m in mapped:
        if m.column is None and m.indicator is None:
            continue  # unnamed
        key = m.column or f"indicator:{m.indicator.code if m.indicator else ''}"
        if key in seen:
            raise SourceFileError(
                source_file,
                f"headers {seen[key].header!r} (column {seen[key].index + 1}) and {m.header!r} "
                f"(column {m.index + 1}) both map to {key}: duplicated column, expected one",
            )
        seen[key] = m
    missing = [c for c in spec.required if c not in seen]
    if missing:
        expected = "; ".join(f"{c}: {', '.join(spec.spellings[c][:4])} …" for c in missing)
        raise SourceFileError(
            source_file,
            f"no column for {', '.join(missing)} (expected a header such as {expected}; "
            f"headers: {', '.join(headers)})",
        )
    return mapped


def _map_one(source_file: str, spec: TableMap, index: int, header: str) -> MappedHeader:
    if not clean_cell(header):
        return MappedHeader(index, "", None, None, None)
    whole = spec.columns.get(match_key(header))
    if whole:
        return MappedHeader(index, header, whole, None, None)
    base, unit_text = _split_unit(header)
    column = spec.columns.get(match_key(base))
    indicator = None
    if column is None and spec.indicator_columns:
        indicator = indicators().resolve(base)
    if column is None and indicator is None:
        raise SourceFileError(
            source_file,
            f"unmapped header {header!r} in column {index + 1}: add it to "
            f"orchestration/registry/landing/{spec.name}.yml (fields) or to the table_aliases of "
            "its indicator in orchestration/registry/indicators/",
        )
    unit = None
    if unit_text:
        try:
            unit = registry().resolve(unit_text)
        except UnknownUnit:
            raise SourceFileError(
                source_file,
                f"unknown unit {unit_text!r} in header {header!r} (column {index + 1}): add it "
                "to seeds/units.csv",
            ) from None
    return MappedHeader(index, header, column, indicator, unit)
