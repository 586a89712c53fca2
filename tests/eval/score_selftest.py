#!/usr/bin/env python3
"""The scorer's own test: a tiny hand-made gold, articles and tool output with known figures.

Run by ctest as eval.scorer_selftest (through run_eval.sh --selftest). Every expected number
below is worked out by hand in the comments, so a change to the matching rules shows here.
"""

import json
import os
import sys
import tempfile

# Import the scorer beside this file without leaving a __pycache__ in the source tree.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score  # noqa: E402

# A1: trade news. Non-ASCII (é, —, curly quotes) before every figure, so byte offsets would
# differ from the code-point offsets the tool prints.
A1 = ("Café owners in Colombo — “worried” — said the US imposed a 44% tariff on Sri Lankan "
      "goods. Exports to the US were $3 billion in 2024. The 44% tariff hurts. Later: "
      "The 44% tariff hurts. Electricity tariff cut by 20% last week. "
      "Apparel is 40% of exports.")
# A2: business. Sinhala script first: 3 bytes a code point, so a scorer counting bytes would
# put every figure more than a needle's length away from where it is.
A2 = ("ශ්‍රී ලංකාවේ ආර්ථිකය ගැන කතා කරමින් ඔවුහු මෙසේ කීහ. Nike’s revenue rose to $5 billion. "
      "Japan pledged $550 billion of investment in the US. Tariffs between 20 and 25% "
      "were proposed on metals. Officials floated possibly a 10% surcharge on cars.")
A3 = "Not in the gold: a 30% tariff on steel."

GOLD = [
    {"article": "A1", "group": "trade_news", "no_claims": False,
     "doubtful": ["Electricity tariff cut by 20%"], "notes": ""},
    {"article": "A2", "group": "business", "no_claims": False, "doubtful": [], "notes": ""},
]


def claim(article, kind, needle, values, core=True, **slots):
    c = {"article": article, "kind": kind, "needle": needle, "values": values, "unit": None,
         "actor": None, "partner": None, "product": None, "metric": None, "status": "stated",
         "as_of": None, "year": None, "core": core}
    c.update(slots)
    return c


GOLD += [
    # g1..g5 in A1
    claim("A1", "tariff_rate", "imposed a 44% tariff on Sri Lankan goods", [44],
          actor="USA", partner="LKA"),
    claim("A1", "trade_value", "Exports to the US were $3 billion in 2024", [3e9],
          actor="LKA", partner="USA", metric="exports", year=2024),
    # The same sentence printed twice: one needle, two claims, two occurrences.
    claim("A1", "tariff_rate", "The 44% tariff hurts", [44], actor="USA", partner="LKA"),
    claim("A1", "tariff_rate", "The 44% tariff hurts", [44], actor="USA", partner="LKA"),
    claim("A1", "export_share", "Apparel is 40% of exports", [40], core=False,
          actor="LKA", product="apparel"),
    # g6..g8 in A2
    claim("A2", "investment_pledge", "Japan pledged $550 billion of investment", [5.5e11],
          actor="JPN", partner="USA", status="announced"),
    claim("A2", "tariff_rate", "Tariffs between 20 and 25% were proposed", [20, 25],
          product="steel and aluminium", status="proposed"),
    claim("A2", "tariff_rate", "possibly a 10% surcharge on cars", [10], core=False,
          product="cars", status="threatened"),
    # Gold mistakes: reported as problems and left out of every figure.
    claim("A2", "tariff_rate", "a needle that is not in the text 99%", [99]),
    claim("A2", "tarif_rate", "Japan pledged $550 billion of investment", [5.5e11]),
    # A claim for an article without an article line: ignored.
    claim("A3", "tariff_rate", "a 30% tariff on steel", [30]),
]


def tool(article, text, figure, kind, value, nth=0, **fields):
    start = -1
    for _ in range(nth + 1):
        start = text.index(figure, start + 1)
    c = {"article": article, "kind": kind, "text": figure, "start": start,
         "end": start + len(figure), "value": value, "low": value, "high": value,
         "unit": None, "actor": None, "partner": None, "product": None, "metric": None,
         "year": None, "rule": "selftest"}
    c.update(fields)
    return c


TOOL = [
    # t1: TP for g1; in_effect counts as stated.
    tool("A1", A1, "44%", "tariff_rate", 44, actor="USA", partner="LKA", status="in_effect"),
    # t2: the right figure with the wrong kind: a false positive, and g2 stays missed.
    tool("A1", A1, "$3 billion", "trade_balance", 3e9, actor="LKA", partner="USA"),
    # t3, t4 (below): the two printings of "The 44% tariff hurts": TPs for g3 and g4.
    tool("A1", A1, "44%", "tariff_rate", 44, nth=1, actor="USA", partner="lka", status="stated"),
    # t5: the same figure again (a second rule): the occurrence is taken, a false positive,
    # even though it comes before t4 and g4 (same needle) is still free.
    tool("A1", A1, "44%", "tariff_rate", 44, nth=1, actor="USA", partner="LKA"),
    tool("A1", A1, "44%", "tariff_rate", 44, nth=2),
    # t6: on a doubtful needle: ignored.
    tool("A1", A1, "20%", "tariff_rate", 20),
    # t15: the right value ending exactly where g5's needle begins: spans are half-open,
    # so it does not overlap, and is a false positive.
    dict(tool("A1", A1, ". ", "export_share", 40, nth=4), text=". "),
    # t12: overlaps g2's needle with a value that is not its value: a false positive.
    tool("A1", A1, "2024", "trade_value", 2024),
    # t7: company revenue: a false positive.
    tool("A2", A2, "$5 billion", "trade_value", 5e9),
    # t14: the same figure as t8 with another kind, listed first: the right kind still wins,
    # and t14 is a plain false positive (its gold claim is taken).
    tool("A2", A2, "$550 billion", "trade_value", 5.5e11),
    # t8: TP for g6; a product where the gold has none is spurious.
    tool("A2", A2, "$550 billion", "investment_pledge", 5.5e11, actor="JPN", partner="USA",
         product="aluminum/steel", status="announced", year=2025),
    # t9: a range: its low/high against the gold values; products match by words.
    tool("A2", A2, "between 20 and 25%", "tariff_rate", 20, low=20, high=25,
         product="aluminum/steel", status="proposed"),
    # t13: a non-core gold claim matched: a true positive.
    tool("A2", A2, "10%", "tariff_rate", 10, product="car", status="threatened"),
    # t10: an article the gold does not have: ignored.
    tool("A3", A3, "30%", "tariff_rate", 30),
]

failures = []


def expect(name, got, want):
    if got != want:
        failures.append("%s: got %r, want %r" % (name, got, want))


def write(tmp, name, rows):
    path = os.path.join(tmp, name)
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


def run(tmp, tool_rows):
    gold_dir = os.path.join(tmp, "gold")
    os.makedirs(gold_dir, exist_ok=True)
    write(gold_dir, "x.jsonl", GOLD)
    arts = write(tmp, "articles.jsonl", [{"id": i, "text": t} for i, t in
                                         (("A1", A1), ("A2", A2), ("A3", A3))])
    claims = write(tmp, "claims.jsonl", tool_rows)
    return score.evaluate(gold_dir, claims, arts)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        r = run(tmp, TOOL)
        fig, slots = r["figures"], r["slots"]
        # TP: t1 t3 t4 t8 t9 t13 = 6; FP: t2 (kind) t5 (duplicate) t15 t12 t7 t14 = 6;
        # t6 ignored.
        expect("tp", fig["tp"], 6)
        expect("fp", fig["fp"], 6)
        expect("precision", fig["precision"], 0.5)
        # Core gold: g1 g2 g3 g4 g6 g7 = 6 (g5, g8 non-core; the two mistakes left out);
        # matched: all but g2.
        expect("core", fig["core"], 6)
        expect("recall", fig["recall"], round(5 / 6, 4))
        expect("f1", fig["f1"], round(2 * 0.5 * 0.8333 / (0.5 + 0.8333), 4))
        expect("kind_wrong", fig["kind_wrong"], 1)
        expect("ignored", fig["ignored_doubtful"], 1)
        expect("unlocated", fig["gold_unlocated"], 1)
        tn, bz = fig["groups"]["trade_news"], fig["groups"]["business"]
        expect("trade_news", (tn["tp"], tn["fp"], tn["recall"], tn["precision"]),
               (3, 4, 0.75, 0.4286))
        expect("business", (bz["tp"], bz["fp"], bz["recall"], bz["precision"]),
               (3, 2, 1.0, 0.6))
        expect("general", (fig["groups"]["general"]["recall"],
                           fig["groups"]["general"]["precision"]), (None, None))
        tv, tb = fig["kinds"]["trade_value"], fig["kinds"]["trade_balance"]
        expect("trade_value kind", (tv["recall"], tv["fp"]), (0.0, 3))
        expect("trade_balance kind", (tb["precision"], tb["fp"]), (0.0, 1))
        expect("tariff_rate recall", fig["kinds"]["tariff_rate"]["recall"], 1.0)
        # actor: g1 g3 g6 right, g4 (t4 none) wrong; partner: "lka" equals LKA.
        expect("actor", slots["actor"], {"right": 3, "n": 4, "spurious": 0, "accuracy": 0.75})
        expect("partner", slots["partner"],
               {"right": 3, "n": 4, "spurious": 0, "accuracy": 0.75})
        # product: "steel and aluminium" ~ aluminum/steel, "cars" ~ "car"; t8's is spurious.
        expect("product", slots["product"],
               {"right": 2, "n": 2, "spurious": 1, "accuracy": 1.0})
        expect("year", slots["year"], {"right": 0, "n": 0, "spurious": 1, "accuracy": None})
        # status: all six TPs have gold status; t4 has none.
        expect("status", slots["status"],
               {"right": 5, "n": 6, "spurious": 0, "accuracy": round(5 / 6, 4)})
        problems = "\n".join(r["gold"].problems)
        for bit in ("needle not found", "unknown kind 'tarif_rate'", "no article line"):
            if bit not in problems:
                failures.append("gold problem %r not reported in:\n%s" % (bit, problems))

        # The regression check: the same figures pass, a higher baseline fails.
        flat = score.checked_figures(fig, slots)
        base = os.path.join(tmp, "baseline.json")
        score.record(base, flat, fig)
        expect("check same", score.check_against(base, flat), [])
        worse = dict(flat, precision=flat["precision"] - 0.004)
        expect("check within margin", score.check_against(base, worse), [])
        worse["recall"] = flat["recall"] - 0.01
        drops = score.check_against(base, worse)
        expect("check drop", len(drops), 1)
        if drops and not drops[0].startswith("recall dropped"):
            failures.append("drop message: %r" % drops[0])
        # Slots: one more claim found with its slot wrong is no regression; one fewer right is.
        score.record(base, flat, fig, slots)
        grown = {k: dict(v) if v else v for k, v in slots.items()}
        grown["status"] = {"right": 5, "n": 7, "spurious": 0, "accuracy": round(5 / 7, 4)}
        expect("slot grew", score.check_against(base, dict(flat, **{"slot.status": round(5 / 7, 4)}), grown), [])
        fewer = {k: dict(v) if v else v for k, v in slots.items()}
        fewer["status"] = {"right": 4, "n": 6, "spurious": 0, "accuracy": round(4 / 6, 4)}
        expect("slot fewer right", len(score.check_against(base, dict(flat, **{"slot.status": round(4 / 6, 4)}), fewer)), 1)

        # A tool without a status field: status is not scored.
        r2 = run(tmp, [{k: v for k, v in t.items() if k != "status"} for t in TOOL])
        expect("status n/a", r2["slots"]["status"], None)

        # Byte offsets instead of code points must NOT match in A2 (Sinhala before the figure).
        t = dict(next(c for c in TOOL if c["kind"] == "investment_pledge"))
        shift = len(A2[:t["start"]].encode("utf-8")) - t["start"]
        t["start"] += shift
        t["end"] += shift
        r3 = run(tmp, [t])
        expect("byte offsets do not match", r3["figures"]["tp"], 0)

    expect("product ev", score.product_right("electric vehicles", "electric_vehicles"), True)
    expect("product tea/rubber", score.product_right("tea", "rubber"), False)
    expect("product subset", score.product_right("steel", "aluminum/steel"), True)
    # A name from rules/names/products.tsv matches its id; another product's name does not.
    expect("product synonym", score.product_right("medicines", "pharmaceuticals"), True)
    expect("product synonym in a list", score.product_right("medicines", "fuel/pharmaceuticals"), True)
    expect("product other synonym", score.product_right("medicines", "fuel"), False)

    if failures:
        for f in failures:
            print("FAIL: " + f, file=sys.stderr)
        return 1
    print("score.py selftest: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
