using System.Net;
using System.Text.Json;
using Podnet.Netlink;
using Podnet.Netlink.Route;

namespace Podnet.Bridge.Tests.Routing;

/// <summary>
/// A fresh network namespace set up like a node on a shared L2 segment: <c>eth0</c> (a veth whose peer <c>eth0p</c>
/// stays in the namespace, so both ends are up and the link has carrier) with <see cref="NodeIpv4"/>/20 and
/// <see cref="NodeIpv6"/>/64, so every node IP in 192.168.0.0/20 and fd00:1::/64 is on-link. Deleted on dispose.
/// </summary>
/// <remarks>The kernel here has no <c>dummy</c> driver ("Unknown device type"), hence the veth.</remarks>
public sealed class NodeNetworkNamespace : IDisposable
{
    /// <summary>This node's IPv4 address.</summary>
    public const string NodeIpv4 = "192.168.1.11";

    /// <summary>This node's IPv6 address.</summary>
    public const string NodeIpv6 = "fd00:1::11";

    private readonly NetworkNamespace _namespace;

    private NodeNetworkNamespace(NetworkNamespace created) => _namespace = created;

    /// <summary>The namespace name (<c>pn-node-</c> + hex).</summary>
    public string Name => _namespace.Name;

    /// <summary>The namespace file, <c>/run/netns/NAME</c>.</summary>
    public string Path => _namespace.Path;

    /// <summary>Creates the namespace and its <c>eth0</c>.</summary>
    public static NodeNetworkNamespace Create()
    {
        NetworkNamespace created = NetworkNamespace.Create(NetworkNamespace.CreateUniqueName("pn-node-"));
        try
        {
            created.BringLoopbackUp();
            using Rtnetlink netlink = Rtnetlink.OpenIn(created.Path);
            netlink.Links.CreateVethPair(new VethPair("eth0", "eth0p"));
            int eth0 = netlink.Links.Get("eth0").Index;
            int peer = netlink.Links.Get("eth0p").Index;
            netlink.Addresses.Add(eth0, new InterfaceAddress(IPAddress.Parse(NodeIpv4), 20));
            netlink.Addresses.Add(eth0, new InterfaceAddress(IPAddress.Parse(NodeIpv6), 64), AddressFlags.NoDad);
            netlink.Links.SetUp(peer);
            netlink.Links.SetUp(eth0);
            AwaitLinkLocalRoutes(netlink);
            return new NodeNetworkNamespace(created);
        }
        catch
        {
            created.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The kernel adds the <c>fe80::/64</c> routes of both veth ends a moment after the links come up; wait for them so a
    /// "before" route dump is not taken half-way through.
    /// </summary>
    private static void AwaitLinkLocalRoutes(Rtnetlink netlink)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(10);
        while (netlink.Routes.List(RouteAddressFamily.Inet6).Count(r => r.DestinationLength == 64 && r.Destination?.IsIPv6LinkLocal == true) < 2)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the fe80::/64 routes of eth0 and eth0p did not appear within 10 s");
            }

            Thread.Sleep(10);
        }
    }

    /// <summary>Runs <c>ip -n NAME ARGS</c> and fails the test when iproute2 does.</summary>
    public async Task<string> IpAsync(params string[] arguments)
    {
        ProcessOutcome outcome = await OperatorCommand.RunAsync("ip", ["-n", Name, .. arguments]);
        Assert.True(outcome.ExitCode == 0, $"ip -n {Name} {string.Join(' ', arguments)}: {outcome}");
        return outcome.Stdout;
    }

    /// <summary>
    /// The main table of both families exactly as <c>ip -j</c> prints it: the independent view used to prove that a
    /// run changed nothing (compared as text) or changed what it should (see <see cref="RoutesAsync"/>).
    /// </summary>
    public async Task<string> RouteDumpAsync() =>
        await IpAsync("-j", "-4", "route", "show", "table", "main") + await IpAsync("-j", "-6", "route", "show", "table", "main");

    /// <summary>The routes of both families in the main table, parsed from <c>ip -j route</c>.</summary>
    public async Task<List<KernelRoute>> RoutesAsync()
    {
        var routes = new List<KernelRoute>();
        foreach (string family in new[] { "-4", "-6" })
        {
            using JsonDocument document = JsonDocument.Parse(await IpAsync("-j", family, "route", "show", "table", "main"));
            foreach (JsonElement route in document.RootElement.EnumerateArray())
            {
                routes.Add(new KernelRoute(
                    route.GetProperty("dst").GetString()!,
                    route.TryGetProperty("gateway", out JsonElement gateway) ? gateway.GetString() : null,
                    route.TryGetProperty("dev", out JsonElement dev) ? dev.GetString() : null,
                    route.TryGetProperty("protocol", out JsonElement protocol) ? protocol.ToString() : "boot"));
            }
        }

        return routes;
    }

    /// <summary>The routes carrying podnet's protocol number (98).</summary>
    public async Task<List<KernelRoute>> PodnetRoutesAsync() =>
        [.. (await RoutesAsync()).Where(r => r.Protocol == "98").OrderBy(r => r.Destination, StringComparer.Ordinal)];

    /// <inheritdoc/>
    public void Dispose() => _namespace.Dispose();
}
