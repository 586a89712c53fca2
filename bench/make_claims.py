#!/usr/bin/env python3
"""Fills a tradecheck database with N synthetic claims for `bench/ingest.sh`.

Usage: make_claims.py DB N
DB must already have the tradecheck schema (the bench creates it with `tradecheck ingest`).
Ten claims an article, N/5 fact keys (so about five claims, from five articles, per fact), values
spread so that some facts agree and some conflict. Deterministic (fixed seed).
"""
import random
import sqlite3
import sys


def main():
    path, n = sys.argv[1], int(sys.argv[2])
    rng = random.Random(21578)
    keys = max(1, n // 5)
    per_article = 10
    countries = ["USA", "CHN", "CAN", "MEX", "EU", "JPN", "IND", "GBR", "BRA", "KOR"]
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = OFF")
    text = "Officials said the tariff would be 25% on steel, 10% on aluminum and more later. " * 2
    start, end = text.index("25%"), text.index("25%") + 3
    with db:
        db.executemany(
            "INSERT INTO articles (id, path, sha256, title, outlet, published, currency, text) "
            "VALUES (?, ?, ?, ?, ?, ?, 'USD', ?)",
            ((f"synthetic-{a}", f"synthetic-{a}", f"{a:064x}", f"Synthetic {a}", f"Outlet {a % 50}",
              f"20{10 + a % 15}-01-01", text) for a in range((n + per_article - 1) // per_article)))

        def claims():
            for i in range(n):
                k = rng.randrange(keys)
                actor, partner = countries[k % 10], countries[(k // 10) % 10]
                value = 10 + (k % 40) + (5 if rng.random() < 0.1 else 0)
                yield (f"synthetic-{i // per_article}", "tariff_rate",
                       f"tariff_rate|{actor}|{partner}|product{k}|percent|in|2024", "25%", start, end,
                       value, value - 0.5, value + 0.5, "percent", "exact", 0, "percent", "none",
                       actor, partner, f"product{k}", "tariff", "", "in", 2024, None, None,
                       "tariff.rate.1", "bench")

        db.executemany(
            'INSERT INTO claims (article_id, kind, key, text, start, "end", value, low, high, unit, '
            "qualifier, exponent, type, relation, actor, partner, product, metric, basis, period, year, "
            "year_low, year_high, rule_id, rules_hash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", claims())
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


if __name__ == "__main__":
    main()
