#!/usr/bin/env bash
# The distributions in dist/ as a user meets them (make dist-check; .ci/run after
# make test):
#   1. the wheel, in a fresh virtual environment with no Rust toolchain on PATH:
#      ci/smoke_test.py (the seed demo through the API and the `stemline` command,
#      `stemline --version`) and the README's examples as doctests;
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
# The README's examples use the reference (NLTK) and pandas.
"$work/wheel/bin/python" -m pip install --quiet "$wheel[reference,pandas]"
(
    cd "$work"
    export PATH="$work/wheel/bin:$no_rust_path" CARGO_HOME="$work/no-cargo" RUSTUP_HOME="$work/no-rustup"
    if command -v cargo >/dev/null || command -v rustc >/dev/null; then
        echo "dist_check: a Rust toolchain is still on PATH" >&2
        exit 1
    fi
    python "$repo/ci/smoke_test.py" "$repo/examples"
    python -m doctest "$repo/README.md"
    echo "  README examples: pass"
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
    "$work/sdist/bin/python" -m pip install --quiet --no-binary stemline "$sdist"
    "$work/sdist/bin/python" "$repo/ci/smoke_test.py" "$repo/examples"
)
echo "dist_check: passed"
