using System.Text.Json.Nodes;
using Podnet.Bridge.Tests.EndToEnd.Harness;
using Podnet.Bridge.Tests.Faults.Harness;
using Podnet.Testing.Json;
using Podnet.Testing.Nodes;
using Podnet.Testing.Repository;

namespace Podnet.Bridge.Tests.EndToEnd;

/// <summary>podnet is a drop-in for the reference bridge + host-local: for one config both answer ADD with the same JSON.</summary>
[Kernel]
public sealed class ReferenceComparisonTests
{
    private const string ReferenceBridge = "/usr/lib/cni/bridge";

    [Theory]
    [InlineData("1.0.0")]
    [InlineData("0.4.0")]
    public void Podnet_and_the_reference_bridge_give_results_of_the_same_structure(string cniVersion)
    {
        Assert.True(File.Exists(ReferenceBridge), $"{ReferenceBridge} is missing (containernetworking-plugins)");
        using TestNode podnetNode = TestNode.Create();
        using TestNode referenceNode = TestNode.Create();

        JsonObject podnet = AddWith(podnetNode, "podnet", cniVersion, PodnetBinary.Path);
        JsonObject reference = AddWith(referenceNode, "bridge", cniVersion, ReferenceBridge);

        Assert.Equal(Normalized(reference, referenceNode), Normalized(podnet, podnetNode));
    }

    private static JsonObject AddWith(TestNode node, string type, string cniVersion, string executable)
    {
        TestPod pod = node.CreatePod();
        JsonObject config = node.Config(cniVersion, "10.88.0.0/24", "fd00:88::/64")
            .With("type", type)
            .With("isDefaultGateway", true)
            .With("dns", new JsonObject { ["nameservers"] = new JsonArray("10.96.0.10"), ["search"] = new JsonArray("cluster.local") })
            .WithIpam("routes", new JsonArray(new JsonObject { ["dst"] = "192.168.0.0/16" }));
        return node.Run(node.Invocation("ADD", pod, config).WithExecutable(executable)).Result;
    }

    /// <summary>The result with the values that differ by nature (MACs, veth and bridge names, netns paths) replaced.</summary>
    private static string Normalized(JsonObject result, TestNode node)
    {
        var copy = (JsonObject)result.DeepClone();
        foreach (JsonNode? entry in copy["interfaces"]?.AsArray() ?? [])
        {
            var i = entry!.AsObject();
            if (i["mac"] is not null)
            {
                i["mac"] = "<mac>";
            }

            string name = i["name"].Text();
            i["name"] = name == node.BridgeName ? "<bridge>" : name.StartsWith("veth", StringComparison.Ordinal) ? "<veth>" : name;
            if (i["sandbox"] is not null)
            {
                i["sandbox"] = "<netns>";
            }
        }

        return JsonShape.Canonical(copy);
    }
}
