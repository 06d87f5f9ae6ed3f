"""Extraction rules written on the eighth blind set's development half (tests/gold/unseen8/dev:
096, 099, 100, 102, 104, 107), before its test half was measured; each test uses other places
and numbers than the gold documents and fails without its rule."""

from __future__ import annotations

from orchestration.extraction.extractor import extract


def test_a_quarterly_release_names_its_quarter_by_the_quarters_code() -> None:
    """Written on the eighth set's development half (107): a quarter a release's paragraph names
    ('2020年第四季度,…') is its figures' period under the quarter's own code, as the manifest's
    period is parsed (2020-Q4), not as its months."""
    text = "2020年第四季度,全省功能区噪声监测点位中的143个开展了监测。"
    facts = extract(text, "430000", 2020, period_code="2020-Q4").facts
    assert [(f.value, f.period) for f in facts] == [(143.0, "2020-Q4")]
