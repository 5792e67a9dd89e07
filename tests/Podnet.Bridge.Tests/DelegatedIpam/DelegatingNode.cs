using System.Net;
using System.Text.Json.Nodes;
using Podnet.Bridge.Tests.EndToEnd;

namespace Podnet.Bridge.Tests.DelegatedIpam;

/// <summary>
/// An <see cref="E2eNode"/> whose runtime passes a private <c>CNI_PATH</c> (<see cref="Plugins"/>), so podnet finds
/// the test's delegate IPAM plugins there and nowhere else.
/// </summary>
public sealed class DelegatingNode : IDisposable
{
    /// <summary>The recorder in front of the host-local copy that most tests delegate to.</summary>
    public const string Recorder = "rec-ipam";

    private DelegatingNode(E2eNode node, DelegatePluginDirectory plugins)
    {
        Node = node;
        Plugins = plugins;
    }

    /// <summary>The node namespace, network and bridge.</summary>
    public E2eNode Node { get; }

    /// <summary>The <c>CNI_PATH</c> directory and the delegate's data directory.</summary>
    public DelegatePluginDirectory Plugins { get; }

    /// <summary>The delegate host-local's store for this node's network.</summary>
    public string DelegateStore => Plugins.StoreDirectory(Node.NetworkName);

    /// <summary>Creates the node and its plugin directory, with <see cref="Recorder"/> in front of the host-local copy.</summary>
    public static DelegatingNode Create()
    {
        E2eNode node = E2eNode.Create();
        try
        {
            var plugins = DelegatePluginDirectory.Create();
            plugins.AddRecorder(Recorder, DelegatePluginDirectory.HostLocalCopy);
            return new DelegatingNode(node, plugins);
        }
        catch
        {
            node.Dispose();
            throw;
        }
    }

    /// <summary>The node's bridge network with <paramref name="ipam"/> as its <c>ipam</c> object.</summary>
    public JsonObject Config(JsonObject ipam, string cniVersion = "1.0.0") =>
        Node.Config(cniVersion).With("ipam", ipam);

    /// <summary>An <c>ipam</c> object for the host-local copy behind <paramref name="type"/> with one range set.</summary>
    public JsonObject HostLocalIpam(string subnet, string type = Recorder) => new()
    {
        ["type"] = type,
        ["dataDir"] = Plugins.DataDirectory,
        ["ranges"] = new JsonArray(new JsonArray(new JsonObject { ["subnet"] = subnet })),
    };

    /// <summary>The invocation of <paramref name="command"/> for <paramref name="pod"/> with the private <c>CNI_PATH</c>.</summary>
    public PluginInvocation Invocation(string command, E2ePod pod, JsonNode config) =>
        E2eNode.Invocation(command, pod, config).With("CNI_PATH", Plugins.Path);

    /// <summary>A node-level command (STATUS, GC) with the private <c>CNI_PATH</c>.</summary>
    public PluginOutcome RunNodeCommand(string command, JsonNode config) =>
        Node.Run(PluginInvocation.Create(command, config).With("CNI_PATH", Plugins.Path));

    /// <summary>ADD.</summary>
    public PluginOutcome Add(E2ePod pod, JsonNode config) => Node.Run(Invocation("ADD", pod, config));

    /// <summary>DEL.</summary>
    public PluginOutcome Del(E2ePod pod, JsonNode config) => Node.Run(Invocation("DEL", pod, config));

    /// <summary>CHECK with <paramref name="previousResult"/> as <c>prevResult</c>.</summary>
    public PluginOutcome Check(E2ePod pod, JsonObject config, JsonNode previousResult) =>
        Node.Run(Invocation("CHECK", pod, BridgeNetworkConfig.WithPreviousResult(config, previousResult)));

    /// <summary>The IP files (host-local's reservations) in the delegate's store.</summary>
    public List<string> DelegateReservations() =>
        [.. IpamStoreSnapshot.FileNames(DelegateStore).Where(name => IPAddress.TryParse(name, out _))];

    /// <summary>Removes the node (pods first) and the plugin directory.</summary>
    public void Dispose()
    {
        try
        {
            Node.Dispose();
        }
        finally
        {
            Plugins.Dispose();
        }
    }
}
