#!/usr/bin/env bash
# Issue 7, "nothing lost, nothing crashes": the bad inputs that tests/cli/bad_input.sh does not
# cover. Each case checks the exit status, the message the user sees, and that nothing crashed
# (no exit status above 128) and nothing half-written was left behind.
#   - rule files: deeply nested and unterminated constructs -> `rules lint` and `ingest --rules`
#     exit 1 with file:line:column, nothing written;
#   - a read-only --db location (an immutable directory or file, or a path under /proc);
#   - a database with a newer user_version (refused, untouched) or an older layout (upgraded);
#   - a SQLite file that is not ours (tables, no user_version): refused, untouched;
#   - numbers past the range of a double in article text: ingested, JSON stays valid;
#   - JSON Lines with broken records: reported with file:line, the good records kept.
# The 100 MB single-line file is tests/cli/big_line.sh; SQL/HTML injection is injection.sh.
set -u
source "$(dirname "$0")/lib.bash"

# no_crash: the last command did not die of a signal (status > 128 is a crash or abort).
no_crash() {
  local got="$1" what="$2"
  if [ "$got" -gt 128 ]; then fail "$what crashed (exit $got): $(head -c 400 "$WORK/err")"; else ok; fi
}

# strict_json FILE [jsonl]: the file is valid JSON (or JSON Lines) without NaN/Infinity.
strict_json() {
  python3 - "$@" <<'PY'
import json, sys
def bad(token): raise ValueError("non-standard JSON number " + token)
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
if len(sys.argv) > 2:
    for line in text.splitlines():
        if line.strip(): json.loads(line, parse_constant=bad)
else:
    json.loads(text, parse_constant=bad)
PY
}

good='Canada imposed a 25% tariff on steel from China.'

# ---- rule files: nested, unterminated, huge ------------------------------------------------
mkdir -p rules-bad
printf 'rule nested {\n  kind tariff_rate\n  accepts percent\n  near %s\n}\n' "$(head -c 5000 /dev/zero | tr '\0' '{')" \
  > rules-bad/nested.rules
head -c 200000 /dev/zero | tr '\0' '{' > rules-bad/braces.rules
printf 'rule open_string {\n  kind tariff_rate\n  accepts percent\n  near "tariff within 8 words\n}\n' > rules-bad/string.rules
printf 'rule open_block {\n  kind tariff_rate\n  accepts percent\n  near "tariff" within 8 words\n' > rules-bad/block.rules
printf 'rule open_example {\n  kind tariff_rate\n  accepts percent\n  example "a 5%% tariff\n    => value 5\n}\n' > rules-bad/example.rules
printf 'rule a {\n  kind tariff_rate\n  accepts percent\n  near "tariff" within 99999999999999999999 words\n}\n' > rules-bad/bignum.rules
printf 'rule a {\n  kind tariff_rate\n  accepts percent\n  near "%s" within 8 words\n}\n' "$(head -c 1000000 /dev/zero | tr '\0' 'x')" \
  > rules-bad/longline.rules
printf 'rule \xff\xfe {\n  kind tariff_rate\n}\n' > rules-bad/binary.rules
printf 'rule a {\n  kind tariff_rate\0\n}\n' > rules-bad/nul.rules
for f in rules-bad/*.rules; do
  "$TC" rules lint "$f" >"$WORK/out" 2>"$WORK/err"
  got=$?
  no_crash "$got" "rules lint $f"
  [ "$got" = 1 ] && ok || fail "rules lint $f exited $got, expected 1: $(head -c 300 "$WORK/err")"
  expect_grep "^$f:[0-9]+:[0-9]+: " "$WORK/err"
done
# The caret line is there for a plain case (file:line:column, the line, a caret).
"$TC" rules lint rules-bad/string.rules 2>"$WORK/err" >/dev/null
expect_grep '^rules-bad/string.rules:4:' "$WORK/err"
expect_grep '^ *\^' "$WORK/err"

# A broken rule directory stops `ingest` before anything is written.
printf '%s\n' "$good" > good.txt
expect_status 0 "$TC" ingest --db rules.db good.txt
before=$(sqlite3 rules.db "SELECT count(*) FROM articles; SELECT count(*) FROM claims")
for f in nested braces string block; do
  mkdir -p "user-$f" && cp "rules-bad/$f.rules" "user-$f/"
  printf 'Canada imposed a 35%% tariff on autos from Japan.\n' > "new-$f.txt"
  expect_status 1 "$TC" ingest --db rules.db --rules "user-$f" "new-$f.txt"
  expect_grep "user-$f/$f.rules:[0-9]+:[0-9]+: " "$WORK/err"
done
after=$(sqlite3 rules.db "SELECT count(*) FROM articles; SELECT count(*) FROM claims")
[ "$before" = "$after" ] && ok || fail "a failed ingest changed the database: '$before' -> '$after'"

# ---- a read-only --db location -------------------------------------------------------------
# As root, permissions do not stop writes: an immutable directory (chattr +i) does, where the
# file system supports it. Otherwise (or as well) a path under /proc, where nothing can be made.
ro_cases=("/proc/self/tradecheck-test.db")
immutable=()
cleanup_immutable() { for p in "${immutable[@]}"; do chattr -i "$p" 2>/dev/null; done; rm -rf "$WORK"; }
trap cleanup_immutable EXIT
if [ "$(id -u)" = 0 ]; then
  mkdir -p rodir
  if chattr +i rodir 2>/dev/null; then immutable+=("$WORK/rodir"); ro_cases+=("rodir/new.db"); fi
else
  mkdir -p rodir && chmod a-w rodir && ro_cases+=("rodir/new.db")
fi
for db in "${ro_cases[@]}"; do
  "$TC" ingest --db "$db" good.txt >"$WORK/out" 2>"$WORK/err"
  got=$?
  no_crash "$got" "ingest --db $db"
  [ "$got" = 1 ] && ok || fail "ingest --db $db (read-only) exited $got, expected 1"
  expect_grep "^tradecheck: .*$(basename "$db")" "$WORK/err"
  [ ! -e "$db" ] && ok || fail "$db was created"
done

# An existing database that has become read-only: writes are refused with a message and the
# file is unchanged; reading it still works.
expect_status 0 "$TC" ingest --db rofile.db good.txt
sqlite3 rofile.db "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
sum_before=$(sha256sum rofile.db | cut -d' ' -f1)
made_ro=0
if [ "$(id -u)" = 0 ]; then
  mkdir -p rofdir && mv rofile.db rofdir/ && rm -f rofile.db-wal rofile.db-shm
  if chattr +i rofdir/rofile.db 2>/dev/null; then immutable+=("$WORK/rofdir/rofile.db"); made_ro=1; fi
else
  mkdir -p rofdir && mv rofile.db rofdir/ && rm -f rofile.db-wal rofile.db-shm && chmod a-w rofdir/rofile.db && made_ro=1
fi
if [ "$made_ro" = 1 ]; then
  printf 'Canada imposed a 35%% tariff on autos from Japan.\n' > other.txt
  "$TC" ingest --db rofdir/rofile.db other.txt >"$WORK/out" 2>"$WORK/err"
  got=$?
  no_crash "$got" "ingest into a read-only database"
  [ "$got" = 1 ] && ok || fail "ingest into a read-only database exited $got, expected 1"
  expect_grep 'rofile.db' "$WORK/err"
  [ "$(sha256sum rofdir/rofile.db | cut -d' ' -f1)" = "$sum_before" ] && ok || fail "the read-only database changed"
  "$TC" claims --db rofdir/rofile.db --format json >"$WORK/out" 2>"$WORK/err"
  got=$?
  no_crash "$got" "claims from a read-only database"
  # Reading a read-only WAL file needs its -shm beside it; either it works or it says why.
  if [ "$got" = 0 ]; then expect_grep '"article": "good.txt"' "$WORK/out"
  else [ "$got" = 1 ] && ok || fail "claims from a read-only database exited $got"; expect_grep 'rofile.db' "$WORK/err"; fi
else
  echo "note: cannot make a file read-only here; that case is skipped"
fi

# ---- schema versions -----------------------------------------------------------------------
expect_status 0 "$TC" ingest --db newer.db good.txt
sqlite3 newer.db "PRAGMA user_version = 99; PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
sum_before=$(sha256sum newer.db | cut -d' ' -f1)
for cmd in "ingest --db newer.db other.txt" "claims --db newer.db" "check --db newer.db"; do
  # shellcheck disable=SC2086
  expect_status 1 "$TC" $cmd
  expect_grep 'newer.db has schema version 99, newer than this tradecheck \([0-9]+\); upgrade tradecheck' "$WORK/err"
done
[ "$(sha256sum newer.db | cut -d' ' -f1)" = "$sum_before" ] && ok || fail "a newer database was changed"
[ "$(sqlite3 newer.db 'PRAGMA user_version')" = 99 ] && ok || fail "user_version of the newer database changed"

# A database of the previous version (3, before `check --save`'s tables): a reading command
# upgrades it, says so on stderr, and reads it.
expect_status 0 "$TC" ingest --db older.db good.txt
sqlite3 older.db "DROP VIEW verdict_claim_view; DROP VIEW verdict_view; DROP TABLE verdict_copies;
                  DROP TABLE verdict_claims; DROP TABLE verdicts; DROP TABLE check_runs;
                  PRAGMA user_version = 3; PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
expect_status 0 "$TC" claims --db older.db
expect_grep 'upgraded .*older.db to schema version 5' "$WORK/err"
[ "$(sqlite3 older.db 'PRAGMA user_version')" = 5 ] && ok || fail "a reading command left the older database at $(sqlite3 older.db 'PRAGMA user_version')"
expect_status 0 "$TC" check --db older.db

# An older layout of the current version: made before articles.metadata and
# articles.fingerprint existed, with the articles_digest index that articles_identity replaced.
# Opening it to write brings it up to date; nothing is lost.
expect_status 0 "$TC" ingest --db older.db good.txt
sqlite3 older.db "DROP INDEX articles_identity; ALTER TABLE articles DROP COLUMN fingerprint;
                  ALTER TABLE articles DROP COLUMN metadata;
                  CREATE INDEX articles_digest ON articles(id, sha256);" \
  && ok || fail "could not emulate an older database"
n_before=$(sqlite3 older.db "SELECT count(*) FROM articles; SELECT count(*) FROM claims")
expect_status 0 "$TC" claims --db older.db --format jsonl
expect_grep '"article":"good.txt"' "$WORK/out"
expect_status 0 "$TC" ingest --db older.db other.txt
[ "$(sqlite3 older.db "SELECT count(*) FROM pragma_table_info('articles') WHERE name = 'metadata'")" = 1 ] \
  && ok || fail "the metadata column was not added back"
[ "$(sqlite3 older.db "SELECT count(*) FROM pragma_table_info('articles') WHERE name = 'fingerprint'")" = 1 ] \
  && ok || fail "the fingerprint column was not added"
[ "$(sqlite3 older.db "SELECT group_concat(name) FROM sqlite_master WHERE name LIKE 'articles\\_%' ESCAPE '\\'")" = articles_identity ] \
  && ok || fail "articles_identity did not replace articles_digest"
n_after=$(sqlite3 older.db "SELECT count(*) FROM articles WHERE id = 'good.txt'")
[ "$n_after" = 1 ] && ok || fail "the older database lost its article"
[ "$(sqlite3 older.db 'PRAGMA integrity_check')" = ok ] && ok || fail "integrity_check of the upgraded database"

# A SQLite file that is not ours (tables, user_version 0) is refused and left alone.
sqlite3 foreign.db "CREATE TABLE notes(x TEXT); INSERT INTO notes VALUES ('keep me');"
expect_status 1 "$TC" ingest --db foreign.db good.txt
expect_grep 'foreign.db is a SQLite database but not a tradecheck one' "$WORK/err"
expect_status 1 "$TC" claims --db foreign.db
# Its content is untouched. (The file itself is not byte-identical: opening it switches it to
# WAL journal mode before the check refuses it; reported in docs/reliability.md.)
[ "$(sqlite3 foreign.db "SELECT group_concat(name) FROM sqlite_master")" = notes ] && ok || fail "tables were added to a foreign database"
[ "$(sqlite3 foreign.db "SELECT x FROM notes")" = "keep me" ] && ok || fail "a foreign database lost its data"

# A fresh file (user_version 0, no tables) is a new database.
sqlite3 fresh.db "PRAGMA user_version = 0; VACUUM;"
expect_status 0 "$TC" ingest --db fresh.db good.txt
[ "$(sqlite3 fresh.db 'PRAGMA user_version')" -ge 1 ] && ok || fail "fresh file not initialised"

# ---- numbers past the range of a double ----------------------------------------------------
big500=$(head -c 500 /dev/zero | tr '\0' '9')
big305=$(head -c 305 /dev/zero | tr '\0' '9')
{
  printf 'Canada imposed a %s%% tariff on steel from China.\n' "$big500"
  printf 'Canada imposed a 10^400%% tariff on steel from China.\n'
  printf 'The United States pledged $1e400 billion of investment in Canada.\n'
  printf 'The UAE pledged $%s billion of investment in the United States.\n' "$big305"
  printf 'Canada imposed a %s trillion percent tariff on autos from Japan.\n' "$big305"
  printf 'Canada set a tariff of between 5%% and %s%% on steel from China.\n' "$big500"
  printf 'Exports rose to 1.8e308 billion dollars, 0.%s1%% of trade.\n' "$(head -c 400 /dev/zero | tr '\0' '0')"
  printf '%s\n' "$good"
} > huge-numbers.txt
"$TC" ingest --db numbers.db huge-numbers.txt >"$WORK/out" 2>"$WORK/err"
got=$?
no_crash "$got" "ingest of huge numbers"
[ "$got" = 0 ] && ok || fail "ingest of huge numbers exited $got: $(head -c 300 "$WORK/err")"
"$TC" claims --db numbers.db --format json > claims.json && ok || fail "claims --format json"
strict_json claims.json && ok || fail "claims JSON is not strict JSON: $(head -c 300 claims.json)"
"$TC" claims --db numbers.db --format jsonl > claims.jsonl && ok || fail "claims --format jsonl"
strict_json claims.jsonl jsonl && ok || fail "claims JSON Lines are not strict JSON"
"$TC" check --db numbers.db --format json > check.json && ok || fail "check --format json"
strict_json check.json && ok || fail "check JSON is not strict JSON"
"$TC" quantities huge-numbers.txt > quantities.jsonl && ok || fail "quantities"
strict_json quantities.jsonl jsonl && ok || fail "quantities JSON Lines are not strict JSON"
# Nothing non-finite is stored: SQLite would show Inf/NaN as text or a real.
bad_values=$(sqlite3 numbers.db "SELECT count(*) FROM claims WHERE value IN (9e999, -9e999) OR value != value
                                  OR low IN (9e999, -9e999) OR high IN (9e999, -9e999)")
[ "$bad_values" = 0 ] && ok || fail "$bad_values claims store an infinite value"
for fmt in csv table; do
  expect_status 0 "$TC" claims --db numbers.db --format "$fmt"
  if grep -qiE '(^|[^a-z])(inf|nan)([^a-z]|$)' "$WORK/out"; then fail "claims --format $fmt prints inf/nan"; else ok; fi
done

# ---- JSON Lines with broken records --------------------------------------------------------
{
  printf '{"id":"ok1","title":"fine","text":"%s"}\n' "$good"
  printf '{"id":"trunc","text":"Canada imposed a 30%% tar\n'                       # line 2: cut short
  printf '{"id":"latin1","text":"caf\xe9 Canada imposed a 30%% tariff."}\n'       # line 3: invalid UTF-8
  printf '{"id":"surrogate","text":"\\ud800 Canada imposed a 30%% tariff."}\n'     # line 4: lone surrogate
  printf '{"id":"twice","text":"a"}{"id":"x","text":"b"}\n'                       # line 5: two objects
  printf '["not","an","object"]\n'                                                # line 6
  printf '{"id":"nul","text":"a\\u0000b"}\n'                                       # line 7: NUL in text
  printf '{"id":"crlf","text":"Canada imposed a 40%% tariff on steel from China."}\r\n'  # line 8: CRLF is fine
  printf '\n'                                                                     # line 9: blank
  printf '{"id":"ok2","text":"Canada imposed a 45%% tariff on steel from Mexico."}'  # line 10: no final newline
} > broken.jsonl
"$TC" ingest --db jsonl.db broken.jsonl >"$WORK/out" 2>"$WORK/err"
got=$?
no_crash "$got" "ingest of broken JSON Lines"
[ "$got" = 4 ] && ok || fail "ingest of broken JSON Lines exited $got, expected 4"
for line in 2 3 4 5 6 7; do expect_grep "broken.jsonl:$line: invalid" "$WORK/err"; done
ids=$(sqlite3 jsonl.db "SELECT group_concat(id, ',') FROM (SELECT id FROM articles ORDER BY id)")
[ "$ids" = "crlf,ok1,ok2" ] && ok || fail "expected articles crlf,ok1,ok2; got '$ids'"
bad_text=$(sqlite3 jsonl.db "SELECT count(*) FROM articles WHERE text LIKE '%' || char(65533) || '%' OR instr(text, char(0)) > 0")
[ "$bad_text" = 0 ] && ok || fail "garbled text stored"
finish
