#!/usr/bin/env bash
# make report's path: ingest the seeds, list claims, check them; re-ingest changes nothing.
set -u
source "$(dirname "$0")/lib.bash"

expect_status 0 "$TC" ingest "$SRC/seeds"
expect_grep '5 new, 0 replaced, 0 unchanged' "$WORK/err"

expect_status 0 "$TC" ingest "$SRC/seeds"
expect_grep '0 new, 0 replaced, 5 unchanged' "$WORK/err"

expect_status 0 "$TC" claims --format jsonl
lines=$(wc -l < "$WORK/out")
[ "$lines" -ge 12 ] && ok || fail "only $lines claims from the seeds"
expect_grep '"kind":"market_access"' "$WORK/out"
expect_grep '"kind":"investment_pledge"' "$WORK/out"

expect_status 0 "$TC" claims --kind tariff_rate --format csv
expect_grep '^id,article,kind,text,start,end,value' "$WORK/out"
[ "$(grep -vc '^id,' "$WORK/out")" -ge 3 ] && ok || fail "tariff claims missing in CSV"
if grep -q 'trade_target' "$WORK/out"; then fail "--kind did not filter"; else ok; fi

expect_status 0 "$TC" claims --article 004_f54159b74e2ec86b.txt --format json
python3 - "$WORK/out" <<'PY' && ok || fail "claims --article json"
import json, sys
claims = json.load(open(sys.argv[1]))["claims"]
assert claims and all(c["article"] == "004_f54159b74e2ec86b.txt" for c in claims)
share = [c for c in claims if c["kind"] == "export_share" and c["value"] == 75]
assert share and share[0]["qualifier"] == "about" and share[0]["partner"] == "USA", share
PY

# The doubling of non-US exports is one fact, stated by all five, and they agree.
expect_status 0 "$TC" check --format json
python3 - "$WORK/out" <<'PY' && ok || fail "check json on seeds"
import json, sys
facts = json.load(open(sys.argv[1]))["facts"]
for f in facts:
    assert set(f) >= {"key", "kind", "status", "claims"}
    for c in f["claims"]:
        assert set(c) >= {"article", "value", "low", "high", "unit", "qualifier", "year", "text", "start", "end"}
doubling = [f for f in facts if f["kind"] == "trade_target" and "non_us_exports" in f["key"] and "multiplier" in f["key"]]
assert len(doubling) == 1, doubling
assert doubling[0]["status"] == "agree", doubling[0]["status"]
assert len({c["article"] for c in doubling[0]["claims"]}) == 5
keys = {f["key"] for f in facts if "70" in " ".join(c["text"] for c in f["claims"])}
assert len([f for f in facts if f["kind"] == "investment_pledge"]) == 1
assert not [f for f in facts if f["status"] == "conflict"], "the seeds do not conflict"
PY

expect_status 0 "$TC" check --fail-on conflict
expect_grep 'AGREE' "$WORK/out"
expect_status 0 "$TC" check --format markdown
expect_grep '^# tradecheck report' "$WORK/out"
expect_status 0 "$TC" check --format csv --out "$WORK/report.csv"
expect_grep '^key,kind,status' "$WORK/report.csv"

# Offsets are code points: SQLite's substr gives back every claim's text.
if command -v sqlite3 >/dev/null; then
  bad=$(sqlite3 "$TRADECHECK_DB" "SELECT count(*) FROM claims c JOIN articles a ON a.id = c.article_id
                                  WHERE substr(a.text, c.start + 1, c.\"end\" - c.start) <> c.text")
  [ "$bad" = 0 ] && ok || fail "$bad claims whose span does not match substr()"
  v=$(sqlite3 "$TRADECHECK_DB" "PRAGMA user_version")
  [ "$v" -ge 1 ] && ok || fail "user_version is $v"
fi
finish
