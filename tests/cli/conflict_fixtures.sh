#!/usr/bin/env bash
# Articles written to disagree: the conflict is reported with its quotes, --fail-on exits 3.
set -u
source "$(dirname "$0")/lib.bash"

expect_status 0 "$TC" ingest "$SRC/tests/fixtures/conflict"
expect_status 3 "$TC" check --fail-on conflict
expect_grep 'CONFLICT' "$WORK/out"
expect_grep '\[25%\]' "$WORK/out"
expect_grep '\[35%\]' "$WORK/out"
expect_status 0 "$TC" check

expect_status 0 "$TC" check --format json
python3 - "$WORK/out" <<'PY' && ok || fail "conflict json"
import json, sys
facts = {f["key"]: f for f in json.load(open(sys.argv[1]))["facts"]}
steel = [f for k, f in facts.items() if k.startswith("tariff_rate|CAN|CHN|steel")]
assert len(steel) == 1 and steel[0]["status"] == "conflict", steel
assert {c["text"] for c in steel[0]["claims"]} >= {"25%", "35%"}
assert steel[0]["conflicts"][0]["gap"] == 10
evs = [f for k, f in facts.items() if k.startswith("tariff_rate|USA|CHN|electric_vehicles")]
assert len(evs) == 1 and evs[0]["status"] == "agree", evs       # 100% vs more than 100%
targets = [f for k, f in facts.items() if k.startswith("trade_target|CAN|-|-|non_us_exports")]
assert len(targets) == 1 and targets[0]["status"] == "conflict"  # triple by 2030 vs double by 2035
PY
expect_status 0 "$TC" check --format markdown
expect_grep '\*\*35%\*\*' "$WORK/out"
finish
