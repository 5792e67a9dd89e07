#!/usr/bin/env bash
# Route agent benchmark: `podnet routes sync` programming 1,000 nodes' pod subnet routes, side by side with
# `ip -batch` running the same 1,000 `route replace` commands. Everything happens inside a fresh network namespace
# (deleted on exit); the machine's own routes are never touched.
#
#   bench/route-sync/run.sh [NODES]        (default 1000; PODNET_BINARY overrides artifacts/bin/podnet)
#
# Measured, each in the same namespace:
#   podnet sync, from empty     every route is added (the routes are flushed before each run)
#   podnet sync, no-op          every route is already in place ("routes: no changes")
#   ip -batch, from empty       1,000 `route replace` lines, routes flushed before each run
#   ip -batch, no-op            the same lines with the routes already in place
#   floors                      `podnet version` and `ip -batch /dev/null`: process start-up and namespace entry only
# Both tools run through `ip netns exec`, so both pay the same namespace-entry and process-start cost.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
NODES="${1:-1000}"
PODNET="${PODNET_BINARY:-$ROOT/artifacts/bin/podnet}"
RUNS="${RUNS:-20}"
NS="pn-bench-$(head -c 5 /dev/urandom | od -An -tx1 | tr -d ' \n')"
WORK="$(mktemp -d /tmp/podnet-route-bench.XXXXXX)"

cleanup() {
    ip netns del "$NS" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

[[ $(id -u) -eq 0 ]] || { echo "error: root is needed to create a network namespace" >&2; exit 1; }
[[ -x "$PODNET" ]] || { echo "error: $PODNET is missing: run ./build.sh publish" >&2; exit 1; }
((NODES >= 1 && NODES <= 39000)) || { echo "error: NODES must be 1..39000" >&2; exit 2; }

# The node: eth0 with 10.0.0.1/16, so every peer's node IP in 10.0.0.0/16 is on-link. A dummy link where the kernel
# has the driver, else a veth whose peer stays in the namespace.
ip netns add "$NS"
ip -n "$NS" link set lo up
if ! ip -n "$NS" link add eth0 type dummy 2>/dev/null; then
    ip -n "$NS" link add eth0 type veth peer name eth0p
    ip -n "$NS" link set eth0p up
fi
ip -n "$NS" addr add 10.0.0.1/16 dev eth0
ip -n "$NS" link set eth0 up

# Node i (1..NODES) has node IP 10.0.(i/250).(i%250+2) and pod CIDR 10.(100+i/256).(i%256).0/24; this node is "self".
CLUSTER="$WORK/cluster.json"
BATCH="$WORK/routes.batch"
{
    printf '{"nodes":[\n{"name":"self","nodeIPs":["10.0.0.1"],"podCIDRs":["10.99.0.0/24"]}'
    for ((i = 1; i <= NODES; i++)); do
        printf ',\n{"name":"node-%05d","nodeIPs":["10.0.%d.%d"],"podCIDRs":["10.%d.%d.0/24"]}' \
            "$i" $((i / 250)) $((i % 250 + 2)) $((100 + i / 256)) $((i % 256))
    done
    printf '\n]}\n'
} >"$CLUSTER"
for ((i = 1; i <= NODES; i++)); do
    printf 'route replace 10.%d.%d.0/24 via 10.0.%d.%d dev eth0 proto 98\n' \
        $((100 + i / 256)) $((i % 256)) $((i / 250)) $((i % 250 + 2))
done >"$BATCH"

SYNC="ip netns exec $NS $PODNET routes sync --cluster $CLUSTER --node self"
IPBATCH="ip netns exec $NS ip -batch $BATCH"
FLUSH="ip -n $NS route flush proto 98"

count() { ip -n "$NS" route show proto 98 | wc -l; }
check() {
    local what="$1" n
    n=$(count)
    [[ $n -eq $NODES ]] || { echo "error: $what left $n routes with proto 98, expected $NODES" >&2; exit 1; }
}

# Correctness first: each tool really programs NODES routes, and a second podnet run is a no-op.
$FLUSH
$SYNC >/dev/null
check "podnet routes sync"
$SYNC | grep -q "routes: no changes ($NODES in place)" || { echo "error: the second sync was not a no-op" >&2; exit 1; }
$FLUSH
$IPBATCH
check "ip -batch"
$FLUSH

echo "==> $NODES nodes, namespace $NS, $(nproc) CPUs, kernel $(uname -r), $("$PODNET" version | head -n1), $(ip -V)"
if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 3 --runs "$RUNS" --export-markdown "$WORK/results.md" \
        --prepare "$FLUSH" -n "podnet routes sync, from empty" "$SYNC" \
        --prepare "$FLUSH" -n "ip -batch (route replace x$NODES), from empty" "$IPBATCH"
    cp "$WORK/results.md" "$WORK/from-empty.md"
    $SYNC >/dev/null
    hyperfine -N --warmup 3 --runs "$RUNS" --export-markdown "$WORK/results.md" \
        -n "podnet routes sync, no-op" "$SYNC" \
        -n "ip -batch (route replace x$NODES), routes in place" "$IPBATCH" \
        -n "floor: podnet version" "ip netns exec $NS $PODNET version" \
        -n "floor: ip -batch of an empty file" "ip netns exec $NS ip -batch /dev/null"
    check "the no-op runs"
    cat "$WORK/from-empty.md"
    tail -n +3 "$WORK/results.md"
else
    # No hyperfine: RUNS timed runs each, median in milliseconds.
    measure() {
        local name="$1" prepare="$2" command="$3" times=()
        for ((r = 0; r < RUNS; r++)); do
            [[ -n "$prepare" ]] && $prepare
            local start end
            start=$(date +%s%N)
            $command >/dev/null
            end=$(date +%s%N)
            times+=($(((end - start) / 1000)))
        done
        printf '%s\n' "${times[@]}" | sort -n | awk -v name="$name" '{t[NR]=$1} END {printf "| %s | %.1f ms (median of %d) |\n", name, t[int((NR+1)/2)]/1000, NR}'
    }
    echo "| Command | Time |"
    echo "|:---|---:|"
    measure "podnet routes sync, from empty" "$FLUSH" "$SYNC"
    measure "ip -batch (route replace x$NODES), from empty" "$FLUSH" "$IPBATCH"
    $SYNC >/dev/null
    measure "podnet routes sync, no-op" "" "$SYNC"
    measure "ip -batch (route replace x$NODES), routes in place" "" "$IPBATCH"
fi
