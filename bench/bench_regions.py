"""Region resolution benchmark: lookups per second and prose scanned per second.

Prints figures; asserts nothing. Run: `.venv/bin/python bench/bench_regions.py`
(BENCH_LOOKUPS, BENCH_TEXT_REPEAT scale it down; the test suite runs it once, small).

- index load: building the name index from the seeds (once per process)
- lookup, uncached: `Regions._lookup` for every name of every division in force, each in a
  year and a province (what a row costs the first time its name is seen)
- lookup, cached: `Regions.lookup` of the same names again (every later row)
- prose: `find_regions` over the shipped report texts (what the extractor does per document)
"""

from __future__ import annotations

import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(lookups: int, text_repeat: int) -> dict[str, float]:
    from orchestration.extraction.document import find_regions
    from orchestration.parsing import reference
    from orchestration.parsing.text import fold

    reference.regions.cache_clear()
    start = time.perf_counter()
    index = reference.regions()
    figures = {"index load s": time.perf_counter() - start}
    names = [(r.name_zh, r.province_code) for r in index.by_code.values() if r.valid_to is None]
    names = (names * (lookups // len(names) + 1))[:lookups]
    start = time.perf_counter()
    for n, (name, province) in enumerate(names):
        index._lookup(name, 2010 + n % 15, province)
    figures["uncached lookups/s"] = len(names) / (time.perf_counter() - start)
    for name, province in names:
        index.lookup(name, 2020, province)
    start = time.perf_counter()
    for name, province in names:
        index.lookup(name, 2020, province)
    figures["cached lookups/s"] = len(names) / (time.perf_counter() - start)
    text = "".join(
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "raw/reports").glob("*.txt"))
    )
    folded = fold(text * text_repeat).text
    start = time.perf_counter()
    find_regions(folded, 2023, "450000")
    figures["prose chars/s"] = len(folded) / (time.perf_counter() - start)
    return figures


def main() -> None:
    lookups = int(os.environ.get("BENCH_LOOKUPS", "20000"))
    repeat = int(os.environ.get("BENCH_TEXT_REPEAT", "5"))
    figures = run(lookups, repeat)
    print(f"region resolution benchmark ({lookups} lookups, reports × {repeat}):")
    for name, value in figures.items():
        print(f"  {name:<20} {value:12,.2f}")


if __name__ == "__main__":
    main()
