#!/usr/bin/env bash
# The HTML report: written with --out from the conflict fixtures and a hostile article, checked
# as a file, then rendered in headless Chromium to check what a reader sees (summary, conflicts
# first, quotes with the figure marked, a number line per fact, hostile markup shown as text and
# never run) and to take a screenshot. Chromium is installed when missing and possible (root with
# apt); otherwise the browser half is skipped (exit 77).
# HTML_REPORT_KEEP=DIR keeps report.html, dom.html and report.png there for a look.
set -u
source "$(dirname "$0")/lib.bash"

expect_status 0 "$TC" ingest "$SRC/tests/fixtures/conflict" "$SRC/tests/fixtures/hostile"
expect_status 0 "$TC" check --format html --out "$WORK/report.html"
[ -s "$WORK/report.html" ] && ok || fail "--out wrote nothing"
expect_status 0 "$TC" check --format html
expect_grep '^<!DOCTYPE html>' "$WORK/out"

# The file itself: self-contained, hostile text escaped.
page="$WORK/report.html"
expect_grep 'class="summary" id="summary">[0-9]+ facts? from [0-9]+ claims? in 4 articles: [1-9][0-9]* conflicts?' "$page"
expect_grep '&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;' "$page"
expect_grep '&lt;b&gt;bold&lt;/b&gt; &quot;quotes&quot; &amp;amp;' "$page"
expect_grep 'hostile&lt;b&gt;id&lt;/b&gt;' "$page"
if grep -qi '<script' "$page"; then fail "a <script tag in the page"; else ok; fi
if grep -qiE '<(link|img|iframe|object|embed)[ >]|@import|url\(["'\'']?(https?:|//)' "$page"; then
  fail "the page loads something from outside"
else ok; fi

# ---- the browser ----
CHROMIUM=/usr/bin/chromium
if [ ! -x "$CHROMIUM" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing chromium for the HTML report test (apt-get)..."
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >"$WORK/apt.log" 2>&1 \
    || echo "apt-get could not install chromium: $(tail -n 3 "$WORK/apt.log")"
fi
if [ ! -x "$CHROMIUM" ]; then
  if [ "$fails" != 0 ]; then finish; exit; fi
  echo "SKIP: $CHROMIUM is missing and cannot be installed here (needs root and apt-get); the page itself passed $pass checks"
  exit 77
fi

chrome() {
  # A hang guard only: a headless chromium on a loaded machine takes many times its idle time.
  timeout 600 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d "$WORK/chrome.XXXXXX")" "$@" 2>>"$WORK/chrome.err"
}

chrome --dump-dom "file://$page" >"$WORK/dom.html"
[ -s "$WORK/dom.html" ] && ok || fail "chromium --dump-dom gave nothing: $(tail -n 5 "$WORK/chrome.err")"

python3 - "$WORK/dom.html" <<'PY' && ok || fail "what a reader sees (dom)"
import sys
from html.parser import HTMLParser

class Dom(HTMLParser):
    """Elements and text as the browser left them after running the page."""
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.tags, self.title, self.text = [], [], "", []
        self.sections = []        # [status, has_svg, text]
        self.marks = []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if tag == "section" and "data-status" in a:
            self.sections.append([a["data-status"], False, ""])
        if tag == "svg" and self.sections and "section" in self.stack:
            self.sections[-1][1] = True
        if tag == "mark":
            self.marks.append("")
        self.stack.append(tag)
    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop() == tag:
                break
    def handle_data(self, data):
        if self.stack and self.stack[-1] == "title" and "svg" not in self.stack:
            self.title += data
        if "style" in self.stack:
            return
        self.text.append(data)
        if "mark" in self.stack:
            self.marks[-1] += data
        if "section" in self.stack and self.sections:
            self.sections[-1][2] += data

dom = Dom()
dom.feed(open(sys.argv[1], encoding="utf-8").read())
text = " ".join(" ".join(dom.text).split())
problems = []
def need(ok, what):
    if not ok: problems.append(what)

need(dom.title.strip() == "tradecheck report", f"page title is {dom.title!r} (a hostile script ran?)")
need("script" not in dom.tags, "a <script> element in the DOM")
for tag in ("b", "i", "img"):   # the page itself never uses these; the hostile article does
    need(tag not in dom.tags, f"a <{tag}> element from article text in the DOM")
need(dom.tags.count("style") == 1, "a <style> element from article text in the DOM")
need("facts from" in text and "articles:" in text and "conflict" in text, "summary line not shown")
statuses = [s[0] for s in dom.sections]
order = ["conflict", "revised", "not_comparable", "agree", "single"]
need(statuses and statuses[0] == "conflict", f"first fact is {statuses[:1]}, not a conflict")
need("agree" in statuses, "no agree section")
need(all(s in order for s in statuses) and statuses == sorted(statuses, key=order.index), f"facts not conflicts first: {statuses}")
need(all(s[1] for s in dom.sections), "a fact without its <svg> number line")
steel = [s for s in dom.sections if "CAN|CHN|steel" in s[2]]
need(len(steel) == 1 and steel[0][0] == "conflict", "the steel tariff is not one conflict")
if steel:
    need("10 percentage points" in steel[0][2] and "40%" in steel[0][2], "steel gap size not shown")
    need("Harbour Times" in steel[0][2] and "2025-10-22" in steel[0][2], "outlet or date not shown")
need("25%" in dom.marks and "35%" in dom.marks, f"marked figures: {dom.marks}")
need("Canada imposed a 35% tariff on steel" in text, "the 35% quote not shown")
need("Canada imposed a 25% tariff on steel" in text, "the 25% quote not shown")
# The hostile article's markup reads as text.
need("<script>document.title='pwned'</script> <b>bold</b> \"quotes\" &amp; steel" in text, "hostile title not shown as text")
need("<b>bold</b> \"quotes\" &amp; Mexico imposed a 50% tariff" in text, "hostile quote not shown as text")
need("<i>Hostile</i> Gazette & \"Co\"" in text, "hostile outlet not shown as text")
need("hostile<b>id</b>" in text, "hostile id not shown as text")
for p in problems:
    print("FAIL:", p, file=sys.stderr)
sys.exit(1 if problems else 0)
PY

chrome --window-size=1200,2000 --screenshot="$WORK/report.png" "file://$page" >/dev/null
if [ -s "$WORK/report.png" ] && [ "$(head -c 4 "$WORK/report.png" | od -An -tx1 | tr -d ' \n')" = 89504e47 ]; then ok
else fail "no PNG screenshot: $(tail -n 5 "$WORK/chrome.err")"; fi

if [ -n "${HTML_REPORT_KEEP:-}" ]; then
  mkdir -p "$HTML_REPORT_KEEP" && cp "$page" "$WORK/dom.html" "$WORK/report.png" "$HTML_REPORT_KEEP"/ 2>/dev/null
fi
finish
