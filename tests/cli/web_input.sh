#!/usr/bin/env bash
# Web input end to end: a folder of saved HTML pages and a WARC archive written here with
# Python's standard library (pages, a redirect, a non-HTML response, a request record, a page
# that is not an article, a truncated record). ingest, extract and the incremental re-ingest;
# quotes carry no markup; bad pages (1 GB, not an article) are reported and the rest ingests.
set -u
source "$(dirname "$0")/lib.bash"
WEB="$SRC/tests/fixtures/web"

# ---- a folder of saved pages ----------------------------------------------------------------
mkdir pages
cp "$WEB"/*.html pages/
expect_status 4 "$TC" ingest pages/
expect_grep 'not_article.html: no article body found' "$WORK/err"
expect_grep '7 new, 0 replaced, 0 unchanged articles; [0-9]+ claims extracted; 1 input skipped' "$WORK/err"
row=$(sqlite3 "$TRADECHECK_DB" "SELECT title || '|' || outlet || '|' || published FROM articles WHERE id = 'wire_story.html'")
[ "$row" = 'Canada slaps 100% tariff on Chinese electric vehicles|Northwire|2024-08-26' ] && ok || fail "wire story is '$row'"
url=$(sqlite3 "$TRADECHECK_DB" "SELECT json_extract(metadata, '$.url') || '|' || json_extract(metadata, '$.extraction.body') FROM articles WHERE id = 'wire_story.html'")
[ "$url" = 'https://northwire.example/business/canada-ev-tariff-2024-08-26/|article' ] && ok || fail "wire story metadata is '$url'"
# The issue's complaint: one figure, one claim (not one each from <title>, <h1> and the body).
n=$(sqlite3 "$TRADECHECK_DB" "SELECT count(*) FROM claims WHERE article_id = 'wire_story.html' AND text = '100%' AND start < 60")
[ "$n" = 1 ] && ok || fail "expected one claim for the headline's 100%, got $n"
# Quotes carry no markup, and offsets point into the stored (extracted) text.
bad=$(sqlite3 "$TRADECHECK_DB" "SELECT count(*) FROM claims WHERE text LIKE '%<%' OR text LIKE '%>%' OR text LIKE '%&%;%'")
[ "$bad" = 0 ] && ok || fail "$bad claims quote markup"
bad=$(sqlite3 "$TRADECHECK_DB" "SELECT count(*) FROM claims c JOIN articles a ON a.id = c.article_id WHERE substr(a.text, c.start + 1, c.\"end\" - c.start) != c.text")
[ "$bad" = 0 ] && ok || fail "$bad claims whose offsets do not match the text"
bad=$(sqlite3 "$TRADECHECK_DB" "SELECT count(*) FROM articles WHERE text LIKE '%<p>%' OR text LIKE '%<div%' OR text LIKE '%cookie%'")
[ "$bad" = 0 ] && ok || fail "$bad articles kept markup or furniture"
latin=$(sqlite3 "$TRADECHECK_DB" "SELECT text FROM articles WHERE id = 'latin1.html'")
[[ $latin == *"véhicules électriques"* ]] && ok || fail "latin-1 page not decoded: $latin"

# Incremental: nothing changed, nothing parsed; an edited page is replaced.
expect_status 4 "$TC" ingest pages/
expect_grep '0 new, 0 replaced, 7 unchanged articles; 0 claims extracted; 1 input skipped' "$WORK/err"
sed -i 's/a 25% surtax/a 30% surtax/' pages/wire_story.html
expect_status 4 "$TC" ingest pages/
expect_grep '0 new, 1 replaced, 6 unchanged articles' "$WORK/err"

# A 1 GB page (sparse: no disk used) is refused before it is read; the rest ingests.
truncate -s 1G pages/huge.html
expect_status 4 "$TC" ingest pages/
expect_grep 'huge.html: page of 1073.7 MB is larger than the 16 MB limit for one HTML page; skipped' "$WORK/err"
expect_grep '7 unchanged articles; 0 claims extracted; 2 inputs skipped' "$WORK/err"
rm pages/huge.html

# stdin that starts like HTML is a page; --input-format html reads any file as one.
expect_status 0 "$TC" ingest --db stdin.db - < "$WEB/amp_page.html"
row=$(sqlite3 stdin.db "SELECT id || '|' || title || '|' || outlet FROM articles")
[ "$row" = 'stdin|US raises tariffs on Chinese solar cells to 50%|The Daily Ledger' ] && ok || fail "stdin page is '$row'"
cp "$WEB/jsonld_only.html" saved.txt
expect_status 0 "$TC" ingest --db forced.db --input-format html saved.txt
row=$(sqlite3 forced.db "SELECT outlet FROM articles")
[ "$row" = 'Pacific Wire' ] && ok || fail "--input-format html gave '$row'"

# ---- a WARC archive, one gzip member a record, as CC-NEWS is ----------------------------------
python3 - "$WEB" crawl.warc.gz crawl.warc <<'PY'
import gzip, os, sys
web, gz_path, plain_path = sys.argv[1:]
def page(name):
    return open(os.path.join(web, name), 'rb').read()
def http(status, headers, body):
    return b'HTTP/1.1 ' + status + b'\r\n' + b''.join(h + b'\r\n' for h in headers) + b'\r\n' + body
def record(kind, uri, block, ctype=b'application/http; msgtype=response', length=None):
    n = len(block) if length is None else length
    head = (b'WARC/1.0\r\nWARC-Type: ' + kind + b'\r\nWARC-Target-URI: ' + uri +
            b'\r\nWARC-Date: 2025-03-01T06:00:00Z\r\nWARC-Record-ID: <urn:uuid:' + uri[-8:] + b'>' +
            b'\r\nContent-Type: ' + ctype + b'\r\nContent-Length: ' + str(n).encode() + b'\r\n\r\n')
    return head + block + b'\r\n\r\n'
html = [b'Content-Type: text/html; charset=utf-8']
records = [
    record(b'warcinfo', b'urn:info', b'software: test\r\n', b'application/warc-fields'),
    record(b'request', b'https://northwire.example/ev', b'GET /ev HTTP/1.1\r\n\r\n', b'application/http; msgtype=request'),
    record(b'response', b'https://northwire.example/ev', http(b'200 OK', html, page('wire_story.html'))),
    record(b'response', b'https://dailyledger.example/amp/solar', http(b'200 OK', html, page('amp_page.html'))),
    record(b'response', b'https://dailyledger.example/old-solar',
           http(b'301 Moved Permanently', [b'Location: https://dailyledger.example/amp/solar'], b'')),
    record(b'response', b'https://dailyledger.example/chart.png', http(b'200 OK', [b'Content-Type: image/png'], b'\x89PNG\r\n')),
    record(b'response', b'https://tradenotes.example/login', http(b'200 OK', html, page('not_article.html'))),
    record(b'response', b'https://brazilnews.example/tariff',
           http(b'200 OK', [b'Content-Type: text/html; charset=windows-1252'], page('cp1252.html'))),
]
# The last record says it is longer than it is: the crawler died while writing it.
truncated = record(b'response', b'https://pacificwire.example/rice', http(b'200 OK', html, page('jsonld_only.html')), length=50000)
with open(gz_path, 'wb') as f:
    offsets = []
    for r in records + [truncated]:
        offsets.append(f.tell())
        f.write(gzip.compress(r))
with open(plain_path, 'wb') as f:
    f.write(b''.join(records))
PY
[ -s crawl.warc.gz ] && ok || fail "python did not write the WARC"
last=$(python3 -c "
import gzip, sys
data = open('crawl.warc.gz', 'rb').read()
# the offset of the ninth gzip member
pos, n = 0, 0
import zlib
while n < 8:
    d = zlib.decompressobj(31); d.decompress(data[pos:]); pos = len(data) - len(d.unused_data); n += 1
print(pos)")

expect_status 4 "$TC" ingest --db warc.db crawl.warc.gz
expect_grep "crawl.warc.gz@$last: record cut short: its Content-Length is 50000 bytes.*pacificwire.example/rice" "$WORK/err"
expect_grep 'crawl.warc.gz@[0-9]+: no article body found' "$WORK/err"
expect_grep 'crawl.warc.gz: 4 HTML pages read; skipped 1 redirect, 1 non-HTML response, 0 HTTP errors, 2 other records, 1 broken record' "$WORK/err"
expect_grep 'warc.db: 3 new, 0 replaced, 0 unchanged articles; [0-9]+ claims extracted; 2 inputs skipped' "$WORK/err"
ids=$(sqlite3 warc.db "SELECT group_concat(id, ' ') FROM (SELECT id FROM articles ORDER BY id)")
[ "$ids" = 'https://brazilnews.example/tariff https://dailyledger.example/amp/solar https://northwire.example/ev' ] \
  && ok || fail "WARC article ids are '$ids'"
row=$(sqlite3 warc.db "SELECT outlet || '|' || published || '|' || json_extract(metadata, '$.warc.fetched') || '|' || json_extract(metadata, '$.url') FROM articles WHERE id = 'https://northwire.example/ev'")
[ "$row" = 'Northwire|2024-08-26|2025-03-01T06:00:00Z|https://northwire.example/ev' ] && ok || fail "WARC page is '$row'"
# A page without a date of its own takes the fetch date, and says so.
row=$(sqlite3 warc.db "SELECT published || '|' || json_extract(metadata, '$.extraction.published_from') || '|' || json_extract(metadata, '$.extraction.charset') FROM articles WHERE id = 'https://brazilnews.example/tariff'")
[ "$row" = '2025-03-01|warc-date|windows-1252' ] && ok || fail "undated WARC page is '$row'"
bad=$(sqlite3 warc.db "SELECT count(*) FROM claims WHERE text LIKE '%<%' OR text LIKE '%>%'")
[ "$bad" = 0 ] && ok || fail "$bad WARC claims quote markup"
stored=$(sqlite3 warc.db "SELECT count(*) FROM claims")
[ "$stored" -ge 5 ] && ok || fail "only $stored claims from the WARC"

# Re-ingest: every page known by its fingerprint, none parsed again.
expect_status 4 "$TC" ingest --db warc.db crawl.warc.gz
expect_grep '0 new, 0 replaced, 3 unchanged articles; 0 claims extracted; 2 inputs skipped' "$WORK/err"
fp=$(sqlite3 warc.db "SELECT count(*) FROM articles WHERE length(fingerprint) = 32")
[ "$fp" = 3 ] && ok || fail "expected 3 fingerprints, got $fp"

# extract (no database) gives the claims ingest stored; the plain .warc reads the same.
expect_status 4 "$TC" extract -q crawl.warc.gz
n=$(wc -l < "$WORK/out")
[ "$n" = "$stored" ] && ok || fail "extract gave $n claims, ingest stored $stored"
expect_status 4 "$TC" ingest --db plain.db crawl.warc
expect_grep 'plain.db: 3 new' "$WORK/err"
expect_grep 'crawl.warc: 4 HTML pages read; skipped 1 redirect, 1 non-HTML response, 0 HTTP errors, 2 other records$' "$WORK/err"
# ... and so does stdin, told by its bytes (gzip) to be WARC.
expect_status 4 "$TC" ingest --db stdin-warc.db - < crawl.warc.gz
expect_grep 'stdin-warc.db: 3 new' "$WORK/err"

# A gzip member cut short: reported with its offset, the pages before it are kept.
head -c $((last + 40)) crawl.warc.gz > cut.warc.gz
expect_status 4 "$TC" ingest --db cut.db cut.warc.gz
expect_grep "cut.warc.gz@$last: gzip data cut short" "$WORK/err"
expect_grep 'cut.db: 3 new' "$WORK/err"

finish
