"""Row builders for waste tables: facility editions (one dated statement of a facility's type,
capacity and status) and regional inventories (counts and capacities a report states).

Types and statuses resolve through seeds/waste_facility_types.csv and waste_facility_statuses.csv;
capacities must be a mass rate (吨/日, 吨/天, 万吨/日, 万吨/年 …) and are checked, in t/d, against
the type's plausibility ceiling.
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
from orchestration.parsing.numbers import NotANumber, is_placeholder, parse_quantity
from orchestration.parsing.reference import AliasIndex, alias_index, read_seed
from orchestration.parsing.tables import FileContext, RowBuilder, SourceRow, column_name
from orchestration.parsing.text import clean_cell
from orchestration.parsing.units import IncompatibleUnits, UnknownUnit, registry


@cache
def _types() -> tuple[AliasIndex, dict[str, float | None]]:
    rows = read_seed("waste_facility_types.csv")
    ceilings = {r["facility_type_code"]: float(r["capacity_ceiling_t_per_day"])
                if r["capacity_ceiling_t_per_day"] else None for r in rows}  # fmt: skip
    return alias_index(rows, "facility_type_code", ["facility_type_code", "name_zh"]), ceilings


@cache
def _statuses() -> list[tuple[re.Pattern[str], str]]:
    rows = sorted(read_seed("waste_facility_statuses.csv"), key=lambda r: int(r["priority"]))
    return [(re.compile(r["pattern"], re.IGNORECASE), r["status_code"]) for r in rows]


def facility_type(row: SourceRow, column: str) -> str:
    text = row.text(column)
    code = _types()[0].get(text)
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


def capacity(row: SourceRow, type_code: str, required: bool) -> dict:
    """Capacity as reported (value, qualifier, unit) after checking it is a plausible mass rate."""
    column = column_name(row, "capacity")
    text, unit_text = row.text("capacity"), row.text("unit")
    if is_placeholder(text):
        if required:
            raise RowRejected(column, text, "missing_value", "a facility needs its capacity")
        return {"capacity_value": None, "capacity_qualifier": None, "capacity_unit_text": None,
                "capacity_unit_code": None}  # fmt: skip
    try:
        quantity = parse_quantity(text)
        unit = registry().resolve(quantity.unit_text or unit_text)
        per_day = registry().convert(quantity.value, unit.code, "t_per_day")
    except NotANumber as exc:
        raise RowRejected(column, text, exc.rule, str(exc)) from None
    except UnknownUnit:
        raise RowRejected(
            column_name(row, "unit"),
            unit_text,
            "unknown_unit",
            f"unit {unit_text!r} is not in seeds/units.csv",
        ) from None
    except IncompatibleUnits:
        raise RowRejected(
            column_name(row, "unit"),
            unit_text,
            "unit_mismatch",
            "a capacity is a mass per time (吨/日, 万吨/年 …)",
        ) from None
    ceiling = _types()[1][type_code]
    if per_day <= 0 or (ceiling is not None and per_day > ceiling):
        raise RowRejected(
            column,
            text,
            "out_of_range",
            f"{per_day:g} t/d is outside (0, {ceiling:g}] for {type_code} "
            "(seeds/waste_facility_types.csv)",
        )
    return {"capacity_value": quantity.value, "capacity_qualifier": quantity.qualifier,
            "capacity_unit_text": unit_text or quantity.unit_text,
            "capacity_unit_code": unit.code}  # fmt: skip


def _generating_mw(row: SourceRow) -> float | None:
    text = row.text("generating_capacity")
    if not text:
        return None
    try:
        quantity = parse_quantity(text)
        return registry().convert(quantity.value, registry().resolve(quantity.unit_text).code, "mw")
    except (NotANumber, UnknownUnit, IncompatibleUnits):
        raise RowRejected(
            column_name(row, "generating_capacity"),
            text,
            "bad_generating_capacity",
            "expected e.g. 25兆瓦 or 15MW",
        ) from None


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
                "capacity_text": row.text("capacity"), **capacity(row, type_code, required=True),
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
                **capacity(row, type_code, required=False), "quote": row.text("quote") or None,
            }  # fmt: skip
        except RowRejected as rejected:
            yield rejected.column, rejected

    return RowBuilder(build)


BUILDERS = {"waste__facilities": facilities_builder,
            "waste__regional_inventory": inventory_builder}  # fmt: skip
