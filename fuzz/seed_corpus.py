#!/usr/bin/env python3
"""Regenerates the seed corpora in fuzz/corpus/<target>/ from the repository's own texts:
seeds/, rules/, test fixtures and hand-written hostile cases. Run from anywhere:

    python3 fuzz/seed_corpus.py

Files are named by content hash, so a re-run adds nothing that is already there. Inputs found
by fuzzing (FUZZ_MERGE=1 fuzz/run.sh) live beside these; both stay under 200 files / 1 MB.
"""
import glob
import hashlib
import json
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAX = 4096  # bytes per seed; run.sh fuzzes with -max_len=8192


def put(target, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    data = data[:MAX]
    if not data:
        return
    d = os.path.join(ROOT, "fuzz", "corpus", target)
    os.makedirs(d, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def read(path):
    with open(os.path.join(ROOT, path), "rb") as f:
        return f.read()


def paragraphs():
    for path in sorted(glob.glob(os.path.join(ROOT, "seeds", "*.txt"))):
        text = read(path).decode("utf-8")
        for p in re.split(r"\n\s*\n", text):
            if re.search(r"\d", p) and len(p) > 40:
                yield p


# ---- quantity_grammar: sentences with figures --------------------------------------------
paras = list(paragraphs())
for p in paras[:24]:
    put("quantity_grammar", p)
for s in [
    "exports rose 4 . 8 pct to 1,783.9 mln dlrs",
    "greater than 100% and less than four percent, up to 95%",
    "over $1.3 trillion, about C$4bn, between 4 and 5 pct of GDP",
    "10 million euros (approximately C$16 million)",
    "double non-US exports within the next decade; by the end of the decade; by 2035",
    "roughly 75 percent of Canadian exports in fiscal 2025, 1986/87, last year",
    "the UAE pledged $70 billion; a 100% tariff on electric vehicles",
    "more than 1,000 days, 18 months, a twofold rise, three-fold, 2.5x",
    "one hundred and twenty-five thousand, a quarter, half, 1/3",
    "prix: €2 million, ¥300 billion, £4.5bn, 25 percentage points, 0.5 pp",
    "9" * 500 + " dollars and 10^400",
    "1e400 percent, 1.7976931348623157e309 dollars, -0 %, 0.000000000000000000001%",
    "from 5% to 10%, 5-10%, 5 to 10 percent, 5%-10%, between $1 and $2 billion",
    "$$$$ %%%% ,,,, .... 1,2,3,4,5,6,7,8,9,0 1.2.3.4 --5 +-3%",
    "US$5 billion, C$ 10, A$3m, HK$2, NZ$1 bn, R$ 7 mln, Rs 500 crore, 3 lakh",
    "in 2024, in the next year, over the next five years, this year, next year, 2030s",
]:
    put("quantity_grammar", s)
put("quantity_grammar", b"\xff\xfe 5% \x80 and $3 \x00 billion\x007 pct")
put("quantity_grammar", "Canada 25 % CAD" * 50)

# ---- rule_parser: each rule block, whole small files, and broken ones ----------------------
for path in sorted(glob.glob(os.path.join(ROOT, "rules", "*.rules"))):
    text = read(path).decode("utf-8")
    put("rule_parser", text)
    for block in re.findall(r"(?ms)^rule .*?^\}\s*$", text):
        put("rule_parser", block)
for s in [
    "rule broken {\n  kind tariff_rate\n  acepts percent\n}\n",
    "rule a {\n  kind tariff_rate\n  accepts percent\n  near \"tariff\n}\n",            # unterminated string
    "rule a {\n  kind tariff_rate\n  accepts percent\n",                                 # unterminated block
    "rule a {" + "{" * 2000 + "\n}\n",                                                   # deep nesting
    "{" * 3000 + "}" * 3000,
    "rule a {\n  kind tariff_rate\n  accepts percent\n  scope 9999999 sentences\n}\n",
    "rule a {\n  kind tariff_rate\n  accepts percent\n  priority -99999\n  scope -3 sentences\n}\n",
    "rule a {\n  kind tariff_rate\n  accepts percent\n  near \"x\" within -5 words\n}\n",
    "rule a {\n  kind nope\n  accepts percent\n  example \"a 5% tariff\"\n    => value 5, unit percent\n}\n",
    "rule a {\n  kind tariff_rate\n  accepts money\n  units USD | CAD\n  actor \"by\" @country | subject-country\n"
    "  partner \"from\" @country within 4 words\n  product \"on\" @product\n  metric = \"exports\"\n"
    "  not near \"not\" before within 2 sentences\n  example \"Canada imposed a $5 tariff on steel from China\"\n"
    "    => value 5, unit USD, actor CAN, partner CHN, product steel\n}\n",
    "# only a comment\n\n\n",
    "rule a {\n  example \"\\\"\\\\\\n\"\n}\n",
    "rule \xc3\xa9 {\n}\n",
    "rule a {\r\n  kind tariff_rate\r\n}\r\n",
    "rule a {\n  kind tariff_rate\n  accepts percent\n  near \"tariff\" |\n  | \"duty\"\n  =>\n}\n",
]:
    put("rule_parser", s)

# ---- article_reader: files with and without front matter, JSON Lines -----------------------
for path in sorted(glob.glob(os.path.join(ROOT, "seeds", "*.txt")))[:5]:
    put("article_reader", read(path)[:3000])
for path in sorted(glob.glob(os.path.join(ROOT, "tests", "fixtures", "*", "*.md"))):
    if not path.endswith("README.md"):
        put("article_reader", read(path))
records = [
    {"id": "r-1", "title": "T", "date": "1987-02-26T10:00:00", "source": "Reuters", "currency": "CAD",
     "text": "Canada imposed a 25% tariff.", "topics": ["trade"], "newid": 1},
    {"id": 42, "outlet": "Wire", "published": "2025", "text": "x 5%"},
    {"text": "no id"},
    {"id": ["x"], "text": "t"},
    {"meta": {"id": "inner"}, "id": "outer", "text": "t"},
    {"text": "a\u0000b"},
    {"text": "a", "title": {"x": 1}},
    {"id": "'); DROP TABLE claims; --", "title": "<script>alert(1)</script>", "text": "a 5% tariff ]]>"},
    {"id": "\U0001F600", "text": "\u00e9 \u20ac2 million", "title": "\u0007\u001b[31m"},
]
put("article_reader", "\n".join(json.dumps(r) for r in records) + "\n")
for r in records:
    put("article_reader", json.dumps(r, ensure_ascii=False))
for s in [
    '{"id":',
    '{"text":"\\ud800"}',
    '{"text":"x"} trailing',
    '[1,2,3]',
    '{"text":"' + "[" * 600 + '"}',
    "[" * 3000,
    '{"text":1e400, "id": 1e400}',
    '{"text":"t","date":"99999-99-99","currency":null,"id":true}',
    "---\ntitle: never closed\n",
    "---\ntitle: \"quoted \\\" title\"\ndate: 2025-11-03T10:00:00Z\nsource: 'Wire'\ncurrency: CAD\nid: x\n---\nCanada imposed a 25% tariff.\n",
    "\xef\xbb\xbf---\ntitle: BOM\n...\nbody 5%\n",
    "---\n---\n",
    "---\r\ntitle: crlf\r\n---\r\nA 5% tariff.\r\n",
    "   \n\t\n",
]:
    put("article_reader", s)
for b in [b"caf\xe9 25% tariff\n", b"bin\x00ary",
          b"\xed\xa0\x80 surrogate, \xc0\xaf overlong, \xf4\x90\x80\x80 too big",
          b'{"text":"caf\xe9 5%"}']:
    put("article_reader", b)

# ---- web_input: the test pages, and small WARC archives (plain and one gzip member a record) --
import gzip
for path in sorted(glob.glob(os.path.join(ROOT, "tests", "fixtures", "web", "*.html"))):
    put("web_input", read(path))


def warc_record(kind, uri, block, ctype=b"application/http; msgtype=response", length=None):
    n = len(block) if length is None else length
    return (b"WARC/1.0\r\nWARC-Type: " + kind + b"\r\nWARC-Target-URI: " + uri +
            b"\r\nWARC-Date: 2025-03-01T00:00:00Z\r\nContent-Type: " + ctype +
            b"\r\nContent-Length: " + str(n).encode() + b"\r\n\r\n" + block + b"\r\n\r\n")


page = b"<html><body><main><p>Canada imposed a 100% tariff on Chinese EVs, officials said on Monday.</p></main></body></html>"
records = [
    warc_record(b"warcinfo", b"urn:x", b"software: seed\r\n", b"application/warc-fields"),
    warc_record(b"response", b"https://a.example/", b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252\r\n\r\n" + page),
    warc_record(b"response", b"https://a.example/r", b"HTTP/1.1 301 Moved\r\nLocation: /\r\n\r\n"),
    warc_record(b"response", b"https://a.example/c", b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n<html><body><p>\r\n0\r\n\r\n"),
    warc_record(b"response", b"https://a.example/t", b"HTTP/1.1 200 OK\r\n\r\n" + page, length=9999),
]
put("web_input", b"".join(records))
put("web_input", b"".join(gzip.compress(r) for r in records))
