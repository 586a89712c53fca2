#!/usr/bin/env bash
# Throughput of `tradecheck quantities` against grep (the floor of any scanner) and Microsoft
# Recognizers-Text for JavaScript, on the Reuters-21578 bodies repeated to >= 100 MB, plus peak
# memory on 1x and 4x input. Usage: bash bench/run.sh path/to/tradecheck
# Figures are ratios against baselines measured in the same run; see docs/performance.md.
# BENCH_BEFORE=path/to/an/older/tradecheck also times that binary in the same run, interleaved
# with this one, so a change's before/after ratio does not depend on the machine's load.
set -euo pipefail

bin=${1:-build/tradecheck}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
shared=${TRADECHECK_SHARED_DIR:-$repo/../shared}
corpus=$shared/corpora/reuters-21578/all.jsonl
out=$here/out
target_mb=${BENCH_MB:-100}
sample_kb=${BENCH_SAMPLE_KB:-200}

if [[ ! -f $corpus ]]; then
  echo "bench: $corpus not found (../shared missing): skipping." >&2
  exit 0
fi
if [[ ! -x $bin ]]; then
  echo "bench: $bin is not built; run 'make build' first." >&2
  exit 1
fi
mkdir -p "$out"

# 1. The text: every "text" body, repeated until >= target_mb.
python3 "$here/make_corpus.py" "$corpus" "$out/base.txt"
python3 - "$out/base.txt" "$out/corpus.txt" "$target_mb" <<'PY'
import sys, shutil
src, dst, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = open(src, 'rb').read()
with open(dst, 'wb') as f:
    n = 0
    while n < mb * 1_000_000:
        f.write(data); n += len(data)
PY
size=$(stat -c %s "$out/corpus.txt")
mb=$(python3 -c "print($size/1e6)")
echo "corpus: $out/corpus.txt, $mb MB"

seconds() { # seconds of wall time of "$@", output written to a file (grep stops at the first
  # match when its output is /dev/null, so /dev/null would not measure it)
  local t0 t1
  t0=$(date +%s.%N); "$@" > "$out/timed.out"; t1=$(date +%s.%N)
  python3 -c "print($t1-$t0)"
}

# 2. grep floor and tradecheck, same file, same run (best of 2, warm cache).
cat "$out/corpus.txt" > /dev/null
g1=$(seconds grep -oE '[0-9][0-9.,]*' "$out/corpus.txt"); g2=$(seconds grep -oE '[0-9][0-9.,]*' "$out/corpus.txt")
t1=$(seconds "$bin" quantities "$out/corpus.txt"); t2=$(seconds "$bin" quantities "$out/corpus.txt")
# And on one thread: grep is single-threaded, so this ratio is the grammar's own speed.
s1=$(seconds "$bin" quantities --jobs 1 "$out/corpus.txt"); s2=$(seconds "$bin" quantities --jobs 1 "$out/corpus.txt")
g=$(python3 -c "print(min($g1,$g2))"); t=$(python3 -c "print(min($t1,$t2))"); s=$(python3 -c "print(min($s1,$s2))")
before=${BENCH_BEFORE:-}
b_mbs=""; b1_mbs=""
if [[ -n $before && -x $before ]]; then
  # interleaved with this binary (best of 2 each), so both see the same load
  b1=$(seconds "$before" quantities "$out/corpus.txt"); a1=$(seconds "$bin" quantities "$out/corpus.txt")
  b2=$(seconds "$before" quantities "$out/corpus.txt"); a2=$(seconds "$bin" quantities "$out/corpus.txt")
  bs1=$(seconds "$before" quantities --jobs 1 "$out/corpus.txt"); as1=$(seconds "$bin" quantities --jobs 1 "$out/corpus.txt")
  bs2=$(seconds "$before" quantities --jobs 1 "$out/corpus.txt"); as2=$(seconds "$bin" quantities --jobs 1 "$out/corpus.txt")
  t=$(python3 -c "print(min($t,$a1,$a2))"); s=$(python3 -c "print(min($s,$as1,$as2))")
  b_mbs=$(python3 -c "print($mb/min($b1,$b2))"); b1_mbs=$(python3 -c "print($mb/min($bs1,$bs2))")
elif [[ -n $before ]]; then
  echo "bench: BENCH_BEFORE=$before is not an executable; skipping the before/after comparison." >&2
fi
grep_mbs=$(python3 -c "print($mb/$g)"); tc_mbs=$(python3 -c "print($mb/$t)"); tc1_mbs=$(python3 -c "print($mb/$s)")

# 3. Recognizers-Text (JavaScript) on a sample, scaled to MB/s.
rt_mbs=""
head -c $((sample_kb * 1000)) "$out/base.txt" > "$out/sample.txt"
# node and npm: installed from the distribution when missing and this runs as root with apt;
# otherwise this part is skipped with a message (the grep/tradecheck figures do not need it).
if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
  if [[ $(id -u) == 0 ]] && command -v apt-get > /dev/null; then
    echo "bench: node/npm missing; installing nodejs and npm with apt-get." >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm; } > /dev/null 2>&1 ||
      echo "bench: apt-get install nodejs npm failed." >&2
  fi
fi
if command -v node > /dev/null && command -v npm > /dev/null; then
  if [[ ! -d $out/node_modules/@microsoft/recognizers-text-suite ]]; then
    npm install --prefix "$out" --no-audit --no-fund --silent @microsoft/recognizers-text-suite > /dev/null 2>&1 ||
      echo "bench: npm install of @microsoft/recognizers-text-suite failed; skipping it." >&2
  fi
  if [[ -d $out/node_modules/@microsoft/recognizers-text-suite ]]; then
    rt_s=$(NODE_PATH="$out/node_modules" node "$here/recognizers.js" "$out/sample.txt")
    rt_mbs=$(python3 -c "print($(stat -c %s "$out/sample.txt")/1e6/$rt_s)")
  fi
else
  echo "bench: node/npm not available (not root, or no apt-get: install nodejs and npm yourself);" \
       "skipping the Recognizers-Text comparison." >&2
fi

# 4. Peak memory on 1x and 4x input.
cat "$out/corpus.txt" "$out/corpus.txt" "$out/corpus.txt" "$out/corpus.txt" > "$out/corpus4.txt"
rss() { /usr/bin/time -v "$@" 2>&1 > /dev/null | awk -F: '/Maximum resident set size/ {gsub(/ /,"",$2); print $2}'; }
rss1=$(rss "$bin" quantities "$out/corpus.txt"); rss4=$(rss "$bin" quantities "$out/corpus4.txt")
rm -f "$out/corpus4.txt"

python3 - "$mb" "$grep_mbs" "$tc_mbs" "${rt_mbs:-}" "$rss1" "$rss4" "$tc1_mbs" "$b_mbs" "$b1_mbs" <<'PY'
import sys
mb, g, t, rt, r1, r4, t1, b, b1 = sys.argv[1:]
g, t, t1 = float(g), float(t), float(t1)
print(f"grep -oE '[0-9][0-9.,]*'   : {g:8.1f} MB/s")
print(f"tradecheck quantities       : {t:8.1f} MB/s   ({t/g:.2f}x grep; target >= 0.5x)")
print(f"tradecheck quantities -j 1  : {t1:8.1f} MB/s   ({t1/g:.2f}x grep, one thread)")
if b:
    b, b1 = float(b), float(b1)
    print(f"BENCH_BEFORE quantities     : {b:8.1f} MB/s   ({b/g:.2f}x grep; this binary is {t/b:.2f}x as fast)")
    print(f"BENCH_BEFORE quantities -j 1: {b1:8.1f} MB/s   ({b1/g:.2f}x grep; this binary is {t1/b1:.2f}x as fast)")
if rt:
    rt = float(rt)
    print(f"Recognizers-Text (JS), sample: {rt:8.4f} MB/s   (tradecheck is {t/rt:,.0f}x; target >= 1000x)")
print(f"peak RSS 1x: {int(r1)/1024:.1f} MiB, 4x: {int(r4)/1024:.1f} MiB (ratio {int(r4)/int(r1):.2f}; flat is ~1)")
PY
