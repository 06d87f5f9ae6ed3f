"""The one Python reader of dbt seeds (dbt_project/seeds/*.csv, which dbt loads too).

What belongs here: reading a seed's rows, nothing that interprets them. A seed that is generated
(seeds/indicators.csv, written by `envwh registry generate` from the indicator catalogue) is read
from its source, never from the file, so Python and a stale file cannot disagree. Imports only
orchestration.paths at import time, so any module may use it without an import cycle.
"""

from __future__ import annotations

import csv

from orchestration.paths import SEEDS_DIR


def _indicator_rows() -> list[dict[str, str]]:
    from orchestration.registry.catalogue import catalogue

    return list(catalogue().seed_rows())


# generated seed → the function that gives its rows from its source
_GENERATED = {"indicators.csv": _indicator_rows}


def read_seed(name: str) -> list[dict[str, str]]:
    """The rows of dbt_project/seeds/<name>, as dicts of strings."""
    if name in _GENERATED:
        return _GENERATED[name]()
    with open(SEEDS_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
