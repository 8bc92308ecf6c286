# make demo: set everything up and normalize the bundled seed article.
# make test: set everything up and run the whole test suite.
# Both work on a fresh clone with Python 3.10+ and a Rust toolchain.
# make dist: the wheel (manylinux2014 x86_64) and the sdist, into dist/; their metadata
# and README checked as the package index will render them (twine check).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
# maturin develop needs to know which environment to install into.
IN_VENV := VIRTUAL_ENV=$(abspath $(VENV)) PATH=$(abspath $(BIN)):$$PATH

.PHONY: demo test test-slow bench build browser docs docs-site dist dist-check lint fmt clean

$(VENV)/.base: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=25.1" "maturin>=1.9,<2"
	$(PY) -m pip install --quiet -e .
	touch $@

# Development dependencies are dependency groups of pyproject.toml, not extras:
# they are never published with the package.
$(VENV)/.test: $(VENV)/.base pyproject.toml
	$(PY) -m pip install --quiet --group test --group lint
	touch $@

# Rebuilds the native extension when Rust sources changed (incremental; a no-op
# otherwise). Python sources are used in place (editable install), with their
# bytecode compiled as pip compiles an installed wheel's: where
# PYTHONDONTWRITEBYTECODE is set, every command would otherwise compile them again.
build: $(VENV)/.base
	$(IN_VENV) $(BIN)/maturin develop --release --quiet
	$(PY) -m compileall -q python/stemline

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
	$(PY) -m pip install --quiet --group bench
	touch $@

# Speed, measured (never asserted in tests): ratios against the reference and the
# alternatives in one process, then peak memory over 10 million distinct tokens.
bench: $(VENV)/.bench build
	$(PY) benchmarks/bench.py
	$(PY) benchmarks/stemmers_bench.py
	NLTK_DATA=tests/data/nltk_data $(PY) benchmarks/snowball_bench.py
	$(PY) benchmarks/heavy_tail.py
	$(PY) benchmarks/memory.py
	$(PY) benchmarks/corpus_bench.py

# The BBC corpus report, its screenshot, and the Python API guide's unstem table (printed).
docs: $(VENV)/.test build browser
	$(PY) docs/bbc_examples.py

# The documentation site (MkDocs), into site/; the test suite builds it with --strict too.
docs-site: $(VENV)/.test
	$(BIN)/mkdocs build --strict

$(VENV)/.dist: $(VENV)/.base pyproject.toml
	$(PY) -m pip install --quiet --group dist
	touch $@

# zig (the ziglang package) links against glibc 2.17, so the wheel installs on
# RHEL/Rocky 8, Ubuntu 20.04, Debian 11 and Amazon Linux 2; abi3: one wheel for
# every CPython >= 3.10.
dist: $(VENV)/.dist
	rm -rf dist
	$(IN_VENV) $(BIN)/maturin build --quiet --release --strip --zig \
	  --compatibility manylinux2014 --target x86_64-unknown-linux-gnu --out dist
	$(IN_VENV) $(BIN)/maturin sdist --out dist
	@report=$$($(BIN)/auditwheel show dist/*.whl) && case "$$report" in \
	  *'platform tag:'*'"manylinux_2_17_x86_64"'*) echo "auditwheel: manylinux_2_17_x86_64" ;; \
	  *) echo "$$report" >&2; echo "make dist: the wheel is not manylinux_2_17_x86_64" >&2; exit 1 ;; \
	esac
	$(BIN)/twine check --strict dist/*
	@ls -1 dist/*

# The built distributions as a user meets them: fresh environments, no Rust for
# the wheel, a build from source for the sdist.
dist-check: dist
	ci/dist_check.sh

lint: $(VENV)/.test build
	$(BIN)/ruff check python tests examples benchmarks docs ci
	$(BIN)/ruff format --check python tests examples benchmarks docs ci
	$(PY) -m mypy  # --strict on the package, the typed example, ci/ and docs/ (pyproject.toml)
	$(PY) -m mypy.stubtest stemline._native
	$(BIN)/actionlint .github/workflows/*.yml
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --quiet -- -D warnings

fmt: $(VENV)/.test
	$(BIN)/ruff format python tests examples benchmarks docs ci
	$(BIN)/ruff check --fix python tests examples benchmarks docs ci
	cargo fmt --all

clean:
	rm -rf $(VENV) target dist site python/stemline/_native*.so
