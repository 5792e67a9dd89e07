using System.Net;
using CsCheck;
using Podnet.Netlink.Route;
using Podnet.Netlink.Tests.Codecs;

namespace Podnet.Netlink.Tests.Route;

/// <summary>CsCheck generators of random rtnetlink messages (every member, nested sets and sub-messages included).</summary>
internal static class RouteMessageGen
{
    public static readonly Gen<IPAddress> Address = Gen.OneOf(SampleMessageGen.Address4, SampleMessageGen.Address6);

    public static readonly Gen<InterfaceInfoHeader> LinkHeader =
        from family in Gen.Byte
        from deviceType in Gen.UShort
        from index in Gen.Int
        from flags in Gen.UInt
        from change in Gen.UInt
        select new InterfaceInfoHeader
        {
            Family = (RouteAddressFamily)family, DeviceType = deviceType, Index = index,
            Flags = (InterfaceFlags)flags, Change = (InterfaceFlags)change,
        };

    public static readonly Gen<BridgeLinkData> Bridge =
        from forwardDelay in Gen.UInt.Nullable()
        from stp in Gen.UInt.Nullable()
        from priority in Gen.UShort.Nullable()
        from filtering in Gen.Byte.Nullable()
        from protocol in Gen.UShort.Nullable()
        from pvid in Gen.UShort.Nullable()
        select new BridgeLinkData
        {
            ForwardDelay = forwardDelay, StpState = stp, Priority = priority, VlanFiltering = filtering,
            VlanProtocol = protocol, VlanDefaultPvid = pvid,
        };

    public static readonly Gen<BridgePortData> Port =
        from state in Gen.Byte.Nullable()
        from cost in Gen.UInt.Nullable()
        from hairpin in Gen.Byte.Nullable()
        from learning in Gen.Byte.Nullable()
        from isolated in Gen.Byte.Nullable()
        select new BridgePortData { State = state, Cost = cost, Hairpin = hairpin, Learning = learning, Isolated = isolated };

    public static readonly Gen<LinkMessage> Peer =
        from header in LinkHeader
        from name in SampleMessageGen.Text.Null()
        from mtu in Gen.UInt.Nullable()
        from mac in SampleMessageGen.Mac.Nullable()
        from fd in Gen.Int.Nullable()
        select new LinkMessage { Header = header, Name = name, Mtu = mtu, Address = mac, NetworkNamespaceFd = fd };

    public static readonly Gen<LinkInfo> Info =
        from data in Gen.OneOf(
            Gen.Const<(string?, LinkKindData?)>((null, null)),
            Gen.Const<(string?, LinkKindData?)>(("dummy", null)),
            Bridge.Select(b => ((string?)"bridge", (LinkKindData?)b)),
            Peer.Null().Select(p => ((string?)"veth", (LinkKindData?)new VethLinkData { Peer = p })))
        from port in Port.Null()
        select new LinkInfo { Kind = data.Item1, Data = data.Item2, PortKind = port is null ? null : "bridge", PortData = port };

    public static readonly Gen<LinkMessage> Link =
        from header in LinkHeader
        from mac in SampleMessageGen.Mac.Nullable()
        from broadcast in SampleMessageGen.Mac.Nullable()
        from name in SampleMessageGen.Text.Null()
        from mtu in Gen.UInt.Nullable()
        from link in Gen.Int.Nullable()
        from master in Gen.Int.Nullable()
        from txq in Gen.UInt.Nullable()
        from state in Gen.Byte.Nullable()
        from info in Info.Null()
        from alias in SampleMessageGen.Text.Null()
        from mask in Gen.UInt.Nullable()
        from promiscuity in Gen.UInt.Nullable()
        from carrier in Gen.Byte.Nullable()
        from netnsId in Gen.Int.Nullable()
        from permanent in SampleMessageGen.Mac.Nullable()
        select new LinkMessage
        {
            Header = header, Address = mac, Broadcast = broadcast, Name = name, Mtu = mtu, Link = link, Master = master,
            TransmitQueueLength = txq, OperationalState = (OperationalState?)state, LinkInfo = info, Alias = alias,
            ExtendedMask = mask, Promiscuity = promiscuity, Carrier = carrier, LinkNetnsId = netnsId, PermanentAddress = permanent,
        };

    public static readonly Gen<AddressMessage> AddressMessage =
        from family in Gen.Byte
        from prefix in Gen.Byte
        from flags in Gen.Byte
        from scope in Gen.Byte
        from index in Gen.Int
        from local in Address.Null()
        from address in Address.Null()
        from label in SampleMessageGen.Text.Null()
        from broadcast in Address.Null()
        from cacheInfo in Gen.Byte.Array[0, 16].Null()
        from allFlags in Gen.UInt.Nullable()
        from priority in Gen.UInt.Nullable()
        from protocol in Gen.Byte.Nullable()
        select new AddressMessage
        {
            Header = new InterfaceAddressHeader { Family = (RouteAddressFamily)family, PrefixLength = prefix, Flags = flags, Scope = (RouteScope)scope, Index = index },
            Local = local, Address = address, Label = label, Broadcast = broadcast, CacheInfo = cacheInfo,
            Flags = (AddressFlags?)allFlags, RoutePriority = priority, Protocol = protocol,
        };

    public static readonly Gen<RouteHeader> RouteHeader =
        from family in Gen.Byte
        from dst in Gen.Byte
        from src in Gen.Byte
        from tos in Gen.Byte
        from table in Gen.Byte
        from protocol in Gen.Byte
        from scope in Gen.Byte
        from type in Gen.Byte
        from flags in Gen.UInt
        select new RouteHeader
        {
            Family = (RouteAddressFamily)family, DestinationLength = dst, SourceLength = src, Tos = tos, Table = table,
            Protocol = protocol, Scope = (RouteScope)scope, Type = (RouteType)type, Flags = flags,
        };

    public static readonly Gen<RouteMessage> Route =
        from header in RouteHeader
        from destination in Address.Null()
        from source in Address.Null()
        from iif in Gen.Int.Nullable()
        from oif in Gen.Int.Nullable()
        from gateway in Address.Null()
        from priority in Gen.UInt.Nullable()
        from preferred in Address.Null()
        from metrics in Gen.Select(Gen.UInt.Nullable(), Gen.UInt.Nullable(), Gen.UInt.Nullable(), (m, a, h) => new RouteMetrics { Mtu = m, AdvertisedMss = a, HopLimit = h }).Null()
        from cacheInfo in Gen.Byte.Array[0, 32].Null()
        from table in Gen.UInt.Nullable()
        from mark in Gen.UInt.Nullable()
        from preference in Gen.Byte.Nullable()
        select new RouteMessage
        {
            Header = header, Destination = destination, Source = source, InputInterface = iif, OutputInterface = oif,
            Gateway = gateway, Priority = priority, PreferredSource = preferred, Metrics = metrics, CacheInfo = cacheInfo,
            Table = table, Mark = mark, Preference = preference,
        };
}
