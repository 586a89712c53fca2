#!/usr/bin/env bash
# Bugs the fuzzing and bad-input work found (docs/reliability.md, "Found and fixed"), each kept
# fixed by a test.
set -u
source "$(dirname "$0")/lib.bash"

# 1. A record nested 200,000 deep is refused, not a stack overflow.
python3 -c "n=200000; print('{\"text\":\"a 5% tariff\",\"m\":' + '['*n + ']'*n + '}')" > deep.jsonl
printf '{"id":"ok","text":"Canada imposed a 25%% tariff on steel from China."}\n' >> deep.jsonl
expect_status 4 "$TC" ingest --db deep.db deep.jsonl
expect_grep 'deep.jsonl:1: invalid record: JSON nested deeper than 256 levels' "$WORK/err"
expect_grep '1 new' "$WORK/err"

# 2. A Latin-1 manifest is reported and ignored; every JSON output stays valid.
mkdir -p in
printf 'Canada imposed a 25%% tariff on steel from China.\n' > in/a.txt
printf 'file,outlet,published,title\na.txt,Caf\xe9 Wire,2025-01-01,Caf\xe9\n' > in/manifest.csv
expect_status 4 "$TC" ingest --db m.db in
expect_grep 'manifest.csv: invalid UTF-8 at byte offset 37' "$WORK/err"
expect_status 0 "$TC" claims --db m.db --format json
expect_status 0 "$TC" check --db m.db --format json

# 3. Extraction is linear in the figures of one article: 4 MB with a claim every 80 bytes.
yes 'Canada imposed a 25% tariff on steel from China. Exports rose 4.8 pct in 1986. ' | tr -d '\n' \
  | head -c 4000000 > dense.txt
# Bounded in processor time, which a loaded machine does not stretch (issue 17).
cpu_time expect_status 0 "$TC" ingest -q --db dense.db dense.txt
awk -v s="$CPU_SECONDS" -v l="${DENSE_SECONDS:-60}" 'BEGIN {exit !(s < l)}' && ok \
  || fail "4 MB of dense claims took ${CPU_SECONDS} s of CPU"

# 4. Another program's SQLite file is refused before anything in it changes, journal mode too.
sqlite3 foreign.db "CREATE TABLE t(x)"
expect_status 1 "$TC" ingest --db foreign.db in/a.txt
expect_grep 'not a tradecheck one' "$WORK/err"
[ "$(sqlite3 foreign.db 'PRAGMA journal_mode')" = delete ] && ok || fail "foreign file switched to WAL"

# 5. Terminal escapes from article text never reach the table formats.
printf -- '---\ntitle: "evil"\n---\nCanada imposed a 25%% tariff on steel from China.\x1b[2J wipe\n' > esc.md
expect_status 0 "$TC" ingest -q --db esc.db esc.md
expect_status 0 "$TC" check --db esc.db
if grep -q $'\x1b' "$WORK/out"; then fail "ESC in the check table"; else ok; fi
expect_status 0 "$TC" claims --db esc.db
if grep -q $'\x1b' "$WORK/out"; then fail "ESC in the claims table"; else ok; fi

# 6. NUL in any field of a JSON Lines record is refused.
printf '{"id":"a\\u0000b","text":"a 5%% tariff on steel from China"}\n' > nul.jsonl
expect_status 4 "$TC" ingest --db nul.db nul.jsonl
expect_grep 'a field contains NUL characters' "$WORK/err"
finish
