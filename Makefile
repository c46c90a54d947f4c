# Default: tests and lint. Each target is one command a newcomer can also run by hand.
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: all test lint eval golden bench install ledger
all: test lint

install:
	python3 -m venv $(VENV) && $(VENV)/bin/pip install -q -U pip && $(VENV)/bin/pip install -q -e '.[test,dev]'

test:
	$(VENV)/bin/pytest -q

lint:
	$(VENV)/bin/ruff check headcount tests bench
	$(VENV)/bin/ruff format --check headcount tests bench

eval:
	$(VENV)/bin/headcount eval --gold ../shared/corpus/seeds/gold.jsonl ../shared/corpus/seeds

# Regenerate the expected claims of the golden articles; review the diff before committing.
golden:
	$(PY) -m tests.golden.regenerate

bench:
	$(PY) bench/extract.py
	$(PY) bench/ingest.py

# Fill the embedded ledger (headcount.db) with the sample articles and list their claims.
ledger:
	$(VENV)/bin/headcount ingest samples/ && $(VENV)/bin/headcount claims
