"""The blind gold sets (tests/gold/unseen2 … unseen10) are well formed and laid out as their
SPLIT.md says, checked without running the extractor on their documents (each test
half is evaluated once, by hand, at the end): every row's quote is in its document as published,
every code is one of the indicator catalogue (or empty with the stated name), every unit is in
the unit registry, every gold file has its document in raw/manifest.csv, and every
open-vocabulary row is listed in the set's CATALOGUE.yml under a code the catalogue lacks.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from orchestration.extraction.evaluate import gold_sets, read_gold
from orchestration.extraction.reports import report_entries
from orchestration.manifest import read_manifest
from orchestration.paths import PROJECT_ROOT, settings

GOLD = PROJECT_ROOT / "tests" / "gold"
SEEDS = PROJECT_ROOT / "dbt_project" / "seeds"
KINDS = {"actual", "target", "change", "rank"}
COMPARATORS = {"=", ">=", "<=", "~"}
SPLIT_ROW = re.compile(
    r"^\| \d+ \| (\S+)\.txt \|.*\| (?:~~\w+~~ )?(dev|test)(?: \(amendment\))? \|$", re.M
)
PERIOD = re.compile(r"^(\d{4}|\d{4}-\d{2}|\d{4}-Q[1-4]|\d{4}-\d{2}\.\.\d{4}-\d{2})?$")


@dataclass(frozen=True)
class BlindSet:
    name: str
    dev: int  # documents in dev/, as SPLIT.md fixed them before labelling
    test: int  # documents in test/

    @property
    def folder(self) -> Path:
        return GOLD / self.name


SETS = [
    BlindSet("unseen2", dev=8, test=7),
    BlindSet("unseen3", dev=6, test=6),
    BlindSet("unseen4", dev=6, test=6),
    BlindSet("unseen5", dev=6, test=6),
    BlindSet("unseen6", dev=6, test=6),
    BlindSet("unseen7", dev=6, test=6),
    BlindSet("unseen8", dev=6, test=6),
    BlindSet("unseen9", dev=6, test=6),
    BlindSet("unseen10", dev=5, test=5),
]
each_set = pytest.mark.parametrize("blind", SETS, ids=[s.name for s in SETS])


def known_codes() -> set[str]:
    """The indicator catalogue's codes (dbt_project/seeds/indicators.csv is generated from
    orchestration/registry/indicators/*.yml)."""
    with open(SEEDS / "indicators.csv", encoding="utf-8", newline="") as handle:
        return {row["indicator_code"] for row in csv.DictReader(handle)}


def known_units() -> set[str]:
    with open(SEEDS / "units.csv", encoding="utf-8", newline="") as handle:
        return {row["unit_code"] for row in csv.DictReader(handle)} | {"rank"}


def gold_problems(path: Path, text: str, codes: set[str], units: set[str]) -> list[str]:
    """Every fault of one gold file, as 'file line: what is wrong'."""
    problems = []
    with open(path, encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            where = f"{path.name} line {line}"
            if row["quote"] not in text:
                problems.append(f"{where}: quote {row['quote']!r} is not in the document")
            if row["indicator_code"] and row["indicator_code"] not in codes:
                problems.append(f"{where}: unknown indicator_code {row['indicator_code']!r}")
            if not row["indicator_code"] and not row["indicator_name"]:
                problems.append(f"{where}: neither indicator_code nor indicator_name")
            if row["unit"] not in units:
                problems.append(f"{where}: unit {row['unit']!r} is not in units.csv")
            if row["kind"] not in KINDS or (row["kind"] == "rank") != (row["unit"] == "rank"):
                problems.append(f"{where}: kind {row['kind']!r} with unit {row['unit']!r}")
            if row["comparator"] not in COMPARATORS:
                problems.append(f"{where}: comparator {row['comparator']!r}")
            if not PERIOD.match(row["period"]):
                problems.append(f"{where}: period {row['period']!r}")
    return problems


def split_halves(folder: Path) -> dict[str, str]:
    """file stem → half, from the table of SPLIT.md (written before labelling; an amended row
    gives its new half after the struck-out one)."""
    return dict(SPLIT_ROW.findall((folder / "SPLIT.md").read_text(encoding="utf-8")))


def catalogue_problems(folder: Path, codes: set[str], units: set[str]) -> list[str]:
    """What is wrong between a set's CATALOGUE.yml and its open-vocabulary gold rows: a
    proposed code the catalogue now has (its rows must be re-coded first), a unit units.csv
    lacks, an open row not listed, a listed row that does not exist."""
    catalogue = yaml.safe_load((folder / "CATALOGUE.yml").read_text(encoding="utf-8"))
    problems, listed = [], set()
    for entry in catalogue["indicators"]:
        if entry["code"] in codes:
            problems.append(
                f"the catalogue now has {entry['code']}: re-code {entry['gold_rows']} to it "
                f"and remove it from {folder.name}/CATALOGUE.yml"
            )
        if entry["unit"] not in units:
            problems.append(f"{entry['code']}: unit {entry['unit']!r} is not in units.csv")
        for row in entry["gold_rows"]:
            document, name = row.split(": ", 1)
            listed.add((document, re.sub(r" \(.*\)$", "", name)))
    open_rows = set()
    for path in folder.glob("*/*.csv"):
        with open(path, encoding="utf-8", newline="") as handle:
            rows = [row for row in csv.DictReader(handle) if not row["indicator_code"]]
        open_rows |= {(path.name[:3], row["indicator_name"]) for row in rows}
    problems += [f"open-vocabulary row not catalogued: {row}" for row in sorted(open_rows - listed)]
    problems += [f"catalogued row not in the gold: {row}" for row in sorted(listed - open_rows)]
    return problems


@each_set
def test_every_gold_file_has_its_document_and_well_formed_rows(blind: BlindSet) -> None:
    paths = settings()
    entries = {Path(e.path).stem: e for e in report_entries(read_manifest(paths.manifest_path))}
    codes, units = known_codes(), known_units()
    files = sorted(blind.folder.glob("*/*.csv"))
    assert len(files) == blind.dev + blind.test
    for path in files:
        assert path.stem in entries, f"{path.name}: no document in raw/manifest.csv"
        text = entries[path.stem].file(paths.raw_dir).read_text(encoding="utf-8")
        assert gold_problems(path, text, codes, units) == []
        assert read_gold(path)  # the evaluator reads it: numeric values, a code or a name


@each_set
def test_the_halves_are_the_split_written_before_labelling(blind: BlindSet) -> None:
    halves = split_halves(blind.folder)
    assert list(halves.values()).count("dev") == blind.dev
    assert list(halves.values()).count("test") == blind.test
    placed = {path.stem: path.parent.name for path in blind.folder.glob("*/*.csv")}
    assert placed == halves
    assert gold_sets(blind.folder, ["dev", "test"]) == [
        ("dev", blind.folder / "dev"),
        ("test", blind.folder / "test"),
    ]


@each_set
def test_every_open_vocabulary_row_is_catalogued_under_a_code_the_catalogue_lacks(
    blind: BlindSet,
) -> None:
    """CATALOGUE.yml names, for each proposed code, the open-vocabulary gold rows it would
    cover. When the catalogue gains one of these codes, this fails until those gold rows are
    re-coded to it and the entry leaves CATALOGUE.yml (else the new code scores as wrong)."""
    assert catalogue_problems(blind.folder, known_codes(), known_units()) == []


def test_no_document_is_in_two_blind_sets() -> None:
    """A text measured in one set's test half must not reappear in another set."""
    stems = [path.stem for s in SETS for path in s.folder.glob("*/*.csv")]
    assert len(stems) == len(set(stems))


def test_a_malformed_gold_row_is_reported(tmp_path: Path) -> None:
    gold = tmp_path / "999_bad.csv"
    gold.write_text(
        "indicator_code,indicator_name,kind,value,unit,period,comparator,region_code,"
        "baseline_year,quote\n"
        "pm2_5,PM2.5,actual,38,ug_m3,2020,=,320000,,PM2.5年均濃度為38微克/立方米\n"
        "pm2_6,PM2.6,actual,38,ug_m3,2020,=,320000,,PM2.5年均濃度為38微克/立方米\n"
        ",,rank,1,pct,2020年,about,320000,,全國第一\n",
        encoding="utf-8",
    )  # fmt: skip
    problems = gold_problems(gold, "PM2.5年均濃度為38微克/立方米", known_codes(), known_units())
    assert problems == [
        "999_bad.csv line 3: unknown indicator_code 'pm2_6'",
        "999_bad.csv line 4: quote '全國第一' is not in the document",
        "999_bad.csv line 4: neither indicator_code nor indicator_name",
        "999_bad.csv line 4: kind 'rank' with unit 'pct'",
        "999_bad.csv line 4: comparator 'about'",
        "999_bad.csv line 4: period '2020年'",
    ]


def test_a_catalogue_out_of_step_with_its_gold_is_reported(tmp_path: Path) -> None:
    (tmp_path / "dev").mkdir()
    (tmp_path / "dev" / "998_x.csv").write_text(
        "indicator_code,indicator_name,kind,value,unit,period,comparator,region_code,"
        "baseline_year,quote\n"
        ",林地面積,actual,7026,mu10k,2022,=,500000,,林地面積7026萬畝\n"
        ",草地面積,actual,35,mu10k,2022,=,500000,,草地面積35萬畝\n",
        encoding="utf-8",
    )  # fmt: skip
    (tmp_path / "CATALOGUE.yml").write_text(
        "indicators:\n"
        "  - {code: pm2_5, unit: ug_m3, gold_rows: ['998: 林地面積']}\n"
        "  - {code: forest_land_area, unit: acre, gold_rows: ['998: 森林面積 (actual)']}\n",
        encoding="utf-8",
    )
    assert catalogue_problems(tmp_path, known_codes(), known_units()) == [
        "the catalogue now has pm2_5: re-code ['998: 林地面積'] to it and remove it from "
        f"{tmp_path.name}/CATALOGUE.yml",
        "forest_land_area: unit 'acre' is not in units.csv",
        "open-vocabulary row not catalogued: ('998', '草地面積')",
        "catalogued row not in the gold: ('998', '森林面積')",
    ]
