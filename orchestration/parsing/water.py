"""Water sections: class strings (Ⅰ…Ⅴ, 劣Ⅴ, 劣于Ⅲ类, Ⅱ~Ⅲ类), main-pollutant lists, section types
and control levels, and the builders of water__section_assessments and water__measurements.

Class ordinals: 1–5 for Ⅰ–Ⅴ, 6 for 劣Ⅴ. A class "worse than Ⅲ" is an upper bound, kept as the
range 4–6; "Ⅱ~Ⅲ类" is the range 2–3.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
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
from orchestration.parsing.periods import Period
from orchestration.parsing.reference import AliasIndex, alias_index
from orchestration.parsing.tables import FileContext, RowBuilder, SourceRow, column_name
from orchestration.parsing.text import clean_cell
from orchestration.registry.measures import measure_case
from orchestration.seeds import read_seed

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}
_ONE = r"(?:V|IV|III|II|I|[1-5])"
TABLE_MEASUREMENTS = "water__measurements"
LABELS = {1: "Ⅰ类", 2: "Ⅱ类", 3: "Ⅲ类", 4: "Ⅳ类", 5: "Ⅴ类", 6: "劣Ⅴ类"}


@dataclass(frozen=True)
class WaterClass:
    ordinal: int | None  # exact class, or None for a bound or range
    minimum: int
    maximum: int
    kind: str  # exact | worse_than | range

    @property
    def label(self) -> str:
        if self.kind == "exact":
            return LABELS[self.minimum]
        if self.kind == "worse_than":
            return f"劣于{LABELS[self.minimum - 1]}"
        return f"{LABELS[self.minimum][:-1]}~{LABELS[self.maximum]}"


class BadClass(ValueError):
    """A class string we cannot read."""


def _ordinal(token: str) -> int:
    return int(token) if token.isdigit() else _ROMAN[token]


def parse_class(text: str) -> WaterClass:
    """'Ⅲ', 'III类', '3', '劣Ⅴ', '劣V类' (6), '劣于Ⅲ类' (4–6), 'Ⅱ~Ⅲ类' (2–3)."""
    t = unicodedata.normalize("NFKC", clean_cell(text)).upper().replace(" ", "")
    t = t.removesuffix("类").removesuffix("水质").removesuffix("类")
    if re.fullmatch(r"劣V|劣5|劣五", t):
        return WaterClass(6, 6, 6, "exact")
    if match := re.fullmatch(rf"(?:劣于|差于|低于|超)({_ONE})类?", t):
        bound = _ordinal(match[1])
        return WaterClass(None, bound + 1, 6, "worse_than")
    if match := re.fullmatch(rf"({_ONE})类?[~\-～至到]({_ONE})", t):
        low, high = sorted((_ordinal(match[1]), _ordinal(match[2])))
        return (
            WaterClass(None, low, high, "range")
            if low != high
            else WaterClass(low, low, low, "exact")
        )
    if re.fullmatch(_ONE, t):
        value = _ordinal(t)
        return WaterClass(value, value, value, "exact")
    raise BadClass(f"cannot read water class {text!r}; expected Ⅰ–Ⅴ, 劣Ⅴ, 劣于Ⅲ类 or Ⅱ~Ⅲ类")


@cache
def parameters() -> tuple[AliasIndex, dict[str, dict[str, str]]]:
    rows = read_seed("water_parameters.csv")
    index = alias_index(rows, "parameter_code", ["parameter_code", "name_zh", "name_en"])
    return index, {r["parameter_code"]: r for r in rows}


@cache
def _rules(name: str, code_column: str) -> list[tuple[re.Pattern[str], str]]:
    rows = sorted(read_seed(name), key=lambda r: int(r["priority"]))
    return [(re.compile(r["pattern"]), r[code_column]) for r in rows]


def classify(text: str, seed: str, code_column: str) -> str:
    cleaned = clean_cell(text)
    return next(code for pattern, code in _rules(seed, code_column) if pattern.search(cleaned))


def split_pollutants(text: str) -> list[str]:
    """'总磷、氨氮和五日生化需氧量' → ['总磷', '氨氮', '五日生化需氧量']."""
    if is_placeholder(text):
        return []
    return [p for p in re.split(r"[、,，;；/]|和|及|与", clean_cell(text)) if p.strip()]


def _class(row: SourceRow, column: str, required: bool) -> WaterClass | None:
    text = row.text(column)
    if is_placeholder(text):
        if required:
            raise RowRejected(
                column_name(row, column),
                text,
                "missing_class",
                "an assessment needs the measured class",
            )
        return None
    try:
        return parse_class(text)
    except BadClass as exc:
        raise RowRejected(column_name(row, column), text, "unknown_class", str(exc)) from None


def parameter_code(row: SourceRow, column: str, name: str) -> str:
    code = parameters()[0].get(name)
    if code is None:
        raise RowRejected(column_name(row, column), name, "unknown_parameter",
                          "not in seeds/water_parameters.csv (name or alias)")  # fmt: skip
    return code


def _pollutant_codes(row: SourceRow) -> list[str]:
    return [parameter_code(row, "main_pollutants", name)
            for name in split_pollutants(row.text("main_pollutants"))]  # fmt: skip


def _section(row: SourceRow, context: FileContext, period: Period) -> dict:
    province_text = row.text("province") or context.province
    region_text = row.text("region") or province_text
    column = "region" if row.text("region") else "province"
    region = resolve_region(row, column, region_text, period.start, province_text)
    region_in_province(row, column, region)
    attribute = row.text("section_attribute")
    described = " ".join(filter(None, [attribute, row.text("water_body"), row.text("section")]))
    return {
        "province_text": row.text("province") or context.province, "region_text": region_text,
        "region_code": region.code, "basin_text": row.text("basin") or None,
        "water_body": row.text("water_body"), "section_name": row.text("section"),
        "section_attribute": attribute or None,
        "section_type_code": classify(described, "water_section_types.csv", "section_type_code"),
        "control_level_code": classify(attribute, "water_control_levels.csv",
                                       "control_level_code"),
    }  # fmt: skip


def assessments_builder(context: FileContext) -> RowBuilder:
    """Landing records of water__section_assessments: one section's class for one period."""

    def build(row: SourceRow) -> Outcome:
        column = column_name(row, "measured_class")
        try:
            measured = _class(row, "measured_class", required=True)
            target = _class(row, "target_class", required=False)
            period = resolve_period(row)
            yield column, {
                **_section(row, context, period),
                "period_text": row.text("period"), **period_fields(period),
                "class_text": row.text("measured_class"), "class_ordinal": measured.ordinal,
                "class_min": measured.minimum, "class_max": measured.maximum,
                "class_kind": measured.kind, "class_label": measured.label,
                "target_class_text": row.text("target_class") or None,
                "target_class_ordinal": target.maximum if target else None,
                "main_pollutants_text": row.text("main_pollutants") or None,
                "main_pollutant_codes": ",".join(_pollutant_codes(row)) or None,
                "quote": row.text("quote") or None,
            }  # fmt: skip
        except RowRejected as rejected:
            yield rejected.column, rejected

    return RowBuilder(build)


def measurements_builder(context: FileContext) -> RowBuilder:
    """Landing records of water__measurements: one parameter's value at a section for a period,
    in a unit of the parameter's dimension (μg/L is converted by the unit registry in dbt)."""

    def build(row: SourceRow) -> Outcome:
        column = column_name(row, "value")
        try:
            parameter_text = row.text("parameter")
            code = parameter_code(row, "parameter", parameter_text)
            case = measure_case(TABLE_MEASUREMENTS, "value", code)
            assert case is not None, code  # the parameter seed is the measure's catalogue
            value_cell = row.cells.get("value")
            measured = measure(column, value_cell.text if value_cell else "", case,
                               stated_unit(row, value_cell), code)  # fmt: skip
            period = resolve_period(row)
            yield column, {
                **_section(row, context, period), "period_text": row.text("period"),
                **period_fields(period),
                "parameter_text": parameter_text, "parameter_code": code,
                **measured.fields(), "unit_text": measured.unit_text or None,
            }  # fmt: skip
        except RowRejected as rejected:
            yield rejected.column, rejected

    return RowBuilder(build)


BUILDERS = {"water__section_assessments": assessments_builder,
            "water__measurements": measurements_builder}  # fmt: skip
