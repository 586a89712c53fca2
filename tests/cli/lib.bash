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

# cpu_time command...: runs the command and sets CPU_SECONDS to the processor time (user + system,
# every thread and child) it used. Tests that bound how long something takes bound this, not the
# wall clock: on a loaded machine (other builds, a CPU hog) the wall clock of the same work
# doubles, its processor time does not. Returns the command's status.
cpu_time() {
  local before after status
  times > "$WORK/times"   # not in $(...): a subshell has no children yet
  before=$(tail -n 1 "$WORK/times")
  "$@"
  status=$?
  times > "$WORK/times"
  after=$(tail -n 1 "$WORK/times")
  CPU_SECONDS=$(awk -v a="$before" -v b="$after" 'function s(t,  m) { split(t, m, "m"); return m[1] * 60 + m[2] }
    BEGIN { split(a, x, " "); split(b, y, " "); printf "%.1f", s(y[1]) + s(y[2]) - s(x[1]) - s(x[2]) }')
  return $status
}
