#!/usr/bin/env bash
# Reproduces the README's import figures: the token F1 of imported Readability test pages against Readability's
# expected text, and the warm import time of a ~300 KB Chinese news page (fetched over loopback HTTP, decoded,
# extracted and stored). Both come from tests/ArticleBot.Ingest.Tests, which write them to its output folder.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "# bench/import.sh, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet test tests/ArticleBot.Ingest.Tests -v:q -nologo \
  --filter "FullyQualifiedName~ReadabilityPageTests.Imported_text_matches_readability_expected_text|FullyQualifiedName~ImportTimingTests" >&2
out=artifacts/bin/ArticleBot.Ingest.Tests/debug
cat "$out/readability-f1.txt" "$out/import-timing.txt"
