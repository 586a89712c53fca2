#!/usr/bin/env bash
# Extraction quality against the hand-made gold in tests/eval/gold/ (see tests/eval/README.md).
#
#   run_eval.sh TRADECHECK [--verbose] [--json]   print recall, precision, F1, slot accuracy
#   run_eval.sh TRADECHECK --gold DIR ...         score against another gold folder (the held-out
#                                                 set: tests/eval/heldout)
#   run_eval.sh TRADECHECK --check BASELINE       exit 1 when a figure fell below the baseline
#   run_eval.sh TRADECHECK --record BASELINE      rewrite the baseline from this binary
#   run_eval.sh --selftest                        the scorer's own test (score_selftest.py)
#
# Exit 77 (skipped, for ctest) when ../shared/corpora/modern-news or python3 is missing.
set -u
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

if ! command -v python3 >/dev/null 2>&1; then
  echo "run_eval.sh: python3 not found; skipping" >&2
  exit 77
fi
if [ "${1:-}" = "--selftest" ]; then
  exec python3 "$HERE/score_selftest.py"
fi

if [ $# -lt 1 ] || [ "${1#-}" != "$1" ]; then
  echo "usage: run_eval.sh TRADECHECK [--gold DIR] [--verbose] [--json] [--check FILE | --record FILE]" >&2
  exit 2
fi
TC="$1"; shift
[ -x "$TC" ] || { echo "run_eval.sh: $TC is not an executable" >&2; exit 2; }

score_args=()
GOLD="$HERE/gold"
while [ $# -gt 0 ]; do
  case "$1" in
    --verbose|--json) score_args+=("$1") ;;
    --gold)
      [ $# -ge 2 ] || { echo "run_eval.sh: --gold needs a folder" >&2; exit 2; }
      GOLD="$2"; case "$GOLD" in /*) ;; *) GOLD="$PWD/$GOLD" ;; esac
      shift ;;
    --check|--record)
      [ $# -ge 2 ] || { echo "run_eval.sh: $1 needs a file" >&2; exit 2; }
      # A relative baseline is relative to where we were started (make runs in the root).
      file="$2"; case "$file" in /*) ;; *) file="$PWD/$file" ;; esac
      score_args+=("$1" "$file"); shift ;;
    *) echo "run_eval.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

CORPUS="$ROOT/../shared/corpora/modern-news/articles.jsonl"
if [ ! -r "$CORPUS" ]; then
  echo "run_eval.sh: $CORPUS not found (the shared corpora sit beside the checkout); skipping" >&2
  exit 77
fi
if ! ls "$GOLD"/*.jsonl >/dev/null 2>&1; then
  echo "run_eval.sh: no gold files in $GOLD" >&2
  exit 1
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
python3 "$HERE/score.py" --select "$GOLD" "$CORPUS" > "$WORK/articles.jsonl" || exit 1
# No database and no user rules: the eval measures the built-in rules only.
if ! env -u TRADECHECK_RULES "$TC" extract -q "$WORK/articles.jsonl" > "$WORK/claims.jsonl" 2> "$WORK/err"; then
  echo "run_eval.sh: $TC extract failed:" >&2
  head -c 2000 "$WORK/err" >&2
  exit 1
fi
python3 "$HERE/score.py" "$GOLD" "$WORK/claims.jsonl" "$WORK/articles.jsonl" ${score_args[@]+"${score_args[@]}"}
