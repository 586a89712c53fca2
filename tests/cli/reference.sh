#!/usr/bin/env bash
# Official figures: import, list, and the claims that contradict them.
set -u
source "$(dirname "$0")/lib.bash"

expect_status 0 "$TC" ingest "$SRC/tests/fixtures/cases"
cat > official.csv <<'CSV'
kind,actor,partner,metric,period,value,unit,source,url
trade_balance,USA,,trade_deficit,1986,169800000000,USD,"US Commerce Department, census basis",https://example.org/ft900
tariff_rate,USA,CHN,,,100,percent,Test schedule,
CSV
expect_status 0 "$TC" reference import official.csv
expect_grep '2 reference figures \(2 new, 0 updated\)' "$WORK/err"
expect_status 0 "$TC" reference import official.csv
expect_grep '0 new, 2 updated' "$WORK/err"
expect_status 0 "$TC" reference list
expect_grep 'trade_balance\|USA\|-\|-\|trade_deficit\|-\|1986\|money' "$WORK/out"

expect_status 3 "$TC" check --fail-on conflict
expect_grep 'CONTRADICTS REFERENCE' "$WORK/out"
expect_grep "'166.3 billion dlrs' \(revision_b.md\) contradicts US Commerce Department, census basis" "$WORK/out"
expect_status 0 "$TC" check --format json
python3 - "$WORK/out" <<'PY' && ok || fail "contradictions in JSON"
import json, sys
report = json.load(open(sys.argv[1]))
c = report["contradictions"]
assert [x["article"] for x in c] == ["revision_b.md"], c
assert c[0]["reference"]["source"].startswith("US Commerce") and abs(c[0]["gap"] - 3.5e9) < 1e6
assert report["summary"]["contradicts_reference"] == 1
PY

# A malformed file stores nothing and says where.
printf 'kind,value,unit,source\ntrade_balance,abc,USD,x\n' > bad.csv
expect_status 1 "$TC" reference import bad.csv
expect_grep 'bad.csv:2: value .abc. is not a number' "$WORK/err"
n=$(sqlite3 "$TRADECHECK_DB" "SELECT count(*) FROM reference")
[ "$n" = 2 ] && ok || fail "reference rows: $n"
finish
