# The two set-up commands: `make run` (the app with a demo portfolio on SQLite) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export FLASK_APP := wsgi

.PHONY: run test test-sqlite test-postgres assets install install-test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# setup.py compiles the importer's and the tagger's hot modules with mypyc into .so files beside them, which
# Python loads in place of the .py: a change to one of those (the list is setup.py's) rebuilds them
# (tests/conftest.py refuses to run stale ones).
COMPILED := $(shell grep -o '"portfolio/[a-z_/]*\.py"' setup.py | tr -d '"')
$(VENV)/.installed: pyproject.toml setup.py $(COMPILED) | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

portfolio/static/vendor/nhsuk/nhsuk-frontend.min.css: node_modules/.package-lock.json tools/build_assets.py
	$(BIN)/python tools/build_assets.py

install: $(VENV)/.installed
assets: install portfolio/static/vendor/nhsuk/nhsuk-frontend.min.css

run: install assets
	$(BIN)/flask db upgrade
	$(BIN)/flask demo
	$(BIN)/flask run --host 127.0.0.1 --port 5000

# SQLite for everything; then, when TEST_DATABASE_URL is set, the database-backed tests again on PostgreSQL.
test: install assets
	$(BIN)/ruff check .   # lint (pyproject's [tool.ruff]); a finding fails
	$(BIN)/bandit -c pyproject.toml -q -r portfolio -ll   # medium/high findings fail; skips explained in pyproject
	$(BIN)/pip-audit --skip-editable --progress-spinner off --desc off   # a known vulnerability fails (README)
	env -u TEST_DATABASE_URL $(BIN)/python -m pytest
	@if [ -n "$$TEST_DATABASE_URL" ]; then \
		echo "== again on PostgreSQL ($$TEST_DATABASE_URL): tests/web"; \
		$(BIN)/python -m pytest tests/web; \
	else echo "TEST_DATABASE_URL is not set: the PostgreSQL run was skipped."; fi

# Each benchmark prints ratios measured side by side in one run (see the README's figures).
bench: install
	$(BIN)/python bench/import_speed.py
	$(BIN)/python bench/import_end_to_end.py
	$(BIN)/python -m bench.tagging_speed
	$(BIN)/python -m bench.tagging_quality
	$(BIN)/python bench/dashboard_speed.py
	$(BIN)/python bench/export_speed.py
	$(BIN)/python bench/load.py --quick

clean:
	rm -rf $(VENV) node_modules portfolio/static/vendor instance test-artifacts build
	find portfolio -name '*.so' -delete
	rm -f portfolio_*__mypyc*.so
