"""Row builders for waste tables: facility editions (one dated statement of a facility's type,
capacity and status) and regional inventories (counts and capacities a report states).

Types and statuses resolve through seeds/waste_facility_types.csv and waste_facility_statuses.csv;
capacities must be a mass rate (吨/日, 吨/天, 万吨/日, 万吨/年 …) and are checked, in t/d, by
orchestration.parsing.measures against the registry's measure of each table: a facility's against
its type's plausibility ceiling, a regional total only for being positive.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from orchestration.parsing.errors import RowRejected
from orchestration.parsing.fields import (
    Outcome,
    period_fields,
    region_in_province,
    resolve_period,
    resolve_region,
)
from orchestration.parsing.measures import measure, stated_unit
from orchestration.parsing.numbers import is_placeholder
from orchestration.parsing.reference import AliasIndex, alias_index
from orchestration.parsing.tables import FileContext, RowBuilder, SourceRow, column_name
from orchestration.parsing.text import clean_cell
from orchestration.registry.measures import measure_case, range_case
from orchestration.seeds import read_seed

FACILITIES, INVENTORY = "waste__facilities", "waste__regional_inventory"


@cache
def _types() -> AliasIndex:
    rows = read_seed("waste_facility_types.csv")
    return alias_index(rows, "facility_type_code", ["facility_type_code", "name_zh"])


@cache
def _statuses() -> list[tuple[re.Pattern[str], str]]:
    rows = sorted(read_seed("waste_facility_statuses.csv"), key=lambda r: int(r["priority"]))
    return [(re.compile(r["pattern"], re.IGNORECASE), r["status_code"]) for r in rows]


def facility_type(row: SourceRow, column: str) -> str:
    text = row.text(column)
    code = _types().get(text)
    if code is None:
        raise RowRejected(
            column_name(row, column),
            text,
            "unknown_facility_type",
            "not in seeds/waste_facility_types.csv (name or alias)",
        )
    return code


def status(row: SourceRow) -> str:
    text = row.text("status")
    for pattern, code in _statuses():
        if pattern.search(text):
            return code
    raise RowRejected(
        column_name(row, "status"),
        text,
        "unknown_status",
        "no rule of seeds/waste_facility_statuses.csv matches "
        "(planned, under construction, operating, closed)",
    )


def capacity(row: SourceRow, table: str, type_code: str, required: bool) -> dict:
    """Capacity as reported (value, qualifier, unit) after checking it against the registry's
    measure of `table`.capacity_value: a mass rate, within the type's range for a facility."""
    column = column_name(row, "capacity")
    cell = row.cells.get("capacity")
    text = cell.text if cell else ""
    if is_placeholder(text) and not required:
        return {"capacity_value": None, "capacity_qualifier": None, "capacity_unit_text": None,
                "capacity_unit_code": None}  # fmt: skip
    case = measure_case(table, "capacity_value", type_code)
    assert case is not None, type_code  # the facility-type seed is the measure's catalogue
    measured = measure(column, text, case, stated_unit(row, cell), f"capacity of {type_code}")
    return {
        "capacity_value": measured.value,
        "capacity_qualifier": measured.qualifier,
        "capacity_unit_text": measured.unit_text,
        "capacity_unit_code": measured.unit_code,
    }


def _generating_mw(row: SourceRow) -> float | None:
    """Generating capacity converted to MW (the unit its landing column names)."""
    cell = row.cells.get("generating_capacity")
    if cell is None or not clean_cell(cell.text):
        return None
    case = range_case(FACILITIES, "generating_capacity_mw", "mw")
    measured = measure(column_name(row, "generating_capacity"), cell.text, case,
                       stated_unit(row, cell, unit_field=None), "generating capacity")  # fmt: skip
    return measured.canonical


def _region(row: SourceRow, context: FileContext, on: dt.date) -> tuple[str, str]:
    """'南宁(横州市)' → the prefecture 南宁 (450100); the county in brackets stays in the text."""
    city = row.text("city")
    base = re.sub(r"[(（].*[)）]$", "", clean_cell(city)).strip()
    province_text = row.text("province") or context.province
    text = base or province_text
    column = "city" if base else "province"
    region = resolve_region(row, column, text, on, province_text)
    region_in_province(row, column, region)
    return city, region.code


def _as_of(row: SourceRow) -> dict:
    text = row.text("as_of")
    if is_placeholder(text):
        raise RowRejected(
            column_name(row, "as_of"),
            text,
            "missing_as_of",
            "an edition needs the date its status and capacity were stated",
        )
    period = resolve_period(row, column="as_of")
    return {"as_of_text": text, "as_of_period_code": period.code, "as_of_date": period.start}


def facilities_builder(context: FileContext) -> RowBuilder:
    """Landing records of waste__facilities: one dated edition of one facility per row."""

    def build(row: SourceRow) -> Outcome:
        column = column_name(row, "capacity")
        try:
            type_code = facility_type(row, "facility_type")
            as_of = _as_of(row)
            city, region_code = _region(row, context, as_of["as_of_date"])
            yield column, {
                "province_text": row.text("province") or context.province, "city_text": city,
                "region_code": region_code, "facility_name": row.text("facility_name"),
                "facility_type_text": row.text("facility_type"), "facility_type_code": type_code,
                "capacity_text": row.text("capacity"),
                **capacity(row, FACILITIES, type_code, required=True),
                "status_text": row.text("status"), "status_code": status(row), **as_of,
                "generating_capacity_mw": _generating_mw(row),
                "note": row.text("note") or None, "quote": row.text("quote") or None,
            }  # fmt: skip
        except RowRejected as rejected:
            yield rejected.column, rejected

    return RowBuilder(build)


def inventory_builder(context: FileContext) -> RowBuilder:
    """Landing records of waste__regional_inventory: a stated count and/or capacity per row."""

    def build(row: SourceRow) -> Outcome:
        column = column_name(row, "facility_count")
        try:
            type_code = facility_type(row, "facility_type")
            count_text = row.text("facility_count")
            if count_text and not count_text.isdigit():
                raise RowRejected(column, count_text, "bad_count", "a count is a whole number")
            period = resolve_period(row, column="as_of")
            region = resolve_region(row, "region", row.text("region") or context.province,
                                    period.start, context.province)  # fmt: skip
            yield column, {
                "region_text": row.text("region"), "region_code": region.code,
                "as_of_text": row.text("as_of"), **period_fields(period),
                "facility_type_text": row.text("facility_type"),
                "facility_type_code": type_code,
                "facility_count": int(count_text) if count_text else None,
                **capacity(row, INVENTORY, type_code, required=False),
                "quote": row.text("quote") or None,
            }  # fmt: skip
        except RowRejected as rejected:
            yield rejected.column, rejected

    return RowBuilder(build)


BUILDERS = {"waste__facilities": facilities_builder,
            "waste__regional_inventory": inventory_builder}  # fmt: skip
