"""maps/cues.yml is the one place of the extractor's words: its subsets and its grammar are read
from the file (a changed file changes them), and a subset without `applies_to` is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from orchestration.extraction.cues import CUES_PATH, Cues


def _with(tmp_path: Path, change) -> Path:
    spec = yaml.safe_load(CUES_PATH.read_text(encoding="utf-8"))
    change(spec)
    path = tmp_path / "cues.yml"
    path.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    return path


def test_the_grammar_words_come_from_the_file(tmp_path: Path) -> None:
    shipped = Cues.load()
    assert shipped.grammar.list_joins == ("、", "和", "及", "与")
    assert shipped.grammar.respectively == "分别"
    assert "" in shipped.grammar.unitless_glue

    def change(spec: dict) -> None:
        spec["grammar"]["list_joins"] = ["、", "和", "以及"]
        spec["grammar"]["respectively"] = "各自"

    changed = Cues.load(_with(tmp_path, change))
    assert changed.grammar.list_joins == ("、", "和", "以及")
    assert changed.grammar.respectively == "各自"


def test_a_subset_reads_its_words_patterns_and_scope(tmp_path: Path) -> None:
    subsets = {s.name: s for s in Cues.load().subsets}
    rivers, dust = subsets["major_rivers"], subsets["sand_dust"]
    assert rivers.last_end("全省主要河流监测断面") == len("全省主要河流")
    assert rivers.last_end("额尔古纳河流域") == -1  # a basin, not rivers
    assert rivers.concerns("water_sections_good_ratio", "water")
    assert not rivers.concerns("pm2_5", "air")
    assert dust.kept_in_scope and not rivers.kept_in_scope


def test_a_subset_without_applies_to_is_refused(tmp_path: Path) -> None:
    def change(spec: dict) -> None:
        del spec["subsets"]["rural"]["applies_to"]

    with pytest.raises(KeyError, match="applies_to"):
        Cues.load(_with(tmp_path, change))
