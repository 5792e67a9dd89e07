using System.Text.Json.Nodes;
using Podnet.Testing.Nodes;

namespace Podnet.Agent.Kubernetes.Tests.ApiServer;

/// <summary>The captured Node objects in Fixtures/ (see Fixtures/README.md for where each comes from).</summary>
internal static class Fixtures
{
    /// <summary>The 3-node dual-stack kind v1.27 cluster: <c>dual-stack-control-plane</c>, <c>dual-stack-worker</c>, <c>dual-stack-worker2</c>.</summary>
    public const string KindDualStack = "nodes-list-kind-dualstack-cilium-v1.27.json";

    /// <summary>The raw kube-apiserver v1.25 NodeList (1 node, with managedFields).</summary>
    public const string KindV125Raw = "nodelist-raw-apiserver-kind-v1.25.json";

    /// <summary>The raw kops/AWS NodeList of kubelet v1.6 (2 nodes, podCIDR only, legacy address types).</summary>
    public const string KopsV16Raw = "nodelist-raw-apiserver-kops-aws-v1.6.json";

    /// <summary>The directory the fixtures are copied to next to the test binaries.</summary>
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>The items of a captured Node list.</summary>
    public static List<JsonObject> Nodes(string file) =>
        [.. JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, file)))!["items"]!.AsArray().Select(n => n!.AsObject())];

    /// <summary>A captured Node by name.</summary>
    public static JsonObject Node(string file, string name) =>
        Nodes(file).Single(n => n["metadata"]!["name"]!.GetValue<string>() == name);

    /// <summary>The text of a fixture file.</summary>
    public static string Text(string file) => File.ReadAllText(Path.Combine(Directory, file));
}
