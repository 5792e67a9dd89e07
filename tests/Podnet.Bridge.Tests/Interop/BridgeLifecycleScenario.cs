using System.Text.Json.Nodes;
using Podnet.Bridge.Tests.Faults.Harness;
using Podnet.Netlink;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.Interop;

/// <summary>
/// ADD → CHECK → cached result → DEL → DEL through libcni for a bridge-type plugin chained with portmap,
/// asserting on libcni's answers and on the kernel and IPAM state they should have left behind.
/// </summary>
public static class BridgeLifecycleScenario
{
    private const string IfName = "eth0";
    private const int HostPort = 18080;
    private const int ContainerPort = 80;

    /// <summary>Runs the scenario for the plugin <paramref name="pluginType"/> found at <paramref name="pluginBinary"/>.</summary>
    public static async Task RunAsync(string pluginType, string pluginBinary, string cniVersion, CancellationToken cancellationToken)
    {
        LibcniDriver driver = await LibcniDriver.LocateAsync(cancellationToken);
        using TestNode sandbox = TestNode.Create();
        TestPod sandboxPod = sandbox.CreatePod();
        string pluginDirectory = PluginDirectory.Prepare(pluginType, pluginBinary, sandbox.Directory);
        var conflist = new BridgeConflist(
            cniVersion, sandbox.NetworkName, pluginType, sandbox.BridgeName, InteropNode.Subnet, sandbox.DataDirectory);
        var runtimeConf = new LibcniRuntimeConf(
            sandbox.WriteConflist(conflist.ToJson()),
            sandboxPod.Path,
            sandboxPod.ContainerId,
            IfName,
            [pluginDirectory],
            sandbox.CacheDirectory())
        {
            CapabilityArgsJson = $$"""{"portMappings":[{"hostPort":{{HostPort}},"containerPort":{{ContainerPort}},"protocol":"tcp"}]}""",
            Node = sandbox.Namespace.Namespace,
        };

        LibcniOutcome add = await driver.RunAsync(LibcniCommand.Add, runtimeConf, cancellationToken);
        Assert.True(add.Succeeded, add.ToString());
        PodAttachment pod = PodAttachment.Parse(add.Stdout, IfName, sandboxPod.Path);
        Assert.Equal(cniVersion, pod.CniVersion);
        Assert.True(InteropNode.Subnet.Contains(pod.Address), $"{pod.Address} is outside {InteropNode.Subnet}");
        Assert.Equal(InteropNode.Subnet.PrefixLength, pod.PrefixLength);

        string podAddresses = await RequireAsync(IpAsync(sandboxPod.Name, ["-o", "-4", "addr", "show", "dev", IfName], cancellationToken));
        Assert.Contains($"inet {pod.Address}/{pod.PrefixLength}", podAddresses, StringComparison.Ordinal);
        await RequireAsync(IpAsync(sandbox.Name, ["-o", "link", "show", "dev", sandbox.BridgeName], cancellationToken));
        Assert.True(File.Exists(Path.Combine(sandbox.StoreDirectory, pod.Address.ToString())),
            $"host-local holds no lease file for {pod.Address} in {sandbox.StoreDirectory}");
        string dnat = $"--to-destination {pod.Address}:{ContainerPort}";
        Assert.Contains(dnat, await NodeNatRulesAsync(sandbox, cancellationToken), StringComparison.Ordinal);

        // CHECK goes without the port mappings: Debian's portmap (plugins 1.1.1) then looks for the IPv4 rules
        // in the ip6tables nat table and always fails (containernetworking/plugins#819, fixed in 1.2.0).
        // Without mappings portmap's CHECK has nothing to check, while the bridge plugin and host-local still
        // check the interface, addresses and lease. Restore the mappings here once the reference is >= 1.2.0.
        LibcniRuntimeConf checkConf = runtimeConf with { CapabilityArgsJson = null };
        LibcniOutcome check = await driver.RunAsync(LibcniCommand.Check, checkConf, cancellationToken);
        Assert.True(check.Succeeded, check.ToString());

        LibcniOutcome cached = await driver.RunAsync(LibcniCommand.Cached, runtimeConf, cancellationToken);
        Assert.True(cached.Succeeded, cached.ToString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(add.Stdout), JsonNode.Parse(cached.Stdout)),
            $"the cached result differs from the ADD result:\n{add.Stdout}\n---\n{cached.Stdout}");

        LibcniOutcome del = await driver.RunAsync(LibcniCommand.Del, runtimeConf, cancellationToken);
        Assert.True(del.Succeeded, del.ToString());

        string podLinks = await RequireAsync(IpAsync(sandboxPod.Name, ["-o", "link", "show"], cancellationToken));
        Assert.DoesNotContain(IfName, LinkNames(podLinks));
        Assert.False(File.Exists(Path.Combine(sandbox.StoreDirectory, pod.Address.ToString())),
            $"host-local still holds a lease file for {pod.Address} after DEL");
        Assert.DoesNotContain(dnat, await NodeNatRulesAsync(sandbox, cancellationToken), StringComparison.Ordinal);
        LibcniOutcome cachedAfterDel = await driver.RunAsync(LibcniCommand.Cached, runtimeConf, cancellationToken);
        Assert.True(cachedAfterDel.ExitCode == LibcniOutcome.NoCachedResultExitCode, cachedAfterDel.ToString());

        // The spec requires DEL to succeed when there is nothing left to delete.
        LibcniOutcome secondDel = await driver.RunAsync(LibcniCommand.Del, runtimeConf, cancellationToken);
        Assert.True(secondDel.Succeeded, secondDel.ToString());
    }

    private static async Task<string> NodeNatRulesAsync(TestNode sandbox, CancellationToken cancellationToken) =>
        await RequireAsync(OperatorCommand.RunAsync("iptables-save", ["-t", "nat"], sandbox.Path, cancellationToken: cancellationToken));

    /// <summary>Runs <c>ip -n NAME …</c>, an iproute2 query confined to <paramref name="ns"/>.</summary>
    private static Task<ProcessOutcome> IpAsync(string ns, IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        OperatorCommand.RunAsync("ip", ["-n", ns, .. arguments], cancellationToken: cancellationToken);

    private static async Task<string> RequireAsync(Task<ProcessOutcome> running)
    {
        ProcessOutcome outcome = await running;
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        return outcome.Stdout;
    }

    // `ip -o link show` lines read "2: eth0@if5: <FLAGS> …".
    private static List<string> LinkNames(string ipOneLineLinks) =>
        ipOneLineLinks
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(": ", 3))
            .Where(fields => fields.Length >= 2)
            .Select(fields => fields[1].Split('@')[0])
            .ToList();
}
