"""The indicator catalogue: one entry per indicator, one reader, one normaliser, and the seed
dbt reads generated from it."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from orchestration.extraction.extractor import extract
from orchestration.extraction.lexicon import Lexicon, lexicon
from orchestration.parsing.reference import indicators
from orchestration.parsing.text import fold, match_key
from orchestration.quality.suites import SuiteFile, load_suites
from orchestration.quality.validate import run_suites
from orchestration.registry import landing_tables
from orchestration.registry.catalogue import Catalogue, CatalogueError, catalogue
from orchestration.registry.generate import (
    INDICATORS_SEED_PATH,
    indicators_seed,
    measure_cases,
    registry_suites,
)
from orchestration.seeds import read_seed

ENTRY = "  - {code: x_one, name_zh: 甲, name_en: one, unit: pct, higher_is_better: true, "
RANGE = "range: {min: 0, max: 100, basis: a share}"


def _load(tmp_path: Path, *entries: str, subject: str = "air") -> Catalogue:
    (tmp_path / "a.yml").write_text(
        f"subject: {subject}\nindicators:\n" + "".join(f"{e}\n" for e in entries),
        encoding="utf-8",
    )
    return Catalogue.load(tmp_path)


def test_the_indicators_seed_is_generated_from_the_catalogue() -> None:
    """seeds/indicators.csv is `envwh registry generate`'s output: edit the catalogue instead."""
    assert INDICATORS_SEED_PATH.read_text(encoding="utf-8") == indicators_seed()


def test_the_generated_seed_is_read_from_the_catalogue_not_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("orchestration.seeds.SEEDS_DIR", tmp_path)  # no seed file there
    assert read_seed("indicators.csv") == list(catalogue().seed_rows())
    with pytest.raises(FileNotFoundError):
        read_seed("units.csv")


def test_a_minimal_entry_loads_with_its_range_and_both_spelling_lists(tmp_path: Path) -> None:
    cat = _load(tmp_path, ENTRY + RANGE + ", table_aliases: [甲表], prose_aliases: [甲文]}")
    one = cat.indicators["x_one"]
    assert (one.valid_min, one.valid_max, one.range_basis) == (0, 100, "a share")
    assert one.subject == "air"
    assert cat.table_index == {"x_one": "x_one", "甲": "x_one", "甲表": "x_one"}
    assert cat.prose_index == {"甲": "x_one", "甲文": "x_one"}
    assert one.seed_row()["table_aliases"] == "甲表"
    assert one.seed_row()["defined_in"] == "a.yml"


def test_an_entry_without_table_aliases_is_not_read_from_tables(tmp_path: Path) -> None:
    cat = _load(tmp_path, ENTRY + RANGE + ", prose_aliases: [甲文]}")
    assert cat.table_index == {}


@pytest.mark.parametrize(
    ("entry", "message"),
    [(ENTRY + "}", r"missing \['range'\]"),
     (ENTRY + RANGE + ", alias: [甲]}", r"unknown keys \['alias'\]"),
     (ENTRY + "range: {min: 0, max: 100}}", "with a basis"),
     (ENTRY + "range: {min: 100, max: 0, basis: b}}", "min 100 is above max 0"),
     (ENTRY + "range: {min: low, max: 0, basis: b}}", "'low' is not a number"),
     (ENTRY.replace("pct", "furlongs") + RANGE + "}", "unit 'furlongs' is not in"),
     (ENTRY + RANGE + ", target_share_of: x_missing}", "target_share_of 'x_missing' is no"),
     (ENTRY + RANGE + ", share_of: nowhere}", "share_of 'nowhere' is no indicator"),
     (ENTRY + RANGE + ", provincial_variant: nowhere}", "provincial_variant 'nowhere'"),
     (ENTRY + RANGE + ", table_aliases: 甲表}", "table_aliases must be a list")],
)  # fmt: skip
def test_a_bad_entry_is_refused_naming_file_code_and_key(
    tmp_path: Path, entry: str, message: str
) -> None:
    with pytest.raises(CatalogueError, match=message) as error:
        _load(tmp_path, entry)
    assert "a.yml" in str(error.value)


def test_a_code_defined_twice_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match="x_one is defined twice"):
        _load(tmp_path, ENTRY + RANGE + "}", ENTRY + RANGE + "}")


@pytest.mark.parametrize("kind", ["prose_aliases", "table_aliases"])
def test_a_spelling_naming_two_indicators_is_refused(tmp_path: Path, kind: str) -> None:
    # the two spellings differ as written (full width, Traditional) but fold to one key
    second = ENTRY.replace("x_one", "x_two").replace("甲", "乙") + RANGE + f", {kind}: [優良Ｘ]}}"
    with pytest.raises(CatalogueError, match="already names x_one"):
        _load(tmp_path, ENTRY + RANGE + f", {kind}: [优良x]}}", second)


def test_a_code_that_is_no_alias_of_its_name_claims_nothing_in_prose(tmp_path: Path) -> None:
    cat = _load(tmp_path, ENTRY + RANGE + ", name_is_alias: false}")
    assert "甲" not in Lexicon.of(cat).aliases


def test_one_normaliser_serves_tables_and_prose() -> None:
    """A header, a prose alias and the folded report text meet on one key: width, script,
    spaces, dashes and quotation marks do not matter."""
    for written in ("ＰＭ２．５ 平均濃度", "PM2.5平均浓度"):
        assert indicators().resolve(written).code == "pm2_5"
    assert match_key("Ⅰ—Ⅲ类") == match_key("Ⅰ~Ⅲ类") == match_key("Ⅰ-Ⅲ类")
    assert match_key("“无废城市”") == fold("无废城市").text
    (fact,) = extract(
        "2023年,全區細顆粒物(PM2.5)平均濃度為25微克/立方米。", province="450000"
    ).facts
    assert fact.indicator_code == "pm2_5"


def test_prose_only_indicators_take_their_range_from_the_catalogue() -> None:
    """No range is computed in code: an anomaly may be negative, a pH is at most 14, a share
    of an annual target may pass 100 %."""
    cat = catalogue()
    anomaly = cat.indicators["mean_air_temperature_anomaly"]
    assert (anomaly.valid_min, anomaly.valid_max) == (None, None)
    assert cat.indicators["precipitation_ph_mean"].valid_max == 14
    assert cat.indicators["green_industry_funds_target_completion"].valid_max == 300
    assert all(i.range_basis for i in cat.indicators.values())


def test_the_extractor_and_the_table_parsers_read_one_catalogue() -> None:
    cat = catalogue()
    assert lexicon().indicators is cat.indicators
    assert indicators().by_code is cat.indicators


def test_the_generated_range_expectations_read_the_catalogue() -> None:
    table = landing_tables()["air_quality__periodic"]
    cases = {c.code: c for c in measure_cases(table, table.column("value"))}
    pm2_5 = catalogue().indicators["pm2_5"]
    assert (cases["pm2_5"].low, cases["pm2_5"].high) == (pm2_5.valid_min, pm2_5.valid_max)
    assert cases["pm2_5"].basis == pm2_5.range_basis


def test_the_catalogue_range_of_prose_facts_fails_on_a_bad_row() -> None:
    """marts.fct_indicator_observation: each value within its indicator's catalogue range. Rows
    at the bounds pass (a share of an annual target may reach 300 %, an anomaly be negative,
    an open-vocabulary figure has no range here); one row under a minimum and one over a
    maximum make each of the two expectations fail."""
    name = "marts.fct_indicator_observation"
    suite = registry_suites()[name]
    good = [("pm2_5", 0.0), ("pm2_5", 500.0), ("green_industry_funds_target_completion", 300.0),
            ("mean_air_temperature_anomaly", -1.2), (None, 5.0)]  # fmt: skip
    bad = [("good_days_ratio", -0.5), ("good_days_ratio", 100.5)]

    def validate(rows: list[tuple[str | None, float]]) -> list:
        con = duckdb.connect()
        con.execute("create schema marts")
        con.execute(f"create table {name} (indicator_code varchar, value_canonical double)")
        con.executemany(f"insert into {name} values (?, ?)", rows)
        return run_suites(con, [SuiteFile(name, name, suite)])

    assert [r.success for r in validate(good)] == [True, True]
    assert [r.success for r in validate(good + bad)] == [False, False]


def test_an_open_figure_may_be_negative_only_as_a_departure_from_the_normal() -> None:
    """expectations/marts.fct_indicator_observation.json: a figure no indicator claims is never
    negative — unless it is a departure from the climate normal (较常年偏少8.1%, a signed
    difference: is_departure_from_normal). A negative open level makes the check fail."""
    name = "marts.fct_indicator_observation"
    spec = next(s.spec for s in load_suites() if s.name == name)
    (open_levels,) = [
        e for e in spec["expectations"]
        if e["kwargs"].get("row_condition", {}).get("type") == "and"
    ]  # fmt: skip
    suite = {**spec, "expectations": [open_levels]}

    def validate(rows: list[tuple[str | None, float, bool | None]]) -> bool:
        con = duckdb.connect()
        con.execute("create schema marts")
        con.execute(f"create table {name} (indicator_code varchar, value_canonical double, "
                    "is_departure_from_normal boolean)")  # fmt: skip
        con.executemany(f"insert into {name} values (?, ?, ?)", rows)
        return run_suites(con, [SuiteFile(name, name, suite)])[0].success

    good = [(None, 5.0, False), (None, -8.1, True), ("mean_air_temperature_anomaly", -1.2, False),
            (None, None, None)]  # fmt: skip
    assert validate(good)
    assert not validate([*good, (None, -3.9, False)])
