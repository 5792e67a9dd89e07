using System.Net;
using System.Text.Json;
using Podnet.Cni.Tests.Commands.Support;
using Podnet.Cni.Tests.Ipam.Support;
using Podnet.Testing.Json;

namespace Podnet.Cni.Tests.Commands.Reference;

/// <summary>
/// The reference <c>host-local</c> writes its result in the caller's version; <see cref="CniResult"/> must write the
/// same result with the same shape (keys, <c>ips[].version</c>, gateways, routes, the empty <c>dns</c>).
/// </summary>
[Kernel]
public sealed class HostLocalResultShapeTests
{
    private const string HostLocal = "/usr/lib/cni/host-local";

    [Theory]
    [InlineData("0.3.1")]
    [InlineData("0.4.0")]
    [InlineData("1.0.0")]
    public async Task Result_shape_matches_the_reference(string version)
    {
        using var scratch = new ScratchDirectory();
        string config = $$$"""
            {"cniVersion":"{{{version}}}","name":"pn-shape","type":"host-local","ipam":{"type":"host-local","dataDir":"{{{scratch.Path}}}",
             "ranges":[[{"subnet":"10.9.0.0/24","gateway":"10.9.0.1"}],[{"subnet":"fd00:9::/64"}]],
             "routes":[{"dst":"0.0.0.0/0"},{"dst":"10.10.0.0/16","gw":"10.9.0.254"}]}}
            """;
        var environment = new Dictionary<string, string>
        {
            ["CNI_COMMAND"] = "ADD",
            ["CNI_CONTAINERID"] = "shape-1",
            ["CNI_NETNS"] = "/run/netns/pn-cni-shape-unused",
            ["CNI_IFNAME"] = "eth0",
            ["CNI_PATH"] = "/usr/lib/cni",
        };

        // host-local only writes files under dataDir; it never opens CNI_NETNS.
        HostOutcome reference = await PluginProcess.RunAsync(HostLocal, environment, config);
        Assert.True(reference.ExitCode == 0, reference.StandardOutput + reference.StandardError);
        JsonElement theirs = reference.Json;

        Podnet.Cni.Schema.SuccessResult equivalent = Equivalent(theirs);
        JsonElement ours = Write(equivalent, version);

        Assert.Equal(JsonShape.Paths(theirs), JsonShape.Paths(ours));
        Assert.Equal(version, ours.GetProperty("cniVersion").GetString());
        Assert.Equal(theirs.GetProperty("cniVersion").GetString(), ours.GetProperty("cniVersion").GetString());
        JsonElement[] theirIps = [.. theirs.GetProperty("ips").EnumerateArray()];
        JsonElement[] ourIps = [.. ours.GetProperty("ips").EnumerateArray()];
        Assert.Equal(theirIps.Length, ourIps.Length);
        for (int i = 0; i < theirIps.Length; i++)
        {
            Assert.Equal(JsonShape.Keys(theirIps[i]), JsonShape.Keys(ourIps[i]));
            Assert.Equal(Text(theirIps[i], "version"), Text(ourIps[i], "version"));
            Assert.Equal(Text(theirIps[i], "address"), Text(ourIps[i], "address"));
            Assert.Equal(Text(theirIps[i], "gateway"), Text(ourIps[i], "gateway"));
        }

        Assert.Equal(JsonShape.Compact(theirs.GetProperty("routes")), JsonShape.Compact(ours.GetProperty("routes")));
        Assert.Equal(JsonValueKind.Object, ours.GetProperty("dns").ValueKind);

        // The reference marks the families exactly as the legacy versions require, and so do we.
        bool legacy = version != "1.0.0";
        Assert.Equal(legacy ? "4" : null, Text(ourIps[0], "version"));
        Assert.Equal(legacy ? "6" : null, Text(ourIps[1], "version"));
    }

    // Built member by member from the reference's text (not decoded with the generated reader), so the writer is
    // compared with the reference and not with itself.
    private static Podnet.Cni.Schema.SuccessResult Equivalent(JsonElement reference)
    {
        var result = new Podnet.Cni.Schema.SuccessResult { Ips = [], Routes = [] };
        foreach (JsonElement ip in reference.GetProperty("ips").EnumerateArray())
        {
            string[] cidr = ip.GetProperty("address").GetString()!.Split('/');
            IPAddress? gateway = ip.TryGetProperty("gateway", out JsonElement g) ? IPAddress.Parse(g.GetString()!) : null;
            result.Ips.Add(new() { Address = new IpCidr(IPAddress.Parse(cidr[0]), int.Parse(cidr[1], System.Globalization.CultureInfo.InvariantCulture)), Gateway = gateway });
        }

        foreach (JsonElement route in reference.GetProperty("routes").EnumerateArray())
        {
            string[] cidr = route.GetProperty("dst").GetString()!.Split('/');
            IPAddress? gateway = route.TryGetProperty("gw", out JsonElement g) ? IPAddress.Parse(g.GetString()!) : null;
            result.Routes.Add(new() { Dst = new IpCidr(IPAddress.Parse(cidr[0]), int.Parse(cidr[1], System.Globalization.CultureInfo.InvariantCulture)), Gw = gateway });
        }

        return result;
    }

    private static JsonElement Write(Podnet.Cni.Schema.SuccessResult result, string version)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            result.WriteTo(writer, version);
        }

        using JsonDocument document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) ? value.GetString() : null;
}
