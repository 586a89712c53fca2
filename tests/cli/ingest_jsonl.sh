#!/usr/bin/env bash
# JSON Lines ingest: records, metadata, invalid lines with file:line, incremental re-ingest,
# --jobs, stdin; `extract` gives the claims `ingest` stores; `merge` does not duplicate.
set -u
source "$(dirname "$0")/lib.bash"

cat > corpus.jsonl <<'JSON'
{"id":"j1","title":"Steel","date":"2025-03-01","source":"Wire","text":"Canada imposed a 25% tariff on steel from China.","topics":["steel"]}
{"id":"j2","title":"Steel again","date":"2025-03-02","outlet":"Ledger","text":"Canada imposed a 35% tariff on steel from China."}
not a json record
{"id":"j3","title":"No text"}

{"id":"j4","title":"EVs","date":"2025-03-03","source":"Wire","text":"Canada imposed a 100% tariff on electric vehicles from China."}
JSON

expect_status 4 "$TC" ingest corpus.jsonl
expect_grep 'corpus.jsonl:3: invalid JSON record' "$WORK/err"
expect_grep 'corpus.jsonl:4: invalid record: no "text"' "$WORK/err"
expect_grep 'test.db: 3 new, 0 replaced, 0 unchanged articles; [0-9]+ claims extracted; 2 inputs skipped' "$WORK/err"
n=$(sqlite3 "$TRADECHECK_DB" "SELECT count(*) FROM articles")
[ "$n" = 3 ] && ok || fail "expected 3 articles, got $n"
meta=$(sqlite3 "$TRADECHECK_DB" "SELECT metadata FROM articles WHERE id = 'j1'")
[ "$meta" = '{"topics":["steel"]}' ] && ok || fail "metadata of j1 is '$meta'"
outlet=$(sqlite3 "$TRADECHECK_DB" "SELECT outlet || '|' || published || '|' || path FROM articles WHERE id = 'j2'")
[ "$outlet" = 'Ledger|2025-03-02|corpus.jsonl:2' ] && ok || fail "j2 is '$outlet'"
claims=$(sqlite3 "$TRADECHECK_DB" "SELECT count(*) FROM claims")
[ "$claims" -ge 3 ] && ok || fail "expected at least 3 claims, got $claims"

# Incremental: nothing changed, nothing extracted; one changed record is replaced.
expect_status 4 "$TC" ingest -q corpus.jsonl
! grep -q 'test.db:' "$WORK/err" && ok || fail "-q printed a summary"
expect_status 4 "$TC" ingest corpus.jsonl
expect_grep '0 new, 0 replaced, 3 unchanged articles; 0 claims extracted; 2 inputs skipped' "$WORK/err"
sed -i 's/a 35% tariff/a 30% tariff/' corpus.jsonl
expect_status 4 "$TC" ingest --jobs 1 corpus.jsonl
expect_grep '0 new, 1 replaced, 2 unchanged articles; 1 claim extracted' "$WORK/err"
fp=$(sqlite3 "$TRADECHECK_DB" "SELECT count(DISTINCT fingerprint) FROM articles WHERE length(fingerprint) = 32")
[ "$fp" = 3 ] && ok || fail "expected 3 distinct fingerprints, got $fp"

# Records stored before fingerprints existed (NULL): sha256 still finds them unchanged, and
# their fingerprints are filled in; an edit among them is still replaced.
sqlite3 "$TRADECHECK_DB" "UPDATE articles SET fingerprint = NULL" && ok || fail "could not clear fingerprints"
expect_status 4 "$TC" ingest corpus.jsonl
expect_grep '0 new, 0 replaced, 3 unchanged articles; 0 claims extracted' "$WORK/err"
fp=$(sqlite3 "$TRADECHECK_DB" "SELECT count(*) FROM articles WHERE fingerprint IS NOT NULL")
[ "$fp" = 3 ] && ok || fail "fingerprints were not filled in: $fp of 3"
sqlite3 "$TRADECHECK_DB" "UPDATE articles SET fingerprint = NULL" && ok || fail "could not clear fingerprints"
sed -i 's/a 30% tariff/a 35% tariff/' corpus.jsonl
expect_status 4 "$TC" ingest corpus.jsonl
expect_grep '0 new, 1 replaced, 2 unchanged articles; 1 claim extracted' "$WORK/err"
# A stored fingerprint that is not the record's, over the same sha256: the record is read,
# found unchanged, and its fingerprint put right.
good_fp=$(sqlite3 "$TRADECHECK_DB" "SELECT fingerprint FROM articles WHERE id = 'j1'")
sqlite3 "$TRADECHECK_DB" "UPDATE articles SET fingerprint = '0123456789abcdef0123456789abcdef' WHERE id = 'j1'"
expect_status 4 "$TC" ingest corpus.jsonl
expect_grep '0 new, 0 replaced, 3 unchanged articles; 0 claims extracted' "$WORK/err"
[ "$(sqlite3 "$TRADECHECK_DB" "SELECT fingerprint FROM articles WHERE id = 'j1'")" = "$good_fp" ] \
  && ok || fail "j1's fingerprint was not put right"
sed -i 's/a 35% tariff/a 30% tariff/' corpus.jsonl
expect_status 4 "$TC" ingest corpus.jsonl
expect_grep '0 new, 1 replaced, 2 unchanged articles; 1 claim extracted' "$WORK/err"

# A valid file exits 0; --jobs does not change the result; stdin JSON Lines; forced format.
grep -v -e '^not' -e 'No text' corpus.jsonl > good.jsonl
for j in 1 2 4; do
  expect_status 0 "$TC" ingest --db "j$j.db" --jobs "$j" --batch 1 good.jsonl
  "$TC" claims --db "j$j.db" --format jsonl | sed 's/"id":[0-9]*,//' > "claims$j.jsonl"
done
cmp -s claims1.jsonl claims2.jsonl && cmp -s claims1.jsonl claims4.jsonl && ok || fail "--jobs changed the claims"
expect_status 0 "$TC" ingest --db stdin.db - < good.jsonl
expect_grep 'stdin.db: 3 new' "$WORK/err"
cp good.jsonl good.data
expect_status 0 "$TC" ingest --db forced.db --input-format jsonl good.data
expect_grep 'forced.db: 3 new' "$WORK/err"
expect_status 2 "$TC" ingest --db forced.db --input-format yaml good.data

# extract: the same claims as ingest, one JSON object a line, no database written.
expect_status 0 "$TC" extract --quiet < good.jsonl
sed 's/"id":[0-9]*,//' "$WORK/out" > extracted.jsonl
cmp -s extracted.jsonl claims1.jsonl && ok || fail "extract differs from ingest: $(diff extracted.jsonl claims1.jsonl | head -5)"
[ ! -e tradecheck.db ] && ok || fail "extract wrote a database"
expect_status 4 "$TC" extract < corpus.jsonl
expect_grep 'stdin:3: invalid JSON record' "$WORK/err"
expect_grep 'extract: 3 articles; [0-9]+ claims extracted; 2 inputs skipped' "$WORK/err"
expect_status 0 "$TC" extract < /dev/null
[ ! -s "$WORK/out" ] && ok || fail "extract of nothing printed claims"

# merge: two halves give the whole; merging again duplicates nothing.
head -n 2 good.jsonl > h1.jsonl; tail -n +3 good.jsonl > h2.jsonl
"$TC" ingest -q --db h1.db h1.jsonl && "$TC" ingest -q --db h2.db h2.jsonl && ok || fail "shard ingest"
expect_status 0 "$TC" merge m.db h1.db h2.db
expect_grep 'h2.db: 1 new, 0 replaced, 0 unchanged articles' "$WORK/err"
expect_status 0 "$TC" merge m.db h1.db h2.db
expect_grep 'm.db: 0 new, 0 replaced, 3 unchanged articles; 0 claims copied from 2 databases' "$WORK/err"
"$TC" claims --db m.db --format jsonl | sed 's/"id":[0-9]*,//' > merged.jsonl
cmp -s merged.jsonl claims1.jsonl && ok || fail "merged claims differ: $(diff merged.jsonl claims1.jsonl | head -5)"
expect_status 1 "$TC" merge m.db nowhere.db
expect_grep 'nowhere.db does not exist' "$WORK/err"
[ ! -e nowhere.db ] && ok || fail "merge created its input"
expect_status 1 "$TC" merge m.db m.db
expect_status 2 "$TC" merge m.db

# The Reuters corpus, when ../shared is there: every story in, a second run all unchanged.
reuters="$SRC/../shared/corpora/reuters-21578/all.jsonl"
if [ -f "$reuters" ]; then
  head -n 2000 "$reuters" > r.jsonl
  expect_status 0 "$TC" ingest --db r.db r.jsonl
  expect_grep 'r.db: 2000 new' "$WORK/err"
  expect_status 0 "$TC" ingest --db r.db r.jsonl
  expect_grep 'r.db: 0 new, 0 replaced, 2000 unchanged articles; 0 claims extracted' "$WORK/err"
fi
finish
