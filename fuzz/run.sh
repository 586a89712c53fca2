#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for SECONDS seconds over its corpus.
#
#   bash fuzz/run.sh [SECONDS]        (default 60; `make fuzz FUZZ_SECONDS=N` calls this)
#
# - Needs Debian's clang and its fuzzer runtime (libclang-rt-14-dev). When they are missing
#   and we run as root they are installed with apt-get; otherwise this stops with a message.
# - Builds the project with clang into build-fuzz/ (override with FUZZ_BUILD=dir), everything
#   instrumented for coverage (-fsanitize=fuzzer-no-link) and under AddressSanitizer and
#   UndefinedBehaviorSanitizer; only fuzz/*.cpp link libFuzzer's main.
# - Runs each target for SECONDS over fuzz/corpus/<target>/ (the seed corpus, kept in the
#   repository and only read) plus build-fuzz/corpus/<target>/ (where new inputs go).
#   FUZZ_MERGE=1 afterwards merges coverage-increasing inputs into fuzz/corpus/<target>/,
#   unless the merged corpus would pass 200 files or 1 MB.
# - FUZZ_TARGETS="quantity_grammar ..." picks targets. FUZZ_WERROR=OFF builds without -Werror.
# - Exits 1 if any target crashed, leaked, timed out or broke an invariant, and prints the
#   path of the input that did it (build-fuzz/crashes/<target>-crash-...). Reproduce with
#   build-fuzz/fuzz/fuzz_<target> <that file>.
set -euo pipefail

SECONDS_EACH="${1:-60}"
case "$SECONDS_EACH" in
  ''|*[!0-9]*) echo "usage: fuzz/run.sh [SECONDS]" >&2; exit 2 ;;
esac
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="${FUZZ_BUILD:-$ROOT/build-fuzz}"
TARGETS="${FUZZ_TARGETS:-quantity_grammar rule_parser article_reader web_input}"
JOBS="${JOBS:-$(nproc 2>/dev/null || echo 2)}"
MAX_FILES=200
MAX_BYTES=$((1024 * 1024))

log() { echo "fuzz: $*" >&2; }

# ---- clang and libFuzzer ---------------------------------------------------------------
probe_clang() {
  command -v clang++ >/dev/null 2>&1 || return 1
  local dir
  dir="$(mktemp -d)"
  printf '#include <cstddef>\n#include <cstdint>\nextern "C" int LLVMFuzzerTestOneInput(const std::uint8_t*, std::size_t) { return 0; }\n' \
    > "$dir/probe.cpp"
  clang++ -fsanitize=fuzzer,address,undefined "$dir/probe.cpp" -o "$dir/probe" >/dev/null 2>&1
  local rc=$?
  rm -rf "$dir"
  return $rc
}

if ! probe_clang; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing clang and libclang-rt-14-dev (libFuzzer) with apt-get"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang libclang-rt-14-dev >/dev/null
  fi
  if ! probe_clang; then
    echo "fuzz: clang++ with libFuzzer is not available. Install Debian's clang and" \
         "libclang-rt-14-dev (as root: apt-get install clang libclang-rt-14-dev), then run again." >&2
    exit 1
  fi
fi
log "$(clang++ --version | head -n 1)"

# ---- build -----------------------------------------------------------------------------
mkdir -p "$BUILD"
start_build=$(date +%s)
cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_FLAGS=-fsanitize=fuzzer-no-link \
  -DTRADECHECK_SANITIZE=address,undefined -DTRADECHECK_WERROR="${FUZZ_WERROR:-ON}" \
  -DBUILD_TESTING=OFF -DTRADECHECK_FUZZ=ON >"$BUILD/configure.log" 2>&1 \
  || { cat "$BUILD/configure.log" >&2; exit 1; }
cmake --build "$BUILD" -j "$JOBS" --target fuzz_targets
log "build took $(( $(date +%s) - start_build )) s"

# ---- run -------------------------------------------------------------------------------
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
mkdir -p "$BUILD/crashes" "$BUILD/logs"
failed=()
summary=()
for t in $TARGETS; do
  bin="$BUILD/fuzz/fuzz_$t"
  seeds="$ROOT/fuzz/corpus/$t"
  work="$BUILD/corpus/$t"
  [ -x "$bin" ] || { echo "fuzz: no target '$t' ($bin)" >&2; exit 2; }
  mkdir -p "$seeds" "$work"
  dict=()
  [ -f "$ROOT/fuzz/dict/$t.dict" ] && dict=(-dict="$ROOT/fuzz/dict/$t.dict")
  logf="$BUILD/logs/$t.log"
  log "$t: ${SECONDS_EACH} s over $(find "$seeds" -type f | wc -l) seeds (log: $logf)"
  set +e
  "$bin" "$work" "$seeds" "${dict[@]}" -max_total_time="$SECONDS_EACH" -max_len=8192 \
    -timeout=30 -rss_limit_mb=2560 -print_final_stats=1 \
    -artifact_prefix="$BUILD/crashes/$t-" >"$logf" 2>&1
  rc=$?
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$logf" | tail -n 1)
  cov=$(grep -oE 'cov: [0-9]+' "$logf" | tail -n 1)
  if [ "$rc" != 0 ]; then
    failed+=("$t")
    echo "---- $t FAILED (exit $rc); last lines of $logf:" >&2
    tail -n 60 "$logf" >&2
    grep -E 'Test unit written to|artifact_prefix' "$logf" >&2 || true
    summary+=("$t: FAILED after ${execs:-?} runs; input: $(sed -n 's/.*Test unit written to //p' "$logf" | tail -n 1)")
  else
    summary+=("$t: ok, ${execs:-?} runs, ${cov:-cov: ?}, corpus $(find "$work" "$seeds" -type f | wc -l) inputs")
  fi

  if [ "${FUZZ_MERGE:-0}" = 1 ] && [ "$rc" = 0 ]; then
    tmp="$(mktemp -d)"
    cp -a "$seeds/." "$tmp/"
    "$bin" -merge=1 -max_len=8192 "$tmp" "$work" >"$BUILD/logs/$t.merge.log" 2>&1 || true
    files=$(find "$tmp" -type f | wc -l)
    bytes=$(du -sb "$tmp" | cut -f1)
    if [ "$files" -le "$MAX_FILES" ] && [ "$bytes" -le "$MAX_BYTES" ]; then
      cp -n "$tmp"/* "$seeds/" 2>/dev/null || true
      log "$t: merged corpus now $(find "$seeds" -type f | wc -l) files"
    else
      log "$t: not merging: the corpus would have $files files, $bytes bytes (limit $MAX_FILES, $MAX_BYTES)"
    fi
    rm -rf "$tmp"
  fi
done

echo "fuzz summary (${SECONDS_EACH} s each):"
printf '  %s\n' "${summary[@]}"
if [ "${#failed[@]}" -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]} (reproduce: $BUILD/fuzz/fuzz_<target> <input>)" >&2
  exit 1
fi
