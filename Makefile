# `make run` and `make test` work in a fresh clone with nothing but Python 3.11.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3 2>/dev/null)
VENV := .venv
BIN := $(VENV)/bin
# Touched after each install: the environment is rebuilt only when pyproject.toml changes.
INSTALLED := $(VENV)/.installed

HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint bench messages

run: $(INSTALLED)
	$(BIN)/jisr run --host $(HOST) --port $(PORT)

test: $(INSTALLED)
	$(BIN)/pytest

# mypy --strict over every wing, the tests and the benchmarks (the files of [tool.mypy]).
lint: $(INSTALLED)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy

bench: $(INSTALLED)
	$(BIN)/python -m bench.actor_map

# The console's messages: extract from web/ into the template, then bring ar and fr up to date.
messages: $(INSTALLED)
	$(BIN)/pybabel -q extract -F web/babel.cfg --project=Jisr --copyright-holder="Jisr contributors" -k N_ -k _ --no-location --sort-output --omit-header -o web/locale/messages.pot .
	for lang in ar fr; do test -f web/locale/$$lang/LC_MESSAGES/messages.po || $(BIN)/pybabel -q init -i web/locale/messages.pot -d web/locale -l $$lang; done
	$(BIN)/pybabel -q update -i web/locale/messages.pot -d web/locale --no-fuzzy-matching --ignore-obsolete

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "Jisr needs Python 3.11 and found none; set PYTHON=/path/to/python3.11" >&2; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Jisr needs Python 3.11; $(PYTHON) is " + sys.version.split()[0] + ": set PYTHON=/path/to/python3.11")'
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@
