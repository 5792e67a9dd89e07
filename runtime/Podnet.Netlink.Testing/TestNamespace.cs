namespace Podnet.Netlink.Testing;

/// <summary>
/// A network namespace with a unique name (<c>pn-t-PID-N</c>, see <see cref="TestNames"/>) for one test, deleted in
/// <see cref="Dispose"/> even when the test fails; the first one a process creates also reclaims the namespaces
/// killed earlier runs left. Everything a kernel test changes must happen inside one of these, never in the
/// machine's own namespace.
/// </summary>
/// <example>
/// <code>
/// using var ns = TestNamespace.Create();
/// using NetlinkSocket socket = ns.OpenSocket();
/// socket.Request(...);
/// Assert.Contains("dummy0", ns.Ip("link", "show"));
/// </code>
/// </example>
public sealed class TestNamespace : IDisposable
{
    private bool _disposed;

    private TestNamespace(NetworkNamespace networkNamespace)
    {
        Namespace = networkNamespace;
    }

    /// <summary>The runtime's handle on the namespace.</summary>
    public NetworkNamespace Namespace { get; }

    /// <summary>The unique name, as <c>ip netns list</c> shows it.</summary>
    public string Name => Namespace.Name;

    /// <summary><c>/run/netns/NAME</c>.</summary>
    public string Path => Namespace.Path;

    /// <summary>Creates a fresh namespace; pass <paramref name="loopbackUp"/> to bring <c>lo</c> up.</summary>
    public static TestNamespace Create(bool loopbackUp = false) => Create(role: null, loopbackUp);

    /// <summary>Creates a fresh namespace named <c>pn-t-PID-N-ROLE</c> (<paramref name="role"/> says what it plays, e.g. <c>node</c>).</summary>
    public static TestNamespace Create(string? role, bool loopbackUp = false)
    {
        var ns = new TestNamespace(NetworkNamespace.Create(TestNames.Next(role)));
        try
        {
            if (loopbackUp)
            {
                ns.Namespace.BringLoopbackUp();
            }

            return ns;
        }
        catch
        {
            ns.Dispose();
            throw;
        }
    }

    /// <summary>Opens a netlink socket inside the namespace.</summary>
    public NetlinkSocket OpenSocket(NetlinkProtocol protocol = NetlinkProtocol.Route) => Namespace.OpenSocket(protocol);

    /// <summary>Runs <paramref name="action"/> on a dedicated thread inside the namespace.</summary>
    public T Run<T>(Func<T> action) => Namespace.Run(action);

    /// <summary>Runs <c>ip -n NAME ARGS</c> (an independent check) and returns its output.</summary>
    public string Ip(params string[] arguments) => IpCommand.Run(["-n", Name, .. arguments]);

    /// <summary>The namespace's inode as the kernel reports it for the pinned file (<c>stat -L</c>), independent of the runtime.</summary>
    public string Inode() => IpCommand.Execute("stat", "-L", "-c", "%i", Path).Output.Trim();

    /// <summary>Deletes the namespace (idempotent) and verifies its file is gone.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Namespace.Dispose();
        if (File.Exists(Path))
        {
            throw new InvalidOperationException($"Test namespace {Path} still exists after deletion.");
        }
    }
}
