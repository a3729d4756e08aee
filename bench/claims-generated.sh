#!/usr/bin/env bash
# The claim verifier on claims made from the public questions of eval/train (issue 24): ~5,700 claims over every
# training article, none of which the verifier was tuned on. ArticleBot.Training --claims turns each Chinese question
# with one question word into a true claim (its answer in that place) and a false one (a figure changed, or another
# answer of the same question word from the same article); each slice is then checked with `ArticleBot eval`.
#
#   bench/claims-generated.sh           prints the verdicts given (true claims answered Yes or No, false ones No or Yes),
#                                       then per language and kind: claims, right, not covered, wrong verdicts
#   KEEP=DIR bench/claims-generated.sh  keeps the slices and every answer in DIR
#   BOT=PATH bench/claims-generated.sh  checks them with another build of ArticleBot (e.g. an older commit's)
#
# "wrong" is the worst case: a true claim answered No, or a false claim answered Yes (or a verdict citing the wrong passage).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dir=${KEEP:-$(mktemp -d)}
dotnet build src/ArticleBot -c Release -nologo -v:q >&2
dotnet build src/ArticleBot.Training -c Release -nologo -v:q >&2
dotnet run -c Release --no-build --project src/ArticleBot.Training -- --claims "$dir/slices" >&2
bot=${BOT:-artifacts/bin/ArticleBot/release/ArticleBot}
: > "$dir/answers.txt"
for claims in "$dir"/slices/*-claims.jsonl; do
  slice=$(basename "$claims" -claims.jsonl)
  # the answers are listed on stderr
  "$bot" eval "$claims" --verbose --Corpus:SeedsPath="$dir/slices/seeds-$slice" 2>&1 >/dev/null | grep ' correct=' >> "$dir/answers.txt" || true
done
# Verdicts as given, by the answer's first words: true claims answered Yes or No, false claims answered No or Yes.
awk -F' :: ' '
  { split($1, f, " "); truth=(f[3]=="claim-true") ? "true" : "false"
    v=($2 ~ /^(不對|不对|No )/) ? "No" : ($2 ~ /^(對|对|Yes)/) ? "Yes" : "none"
    n[truth]++; c[truth" "v]++ }
  END {
    printf "true claims %d: answered Yes %d (%.3f), No %d (%.3f)\n", n["true"], c["true Yes"], c["true Yes"]/n["true"], c["true No"], c["true No"]/n["true"]
    printf "false claims %d: answered No %d (%.3f), Yes %d (%.3f)\n", n["false"], c["false No"], c["false No"]/n["false"], c["false Yes"], c["false Yes"]/n["false"]
    printf "Yes that were right: %.3f\n\n", c["true Yes"]/(c["true Yes"]+c["false Yes"])
  }' "$dir/answers.txt"
awk '
  { lang=$2; kind=$3; right=($5=="correct=True"); abst=($6=="abstained=True")
    key=lang" "kind; n[key]++; r[key]+=right; u[key]+=(!right && abst); w[key]+=(!right && !abst)
    tkey="all "kind; n[tkey]++; r[tkey]+=right; u[tkey]+=(!right && abst); w[tkey]+=(!right && !abst) }
  END {
    printf "%-8s %-14s %6s %7s %9s %12s %7s\n", "lang", "kind", "n", "right", "accuracy", "not-covered", "wrong"
    for (key in n) { split(key, p, " "); printf "%-8s %-14s %6d %7d %9.3f %12d %7d\n", p[1], p[2], n[key], r[key], r[key]/n[key], u[key], w[key] | "sort" }
  }' "$dir/answers.txt"
[ -n "${KEEP:-}" ] || rm -rf "$dir"
