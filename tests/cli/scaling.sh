#!/usr/bin/env bash
# docs/scaling.md, run: a corpus split into shards, ingested in parallel by GNU parallel,
# merged, and checked, gives the same report as a single ingest; `extract` as a streaming
# mapper (parallel --pipe) gives the same claims.
# Needs ../shared (the Reuters corpus) and GNU parallel (installed when missing, if possible).
set -u
source "$(dirname "$0")/lib.bash"

reuters="$SRC/../shared/corpora/reuters-21578/all.jsonl"
if [ ! -f "$reuters" ]; then echo "skip: $reuters not found (../shared missing)"; exit 77; fi
if ! command -v parallel > /dev/null; then
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq parallel > /dev/null 2>&1
  elif sudo -n true 2> /dev/null; then
    DEBIAN_FRONTEND=noninteractive sudo -n apt-get install -y -qq parallel > /dev/null 2>&1
  fi
fi
if ! command -v parallel > /dev/null; then echo "skip: GNU parallel is not installed (apt-get install parallel)"; exit 77; fi

# A quarter of the corpus keeps the test quick; SCALING_LINES=0 runs all of it.
lines=${SCALING_LINES:-5000}
if [ "$lines" = 0 ]; then cp "$reuters" corpus.jsonl; else head -n "$lines" "$reuters" > corpus.jsonl; fi

# The reference: one ingest.
"$TC" ingest -q --db single.db corpus.jsonl && ok || fail "single ingest"
"$TC" check --db single.db --format json > single.json && ok || fail "check of the single ingest"

# Shards, as docs/scaling.md does it: split by lines, one ingest per shard in parallel, merge.
mkdir -p shards
split -n l/4 -d --additional-suffix=.jsonl corpus.jsonl shards/part-
parallel --will-cite --halt now,fail=1 "'$TC' ingest -q --jobs 1 --db shards/{/.}.db {}" ::: shards/part-*.jsonl \
  && ok || fail "parallel shard ingest"
expect_status 0 "$TC" merge merged.db shards/part-*.db
"$TC" check --db merged.db --format json > merged.json && ok || fail "check of the merged database"
cmp -s single.json merged.json && ok || fail "sharded report differs from the single ingest: $(diff single.json merged.json | head -5)"
[ "$(sqlite3 merged.db 'SELECT count(*) FROM articles')" = "$(sqlite3 single.db 'SELECT count(*) FROM articles')" ] \
  && ok || fail "article counts differ"

# Merging a shard again, or shards that overlap, duplicates nothing.
expect_status 0 "$TC" merge merged.db shards/part-00.db
"$TC" check --db merged.db --format json > again.json
cmp -s single.json again.json && ok || fail "a second merge changed the report"

# extract as a mapper: records streamed through parallel --pipe, claims out, no database.
parallel --will-cite --pipe --block 1M --halt now,fail=1 "'$TC' extract -q --jobs 1" < corpus.jsonl > claims.jsonl \
  && ok || fail "parallel --pipe extract"
sed 's/"id":[0-9]*,//' claims.jsonl | sort > mapped.sorted
"$TC" claims --db single.db --format jsonl | sed 's/"id":[0-9]*,//' | sort > single.sorted
cmp -s mapped.sorted single.sorted && ok || fail "mapped claims differ: $(diff mapped.sorted single.sorted | head -5)"
finish
