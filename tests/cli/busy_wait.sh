#!/usr/bin/env bash
# Waiting for another writer (issue 17), with the write lock held by a `sqlite3` shell for as
# long as the test wants (it is told to commit through a pipe): --busy-timeout 0 fails at once,
# a short timeout fails after saying it waits, readers are never held up, and a writer with the
# default timeout waits, says so, and goes on once the lock is free. Each wait ends on an event;
# the deadlines below only turn a hang into a failure.
set -u
source "$(dirname "$0")/lib.bash"
command -v sqlite3 >/dev/null || { echo "skip: sqlite3 missing"; exit 77; }

python3 - <<'PY'
import json
with open("more.jsonl", "w") as f:
    for i in range(50):
        f.write(json.dumps({"id": f"m{i}", "title": "t", "date": "2024-01-01",
                            "text": f"Canada imposed a {i + 5}% tariff on steel from China."}) + "\n")
PY
"$TC" ingest -q --db t.db "$SRC/seeds" || fail "seed ingest"
seeded=$(sqlite3 t.db "SELECT count(*) FROM articles")
"$TC" ingest -q --db other.db more.jsonl || fail "other ingest"

# until_grep PATTERN FILE: waits (at most two minutes) until FILE contains PATTERN.
until_grep() {
  local i
  for i in $(seq 1200); do grep -qE -- "$1" "$2" 2>/dev/null && return 0; sleep 0.1; done
  return 1
}

mkfifo ctl
sqlite3 t.db < ctl > shell.out 2>&1 & shell=$!
exec 3> ctl
echo "BEGIN IMMEDIATE; DELETE FROM rules WHERE 0; SELECT 'locked';" >&3
until_grep '^locked$' shell.out && ok || fail "the sqlite3 shell did not take the lock: $(cat shell.out)"

# 1. --busy-timeout 0: no wait, a clear message, nothing written.
expect_status 1 "$TC" ingest -q --busy-timeout 0 --db t.db more.jsonl
expect_grep 'database t.db is locked by another process \(waited 0\.0 s, the busy timeout\) while starting a transaction' "$WORK/err"
expect_grep 'a re-run continues where this one stopped' "$WORK/err"
expect_status 1 "$TC" merge --busy-timeout 0 t.db other.db
expect_grep 'locked by another process' "$WORK/err"
printf 'kind,value,unit,source\ntariff_rate,25,percent,test\n' > ref.csv
expect_status 1 "$TC" reference import --busy-timeout 0 --db t.db ref.csv
expect_grep 'locked by another process' "$WORK/err"

# 2. A timeout of 1.5 s: the wait is announced, then refused.
expect_status 1 "$TC" ingest -q --busy-timeout 1.5 --db t.db more.jsonl
expect_grep 'waiting for another writer to finish its transaction \(up to 1.5 s, --busy-timeout\)' "$WORK/err"
expect_grep 'waited 1\.[5-9] s, the busy timeout|waited [2-9]\.[0-9] s, the busy timeout' "$WORK/err"
[ "$(sqlite3 t.db "SELECT count(*) FROM articles")" = "$seeded" ] && ok || fail "a refused ingest wrote articles"

# 3. Readers go on, without waiting at all (a zero timeout would fail them if they had to).
expect_status 0 "$TC" claims --db t.db --format json
expect_status 0 "$TC" check --busy-timeout 0 --db t.db --format json
python3 -c "import json, sys; json.load(open(sys.argv[1]))" "$WORK/out" && ok || fail "check wrote invalid JSON"

# 4. The default timeout: the ingest waits, says so, and stores everything once the lock is free.
"$TC" ingest -q --db t.db more.jsonl 2> wait.err & ingest=$!
until_grep 'waiting for another writer' wait.err && ok || fail "no waiting message: $(cat wait.err)"
echo "COMMIT;" >&3
exec 3>&-
wait "$shell"
wait "$ingest" && ok || fail "the waiting ingest failed: $(cat wait.err)"
expect_grep 'waited [0-9.]+ s for another writer; going on' wait.err
[ "$(sqlite3 t.db "SELECT count(*) FROM articles")" = $((seeded + 50)) ] && ok || fail "the waiting ingest lost articles"
expect_status 0 "$TC" merge -q t.db other.db
[ "$(sqlite3 t.db 'PRAGMA integrity_check')" = ok ] && ok || fail "integrity_check"
finish
