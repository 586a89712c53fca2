#!/usr/bin/env python3
"""Makes the web-input bench's corpus from Reuters-21578: the same N stories three ways.

Usage: make_web.py all.jsonl OUT_DIR N
Writes OUT_DIR/stories.jsonl (the N records as they are), OUT_DIR/pages/NNNNN.html (each story
as a news site would serve it: navigation, cookie banner, scripts and styles, og: and JSON-LD
metadata, related links, comments, footer) and OUT_DIR/crawl.warc.gz (those pages as WARC
response records, one gzip member a record as CC-NEWS is, each with its request record, and a
redirect and an image response every tenth page). Stories under 200 characters (one-line
dividend notices) are left out. Standard library only.
"""
import gzip
import html
import json
import os
import sys
import uuid

SCRIPT = "window.dataLayer=window.dataLayer||[];" + "function t(e){dataLayer.push({event:e,ts:Date.now()})};" * 60
STYLE = ".nav{display:flex}.story p{margin:0 0 1em}" * 80

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | Reuters Archive</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="Reuters Archive">
<meta property="article:published_time" content="{date}T09:00:00Z">
<link rel="canonical" href="https://archive.example/{id}">
<script type="application/ld+json">{ld}</script>
<style>{style}</style><script>{script}</script>
</head><body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to give you 100% of the experience.</p><button>Accept</button></div>
<header class="site-header"><nav><ul>{nav}</ul></nav></header>
<main><article><header><h1>{title}</h1><p class="byline">By Staff <time datetime="{date}">{date}</time></p></header>
<div class="story">{paragraphs}</div>
<aside class="related"><h2>Related</h2><ul>{related}</ul></aside>
</article>
<section id="comments" class="comments"><article class="comment"><p>Is that 25% or 35%?</p></article></section>
</main><footer><p>All rights reserved. Prices delayed 15 minutes.</p></footer>
<script>{script}</script></body></html>
"""


def page(record):
    title = html.escape(record.get("title") or "Untitled")
    date = record.get("date") or "1987-01-01"
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in record["text"].split("\n\n") if p.strip())
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": record.get("title"),
                     "datePublished": date, "publisher": {"@type": "Organization", "name": "Reuters Archive"}})
    nav = "".join(f'<li><a href="/s/{i}">Section {i}</a></li>' for i in range(12))
    related = "".join(f'<li><a href="/r/{i}">Markets rise 2% on day {i}</a></li>' for i in range(6))
    return PAGE.format(title=title, date=date, id=record["id"], ld=ld.replace("</", "<\\/"), style=STYLE,
                       script=SCRIPT, nav=nav, related=related, paragraphs=paragraphs).encode("utf-8")


def warc_record(kind, uri, block, content_type):
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2025-03-01T00:00:00Z\r\n"
            f"WARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(block)}\r\n\r\n").encode()
    return gzip.compress(head + block + b"\r\n\r\n", compresslevel=6)


def http(status, headers, body):
    return (f"HTTP/1.1 {status}\r\n" + "".join(h + "\r\n" for h in headers) + "\r\n").encode() + body


def main():
    src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    os.makedirs(os.path.join(out, "pages"), exist_ok=True)
    response = "application/http; msgtype=response"
    with open(src, encoding="utf-8") as lines, open(os.path.join(out, "stories.jsonl"), "w", encoding="utf-8") as jl, \
            open(os.path.join(out, "crawl.warc.gz"), "wb") as warc:
        count = 0
        for line in lines:
            if count == n:
                break
            record = json.loads(line)
            if len(record.get("text", "").strip()) < 200:   # one-line notices are not what pages carry
                continue
            jl.write(line)
            body = page(record)
            with open(os.path.join(out, "pages", f"{count:05d}.html"), "wb") as f:
                f.write(body)
            uri = f"https://archive.example/{record['id']}"
            warc.write(warc_record("request", uri, f"GET /{record['id']} HTTP/1.1\r\n\r\n".encode(),
                                   "application/http; msgtype=request"))
            warc.write(warc_record("response", uri, http("200 OK", ["Content-Type: text/html; charset=utf-8"], body),
                                   response))
            if count % 10 == 0:
                warc.write(warc_record("response", uri + "/amp", http("301 Moved Permanently", [f"Location: {uri}"], b""),
                                       response))
                warc.write(warc_record("response", uri + ".jpg", http("200 OK", ["Content-Type: image/jpeg"], b"\xff\xd8" * 2000),
                                       response))
            count += 1


if __name__ == "__main__":
    main()
