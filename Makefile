# make demo: set everything up and normalize the bundled seed article.
# make test: set everything up and run the whole test suite.
# Both work on a fresh clone with Python 3.10+ and a Rust toolchain.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
# maturin develop needs to know which environment to install into.
IN_VENV := VIRTUAL_ENV=$(abspath $(VENV)) PATH=$(abspath $(BIN)):$$PATH

.PHONY: demo test test-slow bench build browser docs lint fmt clean

$(VENV)/.base: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip "maturin>=1.5,<2"
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.test: $(VENV)/.base
	$(PY) -m pip install --quiet -e ".[test]" ruff
	touch $@

# Rebuilds the native extension when Rust sources changed (incremental; a no-op
# otherwise). Python sources are used in place (editable install).
build: $(VENV)/.base
	$(IN_VENV) $(BIN)/maturin develop --release --quiet

demo: build
	$(BIN)/stemline normalize examples/article.txt

# The report test opens the report in Debian's headless Chromium, driven through
# Debian's chromedriver: installed here when missing (needs root), never downloaded.
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    chromium chromium-driver >/dev/null; }

test: $(VENV)/.test build browser
	cargo test --quiet --workspace
	$(PY) -m pytest -m "not slow"

# Tests that take minutes (multi-GB corpus jobs: peak memory, 1 GB line); not in make test.
test-slow: $(VENV)/.test build
	$(PY) -m pytest -m slow -s

$(VENV)/.bench: $(VENV)/.base
	$(PY) -m pip install --quiet -e ".[bench]"
	touch $@

# Speed, measured (never asserted in tests): ratios against the reference and the
# alternatives in one process, then peak memory over 10 million distinct tokens.
bench: $(VENV)/.bench build
	$(PY) benchmarks/bench.py
	$(PY) benchmarks/stemmers_bench.py
	$(PY) benchmarks/heavy_tail.py
	$(PY) benchmarks/memory.py

# The BBC corpus report, its screenshot, and the README's unstem table (printed).
docs: $(VENV)/.test build browser
	$(PY) docs/bbc_examples.py

lint: $(VENV)/.test
	$(BIN)/ruff check python tests examples benchmarks
	$(BIN)/ruff format --check python tests examples benchmarks
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --quiet -- -D warnings

fmt: $(VENV)/.test
	$(BIN)/ruff format python tests examples benchmarks
	$(BIN)/ruff check --fix python tests examples benchmarks
	cargo fmt --all

clean:
	rm -rf $(VENV) target python/stemline/_native*.so
