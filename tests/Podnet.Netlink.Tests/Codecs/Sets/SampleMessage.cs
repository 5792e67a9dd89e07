using System.Net;

namespace Podnet.Netlink.Tests.Codecs.Sets;

/// <summary>One message that uses every member kind the generator supports.</summary>
[NetlinkAttributeSet]
[NetlinkMessage(NetlinkProtocol.Route, 16, 17)]
internal sealed partial class SampleMessage
{
    [NetlinkHeader]
    public SampleHeader Header { get; set; }

    [NetlinkAttribute(1)]
    public byte U8 { get; set; }

    [NetlinkAttribute(2)]
    public sbyte? S8 { get; set; }

    [NetlinkAttribute(3)]
    public ushort? U16 { get; set; }

    [NetlinkAttribute(4)]
    public short? S16 { get; set; }

    [NetlinkAttribute(5)]
    public uint? U32 { get; set; }

    [NetlinkAttribute(6)]
    public int S32 { get; set; }

    [NetlinkAttribute(7)]
    public ulong? U64 { get; set; }

    [NetlinkAttribute(8)]
    public long? S64 { get; set; }

    [NetlinkAttribute(9, ByteOrder = NetlinkByteOrder.BigEndian)]
    public ushort? Port { get; set; }

    [NetlinkAttribute(10, ByteOrder = NetlinkByteOrder.BigEndian)]
    public ulong BigU64 { get; set; }

    [NetlinkAttribute(11)]
    public SampleColor? Color { get; set; }

    [NetlinkAttribute(12)]
    public bool Up { get; set; }

    [NetlinkAttribute(13)]
    public string? Name { get; set; }

    [NetlinkAttribute(14)]
    public byte[]? Blob { get; set; }

    [NetlinkAttribute(15)]
    public ReadOnlyMemory<byte>? Memory { get; set; }

    [NetlinkAttribute(16)]
    public MacAddress? Mac { get; set; }

    [NetlinkAttribute(17)]
    public MacAddress Broadcast { get; set; }

    [NetlinkAttribute(18)]
    public IPAddress? Address4 { get; set; }

    [NetlinkAttribute(19)]
    public IPAddress? Address6 { get; set; }

    [NetlinkAttribute(20)]
    public SampleInner? Inner { get; set; }

    [NetlinkAttribute(21)]
    public SamplePeer? Peer { get; set; }

    [NetlinkAttribute(22, Repeated = true)]
    public List<uint>? Numbers { get; set; }

    [NetlinkAttribute(23, Repeated = true)]
    public List<string> Names { get; set; } = [];

    [NetlinkAttribute(24, Repeated = true)]
    public List<SampleInner>? Inners { get; set; }

    [NetlinkAttribute(25, Repeated = true)]
    public List<IPAddress>? Addresses { get; set; }

    [NetlinkAttribute(26, Repeated = true, ByteOrder = NetlinkByteOrder.BigEndian)]
    public List<SampleColor>? Colors { get; set; }

    [NetlinkAttribute(27)]
    [NetlinkSubMessage(nameof(Kind))]
    [NetlinkSubMessageCase("alpha", typeof(SampleAlphaData))]
    [NetlinkSubMessageCase("beta", typeof(SampleBetaData))]
    public ISampleKindData? Data { get; set; }

    [NetlinkAttribute(28)]
    public string? Kind { get; set; }
}
