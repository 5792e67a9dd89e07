using System.Net;
using System.Text.Json;
using Podnet.Netlink.Route;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.Routing;

/// <summary>
/// A <see cref="TestNode"/> set up like a node on a shared L2 segment: <c>eth0</c> (<see cref="TestNode.AddEth0"/>)
/// with <see cref="NodeIpv4"/>/20 and <see cref="NodeIpv6"/>/64, so every node IP in 192.168.0.0/20 and fd00:1::/64 is
/// on-link; and the route views the routing tests compare.
/// </summary>
public static class RoutingNode
{
    /// <summary>This node's IPv4 address.</summary>
    public const string NodeIpv4 = "192.168.1.11";

    /// <summary>This node's IPv6 address.</summary>
    public const string NodeIpv6 = "fd00:1::11";

    /// <summary>Creates the node and its <c>eth0</c>, and waits for the kernel's link-local routes.</summary>
    public static TestNode Create()
    {
        TestNode node = TestNode.Create();
        try
        {
            node.AddEth0((IPAddress.Parse(NodeIpv4), 20), (IPAddress.Parse(NodeIpv6), 64));
            using Rtnetlink netlink = Rtnetlink.OpenIn(node.Path);
            AwaitLinkLocalRoutes(netlink);
            return node;
        }
        catch
        {
            node.Dispose();
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
    public static async Task<string> IpAsync(this TestNode node, params string[] arguments)
    {
        ProcessOutcome outcome = await OperatorCommand.RunAsync("ip", ["-n", node.Name, .. arguments]);
        Assert.True(outcome.ExitCode == 0, $"ip -n {node.Name} {string.Join(' ', arguments)}: {outcome}");
        return outcome.Stdout;
    }

    /// <summary>
    /// The main table of both families exactly as <c>ip -j</c> prints it: the independent view used to prove that a
    /// run changed nothing (compared as text) or changed what it should (see <see cref="RoutesAsync"/>).
    /// </summary>
    public static async Task<string> RouteDumpAsync(this TestNode node) =>
        await node.IpAsync("-j", "-4", "route", "show", "table", "main") + await node.IpAsync("-j", "-6", "route", "show", "table", "main");

    /// <summary>The routes of both families in the main table, parsed from <c>ip -j route</c>.</summary>
    public static async Task<List<KernelRoute>> RoutesAsync(this TestNode node)
    {
        var routes = new List<KernelRoute>();
        foreach (string family in new[] { "-4", "-6" })
        {
            using JsonDocument document = JsonDocument.Parse(await node.IpAsync("-j", family, "route", "show", "table", "main"));
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
    public static async Task<List<KernelRoute>> PodnetRoutesAsync(this TestNode node) =>
        [.. (await node.RoutesAsync()).Where(r => r.Protocol == "98").OrderBy(r => r.Destination, StringComparer.Ordinal)];
}
