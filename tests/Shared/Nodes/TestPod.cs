using System.Security.Cryptography;
using Podnet.Netlink.Testing;

namespace Podnet.Testing.Nodes;

/// <summary>
/// A pod sandbox as a runtime makes one: its own network namespace (<c>pn-t-PID-N-pod</c>, loopback up), a container
/// id and the interface name the runtime asks for. Attach it with <see cref="TestNode.Add"/>; disposing deletes the
/// namespace (and with it the container end of the veth, and so the host end).
/// </summary>
public sealed class TestPod : IDisposable
{
    private TestPod(TestNamespace ns, string containerId, string interfaceName)
    {
        Namespace = ns;
        ContainerId = containerId;
        InterfaceName = interfaceName;
    }

    /// <summary>The pod's network namespace.</summary>
    public TestNamespace Namespace { get; }

    /// <summary>The namespace name (for <c>ip -n</c>).</summary>
    public string Name => Namespace.Name;

    /// <summary>The namespace path, passed as <c>CNI_NETNS</c>.</summary>
    public string Path => Namespace.Path;

    /// <summary><c>CNI_CONTAINERID</c>.</summary>
    public string ContainerId { get; }

    /// <summary><c>CNI_IFNAME</c>.</summary>
    public string InterfaceName { get; }

    /// <summary>Creates a fresh pod namespace with loopback up; <paramref name="containerId"/> defaults to a random <c>ctr…</c>.</summary>
    public static TestPod Create(string interfaceName = "eth0", string? containerId = null) =>
        new(TestNamespace.Create("pod", loopbackUp: true), containerId ?? "ctr" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), interfaceName);

    /// <summary>Deletes the namespace.</summary>
    public void Dispose() => Namespace.Dispose();

    /// <inheritdoc/>
    public override string ToString() => $"{ContainerId}/{InterfaceName} in {Name}";
}
