namespace Podnet.Netlink.Generators.Tests.Generation;

/// <summary>Attribute sets used as generator input.</summary>
internal static class ExampleSources
{
    /// <summary>One set that uses every member kind the generator supports.</summary>
    public const string Rich = """
        using System;
        using System.Collections.Generic;
        using System.Net;
        using System.Runtime.InteropServices;
        using Podnet.Netlink;

        namespace Example;

        public enum Color : ushort
        {
            Red = 1,
            Green = 2,
        }

        [StructLayout(LayoutKind.Sequential)]
        public struct MessageHeader
        {
            public byte Family;
            public byte Padding;
            public ushort DeviceType;
            public int Index;
        }

        public interface IKindData
        {
        }

        [NetlinkAttributeSet]
        public sealed partial class Inner
        {
            [NetlinkAttribute(1)]
            public uint? Value { get; set; }

            [NetlinkAttribute(2)]
            public string? Label { get; set; }
        }

        [NetlinkAttributeSet]
        public sealed partial class Peer
        {
            [NetlinkHeader]
            public MessageHeader Header { get; set; }

            [NetlinkAttribute(3)]
            public string? Name { get; set; }
        }

        [NetlinkAttributeSet]
        public sealed partial class AlphaData : IKindData
        {
            [NetlinkAttribute(1)]
            public ushort? Mode { get; set; }
        }

        [NetlinkAttributeSet]
        public sealed partial class BetaData : IKindData
        {
            [NetlinkAttribute(1)]
            public Peer? Peer { get; set; }

            [NetlinkAttribute(2)]
            public bool Learning { get; set; }
        }

        [NetlinkAttributeSet]
        [NetlinkMessage(NetlinkProtocol.Route, 16, 17)]
        public sealed partial class Everything
        {
            [NetlinkHeader]
            public MessageHeader Header { get; set; }

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
            public Color? Color { get; set; }

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
            public Inner? Inner { get; set; }

            [NetlinkAttribute(21)]
            public Peer? Peer { get; set; }

            [NetlinkAttribute(22, Repeated = true)]
            public List<uint>? Numbers { get; set; }

            [NetlinkAttribute(23, Repeated = true)]
            public List<string> Names { get; } = new();

            [NetlinkAttribute(24, Repeated = true)]
            public List<Inner>? Inners { get; set; }

            [NetlinkAttribute(25, Repeated = true)]
            public List<IPAddress>? Addresses { get; set; }

            [NetlinkAttribute(26, Repeated = true, ByteOrder = NetlinkByteOrder.BigEndian)]
            public List<Color>? Colors { get; set; }

            [NetlinkAttribute(27)]
            [NetlinkSubMessage(nameof(Kind))]
            [NetlinkSubMessageCase("alpha", typeof(AlphaData))]
            [NetlinkSubMessageCase("beta", typeof(BetaData))]
            public IKindData? Data { get; set; }

            [NetlinkAttribute(28)]
            public string? Kind { get; set; }
        }
        """;

    /// <summary>A set nested in a containing type, in the global namespace, with a keyword-named member.</summary>
    public const string NestedInGlobalNamespace = """
        using Podnet.Netlink;

        public static partial class Outer
        {
            public partial record Middle
            {
                [NetlinkAttributeSet]
                internal sealed partial class Settings
                {
                    [NetlinkAttribute(1)]
                    public int? @class { get; set; }

                    [NetlinkAttribute(2)]
                    public bool Enabled { get; set; }
                }
            }
        }
        """;

    /// <summary>Generic netlink's controller reply: indexed arrays of nested sets and of integers.</summary>
    public const string GenericNetlink = """
        using System.Collections.Generic;
        using System.Runtime.InteropServices;
        using Podnet.Netlink;

        namespace Example.Generic;

        [StructLayout(LayoutKind.Sequential)]
        public struct GenlHeader
        {
            public byte Command;
            public byte Version;
            public ushort Reserved;
        }

        [NetlinkAttributeSet]
        public sealed partial class Operation
        {
            [NetlinkAttribute(1)]
            public uint? Id { get; set; }

            [NetlinkAttribute(2)]
            public uint? Flags { get; set; }
        }

        [NetlinkAttributeSet]
        [NetlinkMessage(NetlinkProtocol.Generic, 16)]
        public sealed partial class Family
        {
            [NetlinkHeader]
            public GenlHeader Header { get; set; }

            [NetlinkAttribute(2)]
            public string? Name { get; set; }

            [NetlinkAttribute(6, IndexedArray = true)]
            public List<Operation> Operations { get; set; } = [];

            [NetlinkAttribute(8, IndexedArray = true, ByteOrder = NetlinkByteOrder.BigEndian)]
            public List<uint> Ports { get; } = [];

            [NetlinkAttribute(9, IndexedArray = true)]
            public List<string>? Names { get; set; }
        }
        """;

    /// <summary>Code that has nothing to do with netlink.</summary>
    public const string Unrelated = """
        namespace Elsewhere;

        public static class Arithmetic
        {
            public static int Add(int a, int b) => a + b;
        }
        """;
}
