#!/usr/bin/env bash
# Where the time of one ADD and one DEL goes, for podnet and for the reference bridge + host-local:
# `strace -c -w -f` (syscall wall time) and `strace -f -T` (the slow syscalls), inside network namespaces this script
# creates and removes; then podnet's RSS at Main from /proc/PID/smaps. Needs root, strace and a published podnet.
# Usage: bench/plugin-compare/profile.sh [PODNET]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PODNET="${1:-$ROOT/artifacts/bin/podnet}"
REF=/usr/lib/cni
SUFFIX=$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')
NODE="pn-prof-node-$SUFFIX" POD="pn-prof-pod-$SUFFIX"
WORK=$(mktemp -d /tmp/plugin-profile-XXXXXX)
cleanup() { ip netns del "$NODE" 2>/dev/null || true; ip netns del "$POD" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT INT TERM
ip netns add "$NODE"
ip netns add "$POD"

config() { # TYPE BRIDGE SUBNET
    printf '{"cniVersion":"1.0.0","name":"prof-%s","type":"%s","bridge":"%s","isGateway":true,"ipam":{"type":"host-local","subnet":"%s","dataDir":"%s/ipam"}}' \
        "$1" "$1" "$2" "$3" "$WORK"
}
config bridge profref0 10.211.0.0/24 >"$WORK/reference.json"
config podnet profpodnet0 10.212.0.0/24 >"$WORK/podnet.json"

cni() { # COMMAND BINARY CONFIG IFNAME [wrapper...]
    local command=$1 binary=$2 conf=$3 ifname=$4
    shift 4
    ip netns exec "$NODE" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin CNI_COMMAND="$command" CNI_CONTAINERID=profile \
        CNI_NETNS="/run/netns/$POD" CNI_IFNAME="$ifname" CNI_PATH="$REF" "$@" "$binary" <"$conf" >/dev/null
}

for plugin in reference podnet; do
    if [[ $plugin == reference ]]; then binary=$REF/bridge ifname=eth0; else binary=$PODNET ifname=eth1; fi
    conf="$WORK/$plugin.json"
    cni ADD "$binary" "$conf" "$ifname" && cni DEL "$binary" "$conf" "$ifname" # warm the page cache and the bridge
    for command in ADD DEL; do
        echo "=================== $plugin $command: strace -c -w -f (syscall counts, wall time)"
        cni "$command" "$binary" "$conf" "$ifname" strace -c -w -f -o "$WORK/summary"
        head -n 15 "$WORK/summary"
    done
    cni ADD "$binary" "$conf" "$ifname" strace -f -T -o "$WORK/add.trace"
    cni DEL "$binary" "$conf" "$ifname" strace -f -T -o "$WORK/del.trace"
    for command in add del; do
        echo "=================== $plugin ${command^^}: syscalls slower than 1 ms, and OpenSSL loading"
        grep -v -E 'futex|epoll_pwait|wait4|waitid|nanosleep|clone|sched_yield' "$WORK/$command.trace" |
            awk '{ t = $NF; gsub(/[<>]/, "", t); if (t + 0 > 0.001) print substr($0, 1, 130) " ... <" t ">" }'
        grep -E 'libssl|libcrypto' "$WORK/$command.trace" | cut -c1-120 || true
    done
done

echo "=================== podnet memory at Main (paused reading stdin from a FIFO): largest RSS mappings"
mkfifo "$WORK/stdin"
CNI_COMMAND=VERSION "$PODNET" <"$WORK/stdin" >/dev/null &
pid=$!
exec 3>"$WORK/stdin" # opening the writer lets podnet start; it then waits for EOF on stdin
sleep 0.5
grep -E '^(Rss|Anonymous):' "/proc/$pid/smaps_rollup"
awk '/^[0-9a-f]+-/ { name = $6 " " $2 } /^Rss:/ { if ($2 > 60) print "  " $2 " kB  " name }' "/proc/$pid/smaps" | sort -rn | head -n 8
exec 3>&-
wait "$pid"
