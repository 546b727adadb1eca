# Quick start: `make demo` and `make test`. Both create .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck unit postgres bench bench-ingest bench-media clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/foglift check examples/pokrovsk-wire.txt --published 2025-11-12

test: $(STAMP) lint typecheck postgres unit

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -rs

# The store tests run on SQLite always and on PostgreSQL when its server
# programs are installed: they start a private cluster from Debian's
# `postgresql` package (or use $$FOGLIFT_TEST_POSTGRES). This installs the
# package where apt can; it never fails the build, and says when the
# PostgreSQL cases will skip.
postgres:
	@if command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
	  echo "PostgreSQL: server programs found; store tests run on SQLite and PostgreSQL"; \
	elif [ -n "$$FOGLIFT_TEST_POSTGRES" ]; then \
	  echo "PostgreSQL: using FOGLIFT_TEST_POSTGRES for the store tests"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "PostgreSQL: installing Debian's postgresql package for the store tests"; \
	  if (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >/dev/null 2>&1; then \
	    echo "PostgreSQL: installed; store tests run on SQLite and PostgreSQL"; \
	  else \
	    echo "PostgreSQL: could not be installed; store tests will SKIP PostgreSQL (SQLite only)"; \
	  fi; \
	else \
	  echo "PostgreSQL: not installed and apt-get unavailable (or not root); store tests will SKIP PostgreSQL (SQLite only)"; \
	fi

# The speed targets on real-length text (../shared/data when present, else
# generated posts); figures and how they were recorded: benchmarks/README.md
bench: $(STAMP)
	$(BIN)/python benchmarks/real_text.py

bench-ingest: $(STAMP)
	$(BIN)/python benchmarks/real_text.py --only ingest --ingest 10000,100000
	$(BIN)/python benchmarks/ingest_telegram.py 10000 100000

# near-duplicate recall per transform, false matches, hashing speed, index
# query time at 100k and 1M hashes (docs/media.md)
bench-media: $(STAMP)
	$(BIN)/python benchmarks/media.py

clean:
	rm -rf $(VENV) build dist .mypy_cache .pytest_cache .ruff_cache
