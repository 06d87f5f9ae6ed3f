"""What the extraction unit tests compare: the facts of a sentence written for a test, each as
(indicator code, or '~' + the stated name of an open-vocabulary figure; kind; value)."""

from __future__ import annotations

from orchestration.extraction.extractor import extract


def named_facts(text: str, *, province: str, year: int) -> list[tuple[str, str, float]]:
    return [(f.indicator_code or "~" + f.indicator_name_zh, f.kind, f.value)
            for f in extract(text, province=province, year=year).facts]  # fmt: skip
