#!/usr/bin/env bash
# docs/rules.md's walkthrough, step by step: a user's own rule for defence spending as a share
# of GDP, in a directory of their own, tested, re-extracted and queried in SQLite.
set -u
source "$(dirname "$0")/lib.bash"

expect_status 0 "$TC" ingest "$SRC/seeds"
before=$(sqlite3 "$TRADECHECK_DB" "SELECT count(*) FROM claims WHERE kind = 'defence_spending'")
[ "$before" = 0 ] && ok || fail "default rules already make defence_spending claims"

mkdir -p my-rules/names
printf 'defence_spending\tmilitary spending as a share of GDP\n' > my-rules/kinds.tsv
printf 'defence_spending_gdp\tdefence spending|defense spending|military spending\n' > my-rules/names/metrics.tsv
cat > my-rules/defence.rules <<'RULES'
rule defence_spending.share_of_gdp {
  kind     defence_spending
  accepts  percent
  near     "of gdp" | "of annual gdp" | "of gross domestic product" within 4 words
  near     "defence" | "defense" | "military" | "nato" | "spending" within 2 sentences
  actor    @country-possessive | subject-country
  metric   = "defence_spending_gdp"
  example  "Canada will spend 2 percent of GDP on defence by the end of the fiscal year."
           => value 2, unit percent, actor CAN, metric defence_spending_gdp
  example  "The economy grew 2 percent of GDP last year." => none
}
RULES

expect_status 0 "$TC" rules lint --rules my-rules my-rules/defence.rules
expect_status 0 "$TC" rules test --rules my-rules
expect_grep '^[0-9]+ passed, 0 failed$' "$WORK/out"
expect_status 0 "$TC" rules list --rules my-rules
expect_grep 'defence_spending.share_of_gdp' "$WORK/out"

# A failing example is reported with its file:line.
sed 's/actor CAN/actor USA/' my-rules/defence.rules > my-rules/defence.rules.new && mv my-rules/defence.rules.new my-rules/defence.rules
expect_status 1 "$TC" rules test --rules my-rules
expect_grep 'my-rules/defence.rules:8:[0-9]+: rule defence_spending.share_of_gdp' "$WORK/out"
sed -i 's/actor USA/actor CAN/' my-rules/defence.rules

expect_status 0 "$TC" ingest --reextract --rules my-rules
after=$(sqlite3 "$TRADECHECK_DB" "SELECT count(*) FROM claims WHERE kind = 'defence_spending'")
[ "$after" -ge 2 ] && ok || fail "expected defence_spending claims after --reextract, got $after"
sqlite3 "$TRADECHECK_DB" "SELECT text, value, rule_id FROM claims WHERE kind = 'defence_spending'" > q.txt
expect_grep '^5 percent\|5.0\|defence_spending.share_of_gdp$' q.txt
expect_grep '^2 percent\|2.0\|' q.txt
n=$(sqlite3 "$TRADECHECK_DB" "SELECT count(*) FROM rules WHERE id = 'defence_spending.share_of_gdp'")
[ "$n" = 1 ] && ok || fail "the rules table does not list the user rule"

# The same rules through $TRADECHECK_RULES.
TRADECHECK_RULES="$WORK/my-rules" expect_status 0 "$TC" rules test
finish
