using System.Security.Cryptography;
using Podnet.Netlink;

namespace Podnet.Bridge.Tests.Faults;

/// <summary>A pod: its own network namespace and a unique container ID; its attachment is <c>eth0</c>.</summary>
internal sealed class FaultPod : IDisposable
{
    public const string InterfaceName = "eth0";

    private FaultPod(NetworkNamespace ns)
    {
        Namespace = ns;
        ContainerId = "fault-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
    }

    public NetworkNamespace Namespace { get; }

    public string ContainerId { get; }

    public string Path => Namespace.Path;

    public static FaultPod Create() => new(NetworkNamespace.Create(NetworkNamespace.CreateUniqueName("pn-fp-")));

    public void Dispose() => Namespace.Dispose();
}
