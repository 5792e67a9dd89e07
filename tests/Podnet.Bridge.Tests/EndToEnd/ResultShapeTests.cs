using System.Text.Json.Nodes;
using Podnet.Bridge.Tests.EndToEnd.Harness;
using Podnet.Bridge.Tests.Faults.Harness;
using Podnet.Testing.Json;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.EndToEnd;

/// <summary>The ADD result in each CNI version, checked against the kernel state it describes.</summary>
[Kernel]
public sealed class ResultShapeTests
{
    [Theory]
    [InlineData("0.3.0")]
    [InlineData("0.3.1")]
    [InlineData("0.4.0")]
    [InlineData("1.0.0")]
    [InlineData("1.1.0")]
    public void Add_result_has_the_shape_of_the_requested_version_and_matches_the_kernel(string cniVersion)
    {
        using TestNode node = TestNode.Create();
        TestPod pod = node.CreatePod();
        bool legacy = cniVersion is "0.3.0" or "0.3.1" or "0.4.0";

        JsonObject result = node.Add(pod, node.Config(cniVersion, "10.88.0.0/24", "fd00:88::/64").With("isDefaultGateway", true)).Result;

        Assert.Equal(cniVersion, result["cniVersion"].Text());
        JsonArray interfaces = result["interfaces"]!.AsArray();
        Assert.Equal(3, interfaces.Count);
        Assert.Equal(node.BridgeName, interfaces[0]!["name"].Text());
        Assert.Null(interfaces[0]!["sandbox"]);
        Assert.Equal(NamespaceInspector.Link(node.Path, node.BridgeName)!.Address?.ToString(), interfaces[0]!["mac"].Text(), ignoreCase: true);
        string hostVeth = interfaces[1]!["name"].Text();
        Assert.Matches("^veth[0-9a-f]{8}$", hostVeth);
        Assert.Null(interfaces[1]!["sandbox"]);
        Assert.Equal(NamespaceInspector.Link(node.Path, hostVeth)!.Address?.ToString(), interfaces[1]!["mac"].Text(), ignoreCase: true);
        Assert.Equal(pod.InterfaceName, interfaces[2]!["name"].Text());
        Assert.Equal(pod.Path, interfaces[2]!["sandbox"].Text());
        Assert.Equal(NamespaceInspector.Link(pod.Path, pod.InterfaceName)!.Address?.ToString(), interfaces[2]!["mac"].Text(), ignoreCase: true);

        JsonArray ips = result["ips"]!.AsArray();
        Assert.Equal(2, ips.Count);
        string[] expectedVersions = ["4", "6"];
        for (int i = 0; i < ips.Count; i++)
        {
            JsonObject ip = ips[i]!.AsObject();
            Assert.Equal(2, ip["interface"]!.GetValue<int>());
            if (legacy)
            {
                Assert.Equal(expectedVersions[i], ip["version"].Text());
            }
            else
            {
                Assert.False(ip.ContainsKey("version"), $"{cniVersion} result has ips[].version: {result.ToJsonString()}");
            }
        }

        Assert.Equal(["0.0.0.0/0", "::/0"], result["routes"]!.AsArray().Select(r => r!["dst"].Text()).Order(StringComparer.Ordinal));
    }
}
