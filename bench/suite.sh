#!/usr/bin/env bash
# Times the README's two Quickstart commands on a fresh clone, as a newcomer runs them, with one core kept busy
# (the README's test-suite figure): `dotnet run --project src/ArticleBot -- ask "…"`, then `dotnet test`.
#
#   bench/suite.sh [RUNS]     default 1; each run is a new clone in a temporary folder, removed afterwards
#
# Prints, per run, wall and CPU time of each command, the tests' summary lines, and the load average before and after.
# CPU is the machine's busy time while the command ran (/proc/stat) less the busy loop's own: the compiler server and
# MSBuild's nodes are not children the shell waits for, so `time` alone misses most of it. Run it in the foreground: a background job ignores SIGINT,
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
    TIMEFORMAT='%R'
    busy_ticks() { awk '/^cpu /{b = $2 + $3 + $4 + $7 + $8} END {printf "%d", b}' /proc/stat; }
    loop_ticks() { awk '{printf "%d", $14 + $15}' "/proc/$busy/stat"; }
    b0=$(busy_ticks); l0=$(loop_ticks)
    { time dotnet run --project src/ArticleBot -- ask "OpenAI的廣告業務每年可能帶來多少收入？" > run.out 2> run.err; } 2> run.time || echo "dotnet run failed: $(tail -5 run.err)"
    b1=$(busy_ticks); l1=$(loop_ticks)
    { time dotnet test > test.out 2>&1; } 2> test.time || echo "dotnet test failed"
    b2=$(busy_ticks); l2=$(loop_ticks)
    kill "$busy" 2>/dev/null || true
    hz=$(getconf CLK_TCK)
    echo "$(cat run.time) $(( (b1 - b0) - (l1 - l0) )) $hz" | awk '{printf "dotnet run ask: wall %.0f s, CPU %.0f s\n", $1, $2 / $3}'
    echo "$(cat test.time) $(( (b2 - b1) - (l2 - l1) )) $hz" | awk '{printf "dotnet test:    wall %.0f s, CPU %.0f s\n", $1, $2 / $3}'
    echo "$(cat run.time) $(cat test.time) $(( (b2 - b0) - (l2 - l0) )) $hz" | awk '{printf "both:           wall %.0f s, CPU %.0f s\n", $1 + $2, $3 / $4}'
    # The run's summary: each test application (passed or failed, and how long it ran), then the counts; and the
    # skipped tests, each with its reason.
    grep -E -A 14 '^Test run summary' test.out || tail -20 test.out
    grep -E -A 1 '^skipped ' test.out || true
    # A failed test: its name, then its message and the top of its stack trace.
    grep -E -A 12 '^\s*failed [A-Za-z]' test.out || true
    echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    cd "$repo"
    rm -rf "$clone"
    trap - EXIT
done
