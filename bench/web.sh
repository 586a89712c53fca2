#!/usr/bin/env bash
# Web input throughput: the same Reuters-21578 stories ingested as JSON Lines, as a folder of
# HTML pages (shaped like a news site's, scripts and furniture included) and as a .warc.gz of
# those pages (one gzip member a record, with request, redirect and image records beside them).
# Reports fresh ingest wall time, input MB/s and stories/s of each, HTML and WARC stories/s as a
# ratio of JSON Lines', the WARC re-ingest (pages known by fingerprint, not parsed), and peaks.
# Usage: bash bench/web.sh path/to/tradecheck   (BENCH_WEB_STORIES=N stories, default 5000;
# RUNS=N runs per timing, best taken, default 3)
set -euo pipefail

BENCH_NAME="the web input bench" BENCH_OUT=web
source "$(dirname "$0")/lib.bash"
stories=${BENCH_WEB_STORIES:-5000}

python3 "$here/make_web.py" "$corpus" "$out" "$stories"
cat "$out/stories.jsonl" "$out/crawl.warc.gz" "$out"/pages/*.html > /dev/null   # warm the page cache

# best NAME DB command...: the lowest wall time of $RUNS fresh runs (a new database each time).
best() {
  local name=$1 db=$2; shift 2
  local times=()
  for ((run = 0; run < ${RUNS:-3}; run++)); do
    rm -f "$db" "$db-wal" "$db-shm"
    measure "$name" "$@"; times+=("$(cat "$out/$name.s")")
  done
  python3 -c "import sys; print(min(map(float, sys.argv[1:])))" "${times[@]}" > "$out/$name.s"
}

best jsonl "$out/j.db" "$bin" ingest -q --db "$out/j.db" "$out/stories.jsonl"
best html "$out/h.db" "$bin" ingest -q --db "$out/h.db" "$out/pages"
best warc "$out/w.db" "$bin" ingest -q --db "$out/w.db" "$out/crawl.warc.gz"
measure rewarc "$bin" ingest -q --db "$out/w.db" "$out/crawl.warc.gz"
for db in j h w; do sqlite3 "$out/$db.db" "SELECT count(*) || ' ' || (SELECT count(*) FROM claims) FROM articles" > "$out/$db.count"; done

python3 - "$out" <<'PY'
import glob, os, sys
out = sys.argv[1]
s = lambda n: float(open(f"{out}/{n}.s").read())
kb = lambda n: int(open(f"{out}/{n}.kb").read())
count = lambda db: tuple(map(int, open(f"{out}/{db}.count").read().split()))
size = {"jsonl": os.path.getsize(f"{out}/stories.jsonl") / 1e6,
        "html": sum(os.path.getsize(p) for p in glob.glob(f"{out}/pages/*.html")) / 1e6,
        "warc": os.path.getsize(f"{out}/crawl.warc.gz") / 1e6}
db = {"jsonl": "j", "html": "h", "warc": "w"}
base = count("j")[0] / s("jsonl")
print(f"web input: {count('j')[0]} Reuters-21578 stories as JSON Lines, HTML pages and a .warc.gz")
for name, label in (("jsonl", "JSON Lines            "), ("html", "HTML pages (folder)   "), ("warc", "WARC (.warc.gz)       ")):
    t, (articles, claims) = s(name), count(db[name])
    print(f"{label}: {size[name]:7.1f} MB {t:6.2f} s {size[name]/t:7.1f} MB/s {articles/t:8.0f} stories/s"
          f"  ({articles/t/base:.2f}x JSON Lines)  {articles} articles {claims} claims  peak {kb(name)/1024:6.1f} MiB")
r = s("rewarc")
print(f"WARC re-ingest, unchanged: {r:6.2f} s ({r/s('warc'):.3f}x its fresh ingest)  peak {kb('rewarc')/1024:6.1f} MiB")
PY
