#!/usr/bin/env bash
# Ingest at corpus scale: wall time, MB/s and peak memory of a fresh ingest of the Reuters-21578
# JSON Lines (19,043 stories), a re-ingest of the same file (incremental), the growth curve over
# 1x, 2x, 4x and 8x that corpus (ids made unique), and `check` over 1 million synthetic claims.
# Targets are ratios against baselines measured in the same run (machines here are shared):
#   fresh ingest MB/s >= 1/3 of `tradecheck quantities` over the same text;
#   re-ingest time < 1/10 of the fresh ingest's; growth linear, peak memory flat (< 100 MB);
#   check over 1M claims < 5x `sqlite3` GROUP BY of the same claims by key.
# Usage: bash bench/ingest.sh path/to/tradecheck   (BENCH_CLAIMS=N changes the 1 million;
# RUNS=N the runs per timing, best taken: 5, and 2 for the slower check timings)
set -euo pipefail

BENCH_NAME="the ingest bench" BENCH_OUT=ingest
source "$(dirname "$0")/lib.bash"
n_claims=${BENCH_CLAIMS:-1000000}

# best NAME command...: the lowest wall time of $RUNS runs (default 5; these commands take well
# under a second, and one run on a shared machine can be twice another), the peak RSS of the last.
# $BEFORE_EACH, if set, runs before every run but the first.
best() {
  local name=$1; shift
  local times=()
  for ((run = 0; run < ${RUNS:-5}; run++)); do
    if ((run > 0)) && [[ -n ${BEFORE_EACH:-} ]]; then eval "$BEFORE_EACH"; fi
    measure "$name" "$@"; times+=("$(cat "$out/$name.s")")
  done
  python3 -c "import sys; print(min(map(float, sys.argv[1:])))" "${times[@]}" > "$out/$name.s"
}

# 1. The same text for `quantities`: every story's body, one after the other.
python3 - "$corpus" "$out/texts.txt" <<'PY'
import json, sys
with open(sys.argv[2], 'w', encoding='utf-8') as f:
    for line in open(sys.argv[1], encoding='utf-8'):
        f.write(json.loads(line)['text'] + '\n')
PY
cat "$corpus" "$out/texts.txt" > /dev/null   # warm the page cache
mb=$(python3 -c "import os; print(os.path.getsize('$corpus')/1e6)")
text_mb=$(python3 -c "import os; print(os.path.getsize('$out/texts.txt')/1e6)")
best quantities "$bin" quantities "$out/texts.txt"
# Extraction alone (quantities + rules, no database), over the same stories (issue 4: >= 0.5x).
best extract "$bin" extract -q "$corpus"

# 2. Fresh ingest (a new database each time), then re-ingest of the unchanged file.
BEFORE_EACH="rm -f '$out/r.db' '$out/r.db-wal' '$out/r.db-shm'"
eval "$BEFORE_EACH"
best fresh "$bin" ingest -q --db "$out/r.db" "$corpus"
BEFORE_EACH=""
best reingest "$bin" ingest -q --db "$out/r.db" "$corpus"
articles=$(sqlite3 "$out/r.db" "SELECT count(*) FROM articles")
claims=$(sqlite3 "$out/r.db" "SELECT count(*) FROM claims")

# 3. Growth: 1x, 2x, 4x, 8x the corpus, ids made unique, each into a fresh database.
for k in 2 4 8; do
  python3 - "$corpus" "$out/x$k.jsonl" "$k" <<'PY'
import json, sys
src, dst, k = sys.argv[1], sys.argv[2], int(sys.argv[3])
lines = open(src, encoding='utf-8').read().splitlines()
with open(dst, 'w', encoding='utf-8') as f:
    for copy in range(k):
        for line in lines:
            r = json.loads(line)
            r['id'] = f"{r['id']}#{copy}"
            f.write(json.dumps(r, ensure_ascii=False) + '\n')
PY
done
# Every point of the curve, 1x included, is timed the same way (best of 2, one after the other),
# so that the ratios compare like with like: the best of 5 above against one run of 8x read a
# slow minute of the machine as growth.
cp "$corpus" "$out/x1.jsonl"
BEFORE_EACH="rm -f '$out/g.db' '$out/g.db-wal' '$out/g.db-shm'"
for k in 1 2 4 8; do
  eval "$BEFORE_EACH"
  RUNS=2 best "x$k" "$bin" ingest -q --db "$out/g.db" "$out/x$k.jsonl"
  rm -f "$out/x$k.jsonl"
done
BEFORE_EACH=""
rm -f "$out/g.db" "$out/g.db-wal" "$out/g.db-shm"

# 4. check over N synthetic claims against sqlite3's plain GROUP BY of the same claims by key,
# and over N/4 claims: check streams the claims, so its peak memory must not grow with them.
printf 'A 25%% tariff.\n' > "$out/seed.txt"
"$bin" ingest -q --db "$out/c.db" "$out/seed.txt"
sqlite3 "$out/c.db" "DELETE FROM claims; DELETE FROM articles;"
sqlite3 "$out/c.db" ".backup '$out/c4.db'"
python3 "$here/make_claims.py" "$out/c.db" "$n_claims"
python3 "$here/make_claims.py" "$out/c4.db" "$((n_claims / 4))"
RUNS=2 best groupby sqlite3 "$out/c.db" "SELECT key, count(*), min(low), max(high) FROM claims GROUP BY key"
RUNS=2 best check "$bin" check --db "$out/c.db" --format csv
RUNS=2 best check4 "$bin" check --db "$out/c4.db" --format csv
rm -f "$out/check.out" "$out/check4.out" "$out"/c4.db*

python3 - "$out" "$mb" "$text_mb" "$articles" "$claims" "$n_claims" <<'PY'
import sys
out, mb, text_mb, articles, claims, n_claims = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), *map(int, sys.argv[4:])
s = lambda n: float(open(f"{out}/{n}.s").read())
kb = lambda n: int(open(f"{out}/{n}.kb").read())
q, f, r, x = s("quantities"), s("fresh"), s("reingest"), s("extract")
q_mbs, f_mbs = text_mb / q, mb / f
print(f"ingest: Reuters-21578 all.jsonl, {mb:.1f} MB, {articles} articles, {claims} claims")
print(f"tradecheck quantities (text)  : {q:6.2f} s {q_mbs:7.1f} MB/s  peak {kb('quantities')/1024:6.1f} MiB")
print(f"extract (claims, no database) : {x:6.2f} s {text_mb/x:7.1f} MB/s  peak {kb('extract')/1024:6.1f} MiB"
      f"  ({q/x:.2f}x quantities' throughput; target >= 0.5x)")
print(f"fresh ingest                  : {f:6.2f} s {f_mbs:7.1f} MB/s  peak {kb('fresh')/1024:6.1f} MiB"
      f"  ({f_mbs/q_mbs:.2f}x quantities; target >= 0.33x)")
print(f"re-ingest, unchanged          : {r:6.2f} s {mb/r:7.1f} MB/s  peak {kb('reingest')/1024:6.1f} MiB"
      f"  ({r/f:.3f}x fresh; target < 0.1x)")
print("growth (fresh ingest, ids made unique):")
for k in (1, 2, 4, 8):
    t = s(f"x{k}")
    print(f"  {k}x {mb*k:6.1f} MB: {t:6.2f} s  {t/(k*s('x1')):.2f}x linear  {mb*k/t:6.1f} MB/s"
          f"  peak {kb(f'x{k}')/1024:6.1f} MiB")
flat = kb("x8") / kb("x1")
print(f"  peak memory 8x/1x: {flat:.2f} (flat is ~1; target every peak < 100 MiB)")
c, c4, g = s("check"), s("check4"), s("groupby")
print("check (--format csv, synthetic claims):")
print(f"  {n_claims:8d} claims: {c:6.2f} s  peak {kb('check')/1024:6.1f} MiB"
      f"  ({c/g:.1f}x sqlite3 GROUP BY at {g:.2f} s; target < 5x)")
print(f"  {n_claims // 4:8d} claims: {c4:6.2f} s  peak {kb('check4')/1024:6.1f} MiB")
print(f"  peak memory 4x/1x claims: {kb('check') / kb('check4'):.2f} (flat is ~1; target every peak < 100 MiB)")
PY
