# Two commands for a newcomer (Python 3.11+):  `make run`  and  `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test install install-dev lint typecheck architecture pytest eval bench clean wheel

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is required")'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --disable-pip-version-check -q -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --disable-pip-version-check -q -e '.[dev]'
	@touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## run: install, check the port, migrate the SQLite file and serve with the in-process worker
## (prints the dashboard URL; Ctrl-C hands running jobs back to the queue, a second Ctrl-C quits at once)
run: install
	@$(BIN)/creditor-matcher serve --host $(HOST) --port $(PORT)

## wheel: build dist/creditor_matcher-*.whl (the Alembic scripts inside), installable with pip anywhere
wheel: | $(BIN)/python
	$(BIN)/pip wheel --disable-pip-version-check --no-deps -w dist .

## test: install everything the suite needs, then lint, type-check, layer-check and test
test: install-dev
	@bash scripts/install-system-deps.sh
	$(BIN)/ruff check app tests bench alembic
	$(BIN)/mypy app
	$(BIN)/lint-imports
	$(BIN)/pytest

eval: install
	$(BIN)/creditor-matcher eval ../shared/corpus/dev

clean:
	rm -rf $(VENV) var build dist .pytest_cache .mypy_cache .ruff_cache
