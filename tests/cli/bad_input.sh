#!/usr/bin/env bash
# Bad inputs are reported and skipped; a broken rule file stops before anything is written.
set -u
source "$(dirname "$0")/lib.bash"

mkdir -p in
printf 'Canada imposed a 25%% tariff on steel from China.\n' > in/good.txt
printf 'bin\0ary' > in/binary.txt
printf '' > in/empty.txt
printf 'caf\xe9 25%% tariff\n' > in/latin1.txt
printf -- '---\ntitle: never closed\n' > in/open.md

expect_status 4 "$TC" ingest in
expect_grep 'binary.txt: binary file' "$WORK/err"
expect_grep 'empty.txt: empty' "$WORK/err"
expect_grep 'latin1.txt: invalid UTF-8 at byte offset 3' "$WORK/err"
expect_grep 'open.md: front matter .* never closes' "$WORK/err"
expect_grep '1 new' "$WORK/err"

expect_status 4 "$TC" ingest does-not-exist.txt
expect_grep 'no such file' "$WORK/err"

# A broken user rule file: file:line:column, exit 1, the database untouched.
before=$(sqlite3 "$TRADECHECK_DB" "SELECT count(*) FROM claims" 2>/dev/null || echo x)
mkdir -p myrules
printf 'rule broken {\n  kind tariff_rate\n  acepts percent\n}\n' > myrules/broken.rules
printf 'Canada imposed a 35%% tariff on steel from China.\n' > in2.txt
expect_status 1 "$TC" ingest --rules myrules in2.txt
expect_grep 'myrules/broken.rules:3:3: unknown statement' "$WORK/err"
after=$(sqlite3 "$TRADECHECK_DB" "SELECT count(*) FROM claims" 2>/dev/null || echo x)
[ "$before" = "$after" ] && ok || fail "claims changed from $before to $after after a failed ingest"

# One rule id in two files of one directory is a mistake; in another directory it overrides.
mkdir -p dup
printf 'rule tariff_rate.x {\n kind tariff_rate\n accepts percent\n example "a"\n}\n' > dup/a.rules
cp dup/a.rules dup/b.rules
expect_status 1 "$TC" rules list --rules dup
expect_grep 'dup/b.rules:1:6: duplicate rule id .tariff_rate.x. \(first defined at .*dup/a.rules:1\)' "$WORK/err"
mkdir -p over
printf 'rule tariff_rate.ad_valorem {\n kind tariff_rate\n accepts percent\n example "a"\n}\n' > over/t.rules
expect_status 0 "$TC" rules list --rules over
expect_grep 'tariff_rate.ad_valorem .*over/t.rules:1' "$WORK/out"

# Reading commands never create a database.
expect_status 1 "$TC" claims --db nowhere.db
expect_grep "no database at 'nowhere.db'" "$WORK/err"
[ ! -e nowhere.db ] && ok || fail "claims created a database"

# A directory is not a database.
mkdir -p adir
expect_status 1 "$TC" ingest --db adir in/good.txt

# Unknown options and formats are usage errors.
expect_status 2 "$TC" claims --format yaml
expect_status 2 "$TC" frobnicate

# stdin is one article.
printf 'Canada imposed a 25%% tariff on steel from China.\n' | "$TC" ingest --db stdin.db - 2>"$WORK/err" && ok || fail "stdin ingest"
expect_status 0 "$TC" claims --db stdin.db --format jsonl
expect_grep '"article":"stdin"' "$WORK/out"
finish
