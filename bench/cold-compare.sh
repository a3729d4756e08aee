#!/usr/bin/env bash
# Compares the cold one-shot `ask` of published builds, runs interleaved so the machine's drift falls on all alike:
#
#   bench/cold-compare.sh DIR1 DIR2 ...     each DIR a `dotnet publish src/ArticleBot -c Release -o DIR` output
#
# Prints each build's median wall time and that of bench/hello published the same way. RUNS (default 21) runs each.
# To list what the JIT compiles at start (what ReadyToRun could not precompile), one line per method:
#   DOTNET_JitStdOutFile=jit.txt DOTNET_JitDisasmSummary=1 DIR/ArticleBot ask "…"; wc -l jit.txt
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: bench/cold-compare.sh PUBLISHED_DIR..." >&2; exit 2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
runs=${RUNS:-21}
question="OpenAI的廣告業務每年可能帶來多少收入？"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet publish bench/hello -c Release -o "$work/hello" -nologo -v:q >&2
apps=("$@" "$work/hello")
TIMEFORMAT='%R'
for _ in $(seq "$runs"); do
    for i in "${!apps[@]}"; do
        if [ -x "${apps[$i]}/ArticleBot" ]; then
            { time "${apps[$i]}/ArticleBot" ask "$question" > /dev/null 2>&1; } 2>> "$work/times.$i"
        else
            { time "${apps[$i]}/Hello" > /dev/null 2>&1; } 2>> "$work/times.$i"
        fi
    done
done
for i in "${!apps[@]}"; do
    name=${apps[$i]}
    [ "$i" -eq $(( ${#apps[@]} - 1 )) ] && name="hello world"
    printf '%s: median %s s of %s runs\n' "$name" "$(sort -g "$work/times.$i" | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')" "$runs"
done
