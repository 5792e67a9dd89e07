using System.Security.Cryptography;

namespace Podnet.Bridge.Tests.Interop;

/// <summary>
/// A named network namespace (<c>ip netns add pn-&lt;hex&gt;</c>) owned by one test and deleted on dispose.
/// </summary>
/// <remarks>
/// Interim: this shells out to iproute2 because the netlink runtime's own namespace type is not ready yet.
/// Swap it for the runtime's namespace type (runtime/Podnet.Netlink) once that exists.
/// </remarks>
public sealed class InteropNetworkNamespace : IAsyncDisposable
{
    private bool _deleted;

    private InteropNetworkNamespace(string name) => Name = name;

    /// <summary>The namespace name, <c>pn-</c> followed by random hex.</summary>
    public string Name { get; }

    /// <summary>The bind-mounted namespace file a CNI runtime passes as <c>CNI_NETNS</c>.</summary>
    public string Path => "/run/netns/" + Name;

    /// <summary>Creates a fresh, empty network namespace with a unique name.</summary>
    public static async Task<InteropNetworkNamespace> CreateAsync(CancellationToken cancellationToken)
    {
        string name = "pn-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        ProcessOutcome outcome = await ChildProcess.RunAsync("ip", ["netns", "add", name], cancellationToken);
        if (outcome.ExitCode != 0)
        {
            throw new InvalidOperationException($"ip netns add {name} failed: {outcome}");
        }

        return new InteropNetworkNamespace(name);
    }

    /// <summary>Runs <c>ip -n NAME …</c>, an iproute2 query or change confined to this namespace.</summary>
    public Task<ProcessOutcome> IpAsync(IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        ChildProcess.RunAsync("ip", ["-n", Name, .. arguments], cancellationToken);

    /// <summary>Runs an executable inside this namespace (<c>ip netns exec NAME …</c>).</summary>
    public Task<ProcessOutcome> ExecAsync(string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        ChildProcess.RunAsync("ip", ["netns", "exec", Name, fileName, .. arguments], cancellationToken);

    /// <summary>Deletes the namespace, and with it every link, address, route and firewall rule in it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_deleted)
        {
            return;
        }

        _deleted = true;
        ProcessOutcome outcome = await ChildProcess.RunAsync("ip", ["netns", "del", Name], CancellationToken.None);
        if (outcome.ExitCode != 0)
        {
            throw new InvalidOperationException($"ip netns del {Name} failed: {outcome}");
        }
    }
}
