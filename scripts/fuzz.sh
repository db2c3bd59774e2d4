#!/usr/bin/env bash
# Builds the libFuzzer harnesses of tests/fuzz with clang into build-fuzz/ and runs each for
# SECONDS (default 60) on its seed corpus (docs/SECURITY.md, "Fuzzing"). New inputs go to
# build-fuzz/corpus-work/NAME, never into the repository; a crash, leak or timeout leaves its
# input in build-fuzz/crashes/NAME/ and the script exits non-zero naming the file.
#
#     scripts/fuzz.sh [SECONDS] [NAME...]     e.g. scripts/fuzz.sh 300 push pull
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true

scripts/install-deps.sh
# clang 16, not Debian's default clang 14: docs/SECURITY.md says why.
mkdir -p build-fuzz
if ! { cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_COMPILER=clang++-16 -DCOUNTERFOIL_FUZZ=ON &&
    cmake --build build-fuzz -j "$(nproc)"; } >build-fuzz/build.log 2>&1; then
    grep -E -A5 'error|FAILED' build-fuzz/build.log | head -40 >&2
    echo "fuzz: the build failed; build-fuzz/build.log has all of it" >&2
    exit 1
fi

# The longest input each harness tries: a little over its largest seed.
max_len() {
    case "$1" in
    push | pull) echo 32768 ;;
    form | categories | classifier_rules | script_phrases) echo 16384 ;;
    calendar | sla_policy | ticket_text | json_scan | console_messages | messages) echo 8192 ;;
    phone | ticket_number) echo 64 ;;
    *) echo 4096 ;;
    esac
}

names=("$@")
if [ ${#names[@]} -eq 0 ]; then
    for f in tests/fuzz/*_fuzz.cpp; do
        n="$(basename "$f" _fuzz.cpp)"
        names+=("$n")
    done
fi

export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
mkdir -p build-fuzz/dicts build-fuzz/logs
failed=()
printf '%-18s %10s %8s %7s %7s %6s  %s\n' harness executions exec/s cov ft rss_mb result
for name in "${names[@]}"; do
    bin="build-fuzz/tests/fuzz/${name}_fuzz"
    seeds="tests/fuzz/corpus/$name"
    work="build-fuzz/corpus-work/$name"
    crashes="build-fuzz/crashes/$name"
    log="build-fuzz/logs/$name.log"
    mkdir -p "$work" "$crashes" "$seeds"
    # A harness's dictionary: its own words, after JSON's tokens for the JSON harnesses.
    case "$name" in
    phone | ticket_number | console_query) cp "tests/fuzz/$name.dict" build-fuzz/dicts/ ;;
    *) cat tests/fuzz/json.dict "tests/fuzz/$name.dict" >"build-fuzz/dicts/$name.dict" ;;
    esac
    dict=(-dict="build-fuzz/dicts/$name.dict")
    status=0
    "$bin" -max_total_time="$seconds" -max_len="$(max_len "$name")" -rss_limit_mb=2048 \
        -malloc_limit_mb=1024 -timeout=10 -print_final_stats=1 \
        -artifact_prefix="$crashes/" "${dict[@]}" "$work" "$seeds" >"$log" 2>&1 || status=$?
    stat() { sed -n "s/^stat::$1: *//p" "$log" | tail -1; }
    # The last status line ("#N DONE cov: C ft: F ...") has the coverage.
    cov="$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2 || true)"
    ft="$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2 || true)"
    result=ok
    if [ "$status" -ne 0 ]; then
        artifact="$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)"
        result="FAILED (exit $status): ${artifact:-see $log}"
        failed+=("$name")
    fi
    printf '%-18s %10s %8s %7s %7s %6s  %s\n' "$name" "$(stat number_of_executed_units)" \
        "$(stat average_exec_per_sec)" "${cov:--}" "${ft:--}" "$(stat peak_rss_mb)" "$result"
done

if [ ${#failed[@]} -ne 0 ]; then
    echo "fuzz: ${failed[*]} failed; the logs are in build-fuzz/logs/" >&2
    for name in "${failed[@]}"; do
        grep -E 'ERROR|invariant failed|SUMMARY|Test unit written' "build-fuzz/logs/$name.log" |
            head -5 >&2 || true
    done
    exit 1
fi
