using System.Net;

namespace Podnet.Demo;

/// <summary>A pod of the demo: its namespace, its node and the address podnet gave it.</summary>
internal sealed record DemoPod(string Name, string Namespace, DemoNode Node, string ContainerId)
{
    public IPAddress? Address { get; set; }

    public string NamespacePath => $"/run/netns/{Namespace}";
}
