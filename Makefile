# The two commands: `make demo` and `make test`. Both set up .venv with pinned dependencies first.
# `make fuzz` fuzzes the readers, the cleaner and the pipeline for FUZZ_SECONDS each, then runs
# the crash loop (`make crash`: CRASH_KILLS SIGKILLs of `eventwire ingest`, CRASH_WORKERS cycles
# side by side). Figures go to fuzz/_out/, failing inputs to fuzz/_crashes/.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

FUZZ_SECONDS  ?= 60
CRASH_KILLS   ?= 100
CRASH_WORKERS ?= 2
FUZZ_OUT      := fuzz/_out

.PHONY: demo test lint bench fuzz crash clean

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "eventwire needs Python 3.11 or newer; set PYTHON=/path/to/python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check pip==26.3
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/eventwire demo

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(STAMP)
	$(BIN)/python bench/ingest.py

fuzz: $(STAMP)
	@mkdir -p $(FUZZ_OUT)
	$(BIN)/python fuzz/fuzz_readers.py --seconds $(FUZZ_SECONDS) --report $(FUZZ_OUT)/readers.json
	$(BIN)/python fuzz/fuzz_clean.py --seconds $(FUZZ_SECONDS) --report $(FUZZ_OUT)/cleaner.json
	$(BIN)/python fuzz/fuzz_pipeline.py --seconds $(FUZZ_SECONDS) --report $(FUZZ_OUT)/pipeline.json
	$(MAKE) crash

crash: $(STAMP)
	EVENTWIRE_CRASH_KILLS=$(CRASH_KILLS) EVENTWIRE_CRASH_WORKERS=$(CRASH_WORKERS) $(BIN)/python -m pytest -q -s -p no:cacheprovider tests/test_crash.py

clean:
	rm -rf $(VENV) eventwire.duckdb eventwire.duckdb.wal fuzz/_out fuzz/_crashes
