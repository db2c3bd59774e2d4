#!/usr/bin/env bash
# Installs what is missing, builds Debug with ASan and UBSan into build-test/, and runs every
# doctest suite through ctest, under xvfb-run so the window and screenshot tests have a display.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build-test -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCOUNTERFOIL_SANITIZE=ON >/dev/null
cmake --build build-test -j "$(nproc)"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
cd build-test
# Under a virtual display: the window, screenshot and font tests open a real GLFW window.
xvfb-run -a -s "-screen 0 1920x1080x24" ctest --output-on-failure -j "$(nproc)"
