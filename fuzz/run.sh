#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer harnesses with clang under ASan+UBSan and runs each for SECONDS.
#
#   fuzz/run.sh SECONDS [TARGET...]     TARGET: textdecoder wirecopy markup analyzer documents (default: all)
#
# Needs clang and libclang-rt-14-dev (Debian). The build goes to build-fuzz/ (LEDE_FUZZ_BUILD to
# change it); the growing corpus to build-fuzz/corpus/TARGET, seeded from fuzz/seeds/TARGET. A crash,
# a sanitizer report or an input slower than 10 s stops that target, leaves the input in
# build-fuzz/crashes/TARGET/ and makes the script exit 1 (after running the other targets). Keep
# such an input in tests/data/fuzz/TARGET/ once fixed: tests/model/tst_fuzzregressions replays it.
set -eu
seconds=${1:?usage: fuzz/run.sh SECONDS [TARGET...]}
shift
src=$(cd "$(dirname "$0")/.." && pwd)
build=${LEDE_FUZZ_BUILD:-$src/build-fuzz}
targets=${*:-textdecoder wirecopy markup analyzer documents}

command -v clang++ >/dev/null || { echo "fuzz/run.sh: clang++ is missing (apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }
CXX=clang++ cmake -S "$src" -B "$build" -G Ninja -DLEDE_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DLEDE_BUILD_TESTS=OFF -DLEDE_BUILD_BENCH=OFF >/dev/null
cmake --build "$build"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=""
for t in $targets; do
    case $t in
    analyzer) maxlen=16384 ;;
    *) maxlen=65536 ;;
    esac
    mkdir -p "$build/corpus/$t" "$build/crashes/$t"
    echo "== fuzz_$t for ${seconds}s"
    if ! "$build/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$maxlen" \
        -print_final_stats=1 -artifact_prefix="$build/crashes/$t/" "$build/corpus/$t" "$src/fuzz/seeds/$t" \
        2>"$build/fuzz_$t.log"; then
        failed="$failed $t"
        grep -E "ERROR|SUMMARY|check failed|Test unit written" "$build/fuzz_$t.log" | head -20 >&2
    fi
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$build/fuzz_$t.log" || true
done
if [ -n "$failed" ]; then
    echo "fuzz/run.sh: findings in:$failed (inputs in $build/crashes/)" >&2
    exit 1
fi
echo "fuzz/run.sh: no findings in $targets"
