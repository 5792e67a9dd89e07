using System.Text.Json;
using System.Text.Json.Serialization;

namespace Podnet.Agent.Kubernetes.Wire;

// The few fields of the core/v1 objects podnetd reads. Everything else in a Node (managedFields, conditions, images)
// is skipped by the reader.

/// <summary><c>metadata</c> of an object or a list.</summary>
internal sealed class ObjectMeta
{
    public string? Name { get; set; }

    public string? ResourceVersion { get; set; }

    /// <summary>The paging token of a list (<c>metadata.continue</c>).</summary>
    public string? Continue { get; set; }
}

/// <summary>A <c>NodeList</c>: one page of <c>GET /api/v1/nodes</c>.</summary>
internal sealed class NodeList
{
    public ObjectMeta? Metadata { get; set; }

    public List<NodeObject>? Items { get; set; }
}

/// <summary>A <c>Node</c>.</summary>
internal sealed class NodeObject
{
    public ObjectMeta? Metadata { get; set; }

    public NodeSpec? Spec { get; set; }

    public NodeStatus? Status { get; set; }
}

/// <summary><c>spec</c> of a Node: its pod subnets.</summary>
internal sealed class NodeSpec
{
    [JsonPropertyName("podCIDR")]
    public string? PodCidr { get; set; }

    [JsonPropertyName("podCIDRs")]
    public List<string>? PodCidrs { get; set; }
}

/// <summary><c>status</c> of a Node: its addresses.</summary>
internal sealed class NodeStatus
{
    public List<NodeAddress>? Addresses { get; set; }
}

/// <summary>One of <c>status.addresses</c>: <c>InternalIP</c>, <c>ExternalIP</c>, <c>Hostname</c>, ...</summary>
internal sealed class NodeAddress
{
    public string? Type { get; set; }

    public string? Address { get; set; }
}

/// <summary>A <c>Status</c>: the body of a failed request, or the object of a watch <c>ERROR</c> event.</summary>
internal sealed class StatusObject
{
    public string? Kind { get; set; }

    public string? Status { get; set; }

    public string? Message { get; set; }

    public string? Reason { get; set; }

    public int Code { get; set; }
}

/// <summary>One line of a watch stream: <c>{"type":"ADDED|MODIFIED|DELETED|BOOKMARK|ERROR","object":{...}}</c>.</summary>
internal sealed class WatchEventLine
{
    public string? Type { get; set; }

    /// <summary>A Node, or a Status for <c>ERROR</c>; decoded once the type is known.</summary>
    public JsonElement Object { get; set; }
}

/// <summary>Reflection-free (de)serialization of the wire types.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(NodeList))]
[JsonSerializable(typeof(NodeObject))]
[JsonSerializable(typeof(StatusObject))]
[JsonSerializable(typeof(WatchEventLine))]
internal sealed partial class KubernetesJsonContext : JsonSerializerContext;
