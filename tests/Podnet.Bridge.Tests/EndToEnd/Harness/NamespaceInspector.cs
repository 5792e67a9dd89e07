using System.Net;
using Podnet.Bridge.Tests.Faults.Harness;
using Podnet.Netlink;
using Podnet.Netlink.Route;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.EndToEnd.Harness;

/// <summary>Reads kernel state inside a namespace through the Podnet rtnetlink runtime (and procfs on a namespace thread).</summary>
public static class NamespaceInspector
{
    /// <summary>Every link in the namespace.</summary>
    public static List<LinkMessage> Links(string namespacePath)
    {
        using Rtnetlink rt = Rtnetlink.OpenIn(namespacePath);
        return rt.Links.List();
    }

    /// <summary>The sorted names of every link in the namespace.</summary>
    public static List<string> LinkNames(string namespacePath) =>
        [.. Links(namespacePath).Select(l => l.Name ?? $"#{l.Index}").Order(StringComparer.Ordinal)];

    /// <summary>The link named <paramref name="name"/>, or null.</summary>
    public static LinkMessage? Link(string namespacePath, string name)
    {
        using Rtnetlink rt = Rtnetlink.OpenIn(namespacePath);
        return rt.Links.Find(name);
    }

    /// <summary>The veth links of the namespace.</summary>
    public static List<LinkMessage> Veths(string namespacePath) =>
        [.. Links(namespacePath).Where(l => l.LinkInfo?.Kind == "veth")];

    /// <summary>The addresses on the link named <paramref name="name"/> (none when the link is missing).</summary>
    public static List<InterfaceAddress> Addresses(string namespacePath, string name, RouteAddressFamily family = RouteAddressFamily.Unspecified)
    {
        using Rtnetlink rt = Rtnetlink.OpenIn(namespacePath);
        LinkMessage? link = rt.Links.Find(name);
        return link is null ? [] : rt.Addresses.ListOf(link.Index, family);
    }

    /// <summary>The main-table routes of one family.</summary>
    public static List<RouteMessage> Routes(string namespacePath, RouteAddressFamily family)
    {
        using Rtnetlink rt = Rtnetlink.OpenIn(namespacePath);
        return rt.Routes.List(family);
    }

    /// <summary>The default route of the family, or null.</summary>
    public static RouteMessage? DefaultRoute(string namespacePath, RouteAddressFamily family) =>
        Routes(namespacePath, family).FirstOrDefault(r => r.DestinationLength == 0 && r.Type == RouteType.Unicast);

    /// <summary>Reads <c>/proc/sys/…</c> from a thread inside the namespace (the values are per namespace).</summary>
    public static string ReadSysctl(string namespacePath, string relativePath) =>
        NetworkNamespace.RunInNamespace(namespacePath, () => File.ReadAllText(System.IO.Path.Combine("/proc/sys", relativePath)).Trim());

    /// <summary>The first address of <paramref name="family"/> on <paramref name="name"/>.</summary>
    public static IPAddress AddressOf(string namespacePath, string name, RouteAddressFamily family = RouteAddressFamily.Inet) =>
        Addresses(namespacePath, name, family).Where(a => !a.Address.IsIPv6LinkLocal).Select(a => a.Address).FirstOrDefault()
        ?? throw new Xunit.Sdk.XunitException($"{name} has no {family} address in {namespacePath}");
}
