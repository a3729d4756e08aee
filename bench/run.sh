#!/usr/bin/env bash
# Reproduces every speed and memory figure of the README's "Speed and scale" section, each beside a hello-world
# console app published the same way and timed in the same run, so the ratios mean something on any machine.
#
#   bench/run.sh              cold ask, warm cost per question, batch throughput, memory, first ask without a cache
#   bench/run.sh --scale      also `-- scale` of tests/ArticleBot.Benchmarks: 1 vs 1,000 articles (a few minutes more)
#
# Environment: RUNS (cold runs, default 15), ROUNDS (times the eval questions are repeated in the batch, default 20),
# BENCH_OUT (work folder, default artifacts/bench). Needs the .NET SDK; peak memory needs /usr/bin/time (GNU time).
# The figures are wall time (what a user waits) and CPU time (user + sys, what the machine spends); run it on a quiet
# machine, and keep the load it prints with the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
runs=${RUNS:-15}
rounds=${ROUNDS:-20}
out=${BENCH_OUT:-artifacts/bench}
scale=false
[ "${1:-}" = "--scale" ] && scale=true
question="OpenAI的廣告業務每年可能帶來多少收入？"

mkdir -p "$out"
out=$(cd "$out" && pwd)
echo "# bench/run.sh, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ *//'), $(free -g 2>/dev/null | awk '/Mem:/ {print $2 " GiB"}'); .NET $(dotnet --version)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "publishing ArticleBot and the hello world (Release, self-contained, one ReadyToRun composite image; a few minutes)..." >&2
dotnet publish src/ArticleBot -c Release -o "$out/articlebot" -nologo -v:q >&2
dotnet publish bench/hello -c Release -o "$out/hello" -nologo -v:q >&2
app="$out/articlebot/ArticleBot"
hello="$out/hello/Hello"
grep -hoE '"question": *"([^"\\]|\\.)*"' eval/*.jsonl | sed -E 's/^"question": *"//; s/"$//' > "$out/questions.txt"

# Run from the work folder, which holds no appsettings.json: the published app then uses its own (and its own cache),
# as a deployed copy does.
cd "$out"

# One timed run: prints "wall cpu" in seconds (bash's own `time`: no dependency).
timed() {
    local TIMEFORMAT='%R %U %S'
    { time "$@" > /dev/null 2>&1 < "${STDIN:-/dev/null}"; } 2>&1 | awk '{printf "%.4f %.4f\n", $1, $2 + $3}'
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# Peak resident memory in MB, when GNU time is installed.
peak() {
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f '%M' "$@" 2>&1 > /dev/null < "${STDIN:-/dev/null}" | tail -1 | awk '{printf "%.0f MB", $1 / 1024}'
    else
        echo "– (no /usr/bin/time)"
    fi
}

# The first ask of a fresh folder builds the index and the English lexicon into its cache: timed once, then warm.
rm -rf "$out/articlebot/.cache"
first=$(timed "$app" ask "$question")
first_memory=$(rm -rf "$out/articlebot/.cache" && peak "$app" ask "$question")
"$app" ask "$question" > /dev/null
"$hello" > /dev/null

# Cold one-shot ask (caches warm, as after the first run), interleaved with the hello world.
: > "$out/ask.txt"
: > "$out/hello.txt"
for _ in $(seq "$runs"); do
    timed "$app" ask "$question" >> "$out/ask.txt"
    timed "$hello" >> "$out/hello.txt"
done
ask_wall=$(cut -d' ' -f1 "$out/ask.txt" | median)
ask_cpu=$(cut -d' ' -f2 "$out/ask.txt" | median)
hello_wall=$(cut -d' ' -f1 "$out/hello.txt" | median)
hello_cpu=$(cut -d' ' -f2 "$out/hello.txt" | median)
ask_memory=$(peak "$app" ask "$question")

# Warm cost per question: `ask --json -` over the eval sets' questions, repeated, less a batch of one question
# (start-up and the first answer), divided by the questions; three times, the median kept. Twice: as shipped (one at a
# time, whose wall time is one answer's latency) and with one question per processor at once (`--parallel N`).
per_round=$(wc -l < "$out/questions.txt")
for _ in $(seq "$rounds"); do cat "$out/questions.txt"; done > "$out/batch.txt"
head -1 "$out/questions.txt" > "$out/one.txt"
total=$((per_round * rounds))
: > "$out/warm.txt"
: > "$out/warmn.txt"
for _ in 1 2 3; do
    for parallel in default n; do
        args=(ask --json -)
        [ "$parallel" = n ] && args+=(--parallel "$(nproc)")
        one=$(STDIN="$out/one.txt" timed "$app" "${args[@]}")
        batch=$(STDIN="$out/batch.txt" timed "$app" "${args[@]}")
        file="$out/warm.txt"
        [ "$parallel" = n ] && file="$out/warmn.txt"
        echo "$one $batch" | awk -v n="$((total - 1))" '{printf "%.4f %.4f\n", ($3 - $1) * 1000 / n, ($4 - $2) * 1000 / n}' >> "$file"
    done
done
warm_wall=$(cut -d' ' -f1 "$out/warm.txt" | median)
warm_cpu=$(cut -d' ' -f2 "$out/warm.txt" | median)
warmn_wall=$(cut -d' ' -f1 "$out/warmn.txt" | median)
warmn_cpu=$(cut -d' ' -f2 "$out/warmn.txt" | median)
batch_memory=$(STDIN="$out/batch.txt" peak "$app" ask --json -)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f×", a / b}'; }
ms() { awk -v s="$1" 'BEGIN {printf "%.0f ms", s * 1000}'; }
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| measure | ArticleBot | hello world | ratio |"
echo "| --- | --- | --- | --- |"
echo "| cold one-shot \`ask\`, published, median of $runs: wall | $(ms "$ask_wall") | $(ms "$hello_wall") | $(ratio "$ask_wall" "$hello_wall") |"
echo "| the same, CPU (user + sys) | $(ms "$ask_cpu") | $(ms "$hello_cpu") | $(ratio "$ask_cpu" "$hello_cpu") |"
echo "| peak memory, one-shot \`ask\` | $ask_memory | | |"
echo "| first \`ask\` without a cache (builds the index and the lexicon): wall, CPU, peak memory | $(ms "$(echo "$first" | cut -d' ' -f1)"), $(ms "$(echo "$first" | cut -d' ' -f2)"), $first_memory | | |"
echo "| warm cost per question, \`ask --json -\` over eval/*.jsonl ($per_round questions) ×$rounds, one at a time (the default): wall, CPU | $(printf '%.3f' "$warm_wall") ms, $(printf '%.3f' "$warm_cpu") ms | | |"
echo "| batch throughput (the same) | $(awk -v w="$warm_wall" 'BEGIN {printf "%.0f", 1000 / w}') questions/s | | |"
echo "| the same batch with \`--parallel $(nproc)\`: wall, CPU per question | $(printf '%.3f' "$warmn_wall") ms, $(printf '%.3f' "$warmn_cpu") ms | | |"
echo "| peak memory, that batch | $batch_memory | | |"

if $scale; then
    echo
    echo "\`dotnet run -c Release --project tests/ArticleBot.Benchmarks -- scale\` (in one process; every question distinct):"
    echo
    dotnet run -c Release --project "$repo/tests/ArticleBot.Benchmarks" -- scale
fi
