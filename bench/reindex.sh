#!/usr/bin/env bash
# Reproduces the README's re-indexing figure: one article rewritten in a 1,000-article corpus (built from
# eval/train's public articles), answered by a running `chat --json` of the Release build; every question asked
# meanwhile is answered. Needs python3.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "# bench/reindex.sh, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet build src/ArticleBot -c Release -v:q -nologo >&2
python3 bench/reindex.py artifacts/bin/ArticleBot/release/ArticleBot
