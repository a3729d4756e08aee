#!/usr/bin/env bash
# The claim verifier on claims made from the public questions of eval/train (issue 24): ~5,700 claims over every
# training article, none of which the verifier was tuned on. ArticleBot.Training --claims turns each Chinese question
# with one question word into a true claim (its answer in that place) and a false one (a figure changed, or another
# answer of the same question word from the same article); each slice is then checked with `ArticleBot eval`.
#
#   bench/claims-generated.sh           prints, per language and kind: claims, right, not covered, wrong verdicts
#   KEEP=DIR bench/claims-generated.sh  keeps the slices and every answer in DIR
#
# "wrong" is the worst case: a true claim answered No, or a false claim answered Yes (or a verdict citing the wrong passage).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dir=${KEEP:-$(mktemp -d)}
dotnet build src/ArticleBot -c Release -nologo -v:q >&2
dotnet build src/ArticleBot.Training -c Release -nologo -v:q >&2
dotnet run -c Release --no-build --project src/ArticleBot.Training -- --claims "$dir/slices" >&2
bot=artifacts/bin/ArticleBot/release/ArticleBot
: > "$dir/answers.txt"
for claims in "$dir"/slices/*-claims.jsonl; do
  slice=$(basename "$claims" -claims.jsonl)
  # the answers are listed on stderr
  "$bot" eval "$claims" --verbose --Corpus:SeedsPath="$dir/slices/seeds-$slice" 2>&1 >/dev/null | grep ' correct=' >> "$dir/answers.txt" || true
done
awk '
  { lang=$2; kind=$3; right=($5=="correct=True"); abst=($6=="abstained=True")
    key=lang" "kind; n[key]++; r[key]+=right; u[key]+=(!right && abst); w[key]+=(!right && !abst)
    tkey="all "kind; n[tkey]++; r[tkey]+=right; u[tkey]+=(!right && abst); w[tkey]+=(!right && !abst) }
  END {
    printf "%-8s %-14s %6s %7s %9s %12s %7s\n", "lang", "kind", "n", "right", "accuracy", "not-covered", "wrong"
    for (key in n) { split(key, p, " "); printf "%-8s %-14s %6d %7d %9.3f %12d %7d\n", p[1], p[2], n[key], r[key], r[key]/n[key], u[key], w[key] | "sort" }
  }' "$dir/answers.txt"
[ -n "${KEEP:-}" ] || rm -rf "$dir"
