using Microsoft.CodeAnalysis.Diagnostics;

namespace Podnet.Netlink.Generators.Tests.Diagnostics;

public sealed class ValidModelTests
{
    /// <summary>Every member kind of the attribute model, used correctly.</summary>
    internal const string AllMemberKinds = """
        namespace Sample;

        public struct IfInfoHeader
        {
            public byte Family;
            public byte Pad;
            public ushort Type;
            public int Index;
            public uint Flags;
            public uint Change;
        }

        public enum OperState : byte
        {
            Unknown = 0,
            Up = 6,
        }

        public enum LinkMode : ushort
        {
            Default = 0,
            Dormant = 1,
        }

        public enum Scope : long
        {
            Universe = 0,
        }

        public interface ILinkData
        {
        }

        [NetlinkAttributeSet]
        public sealed partial class VethData : ILinkData
        {
            [NetlinkAttribute(1)]
            public Link? Peer { get; set; }
        }

        [NetlinkAttributeSet]
        public sealed partial class BridgeData : ILinkData
        {
            [NetlinkAttribute(1)]
            public uint ForwardDelay { get; set; }

            [NetlinkAttribute(0x2E)]
            public ushort? VlanDefaultPvid { get; set; }
        }

        [NetlinkAttributeSet]
        public sealed partial class LinkInfo
        {
            [NetlinkAttribute(1)]
            public string? Kind { get; set; }

            [NetlinkAttribute(2)]
            [NetlinkSubMessage(nameof(Kind))]
            [NetlinkSubMessageCase("veth", typeof(VethData))]
            [NetlinkSubMessageCase("bridge", typeof(BridgeData))]
            public ILinkData? Data { get; set; }
        }

        public static partial class Nested
        {
            public partial class Inner
            {
                [NetlinkAttributeSet]
                public partial class Stats
                {
                    [NetlinkAttribute(1)]
                    public ulong RxPackets { get; set; }
                }
            }
        }

        [NetlinkAttributeSet]
        [NetlinkMessage(NetlinkProtocol.Route, 16, 17, 18)]
        public sealed partial class Link
        {
            [NetlinkHeader]
            public IfInfoHeader Header { get; set; }

            [NetlinkAttribute(1)]
            public byte U8 { get; set; }

            [NetlinkAttribute(2)]
            public sbyte S8 { get; set; }

            [NetlinkAttribute(3)]
            public ushort U16 { get; set; }

            [NetlinkAttribute(4)]
            public short S16 { get; set; }

            [NetlinkAttribute(5)]
            public uint U32 { get; set; }

            [NetlinkAttribute(6)]
            public int S32 { get; set; }

            [NetlinkAttribute(7)]
            public ulong U64 { get; set; }

            [NetlinkAttribute(8)]
            public long S64 { get; set; }

            [NetlinkAttribute(9, ByteOrder = NetlinkByteOrder.BigEndian)]
            public ushort Port { get; set; }

            [NetlinkAttribute(10)]
            public OperState OperState { get; set; }

            [NetlinkAttribute(11, ByteOrder = NetlinkByteOrder.BigEndian)]
            public LinkMode? Mode { get; set; }

            [NetlinkAttribute(12)]
            public Scope Scope { get; set; }

            [NetlinkAttribute(13)]
            public bool Carrier { get; set; }

            [NetlinkAttribute(14)]
            public string? Name { get; set; }

            [NetlinkAttribute(15)]
            public byte[]? Raw { get; set; }

            [NetlinkAttribute(16)]
            public ReadOnlyMemory<byte> Memory { get; set; }

            [NetlinkAttribute(17)]
            public MacAddress Address { get; set; }

            [NetlinkAttribute(18)]
            public MacAddress? Broadcast { get; set; }

            [NetlinkAttribute(19)]
            public IPAddress? Local { get; set; }

            [NetlinkAttribute(20)]
            public LinkInfo? Info { get; set; }

            [NetlinkAttribute(21)]
            public Nested.Inner.Stats? Stats { get; set; }

            [NetlinkAttribute(22, Repeated = true)]
            public List<IPAddress> Addresses { get; set; } = [];

            [NetlinkAttribute(23, Repeated = true, ByteOrder = NetlinkByteOrder.BigEndian)]
            public List<ushort>? Ports { get; set; }

            [NetlinkAttribute(24, Repeated = true)]
            public List<LinkInfo> Infos { get; set; } = [];

            [NetlinkAttribute(25, Repeated = true)]
            public List<string> AltNames { get; set; } = [];

            [NetlinkAttribute(26)]
            public uint? Mtu { get; set; }

            [NetlinkAttribute(27, Repeated = true)]
            public List<MacAddress> Neighbours { get; } = [];

            [NetlinkAttribute(28)]
            public Nested.Inner.Stats Stats64 { get; set; } = new();

            [NetlinkAttribute(0x3FFF)]
            public int Highest { get; set; }

            public string Unmapped { get; set; } = "";
        }

        [NetlinkAttributeSet]
        public sealed partial class Empty
        {
        }

        [NetlinkAttributeSet]
        public sealed partial class WithConstructors
        {
            public WithConstructors()
            {
            }

            public WithConstructors(uint mtu) => Mtu = mtu;

            [NetlinkAttribute(1)]
            public uint Mtu { get; set; }
        }

        [NetlinkAttributeSet]
        public sealed partial class HeaderField
        {
            [NetlinkHeader]
            public IfInfoHeader Header;
        }
        """;

    [Fact]
    public async Task No_diagnostic_is_reported_on_a_model_that_uses_every_member_kind()
    {
        var diagnostics = await DiagnosticVerifier.VerifyAsync(AllMemberKinds);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task The_analyzers_stay_silent_without_the_netlink_runtime()
    {
        // A compilation that does not reference Podnet.Netlink at all: nothing to check, nothing to report.
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Plain",
            [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("public class Plain { public int Value { get; set; } }", cancellationToken: TestContext.Current.CancellationToken)],
            Basic.Reference.Assemblies.Net100.References.All,
            NetlinkTestCompilation.CompilationOptions);
        var diagnostics = await compilation
            .WithAnalyzers(NetlinkTestCompilation.Analyzers)
            .GetAllDiagnosticsAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.Id.StartsWith("PN", StringComparison.Ordinal) || diagnostic.Id.StartsWith("AD", StringComparison.Ordinal));
    }
}
