# envwh — the two commands: `make build` (publish warehouse/envwh.duckdb) and `make test`.
# Everything is set up from python3 + pip + the package registry; nothing else is assumed.
PYTHON ?= python3
VENV   := .venv
UV     := $(PYTHON) -m uv
ENVWH  := $(VENV)/bin/envwh

.PHONY: build test lint dev bench validate docs clean setup

setup: $(VENV)/.synced

$(VENV)/.synced: pyproject.toml uv.lock
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet uv \
		|| $(PYTHON) -m pip install --quiet --user --break-system-packages uv
	$(UV) sync --frozen --python $(PYTHON)
	@touch $@

build: setup  ## build and publish warehouse/envwh.duckdb from raw/
	$(ENVWH) build

test: setup  ## run every test: lint, unit, integration (dbt tests and GX suites run inside the builds)
	$(VENV)/bin/ruff check orchestration tests bench
	$(VENV)/bin/ruff format --check orchestration tests bench
	$(VENV)/bin/pytest

validate: setup
	$(ENVWH) validate

docs: setup
	$(ENVWH) docs

dev: setup  ## Dagster UI on http://127.0.0.1:3000 (run history kept in .dagster_home/)
	mkdir -p .dagster_home
	DAGSTER_HOME=$(CURDIR)/.dagster_home $(VENV)/bin/dagster dev -h 127.0.0.1 -p 3000

bench: setup
	$(VENV)/bin/python bench/bench_build.py

clean:
	rm -rf $(VENV) dbt_project/target warehouse/*.duckdb* warehouse/docs warehouse/exports
