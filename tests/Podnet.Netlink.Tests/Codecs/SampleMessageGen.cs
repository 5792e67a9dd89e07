using System.Net;
using CsCheck;
using Podnet.Netlink.Tests.Codecs.Sets;

namespace Podnet.Netlink.Tests.Codecs;

/// <summary>CsCheck generators of random <see cref="SampleMessage"/> values (strings without NUL, valid UTF-16).</summary>
internal static class SampleMessageGen
{
    public static readonly Gen<string> Text = Gen.String[Gen.Char["abcxyz-_.0123456789äöü€"], 0, 20];

    public static readonly Gen<MacAddress> Mac = Gen.Byte.Array[6].Select(bytes => new MacAddress(bytes));

    public static readonly Gen<IPAddress> Address4 = Gen.Byte.Array[4].Select(bytes => new IPAddress(bytes));

    public static readonly Gen<IPAddress> Address6 = Gen.Byte.Array[16].Select(bytes => new IPAddress(bytes));

    public static readonly Gen<SampleColor> Color = Gen.UShort.Select(value => (SampleColor)value);

    public static readonly Gen<SampleHeader> Header =
        from family in Gen.Byte
        from deviceType in Gen.UShort
        from index in Gen.Int
        select new SampleHeader { Family = family, DeviceType = deviceType, Index = index };

    public static readonly Gen<SampleInner> Inner =
        from value in Gen.UInt.Nullable()
        from label in Text.Null()
        select new SampleInner { Value = value, Label = label };

    public static readonly Gen<SamplePeer> Peer =
        from header in Header
        from name in Text.Null()
        select new SamplePeer { Header = header, Name = name };

    public static readonly Gen<(ISampleKindData? Data, string? Kind)> KindData = Gen.OneOf(
        Gen.Const<(ISampleKindData?, string?)>((null, null)),
        Gen.UShort.Nullable().Select(mode => ((ISampleKindData?)new SampleAlphaData { Mode = mode }, (string?)"alpha")),
        from peer in Peer.Null()
        from learning in Gen.Bool
        select ((ISampleKindData?)new SampleBetaData { Peer = peer, Learning = learning }, (string?)"beta"));

    private static readonly Gen<SampleMessage> Scalars =
        from header in Header
        from u8 in Gen.Byte
        from s8 in Gen.SByte.Nullable()
        from u16 in Gen.UShort.Nullable()
        from s16 in Gen.Short.Nullable()
        from u32 in Gen.UInt.Nullable()
        from s32 in Gen.Int
        from u64 in Gen.ULong.Nullable()
        from s64 in Gen.Long.Nullable()
        from port in Gen.UShort.Nullable()
        from bigU64 in Gen.ULong
        from color in Color.Nullable()
        from up in Gen.Bool
        select new SampleMessage
        {
            Header = header, U8 = u8, S8 = s8, U16 = u16, S16 = s16, U32 = u32, S32 = s32, U64 = u64, S64 = s64,
            Port = port, BigU64 = bigU64, Color = color, Up = up,
        };

    public static readonly Gen<SampleMessage> Message =
        from message in Scalars
        from name in Text.Null()
        from blob in Gen.Byte.Array[0, 40].Null()
        from memory in Gen.Byte.Array[0, 40].Select(bytes => (ReadOnlyMemory<byte>)bytes).Nullable()
        from mac in Mac.Nullable()
        from broadcast in Mac
        from address4 in Address4.Null()
        from address6 in Address6.Null()
        from inner in Inner.Null()
        from peer in Peer.Null()
        from numbers in Gen.UInt.List[0, 5].Null()
        from names in Text.List[0, 4]
        from inners in Inner.List[0, 3].Null()
        from addresses in Gen.OneOf(Address4, Address6).List[0, 4].Null()
        from colors in Color.List[0, 4].Null()
        from kindData in KindData
        select With(message, m =>
        {
            m.Name = name;
            m.Blob = blob;
            m.Memory = memory;
            m.Mac = mac;
            m.Broadcast = broadcast;
            m.Address4 = address4;
            m.Address6 = address6;
            m.Inner = inner;
            m.Peer = peer;
            m.Numbers = numbers;
            m.Names = names;
            m.Inners = inners;
            m.Addresses = addresses;
            m.Colors = colors;
            m.Data = kindData.Data;
            m.Kind = kindData.Kind;
        });

    private static SampleMessage With(SampleMessage message, Action<SampleMessage> set)
    {
        set(message);
        return message;
    }
}
