using System.Text.Json;
using Podnet.Cni.Tests.Commands.Support;
using Podnet.Testing.Json;

namespace Podnet.Cni.Tests.Commands;

/// <summary>The ADD result is written in the configuration's cniVersion, with exactly that version's fields.</summary>
public sealed class ResultVersionTests
{
    public static TheoryData<string> Versions() => new("0.3.0", "0.3.1", "0.4.0", "1.0.0", "1.1.0");

    private static JsonElement AddResult(string version)
    {
        var plugin = new RecordingPlugin { Result = SampleResults.Full() };
        HostOutcome outcome = InProcessHost.Run(plugin, CniEnvironment.For("ADD"), NetworkConfigs.Minimal(version));
        Assert.True(outcome.ExitCode == 0, outcome.StandardOutput);
        return outcome.Json;
    }

    private static bool Legacy(string version) => CniVersion.Compare(version, "1.0.0") < 0;

    private static bool V11(string version) => CniVersion.Compare(version, "1.1.0") >= 0;

    [Theory]
    [MemberData(nameof(Versions))]
    public void Top_level_keys_and_version(string version)
    {
        JsonElement result = AddResult(version);
        Assert.Equal(version, result.GetProperty("cniVersion").GetString());
        Assert.Equal(["cniVersion", "dns", "interfaces", "ips", "routes"], JsonShape.Keys(result));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Ip_version_field_exists_only_before_1_0_0(string version)
    {
        JsonElement[] ips = [.. AddResult(version).GetProperty("ips").EnumerateArray()];
        Assert.Equal(2, ips.Length);
        if (Legacy(version))
        {
            Assert.Equal("4", ips[0].GetProperty("version").GetString());
            Assert.Equal("6", ips[1].GetProperty("version").GetString());
            Assert.Equal(["address", "gateway", "interface", "version"], JsonShape.Keys(ips[0]));
        }
        else
        {
            Assert.All(ips, ip => Assert.False(JsonShape.Has(ip, "version")));
            Assert.Equal(["address", "gateway", "interface"], JsonShape.Keys(ips[0]));
        }

        Assert.Equal("10.244.1.5/24", ips[0].GetProperty("address").GetString());
        Assert.Equal("10.244.1.1", ips[0].GetProperty("gateway").GetString());
        Assert.Equal(2, ips[0].GetProperty("interface").GetInt32());
        Assert.Equal("fd00:244:1::5/64", ips[1].GetProperty("address").GetString());
        Assert.Equal("fd00:244:1::1", ips[1].GetProperty("gateway").GetString());
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Route_fields_of_1_1_0_are_written_only_in_1_1_0(string version)
    {
        JsonElement[] routes = [.. AddResult(version).GetProperty("routes").EnumerateArray()];
        Assert.Equal(2, routes.Length);
        if (V11(version))
        {
            Assert.Equal(["advmss", "dst", "gw", "mtu", "priority", "scope", "table"], JsonShape.Keys(routes[0]));
            Assert.Equal(1400, routes[0].GetProperty("mtu").GetInt32());
            Assert.Equal(1360, routes[0].GetProperty("advmss").GetInt32());
            Assert.Equal(100, routes[0].GetProperty("priority").GetInt32());
            Assert.Equal(254, routes[0].GetProperty("table").GetInt32());
            Assert.Equal(0, routes[0].GetProperty("scope").GetInt32());
        }
        else
        {
            Assert.Equal(["dst", "gw"], JsonShape.Keys(routes[0]));
        }

        Assert.Equal("0.0.0.0/0", routes[0].GetProperty("dst").GetString());
        Assert.Equal("10.244.1.1", routes[0].GetProperty("gw").GetString());

        // A route without the optional fields never gets them, in any version.
        Assert.Equal(["dst"], JsonShape.Keys(routes[1]));
        Assert.Equal("10.96.0.0/12", routes[1].GetProperty("dst").GetString());
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Interface_mtu_is_written_only_in_1_1_0(string version)
    {
        JsonElement[] interfaces = [.. AddResult(version).GetProperty("interfaces").EnumerateArray()];
        Assert.Equal(3, interfaces.Length);
        Assert.Equal(["mac", "name"], JsonShape.Keys(interfaces[0]));
        Assert.Equal("cni0", interfaces[0].GetProperty("name").GetString());
        Assert.Equal(V11(version) ? ["mac", "mtu", "name", "sandbox"] : ["mac", "name", "sandbox"], JsonShape.Keys(interfaces[2]));
        Assert.Equal("/run/netns/pod-1", interfaces[2].GetProperty("sandbox").GetString());
        if (V11(version))
        {
            Assert.Equal(1450, interfaces[2].GetProperty("mtu").GetInt32());
        }
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Dns_is_written_in_every_version(string version)
    {
        JsonElement dns = AddResult(version).GetProperty("dns");
        Assert.Equal(["domain", "nameservers", "options", "search"], JsonShape.Keys(dns));
        Assert.Equal("10.96.0.10", Assert.Single(dns.GetProperty("nameservers").EnumerateArray()).GetString());
        Assert.Equal("cluster.local", dns.GetProperty("domain").GetString());
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void An_empty_result_is_the_version_and_an_empty_dns_object(string version)
    {
        var plugin = new RecordingPlugin { Result = new Podnet.Cni.Schema.SuccessResult() };
        HostOutcome outcome = InProcessHost.Run(plugin, CniEnvironment.For("ADD"), NetworkConfigs.Minimal(version));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(["cniVersion", "dns"], JsonShape.Keys(outcome.Json));
        Assert.Equal(JsonValueKind.Object, outcome.Json.GetProperty("dns").ValueKind);
        Assert.Empty(JsonShape.Keys(outcome.Json.GetProperty("dns")));
    }

    [Fact]
    public void A_plugin_result_type_of_its_own_is_asked_for_the_config_version()
    {
        var result = new VersionEchoResult();
        var plugin = new RecordingPlugin { Result = result };
        HostOutcome outcome = InProcessHost.Run(plugin, CniEnvironment.For("ADD"), NetworkConfigs.Minimal("0.4.0"));

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("0.4.0", result.RequestedVersion);
        Assert.Equal("0.4.0", outcome.Json.GetProperty("writtenFor").GetString());
    }

    private sealed class VersionEchoResult : ICniResult
    {
        public string? RequestedVersion { get; private set; }

        public void WriteTo(Utf8JsonWriter writer, string cniVersion)
        {
            RequestedVersion = cniVersion;
            writer.WriteStartObject();
            writer.WriteString("writtenFor", cniVersion);
            writer.WriteEndObject();
        }
    }
}
