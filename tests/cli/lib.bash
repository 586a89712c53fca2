# Shared by the CLI tests: `source "$(dirname "$0")/lib.bash"` after set -u.
# $1 is the tradecheck binary, $2 the source tree.
TC="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
SRC="$(cd "$2" && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
export TRADECHECK_DB="$WORK/test.db"
unset TRADECHECK_RULES
fails=0
pass=0

ok()   { pass=$((pass + 1)); }
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }

# expect_status CODE command...: runs the command, checks its exit status.
expect_status() {
  local want="$1"; shift
  "$@" >"$WORK/out" 2>"$WORK/err"
  local got=$?
  if [ "$got" = "$want" ]; then ok; else fail "$* exited $got, expected $want; stderr: $(head -c 600 "$WORK/err")"; fi
}

# expect_grep PATTERN FILE: the file contains the extended regex.
expect_grep() {
  if grep -qE -- "$1" "$2"; then ok; else fail "'$1' not in $2: $(head -c 800 "$2")"; fi
}

finish() {
  echo "$pass passed, $fails failed"
  [ "$fails" = 0 ]
}
