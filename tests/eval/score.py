#!/usr/bin/env python3
"""Scores tradecheck's extracted claims against the hand-made gold in tests/eval/gold/.

    score.py GOLD_DIR CLAIMS.jsonl ARTICLES.jsonl [--json] [--verbose]
             [--check BASELINE.json | --record BASELINE.json]
    score.py --select GOLD_DIR ARTICLES.jsonl      (prints the gold articles' lines)

The gold format and every figure printed are described in tests/eval/README.md.
Python 3 standard library only, so that it runs wherever the tests run.
"""

import argparse
import json
import math
import os
import re
import sys

KINDS = ("tariff_rate", "trade_target", "export_share", "import_share",
         "investment_pledge", "trade_value", "trade_balance", "market_access")
GROUPS = ("trade_news", "business", "general")
SLOTS = ("actor", "partner", "product", "metric", "year", "status", "unit")
# The regression check compares these slots; unit is reported for reading only.
CHECKED_SLOTS = ("actor", "partner", "product", "metric", "year", "status")
REL_TOL = 1e-6
# A figure may drop this much below the baseline before --check fails.
CHECK_MARGIN = 0.005


def warn(msg):
    print("score.py: warning: " + msg, file=sys.stderr)


# ---------------------------------------------------------------- loading

def read_jsonl(path, on_error):
    """Yields (line_number, object); bad lines go to on_error(line_number, message)."""
    with open(path, encoding="utf-8") as f:
        for no, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                on_error(no, "not JSON: %s" % e)
                continue
            if not isinstance(obj, dict):
                on_error(no, "not a JSON object")
                continue
            yield no, obj


class Gold:
    """The gold of one directory: article lines (group, doubtful needles) and claim lines."""

    def __init__(self):
        self.articles = {}   # id -> {"group", "no_claims", "doubtful": [..], "where"}
        self.claims = []     # dicts with article, kind, needle, values, ..., "where"
        self.problems = []   # human-readable inconsistencies in the gold itself


def _values(raw):
    vals = raw if isinstance(raw, list) else [raw]
    out = []
    for v in vals:
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            return None
        out.append(float(v))
    return out or None


def load_gold(gold_dir):
    gold = Gold()
    files = sorted(f for f in os.listdir(gold_dir) if f.endswith(".jsonl"))
    if not files:
        raise SystemExit("score.py: no *.jsonl gold files in %s" % gold_dir)
    pending = []
    for name in files:
        path = os.path.join(gold_dir, name)

        def bad(no, msg, name=name):
            gold.problems.append("%s:%d: %s" % (name, no, msg))
        for no, obj in read_jsonl(path, bad):
            where = "%s:%d" % (name, no)
            if "article" not in obj:
                bad(no, "no \"article\" field")
            elif "kind" in obj or "needle" in obj:
                obj["where"] = where
                pending.append(obj)
            else:
                _add_article_line(gold, obj, where)
    for claim in pending:
        _add_claim(gold, claim)
    for aid, art in gold.articles.items():
        if art["group"] not in GROUPS:
            gold.problems.append("%s: article %s has group %r (expected one of %s)"
                                 % (art["where"], aid, art["group"], ", ".join(GROUPS)))
    return gold


def _add_article_line(gold, obj, where):
    # The guide also allows separate {"article","doubtful"} and {"article","no_claims"} lines:
    # lines for one article are merged, and the same article in two files is reported.
    aid = obj["article"]
    art = gold.articles.get(aid)
    if art is None:
        art = gold.articles[aid] = {"group": None, "no_claims": False, "doubtful": [],
                                    "where": where}
    elif art["where"].split(":")[0] != where.split(":")[0]:
        gold.problems.append("%s: article %s already annotated at %s (lines merged)"
                             % (where, aid, art["where"]))
    if obj.get("group") is not None:
        art["group"] = obj["group"]
    art["no_claims"] = art["no_claims"] or bool(obj.get("no_claims"))
    doubtful = obj.get("doubtful") or []
    if not isinstance(doubtful, list) or not all(isinstance(d, str) for d in doubtful):
        gold.problems.append("%s: doubtful is not a list of strings" % where)
    else:
        art["doubtful"].extend(doubtful)


def _add_claim(gold, obj):
    where = obj["where"]
    if obj["article"] not in gold.articles:
        gold.problems.append("%s: claim for article %s that has no article line (ignored)"
                             % (where, obj["article"]))
        return
    if obj.get("kind") not in KINDS:
        gold.problems.append("%s: unknown kind %r (claim ignored)" % (where, obj.get("kind")))
        return
    if not isinstance(obj.get("needle"), str) or not obj["needle"]:
        gold.problems.append("%s: no needle (claim ignored)" % where)
        return
    vals = _values(obj.get("values"))
    if vals is None:
        gold.problems.append("%s: values %r are not numbers (claim ignored)"
                             % (where, obj.get("values")))
        return
    obj["values"] = vals
    obj["core"] = obj.get("core", True) is not False
    gold.claims.append(obj)


def load_articles(path, wanted):
    texts = {}

    def bad(no, msg):
        warn("%s:%d: %s" % (path, no, msg))
    for _, obj in read_jsonl(path, bad):
        if obj.get("id") in wanted and isinstance(obj.get("text"), str):
            texts[obj["id"]] = obj["text"]
    return texts


def load_claims(path, wanted):
    claims = []

    def bad(no, msg):
        warn("%s:%d: %s" % (path, no, msg))
    for no, obj in read_jsonl(path, bad):
        if obj.get("article") not in wanted:
            continue
        if not isinstance(obj.get("start"), int) or not isinstance(obj.get("end"), int):
            warn("%s:%d: claim without integer start/end (ignored)" % (path, no))
            continue
        obj["line"] = no
        claims.append(obj)
    return claims


# ---------------------------------------------------------------- matching

def occurrences(text, needle):
    """Every [start, end) of needle in text, in code points (Python indexes code points)."""
    spans, at = [], text.find(needle)
    while at >= 0:
        spans.append((at, at + len(needle)))
        at = text.find(needle, at + 1)
    return spans


def close(a, b):
    return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=1e-12)


def tool_numbers(claim):
    """value, and for a range its bounds: any of them may equal a gold value."""
    return [float(claim[k]) for k in ("value", "low", "high")
            if isinstance(claim.get(k), (int, float)) and not isinstance(claim.get(k), bool)]


def value_matches(claim, gold_values):
    nums = tool_numbers(claim)
    return any(close(n, g) for n in nums for g in gold_values)


def overlaps(s, e, span):
    return s < span[1] and span[0] < e


def locate_gold(gold, texts):
    """Attaches each gold claim's needle spans; problems for needles not found."""
    for g in gold.claims:
        text = texts.get(g["article"])
        g["spans"] = occurrences(text, g["needle"]) if text is not None else []
        if text is not None and not g["spans"]:
            gold.problems.append("%s: needle not found in article %s: %r"
                                 % (g["where"], g["article"], g["needle"]))
    doubtful = {}
    for aid, art in gold.articles.items():
        text = texts.get(aid)
        if text is None:
            gold.problems.append("%s: article %s is not in the articles file"
                                 % (art["where"], aid))
            continue
        spans = []
        for d in art["doubtful"]:
            found = occurrences(text, d)
            if not found:
                gold.problems.append("%s: doubtful needle not found in article %s: %r"
                                     % (art["where"], aid, d))
            spans.extend(found)
        doubtful[aid] = spans
        if art["no_claims"] and any(g["article"] == aid for g in gold.claims):
            gold.problems.append("%s: article %s says no_claims but has claim lines"
                                 % (art["where"], aid))
    return doubtful


def match(gold, tool_claims, doubtful):
    """One-to-one matching. Returns (pairs, kind_wrong, false_positives, ignored).

    Candidates are (tool claim, gold claim, needle occurrence) where the tool's span overlaps
    the occurrence and its value equals a gold value. Same-kind candidates are taken first,
    each pass greedily by the smallest distance between the spans' centres, so a duplicate
    tool claim of the right kind never loses its gold claim to one of the wrong kind.
    One occurrence of a needle gives one figure once: two gold claims with the same needle
    and value (the same figure printed twice, needle repeated) need two occurrences.
    """
    by_article = {}
    for gi, g in enumerate(gold.claims):
        by_article.setdefault(g["article"], []).append(gi)
    cands = []
    for ti, t in enumerate(tool_claims):
        s, e = t["start"], t["end"]
        for gi in by_article.get(t["article"], ()):
            g = gold.claims[gi]
            if not value_matches(t, g["values"]):
                continue
            for span in g["spans"]:
                if overlaps(s, e, span):
                    dist = abs((s + e) - (span[0] + span[1])) / 2.0
                    cands.append((t.get("kind") != g["kind"], dist, ti, gi, span))
    cands.sort(key=lambda c: (c[0], c[1], c[2], c[3]))
    tool_used, gold_used, occ_used = {}, {}, set()
    pairs, kind_wrong = [], []
    for wrong, _, ti, gi, span in cands:
        g = gold.claims[gi]
        occ = (g["article"], span, g["needle"], tuple(g["values"]))
        if ti in tool_used or gi in gold_used or occ in occ_used:
            continue
        tool_used[ti] = gi
        gold_used[gi] = ti
        occ_used.add(occ)
        (kind_wrong if wrong else pairs).append((ti, gi))
    fps, ignored = [], []
    for ti, t in enumerate(tool_claims):
        if ti in tool_used:
            continue
        if any(overlaps(t["start"], t["end"], sp) for sp in doubtful.get(t["article"], ())):
            ignored.append(ti)
        else:
            fps.append(ti)
    return pairs, kind_wrong, fps, ignored


# ---------------------------------------------------------------- slots

_STOP = {"and", "or", "of", "the", "a", "an", "from", "on", "in", "for", "goods", "products"}
_SPELLING = {"aluminium": "aluminum", "tyre": "tire", "jewellery": "jewelry"}


def _stem(word):
    word = _SPELLING.get(word, word)
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def product_words(value, split_slash):
    parts = value.split("/") if split_slash else [value]
    words = set()
    for part in parts:
        part = re.sub(r"[_\-,;]", " ", part.lower())
        words.update(_stem(w) for w in part.split() if w not in _STOP)
    return words


def _product_ids():
    """Name -> id from rules/names/products.tsv: the gold writes a product as printed
    ("medicines"), the tool writes its id ("pharmaceuticals")."""
    ids = {}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "rules", "names", "products.tsv")
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or "\t" not in line:
                    continue
                pid, names = line.rstrip("\n").split("\t")[:2]
                for name in names.split("|"):
                    ids[name.strip().lower()] = pid
    except OSError:
        pass
    return ids


_PRODUCT_IDS = _product_ids()


def product_right(gold_value, tool_value):
    g = product_words(str(gold_value), False)
    t = product_words(str(tool_value), True)
    if not g or not t:
        return g == t
    # A gold product that is one of the names of a product id the tool gave.
    pid = _PRODUCT_IDS.get(str(gold_value).strip().lower())
    if pid and pid in str(tool_value).split("/"):
        return True
    return g <= t or t <= g


def _norm_scalar(slot, v):
    if v is None or v == "":
        return None
    if slot == "year":
        try:
            return int(v)
        except (TypeError, ValueError):
            return str(v)
    s = str(v)
    return s.upper() if slot in ("actor", "partner", "unit") else s.lower()


def slot_value(slot, claim, is_tool):
    v = claim.get(slot)
    if slot == "status" and is_tool and v == "in_effect":
        v = "stated"
    if slot == "unit" and v == "percentage_point":
        v = "percent"
    return v


def slot_right(slot, gold_v, tool_v):
    if tool_v is None or tool_v == "":
        return False
    if slot == "product":
        return product_right(gold_v, tool_v)
    return _norm_scalar(slot, gold_v) == _norm_scalar(slot, tool_v)


def score_slots(gold, tool_claims, pairs):
    """Per slot: right/n over true positives whose gold slot is set; spurious = gold null, tool set.
    status is scored only when the tool's claims carry a status field at all."""
    tool_has_status = any("status" in t for t in tool_claims)
    result, errors = {}, []
    for slot in SLOTS:
        if slot == "status" and not tool_has_status:
            result[slot] = None
            continue
        right = n = spurious = 0
        for ti, gi in pairs:
            t, g = tool_claims[ti], gold.claims[gi]
            gv, tv = slot_value(slot, g, False), slot_value(slot, t, True)
            if gv is None or gv == "":
                if tv not in (None, ""):
                    spurious += 1
                    errors.append((slot, "spurious", g, t, gv, tv))
                continue
            n += 1
            if slot_right(slot, gv, tv):
                right += 1
            else:
                errors.append((slot, "wrong", g, t, gv, tv))
        result[slot] = {"right": right, "n": n, "spurious": spurious,
                        "accuracy": ratio(right, n)}
    return result, errors


# ---------------------------------------------------------------- figures

def ratio(a, b):
    return round(a / b, 4) if b else None


def f1(p, r):
    if p is None or r is None or p + r == 0:
        return None
    return round(2 * p * r / (p + r), 4)


def prf(tp, fp, core_matched, core_total):
    p, r = ratio(tp, tp + fp), ratio(core_matched, core_total)
    return {"recall": r, "precision": p, "f1": f1(p, r), "tp": tp, "fp": fp,
            "core_matched": core_matched, "core": core_total}


def figures(gold, tool_claims, pairs, kind_wrong, fps, ignored):
    group_of = {aid: a["group"] for aid, a in gold.articles.items()}
    matched_gold = {gi for _, gi in pairs}
    # Gold claims whose needle is not in the text cannot be matched by anything: they are
    # reported as gold problems and left out of recall rather than charged to the tool.
    scorable = [gi for gi, g in enumerate(gold.claims) if g["spans"]]
    fp_all = list(fps) + [ti for ti, _ in kind_wrong]

    def subset(article_ok, tool_kind=None, gold_kind=None):
        tp = sum(1 for ti, gi in pairs if article_ok(tool_claims[ti]["article"])
                 and (tool_kind is None or tool_claims[ti].get("kind") == tool_kind))
        fp = sum(1 for ti in fp_all if article_ok(tool_claims[ti]["article"])
                 and (tool_kind is None or tool_claims[ti].get("kind") == tool_kind))
        core = [gi for gi in scorable if gold.claims[gi]["core"]
                and article_ok(gold.claims[gi]["article"])
                and (gold_kind is None or gold.claims[gi]["kind"] == gold_kind)]
        return prf(tp, fp, sum(1 for gi in core if gi in matched_gold), len(core))

    out = subset(lambda a: True)
    out["groups"] = {grp: subset(lambda a, grp=grp: group_of.get(a) == grp) for grp in GROUPS}
    out["kinds"] = {k: subset(lambda a: True, tool_kind=k, gold_kind=k) for k in KINDS}
    out["kind_wrong"] = len(kind_wrong)
    out["ignored_doubtful"] = len(ignored)
    out["articles"] = len(gold.articles)
    out["gold_claims"] = len(gold.claims)
    out["gold_core"] = sum(1 for g in gold.claims if g["core"])
    out["gold_unlocated"] = len(gold.claims) - len(scorable)
    out["tool_claims"] = len(tool_claims)
    out["gold_problems"] = len(gold.problems)
    return out


# ---------------------------------------------------------------- printing

def fmt(x):
    return "n/a" if x is None else "%.3f" % x


def sentence_around(text, start, end, width=240):
    lo = max(text.rfind("\n", 0, start), max(text.rfind(". ", 0, start) + 1, 0))
    lo = max(lo, start - width)
    hi_candidates = [i for i in (text.find("\n", end), text.find(". ", end)) if i >= 0]
    hi = min(hi_candidates + [len(text)]) + 1
    hi = min(hi, end + width)
    s = text[lo:start].lstrip() + "[[" + text[start:end] + "]]" + text[end:hi].rstrip()
    return " ".join(s.split())


def print_report(fig, slots, gold, out=sys.stdout):
    w = out.write
    w("tradecheck extraction vs gold: %d articles, %d gold claims (%d core), %d tool claims\n"
      % (fig["articles"], fig["gold_claims"], fig["gold_core"], fig["tool_claims"]))
    w("\n%-18s %7s %9s %7s %5s %5s %10s\n" % ("", "recall", "precision", "F1", "TP", "FP",
                                             "core hit"))
    rows = [("overall", fig)] + [(g, fig["groups"][g]) for g in GROUPS]
    for name, r in rows:
        w("%-18s %7s %9s %7s %5d %5d %5d/%-4d\n" % (name, fmt(r["recall"]), fmt(r["precision"]),
                                                 fmt(r["f1"]), r["tp"], r["fp"],
                                                 r["core_matched"], r["core"]))
    w("\nper kind (recall by gold kind, precision by tool kind)\n")
    for k in KINDS:
        r = fig["kinds"][k]
        if r["core"] or r["tp"] or r["fp"]:
            w("%-18s %7s %9s %7s %5d %5d %5d/%-4d\n" % (k, fmt(r["recall"]), fmt(r["precision"]),
                                                     fmt(r["f1"]), r["tp"], r["fp"],
                                                     r["core_matched"], r["core"]))
    w("\nfigure right, kind wrong: %d (counted as false positives; the gold claim stays missed)\n"
      % fig["kind_wrong"])
    w("ignored (on a doubtful needle): %d\n" % fig["ignored_doubtful"])
    w("\nslot accuracy among true positives (right/n where gold is set; spurious = gold null, "
      "tool set)\n")
    for slot in SLOTS:
        s = slots[slot]
        if s is None:
            w("  %-8s n/a (the tool's claims have no %s field)\n" % (slot, slot))
        else:
            w("  %-8s %3d/%-3d %6s   spurious %d\n" % (slot, s["right"], s["n"],
                                                     fmt(s["accuracy"]), s["spurious"]))
    if gold.problems:
        w("\ngold problems: %d (run with --verbose to list them)\n" % len(gold.problems))


def print_details(gold, texts, tool_claims, pairs, kind_wrong, fps, slot_errors, out=sys.stdout):
    w = out.write
    if gold.problems:
        w("\n== gold problems (%d)\n" % len(gold.problems))
        for p in gold.problems:
            w("  %s\n" % p)
    w("\n== false positives (%d)\n" % len(fps))
    for ti in sorted(fps, key=lambda i: (tool_claims[i]["article"], tool_claims[i]["start"])):
        t = tool_claims[ti]
        w("  %s  %-17s %r  (rule %s)\n    %s\n" % (
            t["article"], t.get("kind"), t.get("text"), t.get("rule"),
            sentence_around(texts[t["article"]], t["start"], t["end"])))
    w("\n== figure right, kind wrong (%d)\n" % len(kind_wrong))
    for ti, gi in kind_wrong:
        t, g = tool_claims[ti], gold.claims[gi]
        w("  %s  tool %s, gold %s: %r  (gold %s)\n" % (t["article"], t.get("kind"), g["kind"],
                                                       t.get("text"), g["where"]))
    matched = {gi for _, gi in pairs}
    missed = [g for gi, g in enumerate(gold.claims)
              if g["core"] and g["spans"] and gi not in matched]
    w("\n== missed core claims (%d)\n" % len(missed))
    for g in missed:
        w("  %s  %-17s %s  %r  (%s)\n" % (g["article"], g["kind"],
                                          ",".join("%g" % v for v in g["values"]),
                                          g["needle"], g["where"]))
    w("\n== slot errors (%d)\n" % len(slot_errors))
    for slot, what, g, t, gv, tv in sorted(slot_errors, key=lambda e: (e[0], e[2]["where"])):
        w("  %-8s %-8s gold %-14s tool %-14s %s %r (%s)\n" % (
            slot, what, json.dumps(gv), json.dumps(tv), g["article"], g["needle"], g["where"]))


# ---------------------------------------------------------------- baseline

def checked_figures(fig, slots):
    """The flat set of figures a baseline records and --check compares."""
    flat = {"recall": fig["recall"], "precision": fig["precision"], "f1": fig["f1"]}
    for g in GROUPS:
        flat["%s.recall" % g] = fig["groups"][g]["recall"]
        flat["%s.precision" % g] = fig["groups"][g]["precision"]
    for s in CHECKED_SLOTS:
        flat["slot.%s" % s] = slots[s]["accuracy"] if slots[s] else None
    return flat


def check_against(baseline_path, flat, slots=None):
    """The figures of `flat` that fell below the baseline. A slot's accuracy is a share of the
    claims found: with `slots` (right and n per slot) and slot counts in the baseline, a slot
    regresses when fewer claims have it right than before, or when its share fell by more than
    the claims found since can account for (each new claim can cost at most its own share)."""
    with open(baseline_path, encoding="utf-8") as f:
        doc = json.load(f)
    base, base_slots = doc["figures"], doc.get("slots", {})
    drops = []
    for name, want in sorted(base.items()):
        got = flat.get(name)
        if want is None or got is None:
            continue
        slot = name[len("slot."):] if name.startswith("slot.") else None
        allowed = CHECK_MARGIN
        if slot and slots and slots.get(slot) and slot in base_slots:
            now, then = slots[slot], base_slots[slot]
            if now["right"] < then["right"]:
                drops.append("%s: %d right, %d before" % (name, now["right"], then["right"]))
                continue
            if now["n"] > then["n"]:
                allowed += (now["n"] - then["n"]) / now["n"]
        if got < want - allowed:
            drops.append("%s dropped from %.4f to %.4f" % (name, want, got))
    return drops


def record(baseline_path, flat, fig, slots=None):
    doc = {"comment": "Recorded by tests/eval/run_eval.sh --record; checked by eval.regression "
                      "(a figure may fall at most %.3f below these; a slot's share may fall by "
                      "what the claims found since account for, never its count of right answers). "
                      "See tests/eval/README.md." % CHECK_MARGIN,
           "figures": flat,
           "slots": {k: {"right": v["right"], "n": v["n"]} for k, v in (slots or {}).items()
                     if k in CHECKED_SLOTS and v},
           "counts": {k: fig[k] for k in ("articles", "gold_claims", "gold_core", "tool_claims",
                                          "tp", "fp", "kind_wrong", "gold_problems")}}
    with open(baseline_path, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=2, sort_keys=True)
        f.write("\n")


# ---------------------------------------------------------------- main

def evaluate(gold_dir, claims_path, articles_path):
    gold = load_gold(gold_dir)
    wanted = set(gold.articles)
    texts = load_articles(articles_path, wanted)
    doubtful = locate_gold(gold, texts)
    tool_claims = [t for t in load_claims(claims_path, wanted) if t["article"] in texts]
    pairs, kind_wrong, fps, ignored = match(gold, tool_claims, doubtful)
    fig = figures(gold, tool_claims, pairs, kind_wrong, fps, ignored)
    slots, slot_errors = score_slots(gold, tool_claims, pairs)
    return {"gold": gold, "texts": texts, "tool": tool_claims, "pairs": pairs,
            "kind_wrong": kind_wrong, "fps": fps, "ignored": ignored, "figures": fig,
            "slots": slots, "slot_errors": slot_errors}


def select(gold_dir, articles_path):
    wanted = set(load_gold(gold_dir).articles)
    found = set()
    with open(articles_path, encoding="utf-8") as f:
        for line in f:
            try:
                aid = json.loads(line).get("id")
            except (json.JSONDecodeError, AttributeError):
                continue
            if aid in wanted:
                found.add(aid)
                sys.stdout.write(line if line.endswith("\n") else line + "\n")
    for aid in sorted(wanted - found):
        warn("gold article %s is not in %s" % (aid, articles_path))


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--select", nargs=2, metavar=("GOLD_DIR", "ARTICLES"),
                    help="print the lines of ARTICLES that the gold annotates, and exit")
    ap.add_argument("gold_dir", nargs="?")
    ap.add_argument("claims", nargs="?")
    ap.add_argument("articles", nargs="?")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    ap.add_argument("--verbose", action="store_true",
                    help="list false positives, missed core claims, slot errors, gold problems")
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--check", metavar="BASELINE",
                      help="exit 1 when a figure falls more than %.3f below BASELINE"
                      % CHECK_MARGIN)
    mode.add_argument("--record", metavar="BASELINE", help="write the figures to BASELINE")
    args = ap.parse_args(argv)
    if args.select:
        select(*args.select)
        return 0
    if not (args.gold_dir and args.claims and args.articles):
        ap.error("GOLD_DIR CLAIMS ARTICLES are required")
    r = evaluate(args.gold_dir, args.claims, args.articles)
    fig, slots = r["figures"], r["slots"]
    if args.json:
        print(json.dumps(dict(fig, slots=slots, checked=checked_figures(fig, slots),
                              problems=r["gold"].problems), sort_keys=True))
    else:
        print_report(fig, slots, r["gold"])
    if args.verbose:
        # With --json, stdout stays one JSON object and the lists go to stderr.
        print_details(r["gold"], r["texts"], r["tool"], r["pairs"], r["kind_wrong"], r["fps"],
                      r["slot_errors"], out=sys.stderr if args.json else sys.stdout)
    flat = checked_figures(fig, slots)
    if args.record:
        record(args.record, flat, fig, slots)
        print("recorded %s" % args.record, file=sys.stderr)
    if args.check:
        drops = check_against(args.check, flat, slots)
        for d in drops:
            print("REGRESSION: " + d, file=sys.stderr)
        if drops:
            return 1
        print("eval: no figure fell more than %.3f below %s" % (CHECK_MARGIN, args.check),
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
