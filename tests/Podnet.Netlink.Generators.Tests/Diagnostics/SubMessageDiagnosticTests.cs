namespace Podnet.Netlink.Generators.Tests.Diagnostics;

public sealed class SubMessageDiagnosticTests
{
    private const string Cases = """
        public abstract class LinkData
        {
        }

        [NetlinkAttributeSet]
        public sealed partial class VethData : LinkData
        {
            [NetlinkAttribute(1)]
            public string? PeerName { get; set; }
        }

        [NetlinkAttributeSet]
        public sealed partial class BridgeData : LinkData
        {
            [NetlinkAttribute(1)]
            public uint ForwardDelay { get; set; }
        }

        [NetlinkAttributeSet]
        public sealed partial class Unrelated
        {
        }

        public sealed class PlainData : LinkData
        {
        }

        """;

    [Fact]
    public Task PN1010_is_reported_on_a_selector_that_names_no_member() => DiagnosticVerifier.VerifyAsync(Cases + """
        [NetlinkAttributeSet]
        public partial class LinkInfo
        {
            [NetlinkAttribute(1)]
            public string? Kind { get; set; }

            [NetlinkAttribute(2)]
            [NetlinkSubMessage([|"Knd"|])]
            [NetlinkSubMessageCase("veth", typeof(VethData))]
            public LinkData? Data { get; set; }
        }

        public class InfoBase
        {
            [NetlinkAttribute(1)]
            public string? {|PN1021:Kind|} { get; set; }
        }

        [NetlinkAttributeSet]
        public partial class DerivedInfo : InfoBase
        {
            [NetlinkAttribute(2)]
            [NetlinkSubMessage([|"Kind"|])]
            [NetlinkSubMessageCase("veth", typeof(VethData))]
            public LinkData? Data { get; set; }
        }
        """, "PN1010");

    [Fact]
    public Task PN1011_is_reported_on_a_selector_that_is_not_a_string_attribute() => DiagnosticVerifier.VerifyAsync(Cases + """
        [NetlinkAttributeSet]
        public partial class LinkInfo
        {
            [NetlinkAttribute(1)]
            public uint Kind { get; set; }

            public string? Label { get; set; }

            [NetlinkAttribute(2)]
            [NetlinkSubMessage([|"Kind"|])]
            [NetlinkSubMessageCase("veth", typeof(VethData))]
            public LinkData? Data { get; set; }

            [NetlinkAttribute(3)]
            [NetlinkSubMessage([|nameof(Label)|])]
            [NetlinkSubMessageCase("veth", typeof(VethData))]
            public LinkData? SlaveData { get; set; }
        }
        """, "PN1011");

    [Fact]
    public Task PN1012_is_reported_on_a_case_type_that_is_not_a_set() => DiagnosticVerifier.VerifyAsync(Cases + """
        [NetlinkAttributeSet]
        public partial class LinkInfo
        {
            [NetlinkAttribute(1)]
            public string? Kind { get; set; }

            [NetlinkAttribute(2)]
            [NetlinkSubMessage(nameof(Kind))]
            [NetlinkSubMessageCase("veth", typeof(VethData))]
            [NetlinkSubMessageCase("dummy", [|typeof(PlainData)|])]
            public LinkData? Data { get; set; }
        }
        """, "PN1012");

    [Fact]
    public Task PN1013_is_reported_on_a_case_type_not_assignable_to_the_member() => DiagnosticVerifier.VerifyAsync(Cases + """
        [NetlinkAttributeSet]
        public partial class LinkInfo
        {
            [NetlinkAttribute(1)]
            public string? Kind { get; set; }

            [NetlinkAttribute(2)]
            [NetlinkSubMessage(nameof(Kind))]
            [NetlinkSubMessageCase("bridge", typeof(BridgeData))]
            [NetlinkSubMessageCase("other", [|typeof(Unrelated)|])]
            public LinkData? Data { get; set; }
        }
        """, "PN1013");

    [Fact]
    public Task PN1014_is_reported_on_the_value_of_a_repeated_case() => DiagnosticVerifier.VerifyAsync(Cases + """
        [NetlinkAttributeSet]
        public partial class LinkInfo
        {
            [NetlinkAttribute(1)]
            public string? Kind { get; set; }

            [NetlinkAttribute(2)]
            [NetlinkSubMessage(nameof(Kind))]
            [NetlinkSubMessageCase("veth", typeof(VethData))]
            [NetlinkSubMessageCase([|"veth"|], typeof(BridgeData))]
            [NetlinkSubMessageCase("Veth", typeof(BridgeData))]
            public LinkData? Data { get; set; }
        }
        """, "PN1014");

    [Fact]
    public Task PN1022_is_reported_on_cases_without_sub_message_or_attribute() => DiagnosticVerifier.VerifyAsync(Cases + """
        [NetlinkAttributeSet]
        public partial class LinkInfo
        {
            [NetlinkAttribute(1)]
            public string? Kind { get; set; }

            [NetlinkAttribute(2)]
            [NetlinkSubMessageCase("veth", typeof(VethData))]
            public LinkData? [|Data|] { get; set; }

            [NetlinkSubMessage(nameof(Kind))]
            [NetlinkSubMessageCase("veth", typeof(VethData))]
            public LinkData? [|SlaveData|] { get; set; }

            [NetlinkAttribute(3)]
            [NetlinkSubMessage(nameof(Kind))]
            public LinkData? [|NoCases|] { get; set; }
        }
        """, "PN1022");
}
