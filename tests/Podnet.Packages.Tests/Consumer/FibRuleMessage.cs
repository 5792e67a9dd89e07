using System.Net;
using Podnet.Netlink;

namespace FibRules;

// RTM_NEWRULE / RTM_DELRULE / RTM_GETRULE: fib_rule_hdr, then FRA_* attributes (linux/fib_rules.h).
// Declaration order is wire order: FRA_SRC before FRA_PRIORITY, as `ip rule add from … priority …` sends them.
[NetlinkAttributeSet]
[NetlinkMessage(NetlinkProtocol.Route, 32, 33, 34)]
public sealed partial class FibRuleMessage
{
    [NetlinkHeader] public FibRuleHeader Header { get; set; }
    [NetlinkAttribute(1)] public IPAddress? Destination { get; set; }   // FRA_DST       4 or 16 bytes
    [NetlinkAttribute(2)] public IPAddress? Source { get; set; }        // FRA_SRC       4 or 16 bytes
    [NetlinkAttribute(3)] public string? InputInterface { get; set; }   // FRA_IIFNAME   string
    [NetlinkAttribute(6)] public uint? Priority { get; set; }           // FRA_PRIORITY  u32
    [NetlinkAttribute(10)] public uint? FirewallMark { get; set; }      // FRA_FWMARK    u32
    [NetlinkAttribute(15)] public uint? Table { get; set; }             // FRA_TABLE     u32
    [NetlinkAttribute(16)] public uint? FirewallMask { get; set; }      // FRA_FWMASK    u32
    [NetlinkAttribute(17)] public string? OutputInterface { get; set; } // FRA_OIFNAME   string
    [NetlinkAttribute(21)] public byte? Protocol { get; set; }          // FRA_PROTOCOL  u8
}
