"""The one path from a stated value to a checked quantity: number → unit → conversion to the
canonical unit → range. Every reader that lands a measure goes through it: the table row
builders (indicator values, water measurements, waste capacities, generating capacity) with
`measure`, and the report extractor (orchestration.extraction.assembly) with `to_canonical`
and `check_range` for a number whose unit it read from prose (the registry's spellings,
extraction.quantities). What a value must be is the registry's case
(orchestration.registry.measures), the same one Great Expectations checks; units and factors
are seeds/units.csv (orchestration.parsing.units).

A step refuses a value with MeasureRefused (its rule: unknown_unit, unit_mismatch or
out_of_range, and why). `measure` turns that into RowRejected naming the column where the
offending text was stated (the value cell, or the unit column or header the unit came from),
with the rules of its own besides: missing_value, a number rule of parsing.numbers,
unit_conflict and missing_unit.
"""

from __future__ import annotations

from dataclasses import dataclass

from orchestration.parsing.errors import RowRejected
from orchestration.parsing.numbers import NotANumber, is_placeholder, parse_quantity
from orchestration.parsing.tables import Cell, SourceRow, column_name
from orchestration.parsing.text import clean_cell
from orchestration.parsing.units import IncompatibleUnits, UnknownUnit, registry
from orchestration.registry.measures import MeasureCase


class MeasureRefused(ValueError):
    """A value the path refuses: `rule` (unknown_unit, unit_mismatch, out_of_range) and why."""

    def __init__(self, rule: str, message: str) -> None:
        super().__init__(message)
        self.rule = rule


def unit_code(unit_text: str) -> str:
    """The code of a unit spelling (seeds/units.csv); refuses one the registry does not know."""
    try:
        return registry().resolve(unit_text).code
    except UnknownUnit:
        raise MeasureRefused(
            "unknown_unit", f"unit {unit_text!r} is not in seeds/units.csv"
        ) from None


def to_canonical(
    value: float, unit: str, case: MeasureCase, what: str, *, yearly: bool = False
) -> float:
    """`value` in `unit` (a unit code) → the case's canonical unit; refuses a code the registry
    does not know (unknown_unit) and a unit of another dimension (unit_mismatch). With
    `yearly`, an amount stated for a yearly rate is one year's amount ('年固碳量3.49亿吨' of a
    t/a measure: 3.49 亿吨 → 3.49 × 10⁸ t/a)."""
    units = registry()
    if not units.has_code(unit):
        raise MeasureRefused("unknown_unit", f"unit code {unit!r} is not in seeds/units.csv")
    try:
        return units.convert(value, unit, case.canonical)
    except IncompatibleUnits as exc:
        stated = units.get(unit)
        rate = units.per_year(stated.base_code) if yearly else None
        if rate is None or units.get(rate).dimension != units.get(case.canonical).dimension:
            raise MeasureRefused("unit_mismatch", f"{what}: {exc}") from None
    return units.convert(units.convert(value, unit, stated.base_code), rate, case.canonical)


def check_range(canonical: float, case: MeasureCase, what: str) -> None:
    """Refuses a value (in the case's canonical unit) outside the case's range (out_of_range),
    naming the range and its basis."""
    low, high = case.low, case.high
    below = low is not None and (canonical <= low if case.exclusive_min else canonical < low)
    if below or (high is not None and canonical > high):
        symbol = registry().get(case.canonical).symbol or case.canonical
        opening = "(" if case.exclusive_min else "["
        lowest = "-∞" if low is None else f"{low:g}"
        highest = "∞" if high is None else f"{high:g}"
        bounds = f"{opening}{lowest}, {highest}]"
        raise MeasureRefused(
            "out_of_range",
            f"{what} = {canonical:g} {symbol} is outside {bounds}"
            f"{f' ({case.basis})' if case.basis else ''}",
        )


@dataclass(frozen=True)
class StatedUnit:
    """The unit a row states for a value outside its cell, and the column it was stated in."""

    text: str
    column: str


def stated_unit(row: SourceRow, cell: Cell | None, unit_field: str | None = "unit") -> StatedUnit:
    """The unit the value's header carries ('浓度(mg/L)'), else the row's unit column (empty
    text when neither states one; unit_field None: the table has no unit column)."""
    if cell is not None and cell.header.unit is not None:
        return StatedUnit(cell.header.unit.code, cell.header.header)
    if unit_field is None:
        return StatedUnit("", "")
    return StatedUnit(row.text(unit_field), column_name(row, unit_field))


@dataclass(frozen=True)
class Measured:
    value_text: str
    value: float  # as reported, in unit_code
    qualifier: str | None
    unit_text: str  # as stated: in the cell, else the header or unit column ('' if silent)
    unit_code: str
    canonical: float  # in the case's canonical unit

    def fields(self) -> dict:
        """The landing columns of a measured value (value_text, value, qualifier, unit_text,
        unit_code), as indicator and water tables name them."""
        return {
            "value_text": self.value_text,
            "value": self.value,
            "qualifier": self.qualifier,
            "unit_text": self.unit_text,
            "unit_code": self.unit_code,
        }


def measure(
    column: str, cell_text: str, case: MeasureCase, stated: StatedUnit, what: str
) -> Measured:
    """Read `cell_text` (in `column`) as a quantity of `what`, in the unit the cell states or
    else `stated`, and check it against `case`. A silent unit is the canonical one only when
    that is dimensionless (an index); otherwise the row is refused."""
    if is_placeholder(cell_text):
        raise RowRejected(
            column, cell_text, "missing_value", f"no value for {what} ({cell_text or 'empty cell'})"
        )
    try:
        quantity = parse_quantity(cell_text)
    except NotANumber as exc:
        raise RowRejected(column, cell_text, exc.rule, str(exc)) from None
    units = registry()
    canonical_unit = units.get(case.canonical)
    if quantity.unit_text and stated.text and not _same_unit(quantity.unit_text, stated.text):
        raise RowRejected(
            column,
            cell_text,
            "unit_conflict",
            f"value says {quantity.unit_text!r} but {stated.column} says {stated.text!r}",
        )
    unit_text = quantity.unit_text or stated.text
    # where the unit was stated, to name in a rejection: the cell itself or the unit's column
    unit_column, unit_value = (
        (column, cell_text) if quantity.unit_text else (stated.column, stated.text)
    )
    if not unit_text and canonical_unit.dimension != "dimensionless":
        raise RowRejected(
            column,
            cell_text,
            "missing_unit",
            f"{what} needs a unit (canonical {canonical_unit.symbol})",
        )
    try:
        code = unit_code(unit_text) if unit_text else case.canonical
        canonical = to_canonical(quantity.value, code, case, what)
    except MeasureRefused as exc:
        raise RowRejected(unit_column, unit_value, exc.rule, str(exc)) from None
    try:
        check_range(canonical, case, what)
    except MeasureRefused as exc:
        raise RowRejected(column, cell_text, exc.rule, str(exc)) from None
    return Measured(
        clean_cell(cell_text), quantity.value, quantity.qualifier, unit_text, code, canonical
    )


def _same_unit(a: str, b: str) -> bool:
    try:
        return registry().resolve(a).code == registry().resolve(b).code
    except UnknownUnit:
        return False
