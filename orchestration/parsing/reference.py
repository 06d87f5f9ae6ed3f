"""Reference lookups shared with dbt: indicators, regions and area scopes.

Each is read from its dbt seed (seeds/indicators.csv, regions.csv, area_scopes.csv), the one
place a new alias is added; dbt builds dim_indicator and dim_region from the same files.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache

from orchestration.parsing.text import clean_cell, match_key
from orchestration.paths import SEEDS_DIR


def read_seed(name: str) -> list[dict[str, str]]:
    with open(SEEDS_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@dataclass(frozen=True)
class Indicator:
    code: str
    name_zh: str
    subject: str
    canonical_unit_code: str
    valid_min: float | None
    valid_max: float | None
    range_basis: str


def _float_or_none(text: str) -> float | None:
    return float(text) if text.strip() else None


class AliasIndex:
    """Exact lookup by normalised alias, and longest-alias search inside a longer text."""

    def __init__(self, aliases: dict[str, str]) -> None:
        self._aliases = aliases
        self._longest_first = sorted(aliases, key=len, reverse=True)

    def get(self, text: str) -> str | None:
        return self._aliases.get(match_key(text))

    def find_in(self, text: str) -> str | None:
        key = match_key(text)
        for alias in self._longest_first:
            if alias in key:
                return self._aliases[alias]
        return None


def alias_index(rows: list[dict[str, str]], code_col: str, name_cols: list[str]) -> AliasIndex:
    aliases: dict[str, str] = {}
    for row in rows:
        spellings = [row[c] for c in name_cols] + row["aliases"].split("|")
        for spelling in filter(None, spellings):
            key = match_key(spelling)
            if aliases.setdefault(key, row[code_col]) != row[code_col]:
                raise ValueError(
                    f"alias {spelling!r} names both {aliases[key]} and {row[code_col]}"
                )
    return AliasIndex(aliases)


class Indicators:
    def __init__(self, rows: list[dict[str, str]]) -> None:
        self.by_code = {
            r["indicator_code"]: Indicator(
                code=r["indicator_code"],
                name_zh=r["name_zh"],
                subject=r["subject"],
                canonical_unit_code=r["canonical_unit_code"],
                valid_min=_float_or_none(r["valid_min"]),
                valid_max=_float_or_none(r["valid_max"]),
                range_basis=r["range_basis"],
            )
            for r in rows
        }
        self.aliases = alias_index(rows, "indicator_code", ["indicator_code", "name_zh"])

    def resolve(self, text: str) -> Indicator | None:
        code = self.aliases.get(text)
        return self.by_code[code] if code else None

    def find_in(self, text: str) -> Indicator | None:
        code = self.aliases.find_in(text)
        return self.by_code[code] if code else None


@dataclass(frozen=True)
class Region:
    code: str
    name_zh: str
    level: str
    parent_code: str


class Regions:
    def __init__(self, rows: list[dict[str, str]]) -> None:
        self.by_code = {
            r["region_code"]: Region(r["region_code"], r["name_zh"], r["level"], r["parent_code"])
            for r in rows
        }
        self.aliases = alias_index(rows, "region_code", ["region_code", "name_zh", "name_en"])

    def resolve(self, text: str) -> Region | None:
        code = self.aliases.get(text)
        return self.by_code[code] if code else None


@dataclass(frozen=True)
class AreaScope:
    code: str
    unit_count: int | None


class AreaScopes:
    """Ordered regex rules: '14个设区市' → prefecture_cities (14); '中心城市(兴义市)' →
    central_city."""

    def __init__(self, rows: list[dict[str, str]]) -> None:
        ordered = sorted(rows, key=lambda r: int(r["priority"]))
        self.rules = [(re.compile(r["pattern"]), r["area_scope_code"]) for r in ordered]

    def resolve(self, text: str) -> AreaScope | None:
        cleaned = clean_cell(text).replace(" ", "")
        for pattern, code in self.rules:
            if pattern.search(cleaned):
                count = re.match(r"(\d+)个?", cleaned)
                return AreaScope(code, int(count[1]) if count else None)
        return None


@cache
def indicators() -> Indicators:
    return Indicators(read_seed("indicators.csv"))


@cache
def regions() -> Regions:
    return Regions(read_seed("regions.csv"))


@cache
def area_scopes() -> AreaScopes:
    return AreaScopes(read_seed("area_scopes.csv"))


@cache
def document_kinds() -> dict[str, bool]:
    """document_kind → whether documents of that kind state targets (seeds/document_kinds.csv)."""
    return {
        row["document_kind"]: row["states_targets"].strip().lower() == "true"
        for row in read_seed("document_kinds.csv")
    }
