using System.Security.Cryptography;
using Podnet.Netlink;

namespace Podnet.Bridge.Tests.EndToEnd;

/// <summary>A pod sandbox: its own network namespace, a container id and the interface name the runtime asks for.</summary>
public sealed class E2ePod : IDisposable
{
    private E2ePod(NetworkNamespace ns, string containerId, string interfaceName)
    {
        Namespace = ns;
        ContainerId = containerId;
        InterfaceName = interfaceName;
    }

    /// <summary>The pod's network namespace.</summary>
    public NetworkNamespace Namespace { get; }

    /// <summary>The namespace name (for <c>ip -n</c>).</summary>
    public string Name => Namespace.Name;

    /// <summary>The namespace path, passed as <c>CNI_NETNS</c>.</summary>
    public string Path => Namespace.Path;

    /// <summary><c>CNI_CONTAINERID</c>.</summary>
    public string ContainerId { get; }

    /// <summary><c>CNI_IFNAME</c>.</summary>
    public string InterfaceName { get; }

    /// <summary>Creates a fresh namespace with loopback up.</summary>
    public static E2ePod Create(string interfaceName = "eth0")
    {
        NetworkNamespace ns = NetworkNamespace.Create(NetworkNamespace.CreateUniqueName("pn-e2e-"));
        try
        {
            ns.BringLoopbackUp();
            return new E2ePod(ns, "ctr" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), interfaceName);
        }
        catch
        {
            ns.Dispose();
            throw;
        }
    }

    /// <summary>Deletes the namespace (and with it the container end of the veth, and so the host end).</summary>
    public void Dispose() => Namespace.Dispose();

    /// <inheritdoc/>
    public override string ToString() => $"{ContainerId}/{InterfaceName} in {Name}";
}
