"""The second unseen gold set (tests/gold/unseen2) is well formed and laid out as SPLIT.md says,
checked without running the extractor on its documents (its test half is evaluated once, by
hand, at the end): every row's quote is in its document as published, every code is one of
the lexicon or the indicator seed (or empty with the stated name), every unit is in the unit
registry, and every gold file has its document in raw/manifest.csv.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import yaml

from orchestration.extraction.evaluate import gold_sets, read_gold
from orchestration.extraction.reports import report_entries
from orchestration.manifest import read_manifest
from orchestration.paths import PROJECT_ROOT, settings

UNSEEN2 = PROJECT_ROOT / "tests" / "gold" / "unseen2"
SEEDS = PROJECT_ROOT / "dbt_project" / "seeds"
LEXICON = PROJECT_ROOT / "orchestration" / "extraction" / "lexicon"
KINDS = {"actual", "target", "change", "rank"}
COMPARATORS = {"=", ">=", "<=", "~"}
SPLIT_ROW = re.compile(
    r"^\| \d+ \| (\S+)\.txt \|.*\| (?:~~\w+~~ )?(dev|test)(?: \(amendment\))? \|$", re.M
)
PERIOD = re.compile(r"^(\d{4}|\d{4}-\d{2}|\d{4}-Q[1-4]|\d{4}-\d{2}\.\.\d{4}-\d{2})?$")


def known_codes() -> set[str]:
    with open(SEEDS / "indicators.csv", encoding="utf-8", newline="") as handle:
        codes = {row["indicator_code"] for row in csv.DictReader(handle)}
    for path in LEXICON.glob("*.yml"):
        entries = yaml.safe_load(path.read_text(encoding="utf-8")).get("indicators", [])
        codes |= {entry["code"] for entry in entries}
    return codes


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


def split_halves() -> dict[str, str]:
    """file stem → half, from the table of SPLIT.md (written before labelling; an amended row
    gives its new half after the struck-out one)."""
    return dict(SPLIT_ROW.findall((UNSEEN2 / "SPLIT.md").read_text(encoding="utf-8")))


def test_every_gold_file_has_its_document_and_well_formed_rows() -> None:
    paths = settings()
    entries = {Path(e.path).stem: e for e in report_entries(read_manifest(paths.manifest_path))}
    codes, units = known_codes(), known_units()
    files = sorted(UNSEEN2.glob("*/*.csv"))
    assert len(files) == 15
    for path in files:
        assert path.stem in entries, f"{path.name}: no document in raw/manifest.csv"
        text = entries[path.stem].file(paths.raw_dir).read_text(encoding="utf-8")
        assert gold_problems(path, text, codes, units) == []
        assert read_gold(path)  # the evaluator reads it: numeric values, a code or a name


def test_the_halves_are_the_split_written_before_labelling() -> None:
    halves = split_halves()
    assert list(halves.values()).count("dev") == 8 and list(halves.values()).count("test") == 7
    placed = {path.stem: path.parent.name for path in UNSEEN2.glob("*/*.csv")}
    assert placed == halves
    assert gold_sets(UNSEEN2, ["dev", "test"]) == [("dev", UNSEEN2 / "dev"),
                                                    ("test", UNSEEN2 / "test")]  # fmt: skip


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


def test_every_open_vocabulary_row_is_catalogued_under_a_code_the_lexicon_lacks() -> None:
    """CATALOGUE.yml names, for each proposed code, the open-vocabulary gold rows it would
    cover. When the lexicon gains one of these codes, this fails until those gold rows are
    re-coded to it and the entry leaves the catalogue (else the new code scores as wrong)."""
    catalogue = yaml.safe_load((UNSEEN2 / "CATALOGUE.yml").read_text(encoding="utf-8"))
    codes, units = known_codes(), known_units()
    listed = set()
    for entry in catalogue["indicators"]:
        assert entry["code"] not in codes, (
            f"the lexicon now has {entry['code']}: re-code {entry['gold_rows']} to it and "
            "remove it from tests/gold/unseen2/CATALOGUE.yml"
        )
        assert entry["unit"] in units, entry
        for row in entry["gold_rows"]:
            document, name = row.split(": ", 1)
            listed.add((document, re.sub(r" \(.*\)$", "", name)))
    open_rows = set()
    for path in UNSEEN2.glob("*/*.csv"):
        with open(path, encoding="utf-8", newline="") as handle:
            rows = [row for row in csv.DictReader(handle) if not row["indicator_code"]]
        open_rows |= {(path.name[:3], row["indicator_name"]) for row in rows}
    assert open_rows == listed
