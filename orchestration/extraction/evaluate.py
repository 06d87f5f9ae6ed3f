"""Precision and recall of the extractor against hand-labelled gold files (tests/gold/*.csv).

A fact counts as found when indicator, value, unit, kind and period all match a gold fact that
no other extracted fact has claimed (each gold fact is found at most once).
"""

from __future__ import annotations

import csv
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from orchestration.extraction.extractor import Fact

GOLD_COLUMNS = ("indicator_code", "kind", "value", "unit", "period")


@dataclass(frozen=True)
class Key:
    indicator_code: str
    kind: str
    value: float
    unit: str
    period: str

    def matches(self, other: Key) -> bool:
        return (
            (self.indicator_code, self.kind, self.unit, self.period)
            == (other.indicator_code, other.kind, other.unit, other.period)
            and math.isclose(self.value, other.value, rel_tol=1e-9, abs_tol=1e-9)
        )  # fmt: skip


@dataclass
class Score:
    document: str
    gold: int = 0
    extracted: int = 0
    found: int = 0
    missed: list[Key] = field(default_factory=list)
    spurious: list[Key] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.found / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0


def fact_key(fact: Fact) -> Key:
    return Key(fact.indicator_code, fact.kind, fact.value, fact.unit, fact.period)


def read_gold(path: Path) -> list[Key]:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    missing = set(GOLD_COLUMNS) - set(rows[0] if rows else GOLD_COLUMNS)
    if missing:
        raise ValueError(f"{path}: gold file lacks columns {sorted(missing)}")
    return [Key(r["indicator_code"], r["kind"], float(r["value"]), r["unit"], r["period"])
            for r in rows]  # fmt: skip


def score(document: str, gold: list[Key], extracted: Iterable[Key]) -> Score:
    result = Score(document, gold=len(gold))
    open_gold = list(gold)
    for key in extracted:
        result.extracted += 1
        hit = next((g for g in open_gold if g.matches(key)), None)
        if hit is None:
            result.spurious.append(key)
        else:
            open_gold.remove(hit)
            result.found += 1
    result.missed = open_gold
    return result


def evaluate(gold_dir: Path, extract_document: Callable[[str], list[Fact]]) -> list[Score]:
    """One score per gold file; `extract_document(stem)` extracts the document of that stem."""
    scores = []
    for path in sorted(gold_dir.glob("*.csv")):
        facts = extract_document(path.stem)
        scores.append(score(path.stem, read_gold(path), (fact_key(f) for f in facts)))
    return scores


def overall(scores: list[Score]) -> Score:
    total = Score("overall")
    for s in scores:
        total.gold += s.gold
        total.extracted += s.extracted
        total.found += s.found
    return total
