#!/usr/bin/env bash
# Stress (issue 17): four ingests of different corpora and two `check` loops at once on one new
# database, while stress-ng loads every core, ROUNDS times (default 5). Every ingest completes
# with the exit status it has alone, every check succeeds with valid JSON, the articles and
# claims are exactly those of the same corpora ingested one after the other, and
# integrity_check is ok. No step depends on the machine's speed: processes are waited for, and
# the checks run until the ingests have ended (at least once each).
#   tests/stress/concurrent_writers.sh BUILD/tradecheck SOURCE_DIR [ROUNDS]
# Run by `make test-stress` (ROUNDS=20 by hand); needs python3, sqlite3 and stress-ng.
set -u
source "$(dirname "$0")/../cli/lib.bash"
rounds=${3:-${ROUNDS:-5}}
for tool in sqlite3 stress-ng python3; do
  command -v "$tool" > /dev/null || { echo "FAIL: $tool is missing (make deps installs it)"; exit 1; }
done

# The corpora: Reuters stories and modern news from ../shared when it is there, generated JSON
# Lines, and a directory of text and Markdown files (the seeds and generated ones).
reuters="$SRC/../shared/corpora/reuters-21578/all.jsonl"
modern="$SRC/../shared/corpora/modern-news/articles.jsonl"
python3 - "$reuters" "$modern" <<'PY'
import json, os, sys
reuters, modern = sys.argv[1:3]
def generated(name, n, part):
    with open(name, "w") as f:
        for i in range(n):
            f.write(json.dumps({"id": f"{name}-{i}", "title": f"story {i}", "date": "1987-03-01",
                                "text": f"TOKYO, March 1 - Japan's trade surplus was {i % 97 + part}.5 billion dlrs in "
                                        f"February, and the U.S. imposed {i % 40 + 10} pct tariffs on {i} mln dlrs "
                                        f"of goods."}) + "\n")
def head(src, name, n, part):
    if not os.path.exists(src):
        return generated(name, n, part)
    with open(src) as f, open(name, "w") as out:
        for i, line in zip(range(n), f):
            out.write(line)
head(reuters, "reuters.jsonl", 6000, 1)
head(modern, "modern.jsonl", 1500, 2)
generated("generated.jsonl", 5000, 3)
os.makedirs("files", exist_ok=True)
for i in range(300):
    with open(f"files/story{i}.md", "w") as f:
        f.write(f"---\ntitle: story {i}\ndate: 2024-05-0{i % 9 + 1}\nsource: Wire {i % 7}\n---\n"
                f"Canada imposed a {i % 30 + 5}% tariff on steel from China, and exports rose {i % 11}.5% in 2023.\n")
PY
cp "$SRC"/seeds/*.txt "$SRC"/seeds/manifest.csv files/
corpora=(reuters.jsonl modern.jsonl generated.jsonl files)

dump() {
  sqlite3 "$1" "SELECT id, sha256 FROM articles ORDER BY id;
                SELECT article_id, start, \"end\", kind, key, value, rule_id FROM claims ORDER BY article_id, start, kind;"
}

# The reference: the same corpora ingested one after the other, and each one's exit status.
statuses=()
for c in "${corpora[@]}"; do
  nice -n 10 "$TC" ingest -q --db ref.db "$c" 2> ref.err
  statuses+=($?)
done
dump ref.db > ref.txt
articles=$(sqlite3 ref.db "SELECT count(*) FROM articles")
echo "reference: $articles articles, $(sqlite3 ref.db "SELECT count(*) FROM claims") claims, exit statuses ${statuses[*]}"

hog=""
trap '[ -n "$hog" ] && kill "$hog" 2> /dev/null; rm -rf "$WORK"' EXIT
for round in $(seq "$rounds"); do
  rm -f s.db s.db-wal s.db-shm s.db-writers ./*.err ./*.json done
  stress-ng --cpu 0 --timeout 1h --quiet & hog=$!
  t0=$(date +%s.%N)
  pids=()
  for i in "${!corpora[@]}"; do
    "$TC" ingest -q --db s.db "${corpora[$i]}" 2> "ingest$i.err" & pids+=($!)
  done
  # Two checks in a loop until every ingest has ended; a check needs the database to exist.
  for k in 1 2; do
    (
      n=0
      until [ -f done ] && [ "$n" -gt 0 ]; do
        if [ -f s.db ] && [ "$(sqlite3 s.db 'PRAGMA user_version' 2> /dev/null || echo 0)" -ge 1 ] 2> /dev/null; then
          "$TC" check --db s.db --format json > "check$k.json" 2> "check$k.err" || { echo "exit $?" >> "check$k.failed"; cat "check$k.err" >> "check$k.failed"; }
          python3 -c "import json, sys; json.load(open(sys.argv[1]))" "check$k.json" 2>> "check$k.failed" || echo "invalid JSON" >> "check$k.failed"
          n=$((n + 1))
        else
          sleep 0.05   # polling for the file, not timing anything
        fi
      done
      echo "$n" > "check$k.runs"
    ) & pids+=($!)
  done
  for i in "${!corpora[@]}"; do
    wait "${pids[$i]}"
    got=$?
    [ "$got" = "${statuses[$i]}" ] && ok || fail "round $round: ingest of ${corpora[$i]} exited $got (alone: ${statuses[$i]}): $(grep -v waiting "ingest$i.err" | head -c 400)"
  done
  touch done
  wait "${pids[4]}" "${pids[5]}"
  kill "$hog" 2> /dev/null; wait "$hog" 2> /dev/null; hog=""
  secs=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')
  for k in 1 2; do
    [ ! -s "check$k.failed" ] && ok || fail "round $round: check $k failed: $(head -c 400 "check$k.failed")"
  done
  n=$(sqlite3 s.db "SELECT count(*) FROM articles")
  [ "$n" = "$articles" ] && ok || fail "round $round: expected $articles articles, found $n"
  dump s.db > s.txt
  cmp -s ref.txt s.txt && ok || fail "round $round: stored articles or claims differ from the one-by-one ingest"
  check=$(sqlite3 s.db "PRAGMA integrity_check")
  [ "$check" = ok ] && ok || fail "round $round: integrity_check says $check"
  waits=$(cat ingest*.err | grep -c 'waiting for another writer')
  longest=$(cat ingest*.err | sed -n 's/.*waited \([0-9.]*\) s for another writer.*/\1/p' | sort -n | tail -1)
  echo "round $round: ${secs} s, checks ran $(cat check1.runs) and $(cat check2.runs) times, $waits waits over 1 s (longest ${longest:-none} s)"
done
finish
