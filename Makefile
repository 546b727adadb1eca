# Quick start: `make demo` and `make test`. Both create .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck unit postgres bench bench-ingest bench-media clean chromium serve-demo bench-serve screenshots

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/foglift check examples/pokrovsk-wire.txt --published 2025-11-12

test: $(STAMP) lint typecheck postgres chromium unit

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

# The dashboard's browser tests drive Debian's chromium (never a downloaded
# browser) through Playwright's Python client. This installs the package where
# apt can; it never fails the build, and says when the browser tests will skip.
chromium:
	@if [ -x /usr/bin/chromium ]; then \
	  echo "Chromium: /usr/bin/chromium found; dashboard browser tests run"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "Chromium: installing Debian's chromium package for the dashboard tests"; \
	  if (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1; then \
	    echo "Chromium: installed; dashboard browser tests run"; \
	  else \
	    echo "Chromium: could not be installed; dashboard browser tests will SKIP"; \
	  fi; \
	else \
	  echo "Chromium: not installed and apt-get unavailable (or not root); dashboard browser tests will SKIP"; \
	fi

# The dashboard on the demo corpus in examples/dashboard: ingest, link,
# verify against its synthetic control maps, and serve on 127.0.0.1:8000.
DEMO_DB ?= demo-dashboard.db
serve-demo: $(STAMP)
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/python examples/dashboard/make_maps.py examples/dashboard/maps
	$(BIN)/foglift ingest examples/dashboard/posts.jsonl --db $(DEMO_DB)
	$(BIN)/foglift link --db $(DEMO_DB)
	$(BIN)/foglift verify --db $(DEMO_DB) --control-maps examples/dashboard/maps
	$(BIN)/foglift serve --db $(DEMO_DB) --control-maps examples/dashboard/maps

bench-serve: $(STAMP)
	$(BIN)/python benchmarks/serve.py

# The screenshots in docs/ (needs /usr/bin/chromium and the demo store).
screenshots: $(STAMP)
	$(BIN)/python benchmarks/screenshots.py --db $(DEMO_DB) --control-maps examples/dashboard/maps

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
