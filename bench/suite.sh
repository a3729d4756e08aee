#!/usr/bin/env bash
# Times the README's two Quickstart commands on a fresh clone, as a newcomer runs them, with one core kept busy
# (the README's test-suite figure): `dotnet run --project src/ArticleBot -- ask "…"`, then `dotnet test`.
#
#   bench/suite.sh [RUNS]     default 1; each run is a new clone in a temporary folder, removed afterwards
#
# Prints, per run, wall and CPU time (user + sys, of everything the commands started) of each command, the tests'
# summary lines, and the load average before and after. Run it in the foreground: a background job ignores SIGINT,
# and the two Ctrl+C tests then skip (saying why).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-1}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

for run in $(seq "$runs"); do
    clone=$(mktemp -d "${TMPDIR:-/tmp}/articlebot-suite-XXXXXX")
    git clone -q "$repo" "$clone"
    sh -c 'while :; do :; done' &
    busy=$!
    trap 'kill "$busy" 2>/dev/null || true; rm -rf "$clone"' EXIT
    echo "== run $run of $runs: $clone, commit $(git -C "$clone" rev-parse --short HEAD), $(nproc) cores, one kept busy; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    cd "$clone"
    TIMEFORMAT='%R %U %S'
    { time dotnet run --project src/ArticleBot -- ask "OpenAI的廣告業務每年可能帶來多少收入？" > run.out 2> run.err; } 2> run.time || echo "dotnet run failed: $(tail -5 run.err)"
    { time dotnet test > test.out 2>&1; } 2> test.time || echo "dotnet test failed"
    kill "$busy" 2>/dev/null || true
    awk '{printf "dotnet run ask: wall %.0f s, CPU %.0f s\n", $1, $2 + $3}' run.time
    awk '{printf "dotnet test:    wall %.0f s, CPU %.0f s\n", $1, $2 + $3}' test.time
    awk '{w += $1; c += $2 + $3} END {printf "both:           wall %.0f s, CPU %.0f s\n", w, c}' run.time test.time
    grep -E '^(Passed|Failed)!' test.out || tail -20 test.out
    grep -E '^\s+Skipped ' test.out || true
    # A failed test: its name, then its message and the top of its stack trace.
    grep -E -A 12 '^\s+Failed [A-Za-z]' test.out || true
    echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    cd "$repo"
    rm -rf "$clone"
    trap - EXIT
done
