"""Every generic dbt test of the project (dbt_project/tests/generic/) and the primary-key, unique
and not-null constraints of a contracted mart fail on a bad row and pass on good ones.

One `dbt build` of a tiny project in a temporary folder: the project's own generic tests,
seeds holding one bad row each, and the tests applied (to a view of them) as the marts and the
landing source apply them. Each test's status is read from run_results.json.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from orchestration.paths import DBT_PROJECT_DIR

SEEDS = {
    "codes": "code,subject\npm2_5,air\nvolume,carbon\n",
    # a fact whose key fell back to the unknown member where it should not (row 3), and one
    # ranking row where it may (row 2)
    "facts": (
        "fact_key,unit_key,code,kind,value\n"
        "a,u1,pm2_5,level,10\n"
        "b,-1,pm2_5,ranking,\n"
        "c,-1,pm2_5,level,7\n"
        "d,u1,nope,level,-5\n"
        "d,u1,volume,level,20\n"
    ),
    # two versions of code a overlap in 2015; b's follow each other
    "versions": (
        "code,valid_from,valid_to\n"
        "a,2010-01-01,2015-12-31\n"
        "a,2015-06-01,\n"
        "b,2010-01-01,2014-12-31\n"
        "b,2015-01-01,\n"
    ),
}
PROJECT = """
name: generic_tests
version: "1.0"
config-version: 2
profile: generic_tests
seed-paths: ["seeds"]
model-paths: ["models"]
test-paths: ["tests"]
seeds:
  generic_tests:
    +quote_columns: true
"""
PROFILE = """
generic_tests:
  target: t
  outputs:
    t: {type: duckdb, path: "%s", threads: 1}
"""
MODEL = "select * from {{ ref('facts') }}"
VERSIONS_MODEL = "select * from {{ ref('versions') }}"
# contracted models with a primary key, a unique and a not-null column, built from rows whose
# key repeats, whose code repeats and whose value is null once
PK_MODEL = "select fact_key from {{ ref('facts') }}"
UNIQUE_MODEL = "select code from {{ ref('facts') }}"
NOT_NULL_MODEL = "select cast(value as bigint) as value from {{ ref('facts') }}"
SCHEMA = """
version: 2
models:
  - name: fct_plain
    data_tests:
      - row_count_between: {name: rows_too_few, arguments: {min_rows: 6}}
      - row_count_between: {name: rows_ok, arguments: {min_rows: 1, max_rows: 5}}
      - unique_combination: {name: grain_duplicated, arguments: {columns: [fact_key]}}
      - unique_combination: {name: grain_ok, arguments: {columns: [fact_key, code]}}
      - not_null_columns: {name: nulls_present, arguments: {columns: [fact_key, value]}}
      - not_null_columns: {name: nulls_absent, arguments: {columns: [fact_key, code]}}
      - unique_key: {name: key_with_null, arguments: {columns: [fact_key, value]}}
      - unique_key: {name: key_ok, arguments: {columns: [fact_key, code]}}
      - in_vocabulary_columns:
          name: codes_unknown
          arguments: {columns: {code: {to: "ref('codes')", field: code}}}
      - in_vocabulary_columns:
          name: kinds_not_listed
          arguments: {columns: {kind: {values: [level]}}}
      - in_vocabulary_columns:
          name: codes_of_other_subject
          arguments:
            columns: {code: {to: "ref('codes')", field: code, vocabulary_where: "subject = 'air'"}}
          config: {where: "code <> 'nope'"}
      - in_vocabulary_columns:
          name: codes_and_kinds_ok
          arguments:
            columns: {code: {to: "ref('codes')", field: code}, kind: {values: [level, ranking]}}
          config: {where: "code <> 'nope'"}
    columns:
      - name: fact_key
        data_tests:
          - unique_key: {name: key_repeated}
      - name: code
        data_tests:
          - in_vocabulary: {name: code_unknown, arguments: {to: "ref('codes')", field: code}}
          - in_vocabulary:
              name: code_of_other_subject
              arguments: {to: "ref('codes')", field: code, vocabulary_where: "subject = 'air'"}
              config: {where: "code <> 'nope'"}
          - in_vocabulary:
              name: code_ok
              arguments: {to: "ref('codes')", field: code}
              config: {where: "code <> 'nope'"}
      - name: unit_key
        data_tests:
          - not_unknown_member: {name: unknown_not_allowed}
          - not_unknown_member:
              name: unknown_over_max
              arguments: {allowed_where: "kind = 'ranking' or fact_key = 'c'", max_allowed: 1}
          - not_unknown_member:
              name: unknown_allowed
              arguments: {allowed_where: "kind = 'ranking' or fact_key = 'c'", max_allowed: 2}
      - name: value
        data_tests:
          - accepted_range: {name: value_below_min, arguments: {min_value: 0}}
          - accepted_range: {name: value_ok, arguments: {min_value: -5, max_value: 20}}
  - name: fct_versions
    data_tests:
      - intervals_do_not_overlap: {name: versions_overlap, arguments: {key_columns: [code]}}
      - intervals_do_not_overlap:
          name: versions_in_sequence
          arguments: {key_columns: [code]}
          config: {where: "code = 'b'"}
  - name: fct_with_pk
    config: {materialized: table, contract: {enforced: true}}
    columns:
      - name: fact_key
        data_type: varchar
        constraints: [{type: not_null}, {type: primary_key}]
  - name: fct_with_unique
    config: {materialized: table, contract: {enforced: true}}
    columns:
      - name: code
        data_type: varchar
        constraints: [{type: unique}]
  - name: fct_with_not_null
    config: {materialized: table, contract: {enforced: true}}
    columns:
      - name: value
        data_type: bigint
        constraints: [{type: not_null}]
"""
EXPECTED = {
    "rows_too_few": "fail", "rows_ok": "pass", "grain_duplicated": "fail", "grain_ok": "pass",
    "code_unknown": "fail", "code_of_other_subject": "fail", "code_ok": "pass",
    "unknown_not_allowed": "fail", "unknown_over_max": "fail", "unknown_allowed": "pass",
    "value_below_min": "fail", "value_ok": "pass", "nulls_present": "fail", "nulls_absent": "pass",
    "versions_overlap": "fail", "versions_in_sequence": "pass",
    "key_repeated": "fail", "key_with_null": "fail", "key_ok": "pass",
    "codes_unknown": "fail", "kinds_not_listed": "fail", "codes_of_other_subject": "fail",
    "codes_and_kinds_ok": "pass",
}  # fmt: skip


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    root = tmp_path_factory.mktemp("generic_tests")
    shutil.copytree(DBT_PROJECT_DIR / "tests" / "generic", root / "tests" / "generic")
    (root / "seeds").mkdir()
    for name, text in SEEDS.items():
        (root / "seeds" / f"{name}.csv").write_text(text, encoding="utf-8")
    (root / "models").mkdir()
    (root / "models" / "fct_plain.sql").write_text(MODEL, encoding="utf-8")
    (root / "models" / "fct_with_pk.sql").write_text(PK_MODEL, encoding="utf-8")
    (root / "models" / "fct_with_unique.sql").write_text(UNIQUE_MODEL, encoding="utf-8")
    (root / "models" / "fct_with_not_null.sql").write_text(NOT_NULL_MODEL, encoding="utf-8")
    (root / "models" / "fct_versions.sql").write_text(VERSIONS_MODEL, encoding="utf-8")
    (root / "models" / "schema.yml").write_text(SCHEMA, encoding="utf-8")
    (root / "dbt_project.yml").write_text(PROJECT, encoding="utf-8")
    (root / "profiles.yml").write_text(PROFILE % (root / "t.duckdb"), encoding="utf-8")
    dbt = str(Path(sys.executable).with_name("dbt"))
    env = {**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    subprocess.run([dbt, "build", "--project-dir", str(root), "--profiles-dir", str(root)],
                   env=env, capture_output=True, text=True, check=False)  # fmt: skip
    run = json.loads((root / "target" / "run_results.json").read_text(encoding="utf-8"))
    return {r["unique_id"].split(".")[2]: r for r in run["results"]}


@pytest.mark.parametrize(("test", "outcome"), sorted(EXPECTED.items()))
def test_generic_test_outcome(results: dict[str, dict], test: str, outcome: str) -> None:
    assert results[test]["status"] == outcome, results[test].get("message")


def test_every_generic_test_of_the_project_is_proven_to_fail() -> None:
    """A new generic test needs a failing case here."""
    generic = {p.stem for p in (DBT_PROJECT_DIR / "tests" / "generic").glob("*.sql")}
    proven = set()
    for line in SCHEMA.splitlines():
        for name in generic:
            if f"- {name}:" in line:
                proven.add(name)
    failing = {name for name, outcome in EXPECTED.items() if outcome == "fail"}
    assert generic == proven and failing


def test_a_duplicated_primary_key_fails_the_contracted_model(results: dict[str, dict]) -> None:
    """Uniqueness of a mart's surrogate key is checked once: by its primary-key constraint."""
    assert results["fct_with_pk"]["status"] == "error"
    assert "constraint" in results["fct_with_pk"]["message"].lower()


@pytest.mark.parametrize(
    ("model", "says"),
    [
        ("fct_with_unique", 'duplicate key "pm2_5"'),
        ("fct_with_not_null", "not null constraint failed"),
    ],
)
def test_a_unique_or_not_null_constraint_fails_the_contracted_model(
    results: dict[str, dict], model: str, says: str
) -> None:
    """A mart table's other keys and required columns are checked by constraints, not tests:
    a repeated code or a null value fails the model, naming the constraint."""
    assert results[model]["status"] == "error"
    assert says in results[model]["message"].lower(), results[model]["message"]
