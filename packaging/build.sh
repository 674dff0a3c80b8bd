#!/usr/bin/env bash
# Build the frozen nnsim bundle with PyInstaller and check that it runs.
#
#   packaging/build.sh [--reuse-venv]
#
# 1. makes a fresh venv (build/venv-pack) holding only nnsim (installed non-editable) and
#    PyInstaller: whatever else is installed there would be frozen into the bundle too;
# 2. runs PyInstaller with packaging/nnsim.spec into dist/nnsim/ (and dist/nnsim.app on macOS);
# 3. runs the frozen `nnsim --self-test` offscreen and fails if it fails;
# 4. prints the bundle size and fails if a Linux bundle is larger than NNSIM_MAX_BUNDLE_MB (200).
#
# Works with bash on Linux, macOS and Windows (Git Bash). Environment:
#   PYTHON               interpreter that makes the venv (default: python3, else python)
#   NNSIM_MAX_BUNDLE_MB  size limit for the Linux bundle in MB (default 200)
#   NNSIM_SELFTEST_TIMEOUT  seconds the frozen self-test may take (default 600)
set -euo pipefail
cd "$(dirname "$0")/.."

reuse_venv=0
for arg in "$@"; do
    case "$arg" in
        --reuse-venv) reuse_venv=1 ;;
        -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
        *) echo "build.sh: unknown argument: $arg" >&2; exit 2 ;;
    esac
done

PYTHON=${PYTHON:-$(command -v python3 || command -v python)}
MAX_MB=${NNSIM_MAX_BUNDLE_MB:-200}
TIMEOUT=${NNSIM_SELFTEST_TIMEOUT:-600}
VENV=build/venv-pack
start=$(date +%s)

if [[ $reuse_venv == 0 || ! -d $VENV ]]; then
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
fi
if [[ -x $VENV/Scripts/python.exe ]]; then
    VPY=$VENV/Scripts/python.exe; PYINSTALLER=$VENV/Scripts/pyinstaller.exe
else
    VPY=$VENV/bin/python; PYINSTALLER=$VENV/bin/pyinstaller
fi

echo "== installing nnsim (non-editable) and PyInstaller into $VENV"
"$VPY" -m pip install --quiet --disable-pip-version-check --upgrade pip
# setuptools builds in build/lib; a stale copy there would put deleted modules into the wheel.
rm -rf build/lib build/bdist.*
"$VPY" -m pip install --quiet --disable-pip-version-check . "pyinstaller>=6.10,<7"
"$VPY" -m pip list --disable-pip-version-check --format=freeze > build/venv-pack.txt
echo "   $(grep -ciE '^(pyinstaller|pyside6|shiboken6|pyqtgraph|numpy|nnsim)' build/venv-pack.txt) key packages; full list in build/venv-pack.txt"

echo "== PyInstaller"
rm -rf dist/nnsim dist/nnsim.app build/pyinstaller
# The console script, not `python -m PyInstaller`: that would put ./nnsim (the source tree,
# without nnsim.resources) first on sys.path. Run it from build/ for the same reason.
(cd build && "../$PYINSTALLER" --noconfirm --clean --log-level WARN \
    --distpath ../dist --workpath pyinstaller ../packaging/nnsim.spec)
built=$(date +%s)

run_timeout=()
case "$(uname -s)" in
    MINGW*|MSYS*|CYGWIN*) FROZEN=dist/nnsim/nnsim.exe ;;  # (and Windows' own timeout.exe differs)
    *) FROZEN=dist/nnsim/nnsim; command -v timeout > /dev/null && run_timeout=(timeout "$TIMEOUT") ;;
esac

echo "== frozen self-test: $FROZEN --self-test"
if ! QT_QPA_PLATFORM=offscreen ${run_timeout[@]+"${run_timeout[@]}"} "$FROZEN" --self-test; then
    echo "build.sh: the frozen self-test FAILED" >&2
    exit 1
fi

size_mb=$("$VPY" - <<'EOF'
import os
total = 0
for root, _dirs, files in os.walk("dist/nnsim"):
    for name in files:
        path = os.path.join(root, name)
        if not os.path.islink(path):
            total += os.path.getsize(path)
print(round(total / 1e6))
EOF
)
end=$(date +%s)
echo "== bundle dist/nnsim: ${size_mb} MB; build $((built - start)) s, total $((end - start)) s"
if [[ $(uname -s) == Linux && $size_mb -gt $MAX_MB ]]; then
    echo "build.sh: the Linux bundle is ${size_mb} MB, over the ${MAX_MB} MB limit" >&2
    exit 1
fi
