# envwh — the two commands: `make build` (publish warehouse/envwh.duckdb) and `make test`.
# Everything is set up from python3 + pip + the package registry; nothing else is assumed.
PYTHON ?= python3
VENV   := .venv
UV     := $(PYTHON) -m uv
ENVWH  := $(VENV)/bin/envwh
# a DuckDB 1.4 client (hash-locked), for the test that the published file stays 1.x-readable
DUCKDB14 := .venv-duckdb14

.PHONY: build test lint dev bench validate docs clean setup duckdb14-client

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

test: setup duckdb14-client  ## run every test: lint, unit, integration (dbt tests and GX suites run inside the builds)
	$(VENV)/bin/ruff check orchestration tests bench
	$(VENV)/bin/ruff format --check orchestration tests bench
	$(VENV)/bin/pytest

validate: setup
	$(ENVWH) validate

docs: setup
	$(ENVWH) docs

DEV_PORT ?= 3000
dev: setup  ## Dagster UI on http://127.0.0.1:3000 (run history kept in .dagster_home/)
	mkdir -p .dagster_home
	PATH=$(CURDIR)/$(VENV)/bin:$$PATH DAGSTER_HOME=$(CURDIR)/.dagster_home \
		$(VENV)/bin/dagster dev -h 127.0.0.1 -p $(DEV_PORT)

bench: setup
	$(VENV)/bin/python bench/bench_build.py

clean:
	rm -rf $(VENV) $(DUCKDB14) dbt_project/target warehouse/*.duckdb* warehouse/docs warehouse/exports
