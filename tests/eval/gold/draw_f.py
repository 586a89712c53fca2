#!/usr/bin/env python3
"""Draw the articles of the development gold f.jsonl (re-runnable, fixed seed).

Usage: python3 draw_f.py [ARTICLES.jsonl]
Prints one line per chosen article: stratum, id, length, keyword counts.

Criteria (standard library only; random.Random(20261203)):
- Exclusions: every article id that appears in the gold that existed when f was drawn,
  tests/eval/gold/{a,b,c,e}.jsonl, and in tests/eval/heldout/d.jsonl (a fixed list, so that
  gold added later does not change this draw).
- Length: the article's `text` is 1,200-10,000 characters long (inclusive).
- The remaining articles are sorted by id before any sampling.
- Keyword counts on `text` (case-insensitive):
  * trade words (TRADE): export(s/ed/ers), import(s/ed/ers), tariff(s), trade deficit(s),
    trade surplus(es), trade balance, shipment(s);
  * money/percent figures (FIGS): a number after a currency mark ("$2.1 billion",
    "US$ 400 million", "USD 3bn", "Rs. 310 billion", "LKR 5 mn", "€549 billion", "£2m"), a
    number with a scale word ("400 million"), or a percentage ("12%", "12 per cent",
    "12 percent"); each figure is counted once;
  * business words (BUSINESS): revenue, profit(s), net income, earnings, turnover, share(s),
    market capitalisation, quarter, dividend(s), sales; company words (COMPANY): PLC, Ltd,
    Inc, Corp, company/companies, firm, group, chairman, CEO.
- Trade-rich stratum, 17 articles: TRADE >= 6 and FIGS >= 4. Sampled per id prefix (the part
  of the id before ':') with the quotas in TRADE_QUOTA (8 of the 17 from prefixes other than
  `lknews`; at least 3 required). If a prefix's pool is smaller than its quota, the shortfall is
  filled from the `lknews` pool: no `ptnews` article passes the thresholds and `plannet` and
  `purenews` have 2 each, so the draw holds 6 articles from other prefixes (4 newslonglk,
  1 plannet, 1 purenews) and 11 from lknews.
- Distractor stratum, 3 articles: business / company-results articles with many figures and
  few trade words: BUSINESS >= 6, COMPANY >= 4, FIGS >= 6, TRADE <= 2, not already taken
  (with BUSINESS >= 8 and COMPANY >= 6 the pool held only 3 articles, so nothing was drawn).
"""
import random, re

from drawing import FIGS, articles, gold_ids

SEED = 20261203
MIN_LEN, MAX_LEN = 1200, 10000
TRADE_QUOTA = {"lknews": 9, "newslonglk": 4, "ptnews": 2, "plannet": 1, "purenews": 1}
N_DISTRACTORS = 3

TRADE = re.compile(r"\b(?:export(?:s|ed|ers?)?|import(?:s|ed|ers?)?|tariffs?|"
                   r"trade\s+(?:deficits?|surplus(?:es)?|balance)|shipments?)\b", re.I)
BUSINESS = re.compile(r"\b(?:revenue|profits?|net income|earnings|turnover|shares?|"
                      r"market capitali[sz]ation|quarter|dividends?|sales)\b", re.I)
COMPANY = re.compile(r"\b(?:PLC|Ltd|Inc|Corp|company|companies|firm|group|chairman|CEO)\b",
                     re.I)


def main():
    skip = gold_ids(("a.jsonl", "b.jsonl", "c.jsonl", "e.jsonl"))
    arts = articles(skip, MIN_LEN, MAX_LEN, trade=TRADE, figs=FIGS, biz=BUSINESS, co=COMPANY)
    rng = random.Random(SEED)

    rich = [a for a in arts if a["_trade"] >= 6 and a["_figs"] >= 4]
    chosen, taken = [], set()
    shortfall = 0
    for prefix, n in TRADE_QUOTA.items():
        if prefix == "lknews":
            continue
        pool = [a for a in rich if a["id"].split(":")[0] == prefix]
        k = min(n, len(pool))
        shortfall += n - k
        for a in rng.sample(pool, k):
            chosen.append(("trade_rich", a))
            taken.add(a["id"])
    pool = [a for a in rich if a["id"].split(":")[0] == "lknews"]
    for a in rng.sample(pool, TRADE_QUOTA["lknews"] + shortfall):
        chosen.append(("trade_rich", a))
        taken.add(a["id"])

    pool = [a for a in arts if a["id"] not in taken and a["_biz"] >= 6 and a["_co"] >= 4
            and a["_figs"] >= 6 and a["_trade"] <= 2]
    for a in rng.sample(pool, N_DISTRACTORS):
        chosen.append(("distractor", a))

    for g, a in chosen:
        print(f"{g}\t{a['id']}\t{len(a['text'])}\ttrade={a['_trade']}\tfigs={a['_figs']}"
              f"\tbiz={a['_biz']}\tco={a['_co']}")


if __name__ == "__main__":
    main()
