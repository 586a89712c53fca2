#!/usr/bin/env bash
# Every command answers --help.
set -u
source "$(dirname "$0")/lib.bash"
for cmd in "" ingest claims check timeline quantities rules "rules list" "rules test" "rules lint" extract merge reference "reference import" "reference list"; do
  # shellcheck disable=SC2086
  expect_status 0 "$TC" $cmd --help
  expect_grep 'Usage|Options|OPTIONS' "$WORK/out"
done
finish
