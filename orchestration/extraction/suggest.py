"""Candidates for the lexicon: the names most often stated with a number no indicator claimed.

Reads extractions (envwh extract --suggest runs it over raw/reports/): every open-vocabulary
fact (a clearly named figure without a code) and every unmapped number that states a name of its
own counts for its name. A name said in many documents is the first to add to the indicator
catalogue (orchestration/registry/indicators/*.yml: prose_aliases) — with its spelling as the
documents write it, under the indicator code it means.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from orchestration.extraction.facts import Extraction


@dataclass(frozen=True)
class Suggestion:
    name: str
    documents: int  # how many documents state it
    mentions: int  # how many numbers it names, in all
    units: str  # the units it is stated in, '|'-separated
    example: str  # the quote of its first mention


def suggest(extractions: Mapping[str, Extraction]) -> list[Suggestion]:
    """Unclaimed names, the most widely used first (documents, then mentions, then name)."""
    seen: dict[str, dict[str, object]] = {}
    for document, extraction in extractions.items():
        named = [(f.indicator_name_zh, f.unit, f.quote) for f in extraction.facts
                 if not f.indicator_code]  # fmt: skip
        named += [(u.name, u.unit, u.quote) for u in extraction.unmapped if u.name]
        for name, unit, quote in named:
            entry = seen.setdefault(name, {"documents": set(), "mentions": 0, "units": set(),
                                           "example": quote})  # fmt: skip
            entry["documents"].add(document)  # type: ignore[union-attr]
            entry["mentions"] += 1  # type: ignore[operator]
            if unit:
                entry["units"].add(unit)  # type: ignore[union-attr]
    rows = [
        Suggestion(name, len(e["documents"]), int(e["mentions"]),  # type: ignore[arg-type]
                   "|".join(sorted(e["units"])), str(e["example"]))  # type: ignore[arg-type]
        for name, e in seen.items()
    ]  # fmt: skip
    return sorted(rows, key=lambda r: (-r.documents, -r.mentions, r.name))
