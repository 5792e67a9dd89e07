#!/usr/bin/env bash
# Re-captures the golden rtnetlink requests in this folder from iproute2's `ip` (iproute2-6.1.0 was used).
# Each NAME.hex holds the last datagram `ip` sent with sendmsg (the request itself; earlier ones resolve names),
# as hex after a comment line naming the command. nlmsg_seq and nlmsg_pid differ per run; the tests zero them.
# Runs inside a throwaway network namespace; needs root, ip and strace.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
ns="pn-rtcap-$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')"
ip netns add "$ns"
trap 'ip netns del "$ns"' EXIT

# capture NAME IP-ARGS...: runs `ip IP-ARGS...` in the namespace and stores its last sendmsg datagram as NAME.hex.
capture() {
    local name="$1"; shift
    capture_program "$name" ip "$@"
}

# capture_program NAME PROGRAM ARGS...: the same for any iproute2 program; the request may fail in the kernel
# (bridge VLANs need CONFIG_BRIDGE_VLAN_FILTERING) - the bytes sent are what matters.
capture_program() {
    local name="$1"; shift
    {
        echo "# $(ip -V | awk '{print $3}' | tr -d ,): $*"
        { ip netns exec "$ns" strace -e trace=sendmsg -e write=all -s 0 -o /dev/stdout "$@" || true; } \
            | awk '/sendmsg\(/{ buf = "" }
                   /^ [|] [0-9a-f]+  /{ for (i = 3; i <= 18 && $i != "" && length($i) == 2; i++) buf = buf $i }
                   END { print buf }'
    } > "$name.hex"
}

capture link-add-bridge link add br0 type bridge
capture link-add-veth link add v0 type veth peer name v1
capture link-set-up link set dev v0 up
capture addr-add-ipv4 addr add 10.244.1.5/24 brd + dev v0
capture addr-add-ipv6 addr add fd00::5/64 dev v0
capture route-add-gateway route add 10.245.0.0/16 via 10.244.1.1
capture_program bridge-vlan-add bridge vlan add dev v0 vid 100 pvid untagged
capture_program bridge-vlan-del bridge vlan del dev v0 vid 100
capture neigh-replace-permanent neigh replace 10.244.1.9 lladdr 02:00:00:00:00:09 dev v0 nud permanent
capture_program genl-getfamily-ethtool genl ctrl get name ethtool
# The kernel's RTM_NEWLINK reply describing lo (parse and round-trip goldens).
{
    echo "# kernel $(uname -r): reply to RTM_GETLINK ifindex 1 (lo), captured by reply-capture.py"
    ip netns exec "$ns" python3 reply-capture.py
} > reply-getlink-lo.hex
# The index `ip` resolved for v0, which the requests above carry; the tests use the same index.
ip -n "$ns" -o link show dev v0 | awk -F: '{ print "# ifindex of v0: " $1 }' > ifindex.txt
