"""The published warehouse stays readable by DuckDB 1.x clients (most BI drivers bundle 1.x).

A real DuckDB 1.4 client — installed by `make test` into .venv-duckdb14/ from the hash-locked
tests/clients/duckdb14.txt — opens what the project writes with DuckDB 2.0, in a subprocess, and
must see the same relations and row counts as DuckDB 2.0 does.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
import yaml

from orchestration.dictionary import MODELS_YAML
from orchestration.paths import PROJECT_ROOT
from orchestration.publish import create_database, publish
from tests.integration.conftest import Workspace

pytestmark = pytest.mark.integration

CLIENT_VENV = PROJECT_ROOT / ".venv-duckdb14"
CLIENT_LOCK = PROJECT_ROOT / "tests" / "clients" / "duckdb14.txt"

# Run by both clients: every relation of the database and its row count, as JSON.
INVENTORY = """
import json, sys
import duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
relations = con.execute(
    "select schema_name, table_name from duckdb_tables() "
    "union all select schema_name, view_name from duckdb_views() where not internal "
    "order by all"
).fetchall()
counts = {f"{s}.{t}": con.execute(f'select count(*) from "{s}"."{t}"').fetchone()[0]
          for s, t in relations}
print(json.dumps({"version": duckdb.__version__, "counts": counts}))
"""


def pinned_version() -> str:
    (version,) = re.findall(r"^duckdb==(\S+) \\$", CLIENT_LOCK.read_text(), re.MULTILINE)
    return version


@pytest.fixture(scope="module")
def duckdb14() -> Path:
    """The DuckDB 1.4 client's interpreter; a missing client fails the test (CI installs it)."""
    python = CLIENT_VENV / "bin" / "python"
    if not python.exists():
        pytest.fail(
            f"the DuckDB 1.4 test client is missing ({python}): run `make duckdb14-client` "
            "(`make test` installs it from tests/clients/duckdb14.txt)",
            pytrace=False,
        )
    return python


def inventory(python: Path, database: Path) -> dict:
    completed = subprocess.run(
        [str(python), "-c", INVENTORY, str(database)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert completed.returncode == 0, f"{python} could not read {database}:\n{completed.stderr}"
    return json.loads(completed.stdout)


def test_lock_pins_one_exact_duckdb_14_with_hashes() -> None:
    text = CLIENT_LOCK.read_text()
    assert pinned_version().startswith("1.4.")
    assert len(re.findall(r"--hash=sha256:[0-9a-f]{64}", text)) > 0
    assert [line for line in text.splitlines() if re.match(r"^[A-Za-z]", line)] == [
        f"duckdb=={pinned_version()} \\"
    ]  # duckdb has no dependencies; anything else would need a hash too


def test_client_is_the_pinned_duckdb_14_and_refuses_the_duckdb_2_format(
    duckdb14: Path, tmp_path: Path
) -> None:
    """The control: without storage_compatibility_version the 1.4 client cannot open the file,
    so the tests below would catch a publisher that forgot it."""
    plain = tmp_path / "plain.duckdb"
    con = duckdb.connect(str(plain))
    con.execute("create table t as select 1 as x")
    con.close()
    completed = subprocess.run(
        [str(duckdb14), "-c", INVENTORY, str(plain)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert completed.returncode != 0 and "Newer DuckDB version" in completed.stderr
    version = subprocess.run(
        [str(duckdb14), "-c", "import duckdb; print(duckdb.__version__)"],
        capture_output=True, text=True, timeout=60, check=True,
    ).stdout.strip()  # fmt: skip
    assert version == pinned_version(), "stale client: rerun `make duckdb14-client`"


def test_file_written_by_the_publisher_opens_in_duckdb_14(duckdb14: Path, tmp_path: Path) -> None:
    work, published = tmp_path / ".build.duckdb", tmp_path / "envwh.duckdb"
    create_database(work)  # the publisher's own path: new file, then an atomic publish
    con = duckdb.connect(str(work))
    con.execute("create schema marts")
    con.execute(
        "create table marts.fct_sample (sample_key varchar primary key, region_code varchar "
        "not null, period_start date, value_canonical decimal(18, 4), is_preferred boolean, "
        "built_at timestamp, codes varchar[])"
    )
    con.execute(
        "insert into marts.fct_sample select 'k' || i, '45' || lpad(i::varchar, 4, '0'), "
        "date '2024-01-01' + i::integer, i * 1.25, i % 2 = 0, now()::timestamp, ['pm2_5', '广西'] "
        "from range(1000) t(i)"
    )
    con.execute("create view marts.v_sample as select * from marts.fct_sample where is_preferred")
    con.close()
    publish(work, published)

    seen = inventory(duckdb14, published)
    assert seen["version"] == pinned_version()
    assert seen["counts"] == {"marts.fct_sample": 1000, "marts.v_sample": 500}
    assert seen["counts"] == inventory(Path(sys.executable), published)["counts"]


def test_published_warehouse_opens_in_duckdb_14(duckdb14: Path, built: Workspace) -> None:
    """The real published file of a full build: every relation (tables and views, every schema)
    with the same row count in DuckDB 1.4 as in DuckDB 2.0."""
    seen = inventory(duckdb14, built.published)
    reference = inventory(Path(sys.executable), built.published)
    assert seen["version"] == pinned_version() and reference["version"].startswith("2.")
    assert seen["counts"] == reference["counts"]
    models = {m["name"] for m in yaml.safe_load(MODELS_YAML.read_text(encoding="utf-8"))["models"]}
    assert {f"marts.{name}" for name in models} <= set(seen["counts"])
    assert seen["counts"]["marts.fct_air_quality"] > 0
