# Shared by bench/ingest.sh and bench/web.sh: `source "$(dirname "$0")/lib.bash"` after set -euo
# pipefail, with BENCH_NAME ("the ingest bench") and BENCH_OUT (a folder under bench/out) set.
# Sets bin (absolute), here, repo, shared and corpus (Reuters-21578 JSON Lines); skips (exit 0)
# when ../shared is missing, fails when the binary is not built; empties $out and points
# TRADECHECK_DB into it.
bin=${1:-build/tradecheck}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
shared=${TRADECHECK_SHARED_DIR:-$repo/../shared}
corpus=$shared/corpora/reuters-21578/all.jsonl
out=$here/out/$BENCH_OUT

if [[ ! -f $corpus ]]; then
  echo "bench: $corpus not found (../shared missing): skipping $BENCH_NAME." >&2
  exit 0
fi
if [[ ! -x $bin ]]; then
  echo "bench: $bin is not built; run 'make build' first." >&2
  exit 1
fi
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
rm -rf "$out"
mkdir -p "$out"
export TRADECHECK_DB="$out/unused.db"
unset TRADECHECK_RULES

# measure NAME command...: wall seconds and peak RSS (KiB) of one run, into $out/NAME.{s,kb},
# timed by bench/timed.py from just before the process starts to just after it ends.
measure() {
  local name=$1; shift
  python3 "$here/timed.py" "$out/$name" "$@" || {
    echo "bench: '$*' failed:" >&2; tail -5 "$out/$name.err" >&2; exit 1; }
}
