using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Podnet.Bridge.Tests.EndToEnd.Harness;
using Podnet.Bridge.Tests.Faults.Harness;
using Podnet.Netlink.Route;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.EndToEnd.BadInput;

/// <summary>
/// What the bad-input corpus runs against, on one shared <see cref="TestNode"/>: an attached resident pod (so the store and the bridge exist), a second
/// network whose /30 is already full, a veth whose name a config uses as its bridge, an unattached target pod
/// and a regular file to pass as <c>CNI_NETNS</c>. Every case must leave all of it exactly as it was.
/// </summary>
public sealed class BadInputResidents : IDisposable
{
    /// <summary>Creates the node and attaches the residents.</summary>
    public BadInputResidents()
    {
        Node = TestNode.Create();
        try
        {
            Resident = Node.CreatePod();
            ResidentResult = Node.Add(Resident, Node.Config()).Result;
            Target = Node.CreatePod();

            ExhaustedConfig = Node.Config()
                .With("name", Node.NetworkName + "-full")
                .WithIpam("ranges", new JsonArray(new JsonArray(new JsonObject { ["subnet"] = "10.77.0.0/30" })));
            TestPod filler = Node.CreatePod();
            Node.Add(filler, ExhaustedConfig).EnsureSuccess();

            DummyName = "pndum" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
            using (Rtnetlink rt = Rtnetlink.OpenIn(Node.Path))
            {
                // The test kernel may lack the dummy driver; a veth is just as much "not a bridge".
                rt.Links.CreateVethPair(new VethPair(DummyName, DummyName + "p"));
            }

            RegularFile = Path.Combine(Node.Directory, "a-regular-file");
            File.WriteAllText(RegularFile, "not a namespace\n");
        }
        catch
        {
            Node.Dispose();
            throw;
        }
    }

    /// <summary>The node.</summary>
    public TestNode Node { get; }

    /// <summary>A pod attached with the default config.</summary>
    public TestPod Resident { get; }

    /// <summary>The resident's ADD result.</summary>
    public JsonObject ResidentResult { get; }

    /// <summary>The unattached pod every case tries to attach.</summary>
    public TestPod Target { get; }

    /// <summary>A network whose only allocatable address (a /30 less the gateway) is taken.</summary>
    public JsonObject ExhaustedConfig { get; }

    /// <summary>A link in the node namespace that is not a bridge (a veth).</summary>
    public string DummyName { get; }

    /// <summary>A regular file (not a namespace).</summary>
    public string RegularFile { get; }

    /// <summary>ADD of the target with <paramref name="config"/>.</summary>
    public PluginInvocation Add(JsonNode config) => Node.Invocation("ADD", Target, config);

    /// <summary>ADD of the target with the default config.</summary>
    public PluginInvocation Add() => Add(Node.Config());

    /// <summary>ADD of the target with configuration text of <see cref="BadInputTemplates"/> (<c>{DATA}</c>, <c>{FILE}</c> substituted).</summary>
    public PluginInvocation AddText(string config) => Add().WithStdin(Substitute(config));

    /// <summary><paramref name="text"/> with <c>{DATA}</c> as the node's IPAM data directory and <c>{FILE}</c> as <see cref="RegularFile"/>.</summary>
    public string Substitute(string text) =>
        text.Replace("{DATA}", Node.DataDirectory, StringComparison.Ordinal).Replace("{FILE}", RegularFile, StringComparison.Ordinal);

    /// <inheritdoc/>
    public void Dispose()
    {
        Node.Dispose();
    }
}
