# Two commands on a fresh machine: `make demo` (the pipeline on the bundled corpus) and
# `make test` (the test suite). Each creates .venv and installs what it needs.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
OUT := out

.PHONY: demo test bench eval corpus clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(VENV)/.installed $@

demo: $(VENV)/.installed
	@mkdir -p $(OUT)
	$(BIN)/vanban run corpus --db $(OUT)/vanban.db
	$(BIN)/vanban extract corpus -o $(OUT)/corpus.jsonl
	@echo
	$(BIN)/vanban report --db $(OUT)/vanban.db
	@echo
	@echo "JSON Lines: $(OUT)/corpus.jsonl   store: $(OUT)/vanban.db"

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q

bench: $(VENV)/.installed
	$(BIN)/vanban bench

eval: $(VENV)/.installed
	$(BIN)/vanban eval --gold ../shared/corpus/dev

corpus: $(VENV)/.installed-test
	$(BIN)/python scripts/make_corpus_files.py

clean:
	rm -rf $(OUT) $(VENV) .pytest_cache
