#!/usr/bin/env python3
"""Check the held-out gold d.jsonl against the corpus.

Usage: python3 check.py [D.jsonl] [ARTICLES.jsonl]
Asserts: every needle (claims and doubtful) is an exact substring of its article's text;
claim needles have 4-12 words and contain the figure (a number in the needle, times its
scale word, equals one of the values); fields and kinds are valid; every article has exactly
one article line; no article is also in tests/eval/gold; the ids are those select.py picks.
Exits 1 and lists the problems if any check fails.
"""
import os, sys
# this folder holds select.py, which would shadow the standard module `select`
sys.path[:] = [p for p in sys.path
               if os.path.abspath(p or ".") != os.path.dirname(os.path.abspath(__file__))]
import glob, json, re, subprocess  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
D = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "d.jsonl")
CORPUS = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
    HERE, "..", "..", "..", "..", "shared", "corpora", "modern-news", "articles.jsonl")

if not os.path.exists(CORPUS):
    print(f"corpus not found: {CORPUS} (skipped)", file=sys.stderr)
    sys.exit(77)

KINDS = {"tariff_rate", "trade_target", "export_share", "import_share", "investment_pledge",
         "trade_value", "trade_balance", "market_access"}
STATUS = {"stated", "announced", "threatened", "proposed", "previous", "target"}
FIELDS = ["article", "kind", "needle", "values", "unit", "actor", "partner", "product",
          "metric", "status", "as_of", "year", "core"]
SCALE = {"trillion": 1e12, "tn": 1e12, "t": 1e12, "billion": 1e9, "bn": 1e9, "b": 1e9,
         "million": 1e6, "mn": 1e6, "m": 1e6, "thousand": 1e3, "k": 1e3}
WORD_NUMBERS = {"one-fourth": [25, 0.25], "one-third": [33.3, 33.33], "double": [2],
                "half": [50, 0.5]}
NUM = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(trillion|billion|million|thousand|bn|mn|tn|[tbmk])?"
                 r"(?![a-z])", re.I)


def figures(needle):
    out = set()
    for m in NUM.finditer(needle):
        x = float(m.group(1).replace(",", ""))
        out.add(x)
        if m.group(2):
            out.add(x * SCALE[m.group(2).lower()])
    for w, vals in WORD_NUMBERS.items():
        if w in needle.lower():
            out.update(vals)
    return out


def close(a, b):
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1)


def main():
    texts = {}
    for line in open(CORPUS, encoding="utf-8"):
        a = json.loads(line)
        texts[a["id"]] = a["text"]
    gold = set()
    for f in glob.glob(os.path.join(HERE, "..", "gold", "*.jsonl")):
        for line in open(f, encoding="utf-8"):
            if line.strip():
                gold.add(json.loads(line)["article"])
    errs, heads, claims = [], {}, []
    for n, line in enumerate(open(D, encoding="utf-8"), 1):
        if not line.strip():
            continue
        r = json.loads(line)
        aid = r.get("article")
        where = f"line {n} ({aid})"
        if aid not in texts:
            errs.append(f"{where}: article not in corpus")
            continue
        if aid in gold:
            errs.append(f"{where}: article is already in tests/eval/gold")
        text = texts[aid]
        if "kind" not in r:
            if aid in heads:
                errs.append(f"{where}: second article line")
            heads[aid] = r
            if r.get("group") not in {"trade_news", "business", "general"}:
                errs.append(f"{where}: bad group {r.get('group')}")
            for d in r.get("doubtful", []):
                if d not in text:
                    errs.append(f"{where}: doubtful needle not in text: {d!r}")
            continue
        claims.append(r)
        if aid not in heads:
            errs.append(f"{where}: claim before its article line")
        if list(r) != FIELDS:
            errs.append(f"{where}: fields {list(r)}")
        if r["kind"] not in KINDS:
            errs.append(f"{where}: bad kind {r['kind']}")
        if r["status"] not in STATUS:
            errs.append(f"{where}: bad status {r['status']}")
        nd = r["needle"]
        if nd not in text:
            errs.append(f"{where}: needle not in text: {nd!r}")
        if not 4 <= len(nd.split()) <= 12:
            errs.append(f"{where}: needle has {len(nd.split())} words: {nd!r}")
        vals = r["values"]
        if not vals or not all(isinstance(v, (int, float)) for v in vals):
            errs.append(f"{where}: bad values {vals}")
            continue
        figs = figures(nd)
        for v in vals:
            if not any(close(v, f) for f in figs):
                errs.append(f"{where}: value {v} not found in needle {nd!r} (figures {sorted(figs)})")
        if r["as_of"] is not None and not re.fullmatch(r"\d{4}-\d\d-\d\d", r["as_of"]):
            errs.append(f"{where}: bad as_of {r['as_of']}")
        if r["year"] is not None and not isinstance(r["year"], int):
            errs.append(f"{where}: bad year {r['year']}")
        if not isinstance(r["core"], bool):
            errs.append(f"{where}: core not boolean")
        for k in ("actor", "partner"):
            v = r[k]
            if v is not None and not (v == "EU" or re.fullmatch(r"[A-Z]{3}", v)):
                errs.append(f"{where}: bad {k} {v}")
    for aid, h in heads.items():
        n = sum(1 for c in claims if c["article"] == aid)
        if h.get("no_claims") and n:
            errs.append(f"{aid}: no_claims but {n} claims")
        if not h.get("no_claims") and not n:
            errs.append(f"{aid}: no claims but no_claims is false")
    sel = subprocess.run([sys.executable, os.path.join(HERE, "select.py"), CORPUS],
                         capture_output=True, text=True, check=True).stdout
    picked = {l.split("\t")[1] for l in sel.splitlines() if l.strip()}
    if picked != set(heads):
        errs.append(f"articles differ from select.py: missing {sorted(picked - set(heads))}, "
                    f"extra {sorted(set(heads) - picked)}")
    core = sum(1 for c in claims if c["core"])
    print(f"{len(heads)} articles, {len(claims)} claims ({core} core, {len(claims) - core} "
          f"non-core), {sum(len(h.get('doubtful', [])) for h in heads.values())} doubtful needles")
    for e in errs:
        print("ERROR", e)
    sys.exit(1 if errs else 0)


if __name__ == "__main__":
    main()
