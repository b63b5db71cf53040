# The two commands of the README, and their parts. Each target sets up what it needs itself:
# uv (from PyPI, into the Python that runs make) and the locked environment in .venv, its
# packages compiled to bytecode at install time: where PYTHONDONTWRITEBYTECODE is set, Python
# otherwise compiles every imported module on every run (3.5 s of each `ckg` command, measured).
PYTHON ?= python3
# uv as a module of $(PYTHON), installed from PyPI on first use (into the user site where the
# Python is externally managed)
UV := $(PYTHON) -m uv
STORE ?= sqlite:///ckg.db
HOST ?= 127.0.0.1
PORT ?= 8501

.PHONY: run test lint format setup browser clean bench bench-smoke

## run: install, load the seed data into the embedded store, open the app
run: setup
	.venv/bin/ckg --store $(STORE) ingest data/seed
	.venv/bin/ckg --store $(STORE) ui --host $(HOST) --port $(PORT)

## test: install, then run the whole suite (a real Neo4j is started for the Neo4j cases, and
## the app's end-to-end test drives Debian's headless Chromium)
test: setup browser
	.venv/bin/pytest

## lint: ruff and mypy, as CI runs them
lint: setup
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/mypy

## bench: every benchmark in benchmarks/ at full size (100,000 entities for the scale benchmark;
## a local Neo4j is started unless NEO4J_URI is set; the app pages need Chromium). WRITE=1 also
## replaces their sections of docs/BENCHMARKS.md
bench: setup
	.venv/bin/python benchmarks/run_all.py $(if $(WRITE),--write)

## bench-smoke: every benchmark at a small size, as CI runs them (tests/benchmarks/test_smoke.py)
bench-smoke: setup
	.venv/bin/python benchmarks/run_all.py --smoke

format: setup
	.venv/bin/ruff format .
	.venv/bin/ruff check --fix .

setup: .venv/.synced

## browser: Debian's Chromium for the end-to-end test (apt, as root or through sudo)
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium chromium-driver; }

.venv/.synced: pyproject.toml uv.lock
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet --disable-pip-version-check 'uv>=0.9' \
	  || $(PYTHON) -m pip install --quiet --disable-pip-version-check --user 'uv>=0.9' \
	  || $(PYTHON) -m pip install --quiet --disable-pip-version-check --user --break-system-packages 'uv>=0.9'
	$(UV) sync --frozen --compile-bytecode
	@touch $@

clean:
	rm -rf .venv .mypy_cache .ruff_cache .pytest_cache
