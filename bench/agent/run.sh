#!/usr/bin/env bash
# podnetd benchmark: one real agent against a real single-member etcd holding N synthetic leases (1,000 and 5,000 by
# default), in a throwaway network namespace (deleted on exit, also on Ctrl-C). Measures the initial sync beside
# `podnet routes sync --cluster` and `ip -batch` over the same nodes, event-to-route latency over 100 joins, a churn run
# with an exact route-table check, idle CPU and RSS; then how a no-op `podnet routes sync` scales with the node count.
#
#   bench/agent/run.sh [--nodes 1000,5000] [--joins 100] [--churn 200] [--idle 60] [--runs 5] [--sync-scale 1000,5000,10000]
#
# Needs root, /usr/bin/etcd (Debian etcd-server) and a published podnet + podnetd (./build.sh publish);
# PODNET_BINARY / PODNETD_BINARY override artifacts/bin. Figures: docs/performance.md, "Node agent (podnetd)".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PODNET="${PODNET_BINARY:-$ROOT/artifacts/bin/podnet}"
PODNETD="${PODNETD_BINARY:-$ROOT/artifacts/bin/podnetd}"
[[ $(id -u) -eq 0 ]] || { echo "error: root is needed to create network namespaces" >&2; exit 1; }
for binary in "$PODNET" "$PODNETD"; do
    [[ -x "$binary" ]] || { echo "error: $binary is missing: run ./build.sh publish" >&2; exit 1; }
done
[[ -x /usr/bin/etcd ]] || { echo "error: /usr/bin/etcd is missing (apt-get install etcd-server)" >&2; exit 1; }

echo "==> building bench/AgentBench"
dotnet build "$ROOT/bench/AgentBench/AgentBench.csproj" -c Release -nologo -v:q -clp:ErrorsOnly
exec dotnet "$ROOT/bench/AgentBench/bin/Release/net10.0/AgentBench.dll" --podnetd "$PODNETD" --podnet "$PODNET" "$@"
