#!/usr/bin/env python3
"""Draw the articles of the development gold g.jsonl (re-runnable, fixed seed).

Usage: python3 draw_g.py [ARTICLES.jsonl]
Prints one line per chosen article: stratum, id, length, keyword counts.

Criteria (standard library only; random.Random(20261204)):
- Exclusions: every article id that appears in the gold that existed when g was drawn,
  tests/eval/gold/{a,b,c,e,f}.jsonl, and in tests/eval/heldout/d.jsonl (a fixed list, not a
  glob, so that gold added later does not change this draw).
- Length: the article's `text` is 800-12,000 characters long (inclusive).
- The remaining articles are sorted by id before any sampling.
- Keyword counts on `text` (case-insensitive):
  * trade words (TRADE): tariff(s), duty, duties, export(s), import(s), trade deficit(s),
    trade surplus(es), each as a whole word;
  * money/percent figures (FIGS): a number after a currency mark ("$2.1 billion",
    "US$ 400 million", "USD 3bn", "Rs. 310 billion", "LKR 5 mn", "€549 billion", "£2m"), a
    number with a scale word ("400 million"), or a percentage ("12%", "12 per cent",
    "12 percent"); each figure is counted once (same pattern as draw_f.py).
- Western stratum, 14 articles: id prefix `ptnews`, `plannet` or `purenews`, with
  TRADE >= 3 and FIGS >= 2. The 14 are spread over the three prefixes as evenly as their pools
  allow: seats are dealt one at a time, round-robin over the prefixes in alphabetical order
  (plannet, ptnews, purenews), skipping a prefix whose pool is used up; with pools large enough
  this would give plannet 5, ptnews 5, purenews 4. The pools hold plannet 8, ptnews 15 and
  purenews 2 articles, so the draw takes both purenews articles and 6 each from plannet and
  ptnews. Each prefix's seats are then sampled from its pool (prefixes in alphabetical order,
  one shared random.Random).
- Sri Lankan stratum, 6 articles: id prefix `lknews` or `newslonglk` (one pooled list), with
  TRADE >= 6 and FIGS >= 4 (239 articles), sampled after the Western stratum with the same
  generator.
"""
import random, re, sys

from drawing import FIGS, articles, gold_ids

SEED = 20261204
MIN_LEN, MAX_LEN = 800, 12000
WEST = ("plannet", "ptnews", "purenews")
N_WEST = 14
LANKA = ("lknews", "newslonglk")
N_LANKA = 6

TRADE = re.compile(r"\b(?:tariffs?|duty|duties|exports?|imports?|"
                   r"trade\s+(?:deficits?|surplus(?:es)?))\b", re.I)


def prefix(a):
    return a["id"].split(":")[0]


def main():
    skip = gold_ids(("a.jsonl", "b.jsonl", "c.jsonl", "e.jsonl", "f.jsonl"))
    arts = articles(skip, MIN_LEN, MAX_LEN, trade=TRADE, figs=FIGS)
    rng = random.Random(SEED)

    pools = {p: [a for a in arts if prefix(a) == p and a["_trade"] >= 3 and a["_figs"] >= 2]
             for p in WEST}
    seats = {p: 0 for p in WEST}
    left = N_WEST
    while left > 0:
        dealt = False
        for p in WEST:
            if left > 0 and seats[p] < len(pools[p]):
                seats[p] += 1
                left -= 1
                dealt = True
        if not dealt:
            sys.exit("western pools too small for %d articles" % N_WEST)
    chosen = []
    for p in WEST:
        for a in rng.sample(pools[p], seats[p]):
            chosen.append(("western", a))

    pool = [a for a in arts if prefix(a) in LANKA and a["_trade"] >= 6 and a["_figs"] >= 4]
    for a in rng.sample(pool, N_LANKA):
        chosen.append(("lanka", a))

    for g, a in chosen:
        print(f"{g}\t{a['id']}\t{len(a['text'])}\ttrade={a['_trade']}\tfigs={a['_figs']}")


if __name__ == "__main__":
    main()
