"""Precision, recall and the wrong-indicator rate of the extractor against hand-labelled gold
files: the seed set (tests/gold/*.csv) and the unseen set's two halves (tests/gold/unseen/dev,
tests/gold/unseen/test).

A fact counts as found when indicator, kind, value, unit and period (the same interval, whichever
code names it: 2020-Q4 is 2020-10..2020-12) match a gold fact that no other extracted fact has
claimed (each gold fact is found at most once) — and the region too when the gold file has a
`region_code` column. Values are compared in the unit registry's base
unit, so 149.32万公顷 and 1493200 ha are one value. A gold row without an indicator code (open
vocabulary: only `indicator_name`) matches an extracted fact without one. An extracted fact that
matches no gold fact but has the kind, value, unit, period and region of a gold fact is either
*unmapped* — it claims no code where the gold has one: the extractor kept the number without
guessing its indicator, a miss but no wrong claim — or a *wrong indicator* — it claims a code
other than the gold's, or a code where the gold has none (it borrowed an indicator): the error
that costs users most. Both count against precision (the fact is not right) as before.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from orchestration.extraction.facts import Fact
from orchestration.parsing.periods import parse_period
from orchestration.parsing.units import registry

GOLD_COLUMNS = ("indicator_code", "kind", "value", "unit", "period")
HALVES = ("dev", "test")


@dataclass(frozen=True)
class Key:
    indicator_code: str  # "" for an open-vocabulary fact (a name no lexicon entry claims)
    kind: str
    value: float
    unit: str
    period: str
    region_code: str | None = None  # None: the gold file does not say, so it is not compared

    def same_figure(self, other: Key) -> bool:
        """Value (in a common unit), unit dimension, period and region agree."""
        regions = (
            self.region_code is None
            or other.region_code is None
            or (self.region_code == other.region_code)
        )
        return regions and _same_period(self.period, other.period) and _same_value(self, other)

    def matches(self, other: Key) -> bool:
        return (
            self.indicator_code == other.indicator_code
            and self.kind == other.kind
            and self.same_figure(other)
        )


def _same_period(a: str, b: str) -> bool:
    """One period, whichever code names it: a quarter and its months ('2020-Q4' and
    '2020-10..2020-12') are the same interval."""
    return a == b or (_interval(a) is not None and _interval(a) == _interval(b))


@cache
def _interval(code: str) -> tuple[date, date] | None:
    try:
        period = parse_period(code)
    except ValueError:
        return None
    return period.start, period.end


def _base(value: float, unit: str) -> tuple[str, float]:
    """(dimension, value in the base unit); units outside the registry (rank) stay as they are."""
    try:
        known = registry().get(unit)
    except KeyError:
        return unit, value
    return known.dimension, value * known.factor_to_base


def _same_value(a: Key, b: Key) -> bool:
    (dim_a, value_a), (dim_b, value_b) = _base(a.value, a.unit), _base(b.value, b.unit)
    return dim_a == dim_b and math.isclose(value_a, value_b, rel_tol=1e-9, abs_tol=1e-9)


@dataclass
class Score:
    document: str
    gold: int = 0
    extracted: int = 0
    found: int = 0
    wrong_indicator: int = 0
    unmapped: int = 0
    missed: list[Key] = field(default_factory=list)
    spurious: list[Key] = field(default_factory=list)
    wrong: list[Key] = field(default_factory=list)
    unmapped_keys: list[Key] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.found / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def wrong_indicator_rate(self) -> float:
        return self.wrong_indicator / self.extracted if self.extracted else 0.0

    @property
    def unmapped_rate(self) -> float:
        return self.unmapped / self.extracted if self.extracted else 0.0


def fact_key(fact: Fact, with_region: bool = True) -> Key:
    return Key(fact.indicator_code or "", fact.kind, fact.value, fact.unit, fact.period,
               fact.region_code if with_region else None)  # fmt: skip


def read_gold(path: Path) -> list[Key]:
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
        columns = reader.fieldnames or []
    missing = set(GOLD_COLUMNS) - set(columns)
    if missing:
        raise ValueError(f"{path}: gold file lacks columns {sorted(missing)}")
    with_region = "region_code" in columns
    keys = []
    for number, row in enumerate(rows, start=2):
        if not row["indicator_code"] and not row.get("indicator_name"):
            raise ValueError(f"{path}: line {number}: neither indicator_code nor indicator_name")
        try:
            value = float(row["value"])
        except ValueError:
            raise ValueError(
                f"{path}: line {number}: value {row['value']!r} is not a number"
            ) from None
        keys.append(Key(row["indicator_code"], row["kind"], value, row["unit"], row["period"],
                        (row["region_code"] or "") if with_region else None))  # fmt: skip
    return keys


def has_regions(path: Path) -> bool:
    with open(path, encoding="utf-8", newline="") as handle:
        return "region_code" in next(csv.reader(handle), [])


def score(document: str, gold: list[Key], extracted: Iterable[Key]) -> Score:
    result = Score(document, gold=len(gold))
    open_gold = list(gold)
    for key in extracted:
        result.extracted += 1
        hit = next((g for g in open_gold if g.matches(key)), None)
        if hit is not None:
            open_gold.remove(hit)
            result.found += 1
            continue
        result.spurious.append(key)
        others = [g for g in gold
                  if g.same_figure(key) and g.kind == key.kind
                  and g.indicator_code != key.indicator_code]  # fmt: skip
        if not others:
            continue
        if key.indicator_code:
            result.wrong_indicator += 1
            result.wrong.append(key)
        else:
            result.unmapped += 1
            result.unmapped_keys.append(key)
    result.missed = open_gold
    return result


def evaluate(gold_dir: Path, extract_document: Callable[[str], list[Fact]]) -> list[Score]:
    """One score per gold file of gold_dir; `extract_document(stem)` extracts that document."""
    scores = []
    for path in sorted(gold_dir.glob("*.csv")):
        facts = extract_document(path.stem)
        with_region = has_regions(path)
        keys = (fact_key(f, with_region) for f in facts)
        scores.append(score(path.stem, read_gold(path), keys))
    return scores


def gold_sets(gold_dir: Path, halves: Iterable[str]) -> list[tuple[str, Path]]:
    """(label, folder) of each set under gold_dir: its halves when it has dev/ and test/
    folders (only those asked for), else the folder itself, labelled 'seed' (the gold files of
    the documents the extractor was built from)."""
    if all((gold_dir / half).is_dir() for half in HALVES):
        return [(half, gold_dir / half) for half in halves]
    return [("seed", gold_dir)]


def overall(scores: list[Score], label: str = "overall") -> Score:
    total = Score(label)
    for s in scores:
        total.gold += s.gold
        total.extracted += s.extracted
        total.found += s.found
        total.wrong_indicator += s.wrong_indicator
        total.unmapped += s.unmapped
    return total
