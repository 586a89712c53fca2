#!/usr/bin/env bash
# Each case the checker must tell apart, on stories written for it (tests/fixtures/cases).
set -u
source "$(dirname "$0")/lib.bash"

expect_status 0 "$TC" ingest "$SRC/tests/fixtures/cases"
expect_status 0 "$TC" check --format json
cp "$WORK/out" facts.json
python3 - facts.json <<'PY' && ok || fail "check_cases verdicts"
import json, sys
facts = json.load(open(sys.argv[1]))["facts"]
def fact(pred):
    found = [f for f in facts if pred(f)]
    assert len(found) == 1, (len(found), [f["key"] for f in found])
    return found[0]
def texts(f): return {c["text"] for c in f["claims"]}
problems = []
def expect(name, f, status, **more):
    if f["status"] != status: problems.append(f"{name}: {f['key']} is {f['status']}, expected {status}")
    for k, v in more.items():
        if f.get(k) != v: problems.append(f"{name}: {k} is {f.get(k)}, expected {v}")

deficit = fact(lambda f: f["key"].startswith("trade_balance|USA|-|-|trade_deficit|-|1986|"))
# rounding_a (169.8), rounding_b (170), revision_a == duplicate_a (169.8), revision_b (revised 166.3)
expect("revision", deficit, "revised")
assert any(c["revision"] for c in deficit["conflicts"]), deficit["conflicts"]
assert {"rounding_a.md", "rounding_b.md", "revision_a.md", "revision_b.md"} <= {c["article"] for c in deficit["claims"]}
expect("rounding", deficit, "revised", rounding_only=True)
assert any(s["article"] == "revision_a.md" and s["same_as"] == "duplicate_a.md" or
           s["article"] == "duplicate_a.md" and s["same_as"] == "revision_a.md" for s in deficit["same_text"]), deficit["same_text"]

share = fact(lambda f: f["key"].startswith("export_share|CAN|USA"))
expect("approximation", share, "agree")

ev = fact(lambda f: f["key"].startswith("tariff_rate|USA|CHN|electric_vehicles"))
expect("bounds (more than 100% vs 100%)", ev, "agree")
china = fact(lambda f: f["key"].startswith("export_share|CAN|CHN|-|exports|-|2024"))
expect("bounds (less than 4% vs 6%)", china, "conflict")

surplus = [f for f in facts if f["key"].startswith("trade_balance|JPN|USA|-|trade_surplus|") and "|1986|" in f["key"]]
assert len(surplus) == 2, [f["key"] for f in surplus]
assert {f["status"] for f in surplus} == {"single"}, "different bases are different facts"
assert any("|customs|" in f["key"] for f in surplus)

feb = fact(lambda f: f["key"].startswith("trade_balance|JPN|-|-|trade_surplus|-|1987-02|"))
expect("currency", feb, "agree", converted=True)
assert texts(feb) >= {"8.14 billion dlrs", "1,180 billion yen"}, texts(feb)

if problems:
    print("\n".join(problems)); sys.exit(1)
PY
# The table names the same-text pair and the rounding.
expect_status 0 "$TC" check
expect_grep 'same text as' "$WORK/out"
expect_grep 'agrees only through rounding' "$WORK/out"
expect_grep 'REVISED' "$WORK/out"
finish
