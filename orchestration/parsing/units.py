"""The unit registry: every unit spelling we accept, and how to convert between units.

Its single source is the dbt seed `seeds/units.csv`, which dbt also loads as `dim_unit`, so the
parser and the warehouse cannot disagree about what a unit means.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from orchestration.parsing.text import match_key
from orchestration.seeds import read_seed

_PER_YEAR = "_per_year"  # the code of a yearly rate is its amount's code and this


@dataclass(frozen=True)
class Unit:
    code: str
    symbol: str
    dimension: str
    factor_to_base: float
    base_code: str  # the unit of its dimension the factor is stated against


class UnknownUnit(KeyError):
    """A unit spelling that is not in seeds/units.csv."""


class IncompatibleUnits(ValueError):
    """Two units of different dimensions (e.g. % and µg/m³)."""


class UnitRegistry:
    """Lookup by any alias (normalised with match_key) and conversion by dimension factors."""

    def __init__(self, units: list[Unit], aliases: dict[str, str]) -> None:
        self._by_code = {u.code: u for u in units}
        self._by_alias = aliases

    @classmethod
    def from_seed(cls) -> UnitRegistry:
        units, aliases = [], {}
        for row in read_seed("units.csv"):
            unit = Unit(
                code=row["unit_code"],
                symbol=row["symbol"],
                dimension=row["dimension"],
                factor_to_base=float(row["factor_to_base"]),
                base_code=row["base_unit_code"],
            )
            units.append(unit)
            for alias in [row["unit_code"], *row["aliases"].split("|")]:
                if alias:
                    aliases[match_key(alias)] = unit.code
        return cls(units, aliases)

    def knows(self, text: str) -> bool:
        return match_key(text) in self._by_alias

    def has_code(self, code: str) -> bool:
        return code in self._by_code

    def get(self, code: str) -> Unit:
        return self._by_code[code]

    def resolve(self, text: str) -> Unit:
        """The unit a spelling means; raises UnknownUnit naming the spelling."""
        code = self._by_alias.get(match_key(text))
        if code is None:
            raise UnknownUnit(text)
        return self._by_code[code]

    def convert(self, value: float, from_code: str, to_code: str) -> float:
        source, target = self._by_code[from_code], self._by_code[to_code]
        if source.dimension != target.dimension:
            raise IncompatibleUnits(
                f"{source.symbol or source.code} ({source.dimension}) cannot be converted to "
                f"{target.symbol or target.code} ({target.dimension})"
            )
        return value * source.factor_to_base / target.factor_to_base

    def of_dimension(self, dimension: str) -> tuple[str, ...]:
        """The codes of a dimension's units, in the seed's order."""
        return tuple(u.code for u in self._by_code.values() if u.dimension == dimension)

    def per_year(self, code: str) -> str | None:
        """The rate unit of one year's amount of `code` (万吨 kt10 → 万吨/年 kt10_per_year), or
        None when the registry has none."""
        per_year = f"{code}{_PER_YEAR}"
        return per_year if per_year in self._by_code else None

    @staticmethod
    def is_yearly(code: str) -> bool:
        """A rate per year (t/a, 万吨/年, tCO2e/a): its code ends in _per_year."""
        return code.endswith(_PER_YEAR)

    @property
    def spellings(self) -> list[str]:
        return sorted(self._by_alias)


@cache
def registry() -> UnitRegistry:
    """The project's registry, read once per process."""
    return UnitRegistry.from_seed()
