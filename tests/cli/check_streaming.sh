#!/usr/bin/env bash
# `check` streams the claims ordered by key and checks one run of keys at a time (docs/checks.md).
# Over many runs, with undated claims that join the dated facts of their series, claims stored
# without a key, the same story filed twice and facts of every status, the report must list
# every fact with its verdict and claims, conflicts first, then revised, not comparable, agree,
# single, by key within each; and every format must list them in that one order.
set -u
source "$(dirname "$0")/lib.bash"

printf 'A 25%% tariff.\n' > seed.txt
expect_status 0 "$TC" ingest -q seed.txt
python3 - "$TRADECHECK_DB" expected.json <<'PY' && ok || fail "making the database"
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("PRAGMA foreign_keys = ON")
db.execute("DELETE FROM claims"); db.execute("DELETE FROM articles")
facts = {}          # key -> {"status", "articles", "undated"}

def fact(key, status, articles, undated=()):
    facts[key] = {"status": status, "articles": sorted(articles), "undated": sorted(undated)}

def put(article, kind, actor, partner, value, exponent, year, unit="USD", basis="", text=None, keyless=False,
        published="1987-06-01"):
    shown = f"{value:g}"
    text = text or f"Story {article}: officials said the figure was {shown} billion dlrs last year."
    db.execute("INSERT INTO articles (id, path, sha256, title, outlet, published, currency, text) "
               "VALUES (?, ?, ?, ?, 'Wire', ?, 'USD', ?)",
               (article, article, article.ljust(64, "0"), f"Story {article}", published, text))
    start = text.index(shown)
    money = unit != "percent"
    metric = "trade_deficit" if money else ""
    period = "in" if year else "open"
    key = "|".join([kind, actor, partner or "-", "-", metric or "-", "-", str(year) if year else "-",
                    "money" if money else "percent"])
    scale = 1e9 if money else 1
    db.execute('INSERT INTO claims (article_id, kind, key, text, start, "end", value, low, high, unit, qualifier, '
               "exponent, type, relation, actor, partner, product, metric, basis, period, year, rule_id, rules_hash) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'exact', ?, ?, 'none', ?, ?, '', ?, ?, ?, ?, 'test', 'h')",
               (article, kind, "" if keyless else key, shown, start, start + len(shown), value * scale,
                value * scale, value * scale, unit, exponent, "money" if money else "percent", actor, partner,
                metric, basis, period, year))
    return key

for i in range(40):
    actor, p = f"A{i:02d}", f"s{i:02d}"
    pattern = i % 5
    if pattern != 2:   # a 1985 fact that an undated figure of a 1986 story joins
        k85 = put(p + "P", "trade_balance", actor, "", 60, 9, 1985)
        put(p + "Q", "trade_balance", actor, "", 60, 9, None, keyless=i % 7 == 0, published="1986-06-01")
        fact(k85, "agree", [p + "P", p + "Q"], [p + "Q"])
    if pattern == 0:
        k = put(p + "X", "trade_balance", actor, "", 100, 9, 1986)
        put(p + "Y", "trade_balance", actor, "", 130, 9, 1986)
        put(p + "Z", "trade_balance", actor, "", 100, 9, None, keyless=i % 3 == 0)
        fact(k, "conflict", [p + "X", p + "Y", p + "Z"], [p + "Z"])
    elif pattern == 1:
        k = put(p + "X", "trade_balance", actor, "", 7.1, 8, 1986)
        put(p + "Y", "trade_balance", actor, "", 7.3, 8, 1986, basis="revised")
        fact(k, "revised", [p + "X", p + "Y"])
    elif pattern == 2:
        k = put(p + "X", "trade_balance", actor, "", 8.14, 7, None)
        put(p + "Y", "trade_balance", actor, "", 1.45, 7, None)
        fact(k, "not_comparable", [p + "X", p + "Y"])
    elif pattern == 3:
        k = put(p + "X", "trade_balance", actor, "", 169.8, 8, 1986)
        put(p + "Y", "trade_balance", actor, "", 170, 9, 1986)
        put(p + "Z", "trade_balance", actor, "", 169.8, 8, None)
        fact(k, "agree", [p + "X", p + "Y", p + "Z"], [p + "Z"])
        k = put(p + "W", "trade_balance", actor, "", 50, 9, None)   # fits no dated fact
        fact(k, "single", [p + "W"])
    else:   # the same story filed twice, white space aside: one source
        text = f"Story {p}: officials said the figure was 20 billion dlrs last year."
        k = put(p + "X", "trade_balance", actor, "", 20, 9, 1986, text=text)
        put(p + "Y", "trade_balance", actor, "", 20, 9, 1986, text=text.replace(" ", "  \n"))
        fact(k, "single", [p + "X", p + "Y"])
for i in range(6):
    a = f"t{i}"
    k = put(a + "a", "tariff_rate", f"T{i}", "CHN", 25, 0, None, unit="percent")
    put(a + "b", "tariff_rate", f"T{i}", "CHN", 35 if i % 2 == 0 else 25, 0, None, unit="percent")
    fact(k, "conflict" if i % 2 == 0 else "agree", [a + "a", a + "b"])
db.commit()
json.dump(facts, open(sys.argv[2], "w"))
PY

for f in json csv table markdown html; do
  expect_status 0 "$TC" check --format $f
  cp "$WORK/out" report.$f
done
expect_status 0 "$TC" check --format json --min-sources 2
cp "$WORK/out" min2.json
expect_status 0 "$TC" check --format json --kind tariff_rate
cp "$WORK/out" tariffs.json

python3 - <<'PY' && ok || fail "the streamed report"
import csv, json, re
rank = ["conflict", "revised", "not_comparable", "agree", "single"]
expected = json.load(open("expected.json"))
report = json.load(open("report.json"))
facts = report["facts"]
order = sorted(expected, key=lambda k: (rank.index(expected[k]["status"]), k))
got = [f["key"] for f in facts]
assert got == order, ("order", [k for k in got if k not in order], [k for k in order if k not in got],
                      next(((a, b) for a, b in zip(got, order) if a != b), None))
for f in facts:
    e = expected[f["key"]]
    arts = [c["article"] for c in f["claims"]]
    assert f["status"] == e["status"], (f["key"], f["status"], e["status"])
    assert arts == sorted(arts) and sorted(arts) == e["articles"], (f["key"], arts, e["articles"])
    assert sorted(c["article"] for c in f["claims"] if c["undated"]) == e["undated"], f["key"]
    if e["status"] == "single" and len(arts) == 2:
        assert f["same_text"] == [{"article": arts[1], "same_as": arts[0]}], f
s = report["summary"]
claims = sum(len(f["claims"]) for f in facts)
articles = {c["article"] for f in facts for c in f["claims"]}
assert (s["facts"], s["claims"], s["articles"]) == (len(facts), claims, len(articles)), s
for status in rank:
    assert s[status] == sum(f["status"] == status for f in facts), status

# Every format lists the facts in the same order.
rows = list(csv.reader(open("report.csv", newline="")))[1:]
assert [(r[0], r[2], r[4]) for r in rows] == [(f["key"], f["status"], c["article"]) for f in facts for c in f["claims"]]
table = open("report.table").read()
assert re.findall(r"^    key (\S+)$", table, re.M) == got
assert table.splitlines()[0].startswith(f"{len(facts)} facts from {claims} claims in {len(articles)} articles")
md = open("report.markdown").read()
assert len(re.findall(r"^\| (conflict|revised|not_comparable|agree|single) \|", md, re.M)) == len(facts)
assert re.findall(r"^`(.+)`$", md, re.M) == [f["key"] for f in facts if f["status"] != "single"]
html = open("report.html").read()
n = len(facts)
assert re.findall(r'<a href="#fact-(\d+)">', html) == [str(i) for i in range(1, n + 1)]
assert re.findall(r'<section class="fact \w+" id="fact-(\d+)"', html) == [str(i) for i in range(1, n + 1)]
assert re.findall(r'<p class="key">key <code>([^<]+)</code>', html) == got

# Filters: the facts that pass, in the same order.
assert [f["key"] for f in json.load(open("min2.json"))["facts"]] == [f["key"] for f in facts if f["sources"] >= 2]
assert [f["key"] for f in json.load(open("tariffs.json"))["facts"]] == [k for k in got if k.startswith("tariff_rate|")]
PY
finish
