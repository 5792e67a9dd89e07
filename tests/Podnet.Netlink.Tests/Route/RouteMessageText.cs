using Podnet.Netlink.Route;

namespace Podnet.Netlink.Tests.Route;

/// <summary>Every member of a message as text, written out by hand so that two messages compare field by field.</summary>
internal static class RouteMessageText
{
    public static string Of(LinkMessage? m) => m is null ? "-" : string.Join('|',
        Of(m.Header), m.Address, m.Broadcast, m.Name, m.Mtu, m.Link, m.Master, m.TransmitQueueLength, m.OperationalState,
        Of(m.LinkInfo), m.NetworkNamespacePid, m.Alias, m.Group, m.NetworkNamespaceFd, m.ExtendedMask, m.Promiscuity,
        m.Carrier, m.LinkNetnsId, m.MinMtu, m.MaxMtu, m.PermanentAddress, Hex(m.UnknownAttributes));

    public static string Of(AddressMessage m) => string.Join('|',
        m.Header.Family, m.Header.PrefixLength, m.Header.Flags, m.Header.Scope, m.Header.Index, m.Local, m.Address,
        m.Label, m.Broadcast, Hex(m.CacheInfo), m.Flags, m.RoutePriority, m.Protocol, Hex(m.UnknownAttributes));

    public static string Of(RouteMessage m) => string.Join('|',
        m.Header.Family, m.Header.DestinationLength, m.Header.SourceLength, m.Header.Tos, m.Header.Table, m.Header.Protocol,
        m.Header.Scope, m.Header.Type, m.Header.Flags, m.Destination, m.Source, m.InputInterface, m.OutputInterface,
        m.Gateway, m.Priority, m.PreferredSource,
        m.Metrics is { } x ? $"{x.Mtu},{x.AdvertisedMss},{x.HopLimit},{Hex(x.UnknownAttributes)}" : "-",
        Hex(m.CacheInfo), m.Table, m.Mark, m.Preference, Hex(m.UnknownAttributes));

    private static string Of(InterfaceInfoHeader h) => $"{h.Family},{h.Padding},{h.DeviceType},{h.Index},{h.Flags},{h.Change}";

    private static string Of(LinkInfo? i) => i is null ? "-" : string.Join(';',
        i.Kind,
        i.Data switch
        {
            null => "-",
            BridgeLinkData b => $"bridge:{b.ForwardDelay},{b.AgeingTime},{b.StpState},{b.Priority},{b.VlanFiltering},{b.VlanProtocol},{b.MulticastSnooping},{b.VlanDefaultPvid},{Hex(b.UnknownAttributes)}",
            VethLinkData v => $"veth:{Of(v.Peer)},{Hex(v.UnknownAttributes)}",
            _ => "?",
        },
        i.PortKind,
        i.PortData switch
        {
            null => "-",
            BridgePortData p => $"port:{p.State},{p.Priority},{p.Cost},{p.Hairpin},{p.Learning},{p.UnicastFlood},{p.Isolated},{Hex(p.UnknownAttributes)}",
            _ => "?",
        },
        Hex(i.UnknownAttributes));

    private static string Hex(ReadOnlyMemory<byte> bytes) => Convert.ToHexString(bytes.Span);

    private static string Hex(byte[]? bytes) => bytes is null ? "-" : Convert.ToHexString(bytes);
}
