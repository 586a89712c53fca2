#!/usr/bin/env bash
# When a claim holds (docs/checks.md, "Facts in time"): effective dates read from the clause and
# resolved against the article's day, and the status they imply. One sentence per case.
set -u
source "$(dirname "$0")/lib.bash"

python3 - > cases.jsonl <<'PY'
import json
cases = [
    ("took", "2025-02-06", "A 10% tariff on all Chinese goods imported into the United States took effect on Tuesday."),
    ("will", "2025-02-06", "A 10% tariff on all Chinese goods imported into the United States will take effect on Tuesday."),
    ("from", "2025-07-09", "The United States will impose a 25% tariff on Indian goods from August 1."),
    ("until", "2025-04-10", "The United States cut its tariff on Vietnamese goods to 10% until July 9."),
    ("for90", "2025-05-12", "The United States will cut its tariff on Chinese goods to 30% for 90 days, starting May 14."),
    ("said", "2025-03-06", "Canada's tariff on US steel is 25%, the minister said on Tuesday."),
    ("effective", "2025-08-01", "The United States set a 20% tariff on Sri Lankan goods effective August 7."),
    ("since", "2025-09-20", "Brazil has faced a 50% US tariff since August 6."),
    ("nodate", "2025-06-02", "The US tariff on Japanese cars is 25%."),
    ("badday", "2025-02-10", "The United States will raise its tariff on Mexican goods to 25% from February 30."),
    ("nextyear", "2025-11-03", "The EU will cut its tariff on US cars to 10% from January 1, 2026."),
]
for id_, day, text in cases:
    print(json.dumps({"id": id_, "date": day, "title": id_, "text": text}))
PY
expect_status 0 "$TC" extract -q cases.jsonl
python3 - "$WORK/out" <<'PY' && ok || fail "effective times"
import json, sys
got = {c["article"]: (c["status"], c["valid_from"], c["valid_to"], c["time_source"])
       for c in map(json.loads, open(sys.argv[1]))}
want = {
    "took": ("in_effect", "2025-02-04", "", "text"),        # the Tuesday before the story
    "will": ("announced", "2025-02-11", "", "text"),        # the Tuesday after it
    "from": ("announced", "2025-08-01", "", "text"),
    "until": ("in_effect", "2025-04-10", "2025-07-09", "text"),
    "for90": ("announced", "2025-05-14", "2025-08-12", "text"),
    "said": ("in_effect", "2025-03-06", "", "article"),     # "said on Tuesday" dates the statement
    "effective": ("announced", "2025-08-07", "", "text"),   # starts after the story: not yet in force
    "since": ("in_effect", "2025-08-06", "", "text"),
    "nodate": ("in_effect", "2025-06-02", "", "article"),
    "badday": ("announced", "2025-02-10", "", "article"),   # February 30 is no day
    "nextyear": ("announced", "2026-01-01", "", "text"),
}
bad = [f"{k}: got {got.get(k)}, want {v}" for k, v in want.items() if got.get(k) != v]
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
finish
