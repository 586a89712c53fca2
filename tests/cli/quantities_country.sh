#!/usr/bin/env bash
# quantities --country: a bare 'Rs' and '$' follow the article's country (docs/quantities.md).
set -u
source "$(dirname "$0")/lib.bash"

unit_of() { python3 -c "import json,sys; print(' '.join(json.loads(l)['unit'] for l in sys.stdin))" < "$WORK/out"; }
text='Exports rose to Rs 3.1 billion and $ 2 billion.'

for pair in LK:LKR PK:PKR IN:INR; do
  code=${pair%%:*}; want=${pair##*:}
  echo "$text" > in.txt
  expect_status 0 "$TC" quantities --country "$code" in.txt
  if [ "$(unit_of)" = "$want USD" ]; then ok; else fail "--country $code read '$(unit_of)', expected '$want USD'"; fi
done
# A country with a dollar of its own; lower case is the same code.
echo 'Exports rose to $ 2 billion.' > in.txt
expect_status 0 "$TC" quantities --country ca in.txt
if [ "$(unit_of)" = "CAD" ]; then ok; else fail "--country ca read '$(unit_of)'"; fi
# A bare $ is never a non-dollar currency.
expect_status 0 "$TC" quantities --country GB in.txt
if [ "$(unit_of)" = "USD" ]; then ok; else fail "--country GB read '$(unit_of)' for a bare \$"; fi
# auto: the dateline decides, from a file and from stdin.
echo 'KARACHI, May 2 (Reuters) - Exports were Rs 5 billion.' > karachi.txt
expect_status 0 "$TC" quantities --country auto karachi.txt
if [ "$(unit_of)" = "PKR" ]; then ok; else fail "--country auto on a Karachi dateline read '$(unit_of)'"; fi
"$TC" quantities --country auto - < karachi.txt > "$WORK/out" 2>"$WORK/err" && ok || fail "stdin"
if [ "$(unit_of)" = "PKR" ]; then ok; else fail "stdin: '$(unit_of)'"; fi
# --currency still sets the dollar.
expect_status 0 "$TC" quantities --country LK --currency AUD in.txt
if [ "$(unit_of)" = "AUD" ]; then ok; else fail "--currency AUD with --country LK read '$(unit_of)'"; fi
# Not a code: a usage error that says what is expected.
expect_status 2 "$TC" quantities --country Sri_Lanka in.txt
expect_grep 'ISO 3166' "$WORK/err"
finish
