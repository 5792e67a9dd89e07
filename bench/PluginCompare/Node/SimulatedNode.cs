using Podnet.Netlink;
using Podnet.Netlink.Testing;
using Podnet.PluginCompare.Spawning;

namespace Podnet.PluginCompare.Node;

/// <summary>
/// A node made of network namespaces this benchmark creates: one "node" namespace where the plugin processes run
/// (and where their bridges live) and a pool of pod namespaces per plugin, plus a temporary directory for the IPAM
/// stores. Everything is removed on <see cref="Dispose"/>; the machine's own namespace is never touched. Namespaces
/// and directory are the tests' (<see cref="TestNamespace"/>, <see cref="TestNames"/>: <c>pn-t-PID-N-ROLE</c>, and
/// what a killed run left is reclaimed); the plugins are started with <c>posix_spawn</c> (<see cref="ChildProcess"/>),
/// which is what this benchmark measures.
/// </summary>
internal sealed class SimulatedNode : IDisposable
{
    private readonly List<TestNamespace> _namespaces = [];
    private readonly Dictionary<string, List<string>> _pods = new(StringComparer.Ordinal);

    private SimulatedNode(string temporaryDirectory)
    {
        TemporaryDirectory = temporaryDirectory;
    }

    /// <summary>The namespace the plugins run in.</summary>
    public NetworkNamespace NodeNamespace { get; private set; } = null!;

    /// <summary>Holds the IPAM data directories; deleted with the node.</summary>
    public string TemporaryDirectory { get; }

    /// <summary>Creates the node namespace (with <c>lo</c> up) and the temporary directory.</summary>
    public static SimulatedNode Create()
    {
        string directory = TestNames.CreateDirectory("plugin-compare");
        var node = new SimulatedNode(directory);
        try
        {
            node.NodeNamespace = node.Track(TestNamespace.Create("node", loopbackUp: true)).Namespace;
            return node;
        }
        catch
        {
            node.Dispose();
            throw;
        }
    }

    /// <summary>Creates <paramref name="count"/> pod namespaces for <paramref name="owner"/>.</summary>
    public void CreatePods(string owner, int count, CancellationToken cancellation)
    {
        if (!_pods.TryGetValue(owner, out List<string>? pods))
        {
            pods = [];
            _pods[owner] = pods;
        }

        while (pods.Count < count)
        {
            cancellation.ThrowIfCancellationRequested();
            pods.Add(Track(TestNamespace.Create("pod")).Path);
        }
    }

    /// <summary>The path of pod namespace <paramref name="index"/> of <paramref name="owner"/>.</summary>
    public string Pod(string owner, int index) => _pods[owner][index];

    /// <summary>Starts a plugin process from a thread inside the node namespace.</summary>
    public ChildProcess Start(IReadOnlyList<string> arguments, IReadOnlyList<string> environment, ReadOnlySpan<byte> stdin)
    {
        byte[] input = stdin.ToArray();
        return NetworkNamespace.RunInNamespace(NodeNamespace.Path, () => ChildProcess.Start(arguments, environment, input));
    }

    /// <summary>Starts several plugin processes back to back from one thread inside the node namespace.</summary>
    public List<ChildProcess> StartAll(IReadOnlyList<(string Executable, string[] Environment, byte[] Stdin)> invocations) =>
        NetworkNamespace.RunInNamespace(NodeNamespace.Path, () =>
        {
            var started = new List<ChildProcess>(invocations.Count);
            try
            {
                foreach ((string executable, string[] environment, byte[] stdin) in invocations)
                {
                    started.Add(ChildProcess.Start([executable], environment, stdin));
                }

                return started;
            }
            catch
            {
                started.ForEach(c => c.Abandon());
                throw;
            }
        });

    /// <summary>Deletes every namespace (bridges, veths and addresses go with them) and the temporary directory.</summary>
    public void Dispose()
    {
        var failures = new List<Exception>();
        for (int i = _namespaces.Count - 1; i >= 0; i--)
        {
            try
            {
                _namespaces[i].Dispose();
            }
#pragma warning disable CA1031 // Keep removing the rest; report at the end.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failures.Add(e);
            }
        }

        _namespaces.Clear();
        try
        {
            Directory.Delete(TemporaryDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }

        if (failures.Count > 0)
        {
            throw new AggregateException("Could not remove every benchmark namespace.", failures);
        }
    }

    private TestNamespace Track(TestNamespace ns)
    {
        _namespaces.Add(ns);
        return ns;
    }
}
