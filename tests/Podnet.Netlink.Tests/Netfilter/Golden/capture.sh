#!/usr/bin/env bash
# Re-captures the golden nftables batches in this folder from the real `nft` (nftables v1.0.6 was used).
# Each .hex file holds the whole datagram nft sent with sendmsg (BATCH_BEGIN, the messages, BATCH_END), as hex,
# after comment lines naming the command. Runs inside a throwaway network namespace; needs root, nft and strace.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
ns="pn-nftcap-$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')"
ip netns add "$ns"
trap 'ip netns del "$ns"' EXIT

# capture NAME NFT-ARGS...: runs `nft NFT-ARGS...` and stores the batch datagram as NAME.hex.
capture() {
    local name="$1"; shift
    {
        echo "# nftables $(nft --version | awk '{print $2}'): nft $*"
        ip netns exec "$ns" strace -e trace=sendmsg -e write=3 -s 0 -o /dev/stdout nft "$@" \
            | awk '/^ [|] [0-9a-f]+  /{ for (i = 3; i <= 18 && $i != "" && length($i) == 2; i++) printf "%s", $i } END { print "" }'
    } > "$name.hex"
}

capture inet-table add table inet podnet
capture inet-chain add chain inet podnet postrouting '{ type nat hook postrouting priority srcnat; }'
capture masquerade-ipv4 add rule inet podnet postrouting ip saddr 10.22.0.5 ip daddr != 10.22.0.0/16 \
    ip daddr != 224.0.0.0/4 masquerade comment '"podnet:net1:0123456789abcdef:eth0"'
capture masquerade-ipv4-unaligned add rule inet podnet postrouting ip saddr 10.22.0.5 ip daddr != 10.22.0.0/20 \
    ip daddr != 224.0.0.0/4 masquerade comment '"podnet:net1:0123456789abcdef:eth0"'
capture masquerade-ipv6 add rule inet podnet postrouting ip6 saddr fd00:22::5 ip6 daddr != fd00:22::/64 \
    ip6 daddr != ff00::/8 masquerade comment '"podnet:net1:0123456789abcdef:eth0"'
capture bridge-table add table bridge podnet
capture bridge-chain add chain bridge podnet prerouting '{ type filter hook prerouting priority filter; }'
capture macspoofchk add rule bridge podnet prerouting iifname '"veth0a1b2c3d"' ether saddr != 02:42:ac:11:00:02 \
    drop comment '"podnet:net1:0123456789abcdef:eth0"'
