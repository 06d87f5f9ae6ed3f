"""Declarations that keep the marts from misleading: every mart has a declared minimum row count,
every bi view declares its grain (a unique_key test: unique, never null) and speaks 中文 and
English."""

from __future__ import annotations

import re

import yaml

from orchestration.paths import DBT_PROJECT_DIR

MIN_ROWS_TEST = DBT_PROJECT_DIR / "tests" / "assert_marts_have_rows.sql"
BI_YAML = DBT_PROJECT_DIR / "models" / "bi" / "_bi__models.yml"
CJK = re.compile(r"[\u4e00-\u9fff]")


def test_every_mart_declares_its_minimum_row_count() -> None:
    declared = set(re.findall(r"'(\w+)': \d+", MIN_ROWS_TEST.read_text(encoding="utf-8")))
    marts = {p.stem for p in (DBT_PROJECT_DIR / "models" / "marts").glob("*.sql")}
    assert marts - declared == set(), "add the mart to tests/assert_marts_have_rows.sql"
    assert declared - marts == set()


def test_every_bi_view_declares_its_grain_rows_and_two_languages() -> None:
    spec = yaml.safe_load(BI_YAML.read_text(encoding="utf-8"))
    views = {p.stem for p in (DBT_PROJECT_DIR / "models" / "bi").glob("*.sql")}
    assert {m["name"] for m in spec["models"]} == views
    for model in spec["models"]:
        tests = {next(iter(t)): t[next(iter(t))]["arguments"] for t in model["data_tests"]}
        grain = tests["unique_key"]["columns"]  # unique and never null
        names = [c["name"] for c in model["columns"]]
        assert set(grain) <= set(names), model["name"]
        assert tests["row_count_between"]["min_rows"] >= 1
        assert "one row per" in model["description"], model["name"]
        for text in [model["description"]] + [c["description"] for c in model["columns"]]:
            assert CJK.search(text) and " / " in text, (model["name"], text)
        for column in model["columns"]:
            if column["name"].endswith("_date"):
                assert column["data_type"] == "date", (model["name"], column["name"])
