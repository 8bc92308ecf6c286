# make demo: set everything up and normalize the bundled seed article.
# make test: set everything up and run the whole test suite.
# Both work on a fresh clone with Python 3.10+ and a Rust toolchain.
# make dist: the wheel (manylinux2014 x86_64) and the sdist, into dist/; their metadata
# and README checked as the package index will render them (twine check).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
# maturin develop needs to know which environment it builds for.
IN_VENV := VIRTUAL_ENV=$(abspath $(VENV)) PATH=$(abspath $(BIN)):$$PATH

.PHONY: demo test test-slow bench build browser shells man docs docs-site docs-serve dist dist-check lint fmt clean

# The editable install builds the extension once, with the Cargo profile make
# build uses next (so it is not compiled twice), and records stemline's metadata
# (version, dependencies, the `stemline` command); `make build` then only rebuilds
# the extension in place.
$(VENV)/.base: pyproject.toml Cargo.toml
	@echo "setting up $(VENV): stemline, editable, with its dependencies"
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --upgrade "pip>=25.1" "maturin>=1.9,<2"
	@MATURIN_PEP517_ARGS="--profile $(BUILD_PROFILE)" $(PY) -m pip install --quiet -e .
	@touch $@

# Development dependencies are dependency groups of pyproject.toml, not extras:
# they are never published with the package.
$(VENV)/.test: $(VENV)/.base pyproject.toml
	@echo "installing the test and lint dependencies into $(VENV)"
	@$(PY) -m pip install --quiet --group test --group lint
	@touch $@

# Rebuilds the native extension when Rust sources changed (incremental; a no-op
# otherwise). Python sources are used in place (editable install), with their
# bytecode compiled as pip compiles an installed wheel's: where
# PYTHONDONTWRITEBYTECODE is set, every command would otherwise compile them again.
# --skip-install: the editable install is already there, and installing again had
# pip print an "Ignoring ...: markers 'extra == ...' don't match" line for every
# optional dependency. maturin reports its steps even with --quiet (which quiets
# only cargo): they are shown if the build fails.
# The Cargo profile of the extension: release (fat LTO, one codegen unit) for what
# is measured or run (demo, bench, dist); quick for the test suite, the same code
# without link-time optimization, which compiles in about 60% of the time on two cores.
BUILD_PROFILE ?= release

build: $(VENV)/.base
	@echo "building the native extension (maturin develop --profile $(BUILD_PROFILE))"
	@out=$$($(IN_VENV) $(BIN)/maturin develop --profile $(BUILD_PROFILE) --quiet \
	  --skip-install 2>&1) || \
	  { printf '%s\n' "$$out" >&2; exit 1; }
	@$(PY) -m compileall -q python/stemline

demo: build
	$(BIN)/stemline normalize examples/article.txt

# The browser tests open pages in Debian's headless Chromium, driven through Debian's
# chromedriver: installed here when missing, as root (never downloaded). Without root,
# one line says so and the test suite skips those tests (with CI=true it fails).
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "installing chromium and chromium-driver (apt-get)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    chromium chromium-driver >/dev/null; \
	else \
	  echo "no chromium or chromedriver, and installing them needs root" \
	    "(sudo make browser): the browser tests will be skipped"; \
	fi

# The completion tests run the scripts in the real shells: zsh and fish are
# installed here when missing, as root, as the browser is (without root, their
# tests are skipped, or fail with CI=true).
shells:
	@command -v zsh >/dev/null && command -v fish >/dev/null || \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "installing zsh and fish (apt-get)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    zsh fish >/dev/null; \
	else \
	  echo "no zsh or fish, and installing them needs root" \
	    "(sudo make shells): their completion tests will be skipped"; \
	fi

# The manual pages (man/), written from the command line's own declarations;
# the test suite checks they are current.
man: build
	$(PY) -m stemline.commands.manpage man

# pytest runs on every core (pytest-xdist; work stealing, as the slowest files
# take far longer than the rest); TEST_JOBS=1 runs it in one process.
TEST_JOBS ?= $(shell nproc 2>/dev/null || echo 2)

test: BUILD_PROFILE = quick
test: $(VENV)/.test build browser shells
	cargo test --quiet --workspace
	$(PY) -m pytest -m "not slow" -n $(TEST_JOBS) --dist worksteal

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
	$(PY) benchmarks/lemmatize_bench.py
	$(PY) benchmarks/word_tokenize_bench.py
	NLTK_DATA=tests/data/nltk_data $(PY) benchmarks/snowball_bench.py
	$(PY) benchmarks/heavy_tail.py
	$(PY) benchmarks/memory.py
	$(PY) benchmarks/corpus_bench.py
	$(PY) benchmarks/tokenize_bench.py

# The BBC corpus report, its screenshot, and the Python API guide's unstem table (printed).
docs: $(VENV)/.test build browser
	$(PY) docs/bbc_examples.py

# The documentation site (MkDocs), into site/ (open site/index.html); the test suite
# builds it with --strict too. Its lists of stemmers and formats are read from the
# built stemline. MkDocs's own banner about its successor is left out.
docs-site: $(VENV)/.test build
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

# The site served at http://127.0.0.1:8000/stemline/ (search included), rebuilt when a
# page changes; Ctrl-C stops it.
docs-serve: $(VENV)/.test build
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve

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
