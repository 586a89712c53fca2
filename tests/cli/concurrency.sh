#!/usr/bin/env bash
# Concurrency (issues 7, 17): two ingests and a `check` at once on one database (WAL; writers take
# turns at the write lock) all finish without errors, and no article is lost.
set -u
source "$(dirname "$0")/lib.bash"
command -v sqlite3 >/dev/null || { echo "skip: sqlite3 missing"; exit 77; }

python3 - a.jsonl b.jsonl <<'PY'
import json, sys
for part, name in enumerate(sys.argv[1:]):
    with open(name, "w") as f:
        for i in range(3000):
            f.write(json.dumps({"id": f"{name}-{i}", "title": "t", "date": "1987-03-01",
                                "text": f"WASHINGTON, March 1 - The U.S. trade deficit was {i % 50 + 100}.8 billion dlrs "
                                        f"in 1986, and Japan's surplus with the U.S. was {part + 50}.6 billion dlrs."}) + "\n")
PY
"$TC" ingest -q --db shared.db "$SRC/seeds" || fail "seed ingest"
"$TC" ingest -q --db shared.db a.jsonl 2> a.err & pa=$!
"$TC" ingest -q --db shared.db b.jsonl 2> b.err & pb=$!
for _ in 1 2 3; do "$TC" check --db shared.db --format json > check.json 2> check.err || echo fail >> check.status; done & pc=$!
wait $pa && ok || fail "ingest a failed: $(cat a.err)"
wait $pb && ok || fail "ingest b failed: $(cat b.err)"
wait $pc
[ ! -s check.status ] && ok || fail "check failed during the ingests: $(cat check.err)"
python3 -c "import json; json.load(open('check.json'))" && ok || fail "check wrote invalid JSON"
n=$(sqlite3 shared.db "SELECT count(*) FROM articles")
[ "$n" = 6005 ] && ok || fail "expected 6005 articles, found $n"
[ "$(sqlite3 shared.db 'PRAGMA integrity_check')" = ok ] && ok || fail "integrity_check"
finish
