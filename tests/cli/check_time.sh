#!/usr/bin/env bash
# Facts in time (docs/checks.md): each case on stories written for it (tests/fixtures/time).
set -u
source "$(dirname "$0")/lib.bash"

expect_status 0 "$TC" ingest "$SRC/tests/fixtures/time"
expect_status 0 "$TC" claims --format jsonl
cp "$WORK/out" claims.jsonl
expect_status 0 "$TC" check --format json
cp "$WORK/out" facts.json
python3 - claims.jsonl facts.json <<'PY' && ok || fail "check_time verdicts"
import json, sys
claims = [json.loads(l) for l in open(sys.argv[1])]
facts = json.load(open(sys.argv[2]))["facts"]
problems = []
def fact(partner):
    found = [f for f in facts if f["key"].startswith(f"tariff_rate|USA|{partner}|")]
    assert len(found) == 1, (partner, [f["key"] for f in found])
    return found[0]
def expect(name, partner, status):
    f = fact(partner)
    if f["status"] != status: problems.append(f"{name}: {f['key']} is {f['status']}, expected {status}")
    return f
def claim(article, text):
    found = [c for c in claims if c["article"] == article and c["text"] == text]
    assert len(found) == 1, (article, text, found)
    return found[0]

# When each claim holds, read from its text or its article's day.
c = claim("raised_1.md", "10%")
assert (c["valid_from"], c["time_source"]) == ("2025-02-04", "text"), c   # "took effect on Tuesday"
c = claim("raised_3.md", "145%")
assert (c["valid_from"], c["time_source"]) == ("2025-04-10", "article"), c
new, old = claim("truce.md", "30%"), claim("truce.md", "145%")
assert (new["status"], new["valid_from"], new["valid_to"]) == ("announced", "2025-05-14", "2025-08-12"), new
assert (old["status"], old["valid_to"]) == ("previous", "2025-05-14"), old
assert new["transition"] > 0 and new["transition"] == old["transition"], (new, old)
c = claim("paused_1.md", "46%")
assert (c["status"], c["valid_from"]) == ("announced", "2025-04-09"), c
c = claim("paused_2.md", "10%")
assert c["valid_to"] == "2025-07-09", c
assert claim("threat.md", "50%")["status"] == "threatened"

expect("rate raised, then cut by a truce", "CHN", "changed")
expect("paused", "VNM", "changed")
f = expect("threat beside a rate in force", "BRA", "not_comparable")
stale = expect("stale figure", "THA", "stale")
for pair in stale["conflicts"]:
    if not (pair.get("stale") and pair["a"] == "stale_3.md"): problems.append(f"stale pair {pair}")
expect("two sources, the same day", "IND", "conflict")
expect("the same figure over time", "MEX", "agree")
if problems:
    print("\n".join(problems)); sys.exit(1)
PY

# A window of 0 days still tells the same day apart. A window wider than the gaps between the
# stories makes the 145% "now" of April 10 the same moment as the 20% of March 4; that story reports
# no change, so with that window the two are a conflict: the option is what decides.
expect_status 0 "$TC" check --same-moment 0 --format json
expect_grep '"status": "conflict"' "$WORK/out"
expect_status 0 "$TC" check --same-moment 60 --format json
cp "$WORK/out" wide.json
python3 -c "
import json,sys
f=[f for f in json.load(open('wide.json'))['facts'] if f['key'].startswith('tariff_rate|USA|CHN|')][0]
sys.exit(0 if f['status']=='conflict' else 1)" && ok || fail "a wide window compares stories weeks apart"
expect_status 2 "$TC" check --same-moment -1
expect_grep 'same-moment' "$WORK/err"

# The table names the new verdicts.
expect_status 0 "$TC" check
expect_grep 'STALE' "$WORK/out"
expect_grep 'CHANGED' "$WORK/out"
expect_grep 'stale figure' "$WORK/out"

# timeline_view: one series over time, as docs/schema.md shows.
if command -v sqlite3 >/dev/null 2>&1; then
  sqlite3 "$TRADECHECK_DB" "SELECT valid_from, value, status FROM timeline_view
                             WHERE fact LIKE 'tariff_rate|USA|CHN|%' ORDER BY valid_from, value" > series.txt
  expect_grep '^2025-02-04\|10.0\|in_effect$' series.txt
  expect_grep '^2025-05-14\|30.0\|announced$' series.txt
fi
finish
