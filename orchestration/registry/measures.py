"""What each registered measure allows: per code of its catalogue (an indicator, a water
parameter, a facility type …) or for the whole column, the canonical unit, the units of its
dimension and the range, stated in the canonical unit, with the range's basis.

Read from the `measure:` (and `range:`) entries of orchestration/registry/landing/*.yml and the
seeds they name (units and their dimensions: the unit registry, orchestration.parsing.units),
and for a figure of report prose from its indicator's catalogue entry
(`indicator_case`: the case a table measure `per: indicator_code` gives the same code). The
parsers (orchestration.parsing.measures quarantines a value outside its case), the report
extractor (which leaves such a number unmapped, with the reason) and the Great Expectations
expectations (orchestration.registry.generate) use these cases, so they cannot disagree about
a unit or a bound.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from orchestration.parsing.units import registry
from orchestration.registry import Column, LandingTable, landing_tables
from orchestration.registry.catalogue import Indicator
from orchestration.seeds import read_seed


@cache
def seed_rows(name: str) -> tuple[dict[str, str], ...]:
    """A seed's rows, read once per process."""
    return tuple(read_seed(name))


def _number(text: str | None) -> float | None:
    return float(text) if text not in (None, "") else None


@dataclass(frozen=True)
class MeasureCase:
    """What one code (an indicator, a facility type …) or the whole column allows."""

    code: str | None  # None: one case for every row
    canonical: str  # unit code the bounds are stated in
    units: tuple[str, ...]  # allowed reported units: the canonical unit's dimension
    low: float | None
    high: float | None
    basis: str
    exclusive_min: bool = False


def measure_cases(table: LandingTable, column: Column) -> list[MeasureCase]:
    """One case per catalogue row of the measure (restricted to the coded column's vocabulary),
    or one case when the measure has a fixed dimension."""
    measure = column.measure
    assert measure is not None
    if measure.per is None:
        if measure.dimension is None:
            raise ValueError(f"{table.name}.{column.name}: a measure needs per or dimension")
        base = next(c for c in registry().of_dimension(measure.dimension)
                    if registry().get(c).base_code == c)  # fmt: skip
        canonical = measure.canonical_unit or base
        return [MeasureCase(None, canonical, allowed_units(canonical), measure.min, measure.max,
                            measure.basis or "", measure.exclusive_min)]  # fmt: skip
    per = table.column(measure.per)
    allowed = _vocabulary_codes(per) if per.vocabulary else None
    cases = []
    for row in seed_rows(measure.catalogue or ""):
        code = row[measure.per]
        if allowed is not None and code not in allowed:
            continue
        canonical = measure.canonical_unit or row[measure.canonical_unit_column or ""]
        low = _number(row[measure.min_column]) if measure.min_column else measure.min
        high = _number(row[measure.max_column]) if measure.max_column else measure.max
        basis = (row.get("range_basis") or row.get("plausible_max_basis")
                 or row.get("ceiling_basis") or measure.basis or "")  # fmt: skip
        cases.append(MeasureCase(code, canonical, allowed_units(canonical), low, high, basis,
                                 measure.exclusive_min))  # fmt: skip
    return cases


@cache
def _cases_by_code(table_name: str, column_name: str) -> dict[str | None, MeasureCase]:
    table = landing_tables()[table_name]
    return {case.code: case for case in measure_cases(table, table.column(column_name))}


def measure_case(table_name: str, column_name: str, code: str | None = None) -> MeasureCase | None:
    """The case of `code` for the measure `table_name`.`column_name` (the only case of a measure
    with a fixed dimension, whatever the code); None when the code is outside the measure's
    vocabulary."""
    cases = _cases_by_code(table_name, column_name)
    return cases[None] if None in cases else cases.get(code)


@cache
def range_case(table_name: str, column_name: str, unit_code: str) -> MeasureCase:
    """A plain `range:` column whose value is stated in `unit_code` (the unit its name carries,
    generating_capacity_mw → mw), as a case of one code."""
    bounds = landing_tables()[table_name].column(column_name).range or {}
    return MeasureCase(None, unit_code, allowed_units(unit_code), bounds.get("min"),
                       bounds.get("max"), bounds.get("basis", ""),
                       bool(bounds.get("exclusive_min")))  # fmt: skip


def indicator_case(indicator: Indicator) -> MeasureCase:
    """What a figure of `indicator` allows: its canonical unit, the units of that dimension and
    its catalogue range (orchestration/registry/indicators)."""
    canonical = indicator.canonical_unit_code
    return MeasureCase(indicator.code, canonical, allowed_units(canonical), indicator.valid_min,
                       indicator.valid_max, indicator.range_basis)  # fmt: skip


def _vocabulary_codes(column: Column) -> set[str]:
    """The codes of a vocabulary, applying a simple `<column> = '<value>'` filter."""
    vocabulary = column.vocabulary
    assert vocabulary is not None
    rows = seed_rows(vocabulary.seed)
    if vocabulary.where:
        key, _, value = vocabulary.where.partition("=")
        rows = tuple(r for r in rows if r[key.strip()] == value.strip().strip("'"))
    return {r[vocabulary.column] for r in rows}


def allowed_units(canonical: str) -> tuple[str, ...]:
    """The units a value measured in `canonical` may be reported in: its dimension's."""
    units = registry()
    return units.of_dimension(units.get(canonical).dimension)
