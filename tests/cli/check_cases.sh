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

def matched(f): return {c["article"]: c["matched"] for c in f["claims"]}

# Independent sources: the wire story, its reworded copy and its syndicated copies are one family.
korea = fact(lambda f: f["key"].startswith("trade_balance|KOR|USA|-|trade_surplus|-|1986|"))
expect("copies", korea, "agree", sources=2)
copies = {c["article"]: c for c in korea["copies"]}
assert set(copies) == {"copy_reworded.md", "copy_syndicated_a.md", "copy_syndicated_b.md"}, korea["copies"]
assert all(c["family"] == "copy_wire.md" and 0.5 <= c["similarity"] <= 1 for c in copies.values()), copies
assert "copy_independent.md" not in copies

# Partial key: no partner stated, one fact it fits.
ev_can = fact(lambda f: f["key"].startswith("tariff_rate|CAN|CHN|electric_vehicles|"))
expect("partial key", ev_can, "agree", sources=2)
assert matched(ev_can) == {"partial_a.md": "exact", "partial_b.md": "unified_partner"}, matched(ev_can)
assert not [f for f in facts if f["key"].startswith("tariff_rate|CAN|-|electric_vehicles|")]

# Global vs bilateral: a global figure exists, so the partnerless 15.6 is not merged.
bilateral = fact(lambda f: f["key"].startswith("trade_balance|DEU|USA|-|trade_surplus|-|1986|"))
expect("global vs bilateral", bilateral, "single")
assert {c["article"] for c in bilateral["claims"]} == {"global_b.md"}, bilateral["claims"]
germany = fact(lambda f: f["key"].startswith("trade_balance|DEU|-|-|trade_surplus|-|1986|"))
assert {c["article"] for c in germany["claims"]} == {"global_a.md", "global_c.md"}
assert germany["status"] != "conflict"

# Mirror relations.
taiwan = fact(lambda f: f["key"].startswith("trade_balance|TWN|USA|-|trade_surplus|-|1986|"))
expect("mirror agree", taiwan, "agree", sources=2, mirror_key="trade_balance|USA|TWN|-|trade_deficit|-|1986|money")
assert matched(taiwan) == {"mirror_a.md": "exact", "mirror_b.md": "mirror"}, matched(taiwan)
assert not [f for f in facts if f["key"].startswith("trade_balance|USA|TWN|")]
ec = fact(lambda f: f["key"].startswith("trade_balance|EU|JPN|-|trade_deficit|-|1986|"))
expect("mirror disagree", ec, "not_comparable")
assert ec["note"].startswith("mirror figures"), ec["note"]
assert ec["conflicts"] and all(c["mirror"] for c in ec["conflicts"]), ec["conflicts"]
exports = fact(lambda f: f["key"].startswith("trade_value|JPN|USA|-|exports|-|1986|"))
expect("mirror exports/imports", exports, "agree", sources=2)
assert matched(exports)["mirror_f.md"] == "mirror"

# Retyped: "Norway's trade gap widened to 430 mln" and "a trade deficit of 430 mln" are one fact
# whichever kind the rules typed the first as (the metric decides between value and balance).
norway = fact(lambda f: f["key"].startswith("trade_balance|NOR|-|-|trade_deficit|-|1986|"))
expect("retyped", norway, "agree", sources=2)
assert set(matched(norway)) == {"retyped_a.md", "retyped_b.md"}, matched(norway)
assert all(m in ("exact", "retyped") for m in matched(norway).values()), matched(norway)
assert not [f for f in facts if f["key"].startswith("trade_value|NOR|")]

if problems:
    print("\n".join(problems)); sys.exit(1)
PY
# Every format lists the copies with their similarity and how claims were matched.
expect_status 0 "$TC" check --format markdown
expect_grep 'copy\\_reworded.md is a copy of copy\\_wire.md \(similarity' "$WORK/out"
expect_grep 'matched: mirror' "$WORK/out"
expect_status 0 "$TC" check --format csv
expect_grep ',copy_of,copy_similarity,matched[[:space:]]*$' "$WORK/out"
expect_grep 'copy_reworded.md,.*,copy_wire.md,0\.[5-9][0-9],exact[[:space:]]*$' "$WORK/out"
expect_status 0 "$TC" check --format html
expect_grep 'copy_reworded.md is a copy of copy_wire.md \(similarity' "$WORK/out"
expect_grep 'matched: unified_partner' "$WORK/out"
# The table names the same-text pair and the rounding.
expect_status 0 "$TC" check
expect_grep 'same text as' "$WORK/out"
expect_grep 'agrees only through rounding' "$WORK/out"
expect_grep 'REVISED' "$WORK/out"
expect_grep 'copy_syndicated_b.md is a copy of copy_syndicated_a.md \(similarity 0\.[0-9]*; family copy_wire.md\): counted as one source' "$WORK/out"
expect_grep 'mirror figures: ' "$WORK/out"
# A threshold above every pair's similarity: no copies, each outlet a source.
expect_status 0 "$TC" check --copy-threshold 1 --format json
expect_grep '"sources": 5,' "$WORK/out"

# check --save: the database holds what the report says, stamped with the run and its options.
if command -v sqlite3 > /dev/null; then
  expect_status 0 "$TC" check --save --format json
  cp "$WORK/out" saved.json
  sqlite3 -json "$TRADECHECK_DB" "SELECT key, status, sources, mirror_key FROM verdict_view" > view.json \
    && ok || fail "verdict_view"
  sqlite3 -json "$TRADECHECK_DB" "SELECT key, article_id, matched FROM verdict_claim_view" > claims.json \
    && ok || fail "verdict_claim_view"
  python3 - saved.json view.json claims.json <<'PY' && ok || fail "verdict_view is not the report"
import json, sys
report = json.load(open(sys.argv[1]))["facts"]
view = {r["key"]: r for r in json.load(open(sys.argv[2]))}
assert set(view) == {f["key"] for f in report}, (len(view), len(report))
for f in report:
    v = view[f["key"]]
    assert (v["status"], v["sources"], v["mirror_key"]) == (f["status"], f["sources"], f["mirror_key"]), (f["key"], v)
claims = {(r["key"], r["article_id"]): r["matched"] for r in json.load(open(sys.argv[3]))}
for f in report:
    for c in f["claims"]:
        assert claims[(f["key"], c["article"])] in (c["matched"], "exact", "undated"), (f["key"], c["article"])
assert claims[("tariff_rate|CAN|CHN|electric_vehicles|-|-|-|percent", "partial_b.md")] == "unified_partner"
PY
  [ "$(sqlite3 "$TRADECHECK_DB" "SELECT count(*) FROM verdict_copies WHERE family = 'copy_wire.md'")" = 3 ] \
    && ok || fail "verdict_copies"
  [ "$(sqlite3 "$TRADECHECK_DB" "SELECT json_extract(options, '$.copy_threshold') FROM check_runs")" = 0.5 ] \
    && ok || fail "check_runs options"
  # A second run adds a run; the view shows the latest.
  expect_status 0 "$TC" check --save --copy-threshold 0.95 --format json
  [ "$(sqlite3 "$TRADECHECK_DB" "SELECT count(*) FROM check_runs")" = 2 ] && ok || fail "second run"
  [ "$(sqlite3 "$TRADECHECK_DB" "SELECT sources FROM verdict_view WHERE key LIKE 'trade_balance|KOR|USA|%'")" -gt 2 ] \
    && ok || fail "verdict_view shows the latest run"
fi
finish
