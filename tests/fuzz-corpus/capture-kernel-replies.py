#!/usr/bin/env python3
"""Regenerates the kernel-reply seeds of tests/fuzz-corpus/netlink/<Type>/.

Run as root: ./capture-kernel-replies.py. It creates a throw-away network namespace (never touching the machine's
own), builds a bridge, a veth port with VLANs, addresses, a route with metrics, a neighbour and an nftables ruleset
like podnet's, dumps links/addresses/routes/neighbours/bridge VLANs/tables/chains/rules over a raw AF_NETLINK socket
from inside it, and writes every reply payload (the bytes after struct nlmsghdr, what the generated Read(...) of the
message type parses) and every nested attribute payload a generated nested type parses. The namespace is deleted
whatever happens. VethLinkData is never sent by the kernel; its seed is the peer attribute iproute2 sends (as is
BridgeVlanSpec's on kernels without bridge VLAN filtering). The generic netlink controller's family dump gives the
seeds of ControlMessage and of the entries of its indexed arrays. PODNET_CORPUS_ONLY=Type1,Type2 rewrites only
those types' seeds (for a new type, without churning the others).
"""
import os, socket, struct, subprocess, sys, uuid

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "netlink")
NLM_F_REQUEST, NLM_F_DUMP = 1, 0x300
NLMSG_DONE, NLMSG_ERROR = 3, 2
NETLINK_ROUTE, NETLINK_NETFILTER, NETLINK_GENERIC = 0, 12, 16
GENL_ID_CTRL, CTRL_CMD_GETFAMILY, CTRL_ATTR_OPS, CTRL_ATTR_MCAST_GROUPS = 16, 3, 6, 7
ONLY = set(filter(None, os.environ.get("PODNET_CORPUS_ONLY", "").split(",")))


def attrs(data):
    """Yields (type without NLA_F_NESTED/NLA_F_NET_BYTEORDER, payload)."""
    off = 0
    while off + 4 <= len(data):
        length, kind = struct.unpack_from("=HH", data, off)
        if length < 4:
            break
        yield kind & 0x3FFF, data[off + 4:off + length]
        off += (length + 3) & ~3


def attr(data, kind):
    return next((p for k, p in attrs(data) if k == kind), None)


def dump(protocol, msg_type, header, extra=b""):
    sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, protocol)
    try:
        body = header + extra
        sock.send(struct.pack("=IHHII", 16 + len(body), msg_type, NLM_F_REQUEST | NLM_F_DUMP, 1, 0) + body)
        replies = []
        while True:
            data = sock.recv(1 << 20)
            off = 0
            while off + 16 <= len(data):
                length, kind, _, _, _ = struct.unpack_from("=IHHII", data, off)
                if kind == NLMSG_DONE:
                    return replies
                if kind == NLMSG_ERROR:
                    raise OSError(-struct.unpack_from("=i", data, off + 16)[0], f"netlink error for type {msg_type}")
                replies.append(data[off + 16:off + length])
                off += (length + 3) & ~3
    finally:
        sock.close()


class Corpus:
    def __init__(self):
        self.counts = {}

    def add(self, type_name, payload, origin="kernel"):
        if payload is None or (ONLY and type_name not in ONLY):
            return
        directory = os.path.join(OUT, type_name)
        os.makedirs(directory, exist_ok=True)
        n = self.counts.get(type_name, 0)
        if n >= 6:  # a few distinct seeds per type are enough
            return
        self.counts[type_name] = n + 1
        with open(os.path.join(directory, f"{origin}-{n:02d}.bin"), "wb") as f:
            f.write(payload)


def capture():
    c = Corpus()
    nested = lambda p: p  # payload of a nested attribute is the nested set itself
    for p in dump(NETLINK_ROUTE, 18, struct.pack("=BxHiII", 0, 0, 0, 0, 0)):
        c.add("LinkMessage", p)
        info = attr(p[16:], 18)
        if info is not None:
            c.add("LinkInfo", info)
            kind = (attr(info, 1) or b"").rstrip(b"\0")
            if kind == b"bridge":
                c.add("BridgeLinkData", attr(info, 2))
            if (attr(info, 4) or b"").rstrip(b"\0") == b"bridge":
                c.add("BridgePortData", attr(info, 5))
    ext_mask = struct.pack("=HHI", 8, 29, 2)  # IFLA_EXT_MASK = RTEXT_FILTER_BRVLAN
    for p in dump(NETLINK_ROUTE, 18, struct.pack("=BxHiII", 7, 0, 0, 0, 0), ext_mask):
        c.add("BridgeVlanMessage", p)
        c.add("BridgeVlanSpec", attr(p[16:], 26))
    for p in dump(NETLINK_ROUTE, 22, struct.pack("=BBBBi", 0, 0, 0, 0, 0)):
        c.add("AddressMessage", p)
    for p in dump(NETLINK_ROUTE, 26, struct.pack("=BBBBBBBBI", 0, 0, 0, 0, 0, 0, 0, 0, 0)):
        c.add("RouteMessage", p)
        c.add("RouteMetrics", attr(p[12:], 8))
    for p in dump(NETLINK_ROUTE, 30, struct.pack("=BxxxiHBB", 0, 0, 0, 0, 0)):
        c.add("NeighbourMessage", p)
    nfgen = struct.pack("=BBH", 0, 0, 0)
    for p in dump(NETLINK_NETFILTER, (10 << 8) | 1, nfgen):
        c.add("TableMessage", p)
    for p in dump(NETLINK_NETFILTER, (10 << 8) | 4, nfgen):
        c.add("ChainMessage", p)
        c.add("ChainHook", attr(p[4:], 4))
    data_of = {"cmp": [3], "immediate": [2], "bitwise": [4, 5]}
    names = {"payload": "PayloadExpressionData", "cmp": "CompareExpressionData", "meta": "MetaExpressionData",
             "bitwise": "BitwiseExpressionData", "immediate": "ImmediateExpressionData", "masq": "MasqueradeExpressionData",
             "lookup": "LookupExpressionData"}
    for p in dump(NETLINK_NETFILTER, (10 << 8) | 7, nfgen):
        c.add("RuleMessage", p)
        expressions = attr(p[4:], 4)
        c.add("ExpressionList", expressions)
        for kind, element in attrs(expressions or b""):
            c.add("Expression", element)
            name = (attr(element, 1) or b"").rstrip(b"\0").decode()
            data = attr(element, 2)
            if name in names:
                c.add(names[name], data)
            for value_kind in data_of.get(name, []):
                value = attr(data or b"", value_kind)
                c.add("DataValue", value)
                c.add("VerdictData", attr(value or b"", 2))
    # The veth peer as iproute2 sends it in RTM_NEWLINK (VETH_INFO_PEER: ifinfomsg + IFLA_IFNAME "eth0").
    for p in dump(NETLINK_GENERIC, GENL_ID_CTRL, struct.pack("=BBH", CTRL_CMD_GETFAMILY, 1, 0)):
        c.add("ControlMessage", p)
        for kind, type_name in ((CTRL_ATTR_OPS, "ControlOperation"), (CTRL_ATTR_MCAST_GROUPS, "ControlMulticastGroup")):
            array = attr(p[4:], kind)
            for _, entry in attrs(array or b""):
                c.add(type_name, entry)
    name = b"eth0\0"
    ifname = struct.pack("=HH", 4 + len(name), 3) + name + b"\0" * (-len(name) % 4)
    peer = struct.pack("=BxHiII", 0, 0, 0, 0, 0) + ifname
    c.add("VethLinkData", struct.pack("=HH", 4 + len(peer), 1 | 0x8000) + peer, origin="iproute2-request")
    if "BridgeVlanSpec" not in c.counts:
        # Kernels without CONFIG_BRIDGE_VLAN_FILTERING report no IFLA_AF_SPEC: use what iproute2 sends for
        # "bridge vlan add vid 10 pvid untagged" and "vid 20-22" (struct bridge_vlan_info {u16 flags; u16 vid}).
        info = lambda flags, vid: struct.pack("=HHHH", 8, 2, flags, vid)
        c.add("BridgeVlanSpec", info(6, 10) + info(8, 20) + info(16, 22), origin="iproute2-request")
    return c.counts


def run(*args, ns=None):
    cmd = (["ip", "netns", "exec", ns] if ns else []) + list(args)
    subprocess.run(cmd, check=True)


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--inside":
        for type_name, n in sorted(capture().items()):
            print(f"{type_name}: {n}")
        return
    ns = "pn-cap-" + uuid.uuid4().hex[:8]
    subprocess.run(["ip", "netns", "add", ns], check=True)
    try:
        for cmd in [
            "ip link set lo up",
            "ip link add br0 type bridge",
            "ip link add veth0 type veth peer name veth1",
            "ip link set veth0 master br0",
            "ip link set br0 up", "ip link set veth0 up", "ip link set veth1 up",
            "ip addr add 10.99.0.1/24 dev br0", "ip addr add fd99::1/64 dev br0 nodad",
            "ip route add 10.98.0.0/16 via 10.99.0.2 dev br0 mtu 1400 advmss 1360 metric 50",
            "ip neigh add 10.99.0.3 lladdr 02:00:00:00:00:03 dev br0 nud permanent",
        ]:
            run(*cmd.split(), ns=ns)
        # VLAN filtering needs CONFIG_BRIDGE_VLAN_FILTERING; without it the AF_BRIDGE dump still has port entries.
        for cmd in ["ip link set br0 type bridge vlan_filtering 1", "bridge vlan add dev veth0 vid 10 pvid untagged",
                    "bridge vlan add dev veth0 vid 20-22"]:
            subprocess.run(["ip", "netns", "exec", ns] + cmd.split(), check=False)
        ruleset = """
table inet podnet {
  set pods { type ipv4_addr; elements = { 10.99.0.5 } }
  chain postrouting { type nat hook postrouting priority 100; policy accept;
    ip saddr 10.99.0.2 ip daddr != 10.99.0.0/24 ip daddr != 224.0.0.0/4 masquerade comment "podnet:net:c1:eth0"
    ip saddr @pods ip daddr 10.96.0.0/12 accept
  }
}
table bridge podnet {
  chain forward { type filter hook forward priority -300; policy accept;
    iifname "veth0" ether saddr != 02:00:00:00:00:01 drop comment "podnet:net:c1:eth0"
    meta l4proto udp jump spoof
  }
  chain spoof { counter; return; }
}
"""
        subprocess.run(["ip", "netns", "exec", ns, "nft", "-f", "-"], input=ruleset.encode(), check=True)
        run(sys.executable, os.path.abspath(__file__), "--inside", ns=ns)
    finally:
        subprocess.run(["ip", "netns", "del", ns], check=False)


if __name__ == "__main__":
    main()
