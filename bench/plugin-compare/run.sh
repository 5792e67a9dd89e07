#!/usr/bin/env bash
# Side-by-side benchmark: the podnet plugin vs the reference bridge + host-local (containernetworking-plugins).
# Runs everything inside network namespaces it creates and removes. Needs root, a published podnet
# (./build.sh publish) and GNU time. Options (all optional) go to PluginCompare, e.g.:
#   bench/plugin-compare/run.sh --cycles 50 --fill 100
#   PLUGIN_COMPARE_ARGS="--cycles 50 --fill 100" ./build.sh bench
# Options: --cycles --warmup --rss-cycles --fill --concurrency --rounds --floor-cycles (see Options/BenchmarkOptions.cs).
# Figures go to stdout and into docs/performance.md ("Plugin: podnet vs reference bridge + host-local").
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PODNET="${PODNET_BINARY:-$ROOT/artifacts/bin/podnet}"
if [[ ! -x "$PODNET" ]]; then
    echo "error: $PODNET not found; run ./build.sh publish first" >&2
    exit 1
fi

# What the document records as "the exact command".
if [[ -n "${PLUGIN_COMPARE_COMMAND:-}" ]]; then
    COMMAND="${*:+PLUGIN_COMPARE_ARGS=\"$*\" }$PLUGIN_COMPARE_COMMAND"
else
    COMMAND="bench/plugin-compare/run.sh${*:+ $*}"
fi

echo "==> building bench/PluginCompare"
dotnet build "$ROOT/bench/PluginCompare/PluginCompare.csproj" -c Release -nologo -v:q -clp:ErrorsOnly
echo "==> podnet vs reference bridge + host-local"
dotnet "$ROOT/bench/PluginCompare/bin/Release/net10.0/PluginCompare.dll" \
    --podnet "$PODNET" \
    --doc "$ROOT/docs/performance.md" \
    --analysis "$ROOT/bench/plugin-compare/analysis.md" \
    --command "$COMMAND" \
    "$@"
