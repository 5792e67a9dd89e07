using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Podnet.Netlink;
using Podnet.Netlink.Route;
using Podnet.Netlink.Testing;
using Podnet.Testing.Processes;

namespace Podnet.Testing.Nodes;

/// <summary>
/// A node for one test: a network namespace
/// (<c>pn-t-PID-N-node</c>, loopback up; optionally an <c>eth0</c> with addresses, <see cref="AddEth0"/>), a work
/// directory (<c>TMP/pn-t-PID-N-node</c>: the IPAM store, the CNI directories), a network and bridge name unique to
/// it, the pods created on it, and the published <c>podnet</c> run as a container runtime runs it
/// (<see cref="Run"/>, <see cref="Start"/>: exactly the <c>CNI_*</c> environment, the configuration on stdin, forked
/// inside the node's namespace, stdout, stderr and exit code captured, a time limit).
/// </summary>
/// <remarks>
/// Dispose removes the pods, the namespace and the directory whatever state they are in (also after a failed test);
/// the first name a process asks for reclaims what killed earlier runs left (<see cref="TestNames"/>). Multi-node
/// scenarios use <c>SimulatedCluster</c>, on the same names and launcher (docs/testing.md, "Fixtures").
/// </remarks>
public sealed class TestNode : IDisposable
{
    private readonly List<TestPod> _pods = [];
    private readonly Lock _podsLock = new();

    private TestNode(TestNamespace ns, string directory, string suffix)
    {
        Namespace = ns;
        Directory = directory;
        NetworkName = "pn-" + suffix;
        BridgeName = "pnbr" + suffix;
    }

    /// <summary>The node's network namespace.</summary>
    public TestNamespace Namespace { get; }

    /// <summary>The namespace name (for <c>ip -n</c>).</summary>
    public string Name => Namespace.Name;

    /// <summary>The namespace path the plugin runs in.</summary>
    public string Path => Namespace.Path;

    /// <summary>The node's work directory (a private temporary directory, removed on dispose).</summary>
    public string Directory { get; }

    /// <summary>The IPAM <c>dataDir</c> (<c>/var/lib/cni/networks</c> of a real node; never the machine's own).</summary>
    public string DataDirectory => System.IO.Path.Combine(Directory, "ipam");

    /// <summary>The network name, unique to this node.</summary>
    public string NetworkName { get; }

    /// <summary>The bridge name, unique to this node.</summary>
    public string BridgeName { get; }

    /// <summary>host-local's directory for <see cref="NetworkName"/>.</summary>
    public string StoreDirectory => System.IO.Path.Combine(DataDirectory, NetworkName);

    /// <summary>The <c>CNI_PATH</c> this node's runtime passes (<see cref="PluginInvocation.DefaultCniPath"/> unless a test installs its own plugins).</summary>
    public string CniPath { get; set; } = PluginInvocation.DefaultCniPath;

    /// <summary>Creates the node namespace (loopback up) and its work directory with an empty IPAM <c>dataDir</c>.</summary>
    public static TestNode Create()
    {
        string suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        TestNamespace ns = TestNamespace.Create("node", loopbackUp: true);
        try
        {
            string directory = TestNames.CreateDirectory("node");
            System.IO.Directory.CreateDirectory(System.IO.Path.Combine(directory, "ipam"));
            return new TestNode(ns, directory, suffix);
        }
        catch
        {
            ns.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Gives the node an <c>eth0</c> on its network: a veth whose peer <c>eth0p</c> stays in the namespace (so both
    /// ends are up and the link has carrier; the test kernel may lack the dummy driver) with <paramref name="addresses"/>
    /// (IPv6 without duplicate address detection), so every address of those prefixes is on-link.
    /// </summary>
    public void AddEth0(params IReadOnlyList<(IPAddress Address, int PrefixLength)> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        using Rtnetlink netlink = Rtnetlink.OpenIn(Path);
        netlink.Links.CreateVethPair(new VethPair("eth0", "eth0p"));
        int eth0 = netlink.Links.Get("eth0").Index;
        foreach ((IPAddress address, int prefixLength) in addresses)
        {
            var interfaceAddress = new InterfaceAddress(address, prefixLength);
            if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
            {
                netlink.Addresses.Add(eth0, interfaceAddress, AddressFlags.NoDad);
            }
            else
            {
                netlink.Addresses.Add(eth0, interfaceAddress);
            }
        }

        netlink.Links.SetUp(netlink.Links.Get("eth0p").Index);
        netlink.Links.SetUp(eth0);
    }

    /// <summary>Creates a pod namespace owned by this node (deleted with it).</summary>
    public TestPod CreatePod(string interfaceName = "eth0")
    {
        TestPod pod = TestPod.Create(interfaceName);
        lock (_podsLock)
        {
            _pods.Add(pod);
        }

        return pod;
    }

    /// <summary>Creates <paramref name="count"/> pods in parallel.</summary>
    public IReadOnlyList<TestPod> CreatePods(int count)
    {
        var pods = new TestPod[count];
        Parallel.For(0, count, i => pods[i] = CreatePod());
        return pods;
    }

    /// <summary>A node-level invocation of <paramref name="command"/> (STATUS, GC) with this node's <c>CNI_PATH</c>.</summary>
    public PluginInvocation Invocation(string command, JsonNode? config) =>
        PluginInvocation.Create(command, config).With("CNI_PATH", CniPath);

    /// <summary>The invocation of <paramref name="command"/> for <paramref name="pod"/>'s attachment.</summary>
    public PluginInvocation Invocation(string command, TestPod pod, JsonNode config, string? cniArgs = null)
    {
        ArgumentNullException.ThrowIfNull(pod);
        PluginInvocation invocation = Invocation(command, config).ForAttachment(pod.ContainerId, pod.Path, pod.InterfaceName);
        return cniArgs is null ? invocation : invocation.With("CNI_ARGS", cniArgs);
    }

    /// <summary>
    /// Runs <paramref name="invocation"/> to completion inside the node; with <paramref name="killAfter"/> the plugin
    /// is SIGKILLed that long after its start unless it has exited by then.
    /// </summary>
    public PluginOutcome Run(PluginInvocation invocation, TimeSpan? killAfter = null) => Start([invocation])[0].Wait(killAfter);

    /// <summary>Starts every invocation at once inside the node (all processes exist before the first is awaited).</summary>
    public IReadOnlyList<RunningPlugin> Start(IReadOnlyList<PluginInvocation> invocations)
    {
        ArgumentNullException.ThrowIfNull(invocations);
        IReadOnlyList<RuntimeRun> runs = RuntimeRun.StartAll(
            Path, [.. invocations.Select(i => (RuntimeProcess.StartInfo(i.Executable, i.Environment), (string?)i.Stdin))]);
        return [.. runs.Select((run, i) => new RunningPlugin(invocations[i], run))];
    }

    /// <summary>ADD.</summary>
    public PluginOutcome Add(TestPod pod, JsonNode config, string? cniArgs = null) => Run(Invocation("ADD", pod, config, cniArgs));

    /// <summary>DEL.</summary>
    public PluginOutcome Del(TestPod pod, JsonNode config, string? cniArgs = null) => Run(Invocation("DEL", pod, config, cniArgs));

    /// <summary>CHECK with <paramref name="previousResult"/> as <c>prevResult</c>.</summary>
    public PluginOutcome Check(TestPod pod, JsonObject config, JsonNode previousResult)
    {
        ArgumentNullException.ThrowIfNull(config);
        var withPrevious = (JsonObject)config.DeepClone();
        withPrevious["prevResult"] = previousResult?.DeepClone();
        return Run(Invocation("CHECK", pod, withPrevious));
    }

    /// <summary>Removes pods, node namespace and work directory, whatever state they are in.</summary>
    public void Dispose()
    {
        var failures = new List<Exception>();
        lock (_podsLock)
        {
            foreach (TestPod pod in _pods)
            {
                Try(pod.Dispose, failures);
            }

            _pods.Clear();
        }

        Try(() => TestNames.KillProcessesIn(Name), failures);
        Try(Namespace.Dispose, failures);
        Try(() => { if (System.IO.Directory.Exists(Directory)) { System.IO.Directory.Delete(Directory, recursive: true); } }, failures);
        if (failures.Count > 0)
        {
            throw new AggregateException($"cleaning up the test node {Name} failed", failures);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Name;

    private static void Try(Action action, List<Exception> failures)
    {
        try
        {
            action();
        }
#pragma warning disable CA1031 // Cleanup goes on whatever one step threw; the failures are rethrown together.
        catch (Exception e)
#pragma warning restore CA1031
        {
            failures.Add(e);
        }
    }
}
