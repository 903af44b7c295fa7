# Two commands on a fresh machine: `make demo` (the pipeline on the bundled corpus) and
# `make test` (the test suite). Each creates .venv and installs what it needs.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
OUT := out

.PHONY: demo test bench eval corpus clean browser ocr train vendor-js

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test,dask]"
	touch $(VENV)/.installed $@

demo: $(VENV)/.installed
	@mkdir -p $(OUT)
	$(BIN)/vanban run corpus --db $(OUT)/vanban.db
	$(BIN)/vanban extract corpus -o $(OUT)/corpus.jsonl
	@echo
	$(BIN)/vanban report --db $(OUT)/vanban.db
	@echo
	@echo "JSON Lines: $(OUT)/corpus.jsonl   store: $(OUT)/vanban.db"

test: $(VENV)/.installed-test browser ocr
	$(BIN)/lint-imports --no-cache
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

# The HTML graph page is tested in headless Chromium. Where it is missing and we are root
# with apt (CI, a fresh container), install Debian's chromium; otherwise say that the
# browser tests will be skipped. VANBAN_NO_APT=1 turns the install off.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && [ -z "$$VANBAN_NO_APT" ]; then \
	    echo "installing chromium for the browser tests (apt-get)"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 \
	      || echo "could not install chromium: browser tests will be skipped"; \
	  else \
	    echo "chromium not found (apt-get install chromium): browser tests will be skipped"; \
	  fi; }

# Scanned PDFs are read with Tesseract's Vietnamese model. Where it is missing and we are root
# with apt, install Debian's tesseract-ocr and tesseract-ocr-vie; otherwise say that the OCR
# tests will be skipped. VANBAN_NO_APT=1 turns the install off.
ocr:
	@{ command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx vie; } || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && [ -z "$$VANBAN_NO_APT" ]; then \
	    echo "installing tesseract-ocr and tesseract-ocr-vie for the OCR tests (apt-get)"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
	      tesseract-ocr tesseract-ocr-vie) >/dev/null 2>&1 \
	      || echo "could not install tesseract: OCR tests will be skipped"; \
	  else \
	    echo "tesseract with Vietnamese not found (apt-get install tesseract-ocr tesseract-ocr-vie): OCR tests will be skipped"; \
	  fi; }

bench: $(VENV)/.installed
	$(BIN)/vanban bench

eval: $(VENV)/.installed
	$(BIN)/vanban eval --gold ../shared/corpus/dev

# Refit the learned models (extractors/learned/*.model.json) from the gold in ../shared and
# eval/gold/, fixed seed; prints candidate recall and rules / model / hybrid figures per set.
train: $(VENV)/.installed-test
	$(BIN)/python -m pipeline.evaluate.train --shared ../shared

corpus: $(VENV)/.installed-test
	$(BIN)/python scripts/make_corpus_files.py

# The graph page's drawing library (graph/static/vendor/README.md): the builds and licences
# the npm packages ship. SIGMA and GRAPHOLOGY name the versions.
SIGMA ?= 3.0.3
GRAPHOLOGY ?= 0.26.0
vendor-js:
	rm -rf $(OUT)/vendor-js && mkdir -p $(OUT)/vendor-js
	cd $(OUT)/vendor-js && npm pack --silent sigma@$(SIGMA) graphology@$(GRAPHOLOGY) \
	  && for f in *.tgz; do mkdir -p $${f%.tgz} && tar xzf $$f -C $${f%.tgz}; done
	cp $(OUT)/vendor-js/sigma-$(SIGMA)/package/dist/sigma.min.js graph/static/vendor/
	cp $(OUT)/vendor-js/sigma-$(SIGMA)/package/LICENSE.txt graph/static/vendor/sigma.LICENSE.txt
	cp $(OUT)/vendor-js/graphology-$(GRAPHOLOGY)/package/dist/graphology.umd.min.js graph/static/vendor/
	cp $(OUT)/vendor-js/graphology-$(GRAPHOLOGY)/package/LICENSE.txt graph/static/vendor/graphology.LICENSE.txt

clean:
	rm -rf $(OUT) $(VENV) .pytest_cache
