#!/usr/bin/env bash
# One large article (issue 25, finding 11): the first answer of a process whose disk cache is warm, at 1, 5 and 10 MB.
# The article is the seed's paragraphs, shuffled and with their numbers varied (LargeArticleBenchmarks.Write), so the
# names, figures and sentences of a real article recur at every size. For each size: one `ask` fills the cache (index
# and lexicon), then the same `ask` is run RUNS times (default 3) on the published build; the median wall time, CPU
# time (user + sys) and the largest peak resident memory (GNU time) are printed.
#
#   bench/large-article.sh                  1, 5 and 10 MB
#   SIZES="5" RUNS=5 bench/large-article.sh
#
# The in-process figures (whole-article tools computed from scratch, memory allocated) are BenchmarkDotNet's:
#   dotnet run -c Release --project tests/ArticleBot.Benchmarks -- --filter '*LargeArticle*'
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
sizes=${SIZES:-1 5 10}
runs=${RUNS:-3}
out=${BENCH_OUT:-artifacts/bench-large}
app_dir=${APP:-}
question="OpenAI的廣告業務每年可能帶來多少收入？"

mkdir -p "$out"
out=$(cd "$out" && pwd)
echo "# bench/large-article.sh, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "machine: $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -z "$app_dir" ]; then
    echo "publishing ArticleBot (Release)..." >&2
    dotnet publish src/ArticleBot -c Release -o "$out/articlebot" -nologo -v:q >&2
    app_dir="$out/articlebot"
fi
app="$app_dir/ArticleBot"
dotnet build tests/ArticleBot.Benchmarks -c Release -nologo -v:q >&2

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo
echo "| article | first answer, warm cache: wall (median of $runs) | CPU | peak memory (max) |"
echo "| --- | --- | --- | --- |"
for mb in $sizes; do
    work="$out/$mb-mb"
    rm -rf "$work" && mkdir -p "$work/seeds"
    dotnet run -c Release --no-build --project tests/ArticleBot.Benchmarks -- large-article "$mb" "$work/seeds"
    export Corpus__SeedsPath="$work/seeds" Corpus__CachePath="$work/.cache"
    "$app" ask "$question" > /dev/null 2>&1 # fills the cache
    : > "$work/runs.txt"
    for _ in $(seq "$runs"); do
        /usr/bin/time -f '%e %U %S %M' -o "$work/time.txt" "$app" ask "$question" > "$work/answer.txt" 2> /dev/null
        cat "$work/time.txt" >> "$work/runs.txt"
    done
    wall=$(awk '{print $1}' "$work/runs.txt" | median)
    cpu=$(awk '{print $2 + $3}' "$work/runs.txt" | median)
    memory=$(awk '{print $4}' "$work/runs.txt" | sort -g | tail -1)
    echo "| $mb MB ($(wc -c < "$work/seeds/large.txt") bytes) | ${wall} s | ${cpu} s | $((memory / 1024)) MB |"
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
