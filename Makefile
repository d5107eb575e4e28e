# Two commands do all the set-up: `make run` (the app with demo data and a local login) and
# `make test` (every test, end-to-end included). Both create the virtual environment themselves.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test test-fast lint bench audit docs lock chromium clean

$(BIN)/.installed: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=25.1"
	$(BIN)/python -m pip install --quiet -r requirements.lock
	touch $@

run: $(BIN)/.installed
	$(BIN)/python scripts/dev.py

chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Chromium from Debian's packages ..."; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium >/dev/null; }

test: $(BIN)/.installed chromium
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

test-fast: $(BIN)/.installed
	$(BIN)/python -m pytest -m "not e2e"

lint: $(BIN)/.installed
	$(BIN)/ruff check .

# The statistics at 1,000 to 1M cases (BENCH_ARGS), the backtest (BACKTEST_ARGS), N people rerunning
# a statistics page at once beside a bare page (CONCURRENCY_ARGS), case saves beside raw inserts
# (SAVES_ARGS).
bench: $(BIN)/.installed
	$(BIN)/python scripts/bench_stats.py $(BENCH_ARGS)
	$(BIN)/python scripts/bench_backtest.py $(BACKTEST_ARGS)
	$(BIN)/python scripts/bench_concurrency.py $(CONCURRENCY_ARGS)
	$(BIN)/python scripts/bench_saves.py $(SAVES_ARGS)

# docs/handling-model.md from the shipped model versions (a test fails when it is not current).
docs: $(BIN)/.installed
	$(BIN)/python -m model.model_docs

# The disclosure audit on 2,000 and 20,000 synthetic cases, three seeds each (about an hour);
# `make test` runs its tests on small data. AUDIT_ARGS="--sizes 2000 --seeds 1 --pairs 50" is shorter.
audit: $(BIN)/.installed
	$(BIN)/python scripts/audit_disclosure.py $(AUDIT_ARGS)

# Re-resolve the pinned versions from pyproject.toml (runtime + dev group) into requirements.lock.
lock:
	rm -rf /tmp/hmd-lock && $(PYTHON) -m venv /tmp/hmd-lock
	/tmp/hmd-lock/bin/python -m pip install --quiet --upgrade "pip>=25.1"
	/tmp/hmd-lock/bin/python -c "import tomllib; print(*tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies'], sep='\\n')" > /tmp/hmd-lock/runtime.txt
	/tmp/hmd-lock/bin/python -m pip install --quiet --group dev -r /tmp/hmd-lock/runtime.txt
	/tmp/hmd-lock/bin/python -m pip freeze --all --exclude pip > requirements.lock

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
