# Quire's commands. The README's quick start is `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install demo serve test test-slow test-postgres test-browser acceptance bench train lint typecheck migrations-check messages clean

install: $(STAMP)

# Reinstall when the lock file or the package metadata change.
$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Quire needs Python 3.11 or newer; found " + sys.version.split()[0])'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: install
	$(BIN)/quire migrate --noinput
	$(BIN)/quire load_demo
	$(BIN)/quire serve --addr $(HOST):$(PORT)

serve: install
	$(BIN)/quire migrate --noinput
	$(BIN)/quire serve --addr $(HOST):$(PORT)

# The whole suite but the browser and slow tests, on SQLite (or on QUIRE_DATABASE_URL when set),
# in a random order (pytest-randomly prints the seed; repeat an order with --randomly-seed=N).
test: install
	$(BIN)/pytest -m "not browser and not slow"

# epubcheck on large books and the long randomized differential runs; CI runs them.
test-slow: install
	$(BIN)/pytest -m "slow and not browser"

test-postgres: install
	QUIRE_DATABASE_URL=$${QUIRE_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test} $(BIN)/pytest -m "not browser and not slow"

# End-to-end tests in Chromium (Debian's /usr/bin/chromium; set QUIRE_CHROMIUM to use another).
test-browser: install
	$(BIN)/pytest -m browser tests/browser

acceptance: install
	$(PYTHON) ../shared/acceptance/check_seeds.py --cmd "$(BIN)/quire analyze"

bench: install
	$(BIN)/quire bench $(BENCH_ARGS)

# Retrain the content-warning model from ../shared/data (fixed seed: the same data give the
# same weights), print its grouped cross-validation figures and rewrite the weights file
# (TRAIN_ARGS=--no-eval skips the figures, which take minutes).
WEBIS ?= ../shared/data/webis-trigger-warnings/dev.jsonl
train: install
	$(BIN)/python -m quire.understanding.warntrain --data $(WEBIS) --out quire/understanding/data/warnings.json $(TRAIN_ARGS)

lint: install
	$(BIN)/ruff check quire tests

typecheck: install
	$(BIN)/mypy

migrations-check: install
	$(BIN)/quire makemigrations --check --dry-run

# Translations: refresh every app's catalogue from the source and compile it (needs GNU gettext).
messages: install
	$(BIN)/quire messages

clean:
	rm -rf $(VENV) build *.egg-info
