#!/usr/bin/env python3
"""Pick the held-out evaluation articles (re-runnable, fixed seed).

Usage: python3 select.py [ARTICLES.jsonl]
Prints one line per chosen article: group, id, length, keyword scores.

Articles of the development gold that existed when this set was drawn
(tests/eval/gold/{a,b,c}.jsonl) are excluded; gold files added later were
drawn around this set, so they must not change what it picks. Articles between
1,500 and 12,000 characters are scored with simple keyword counts, split into
pools (trade-rich / business / general), and sampled with random.Random(SEED).
"""
import glob, json, os, random, re, sys

SEED = 20250917
HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    HERE, "..", "..", "..", "..", "shared", "corpora", "modern-news", "articles.jsonl")

TRADE = re.compile(r"\b(tariffs?|exports?|imports?|exporters?|trade deficit|trade surplus|"
                   r"trade balance|trade deal|trade agreement|free trade|duty-free|"
                   r"reciprocal|invest(?:ment)? pledge|pledged to invest)\b", re.I)
BUSINESS = re.compile(r"\b(revenue|profit|net income|earnings|turnover|shares?|"
                      r"market capitali[sz]ation|quarter|dividend|sales)\b", re.I)
COMPANY = re.compile(r"\b(PLC|Ltd|Inc|Corp|company|companies|firm|group|chairman|CEO)\b", re.I)

# trade-rich quota per id prefix (16 in all)
TRADE_QUOTA = {"lknews": 6, "newslonglk": 4, "ptnews": 2, "plannet": 2, "purenews": 2}
N_BUSINESS, N_GENERAL = 4, 4
# The development gold as it was when this set was drawn (see the docstring).
GOLD_WHEN_DRAWN = ("a.jsonl", "b.jsonl", "c.jsonl")


def main():
    gold = set()
    for f in (os.path.join(HERE, "..", "gold", n) for n in GOLD_WHEN_DRAWN):
        for line in open(f, encoding="utf-8"):
            if line.strip():
                gold.add(json.loads(line)["article"])
    arts = []
    for line in open(CORPUS, encoding="utf-8"):
        a = json.loads(line)
        if a["id"] in gold or not (1500 <= len(a["text"]) <= 12000):
            continue
        t = a["text"]
        a["_trade"] = len(TRADE.findall(t))
        a["_biz"] = len(BUSINESS.findall(t))
        a["_co"] = len(COMPANY.findall(t))
        a["_figs"] = len(re.findall(r"\d[\d,.]*\s*(?:%|per ?cent|billion|million|bn|mn)", t))
        arts.append(a)
    arts.sort(key=lambda a: a["id"])  # deterministic order before sampling
    rng = random.Random(SEED)

    chosen = []
    # trade-rich: >= 8 trade keywords and >= 4 money/percent figures
    for prefix, n in TRADE_QUOTA.items():
        pool = [a for a in arts if a["id"].split(":")[0] == prefix
                and a["_trade"] >= 8 and a["_figs"] >= 4]
        for a in rng.sample(pool, min(n, len(pool))):
            chosen.append(("trade_news", a))
    taken = {a["id"] for _, a in chosen}
    # business: company figures (company words, results words), few trade words
    pool = [a for a in arts if a["id"] not in taken and a["_biz"] >= 8
            and a["_co"] >= 6 and a["_figs"] >= 6 and a["_trade"] <= 3]
    for a in rng.sample(pool, N_BUSINESS):
        chosen.append(("business", a))
    taken |= {a["id"] for _, a in chosen}
    # general: few business and trade words (some mention trade in passing)
    pool = [a for a in arts if a["id"] not in taken and a["_biz"] <= 3
            and a["_trade"] <= 3]
    for a in rng.sample(pool, N_GENERAL):
        chosen.append(("general", a))

    for g, a in chosen:
        print(f"{g}\t{a['id']}\t{len(a['text'])}\ttrade={a['_trade']}\tbiz={a['_biz']}\tco={a['_co']}\tfigs={a['_figs']}")


if __name__ == "__main__":
    main()
