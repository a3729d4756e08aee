#!/usr/bin/env bash
# Reproduces the README's import figures: the token F1 of imported Readability test pages against Readability's
# expected text, the warm import time of a ~300 KB Chinese news page (fetched over loopback HTTP, decoded, extracted
# and stored), both from tests/ArticleBot.Ingest.Tests; and how soon a running `chat --json` answers on an article
# that `add` imported, and how soon it does when `add` runs in another process on another seeds folder with one
# PostgreSQL between them (needs PostgreSQL's server binaries, as the tests do), from tests/ArticleBot.EndToEnd.Tests.
# The tests write the figures to their output folders.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "# bench/import.sh, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
# ARTICLEBOT_TESTS=all: these filters alone pick the tests, soaks or not (tests/Directory.Build.props).
export ARTICLEBOT_TESTS=all
dotnet test --project tests/ArticleBot.Ingest.Tests -- --filter-method "*.ReadabilityPageTests.Imported_text_matches_readability_expected_text" >&2
dotnet test --project tests/ArticleBot.Ingest.Tests -- --filter-class "*.ImportTimingTests" >&2
rm -f artifacts/bin/ArticleBot.EndToEnd.Tests/debug/shared-import-latency.txt
dotnet test --project tests/ArticleBot.EndToEnd.Tests -- --filter-method "*.ArticleImportTests.An_article_added_while_a_chat_runs*" >&2
dotnet test --project tests/ArticleBot.EndToEnd.Tests -- --filter-class "*.SharedArticlesTests" >&2
cat artifacts/bin/ArticleBot.Ingest.Tests/debug/readability-f1.txt artifacts/bin/ArticleBot.Ingest.Tests/debug/import-timing.txt \
  artifacts/bin/ArticleBot.EndToEnd.Tests/debug/live-reload-latency.txt
cat artifacts/bin/ArticleBot.EndToEnd.Tests/debug/shared-import-latency.txt 2>/dev/null \
  || echo "article imported by one process, answered by another on one PostgreSQL: not measured (the test was skipped: no PostgreSQL server binaries)"
