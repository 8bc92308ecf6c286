#!/usr/bin/env bash
# The distributions in dist/ as a user meets them (make dist-check; .ci/run after
# make test):
#   1. the wheel, in a fresh virtual environment with no Rust toolchain on PATH,
#      installed by the README's install commands as written (those left once
#      `make dist` has run in a clone, as here), with extras as the README installs
#      them: ci/smoke_test.py (the seed demo through the API and the `stemline`
#      command, `stemline --version`), the README's examples as doctests, and the
#      README's commands on your own files, as written, on sample files;
#   2. the sdist, in another fresh environment, built from source: ci/smoke_test.py.
# Dependencies come from the package index, as for a user.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
PYTHON=${PYTHON:-python3}

shopt -s nullglob
wheels=(dist/*.whl)
sdists=(dist/*.tar.gz)
if [ ${#wheels[@]} -ne 1 ] || [ ${#sdists[@]} -ne 1 ]; then
    echo "dist_check: dist/ must hold one wheel and one sdist (run make dist)" >&2
    exit 2
fi
wheel=$repo/${wheels[0]}
sdist=$repo/${sdists[0]}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# PATH without any directory that holds cargo or rustc.
no_rust_path=
IFS=: read -r -a path_dirs <<<"$PATH"
for dir in "${path_dirs[@]}"; do
    [ -n "$dir" ] && [ ! -e "$dir/cargo" ] && [ ! -e "$dir/rustc" ] && no_rust_path+="$dir:"
done
no_rust_path=${no_rust_path%:}

echo "wheel: $(basename "$wheel")"
"$PYTHON" -m venv "$work/wheel"
(
    # The environment activated, as the README's reader has it; pip quiet.
    export PATH="$work/wheel/bin:$no_rust_path" VIRTUAL_ENV="$work/wheel" PIP_QUIET=1
    export CARGO_HOME="$work/no-cargo" RUSTUP_HOME="$work/no-rustup"
    if command -v cargo >/dev/null || command -v rustc >/dev/null; then
        echo "dist_check: a Rust toolchain is still on PATH" >&2
        exit 1
    fi
    python ci/readme_commands.py install-in-clone >"$work/install.sh"
    bash -euo pipefail "$work/install.sh"
    # The README's examples use the reference (NLTK) and pandas, its commands report.
    pip install --find-links dist "stemline[reference,pandas,report]"
    echo "  README install: pass"
    cd "$work"
    python "$repo/ci/smoke_test.py" "$repo/examples"
    python -m doctest "$repo/README.md"
    echo "  README examples: pass"
    mkdir own-files
    python "$repo/ci/readme_commands.py" --files own-files
    python "$repo/ci/readme_commands.py" first-use >first-use.sh
    (cd own-files && bash -euo pipefail ../first-use.sh >/dev/null)
    echo "  README commands on your own files: pass"
)

echo "sdist: $(basename "$sdist")"
sdist_files=$(tar -tzf "$sdist")
if ! grep -q '^[^/]*/LICENSE$' <<<"$sdist_files"; then
    echo "dist_check: the sdist has no LICENSE" >&2
    exit 1
fi
"$PYTHON" -m venv "$work/sdist"
(
    cd "$work"
    # What this proves is that the sdist has what a build from source needs and
    # that the result works; the wheel above is the optimized build. It builds
    # with the test suite's profile, in this clone's Cargo target folder, so cargo
    # reuses what make test compiled from the same sources (a file missing from
    # the sdist still fails the build; make dist-check alone compiles it all).
    CARGO_TARGET_DIR="$repo/target" MATURIN_PEP517_ARGS="--profile quick" \
        "$work/sdist/bin/python" -m pip install --quiet --no-binary stemline "$sdist"
    "$work/sdist/bin/python" "$repo/ci/smoke_test.py" "$repo/examples"
)
echo "dist_check: passed"
