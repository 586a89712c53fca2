"""What the seeded draws of the development gold share (draw_f.py, draw_g.py).

- CORPUS: the modern-news articles beside the checkout, or the script's first argument.
- FIGS: money and percent figures ("$2.1 billion", "US$ 400 million", "Rs. 310 billion", "12%").
- gold_ids(names): the article ids of these gold files (and the held-out gold), so that a
  draw never takes an article annotated before; a fixed list, so later gold does not change it.
- articles(skip, min_len, max_len, **patterns): the corpus's articles of that length not in
  `skip`, sorted by id, each with `_<name>` = how often each pattern matches its text.
"""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    HERE, "..", "..", "..", "..", "shared", "corpora", "modern-news", "articles.jsonl")

SCALE = r"(?:\s*(?:trillion|billion|million|bn|mn|tn)\b|\s*[bmk]\b)?"
NUMBER = r"\d[\d,]*(?:\.\d+)?"
FIGS = re.compile(
    r"(?:(?:US\s?\$|\$|USD|Rs\.?|LKR|EUR|€|£)\s*" + NUMBER + SCALE + r")"
    r"|(?:" + NUMBER + r"\s*(?:%|per\s?cent\b|percent\b|trillion\b|billion\b|million\b|bn\b|mn\b))",
    re.I)


def gold_ids(names):
    files = [os.path.join(HERE, n) for n in names]
    files.append(os.path.join(HERE, "..", "heldout", "d.jsonl"))
    ids = set()
    for f in files:
        for line in open(f, encoding="utf-8"):
            if line.strip():
                ids.add(json.loads(line)["article"])
    return ids


def articles(skip, min_len, max_len, **patterns):
    arts = []
    for line in open(CORPUS, encoding="utf-8"):
        a = json.loads(line)
        t = a["text"]
        if a["id"] in skip or not (min_len <= len(t) <= max_len):
            continue
        for name, pattern in patterns.items():
            a["_" + name] = len(pattern.findall(t))
        arts.append(a)
    arts.sort(key=lambda a: a["id"])
    return arts
