namespace Podnet.Agent.Kubernetes;

/// <summary>
/// Every Kubernetes API call podnetd makes, declared once: the client builds its requests from these constants, and
/// a test holds the ClusterRole in <c>deploy/kubernetes/podnet.yaml</c> to exactly this list.
/// </summary>
public static class KubernetesApi
{
    /// <summary>The API group of Nodes (the core group, written <c>""</c> in RBAC rules).</summary>
    public const string NodeGroup = "";

    /// <summary>The resource podnetd reads.</summary>
    public const string NodeResource = "nodes";

    /// <summary><c>GET /api/v1/nodes/NAME</c>: this node, to tell "not registered yet" apart from "no pod subnet yet".</summary>
    public const string Get = "get";

    /// <summary><c>GET /api/v1/nodes?limit=500</c>, paged with <c>continue</c>.</summary>
    public const string List = "list";

    /// <summary><c>GET /api/v1/nodes?watch=1&amp;resourceVersion=RV&amp;allowWatchBookmarks=true</c>.</summary>
    public const string Watch = "watch";

    /// <summary>The collection path of Nodes.</summary>
    public const string NodesPath = "/api/v1/nodes";

    /// <summary>The RBAC rules podnetd needs: (API group, resource, verb), nothing more.</summary>
    public static IReadOnlyList<(string ApiGroup, string Resource, string Verb)> Permissions { get; } =
    [
        (NodeGroup, NodeResource, Get),
        (NodeGroup, NodeResource, List),
        (NodeGroup, NodeResource, Watch),
    ];
}
