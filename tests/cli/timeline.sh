#!/usr/bin/env bash
# tradecheck timeline, and the timelines of the check reports, on the stories of tests/fixtures/time.
set -u
source "$(dirname "$0")/lib.bash"

expect_status 0 "$TC" ingest "$SRC/tests/fixtures/time"

# One series, in time order, with its statuses and its sources' sentences.
expect_status 0 "$TC" timeline --kind tariff_rate --actor usa --partner CHN
cp "$WORK/out" china.txt
expect_grep '^tariff_rate USA -> CHN' china.txt
expect_grep 'from 2025-02-04 +10 percent +in_effect +raised_1.md' china.txt
expect_grep '2025-05-14 \.\. 2025-08-12 +30 percent +announced +truce.md' china.txt
expect_grep 'until 2025-05-14 +145 percent +previous +truce.md' china.txt
expect_grep '"A \[10%\] tariff on all Chinese goods' china.txt
python3 - china.txt <<'PY' && ok || fail "the series is in time order"
import re, sys
days = [m.group(1) for m in (re.search(r"(\d{4}-\d\d-\d\d)", l) for l in open(sys.argv[1]) if l.startswith("    ") and not l.startswith("        ")) if m]
assert days == sorted(days), days
PY
if grep -q 'VNM\|THA\|BRA' china.txt; then fail "filters leave other series out"; else ok; fi

# The machine forms: a row per claim, the same rows as timeline_view.
expect_status 0 "$TC" timeline --partner CHN --format csv
expect_grep '^fact,kind,actor,partner,product,from,until,valid_from,valid_to,time_source,value,unit,status' "$WORK/out"
rows=$(($(wc -l < "$WORK/out") - 1))
if command -v sqlite3 >/dev/null 2>&1; then
  view=$(sqlite3 "$TRADECHECK_DB" "SELECT count(*) FROM timeline_view WHERE partner = 'CHN'")
  if [ "$rows" = "$view" ]; then ok; else fail "timeline csv has $rows rows, timeline_view $view"; fi
fi
expect_status 0 "$TC" timeline --partner CHN --format jsonl
python3 - "$WORK/out" <<'PY' && ok || fail "timeline jsonl"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert rows and all(r["fact"].startswith("tariff_rate|USA|CHN|") for r in rows), rows
new = [r for r in rows if r["article"] == "truce.md" and r["value"] == 30][0]
old = [r for r in rows if r["article"] == "truce.md" and r["value"] == 145][0]
assert new["transition"] == old["transition"] != 0 and old["status"] == "previous", (new, old)
PY
expect_status 0 "$TC" timeline --format json
python3 -c "
import json,sys
facts = json.load(open('$WORK/out'))['facts']
assert len({f['key'] for f in facts}) == len(facts) and all(f['points'] for f in facts)" && ok || fail "timeline json"

# --since keeps what starts on or after the day or still holds on it.
expect_status 0 "$TC" timeline --partner CHN --since 2025-05-01 --format csv
if grep -q 'raised_1.md' "$WORK/out"; then fail "--since keeps the 10% of February"; else ok; fi
expect_grep 'truce.md' "$WORK/out"
expect_status 2 "$TC" timeline --since 2025-02-30
expect_grep 'YYYY-MM-DD' "$WORK/err"
expect_status 0 "$TC" timeline --actor ZZZ
expect_grep 'no claim with a time matches' "$WORK/err"
expect_status 1 "$TC" timeline --db "$WORK/missing.db"

# The check reports carry a fact's timeline when its values differ over time, in every format.
expect_status 0 "$TC" check
expect_grep '^    timeline:' "$WORK/out"
expect_status 0 "$TC" check --format markdown
expect_grep '^### Timeline' "$WORK/out"
expect_status 0 "$TC" check --format json
python3 -c "
import json
f = [f for f in json.load(open('$WORK/out'))['facts'] if f['key'].startswith('tariff_rate|USA|CHN|')][0]
steps = [(p['from'], p['value'], p['status']) for p in f['timeline']]
assert steps == sorted(steps, key=lambda s: s[0]) and ('2025-05-14', 30, 'announced') in steps, steps" && ok || fail "json timeline"
expect_status 0 "$TC" check --format csv
expect_grep ',claim_status,valid_from,valid_to,transition' "$WORK/out"
expect_status 0 "$TC" check --format html
expect_grep '<svg class="timeline"' "$WORK/out"
expect_grep 'class="point announced( open)?"><title>' "$WORK/out"
expect_grep 'class="point threatened"><title>' "$WORK/out"
finish
