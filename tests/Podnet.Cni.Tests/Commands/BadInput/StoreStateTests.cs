using static Podnet.Cni.Tests.Commands.CorpusConfig;

namespace Podnet.Cni.Tests.Commands;

/// <summary>
/// Bad input, part 6: requests the store cannot satisfy, after real ADDs in the node namespace have filled it. The
/// failed ADD must leave the allocations, the bridge and every veth exactly as the successful ADDs left them.
/// </summary>
[Kernel]
public sealed class StoreStateTests
{
    private static readonly string s_smallNetwork = Network(HostLocal("""[[{"subnet":"10.77.0.0/29"}]]"""));

    private static readonly Dictionary<string, BadInputCase> s_cases = new BadInputCase[]
    {
        // 10.77.0.0/29: .1 is the gateway, .7 the broadcast address, .2 to .6 are the five pod addresses.
        new("the range is exhausted", CniErrorCode.AddressesExhausted, s_smallNetwork)
        {
            Setup = FillAsync(5),
            Message = "no IP addresses available in range set",
        },
        new("requested IP is outside the ranges", Cni.Ipam.IpamErrorCode.RequestedAddressUnavailable, s_smallNetwork)
        {
            Setup = FillAsync(1),
            Environment = new Dictionary<string, string?> { ["CNI_ARGS"] = "IP=10.78.0.5" },
        },
        new("requested IP is taken", Cni.Ipam.IpamErrorCode.RequestedAddressUnavailable, s_smallNetwork)
        {
            Setup = FillAsync(1),
            Environment = new Dictionary<string, string?> { ["CNI_ARGS"] = "IP=10.77.0.2" },
        },
        new("requested IP is taken (runtimeConfig.ips)", Cni.Ipam.IpamErrorCode.RequestedAddressUnavailable, Network(HostLocal("""[[{"subnet":"10.77.0.0/29"}]]"""), extra: ",\"runtimeConfig\":{\"ips\":[\"10.77.0.2/29\"]}"))
        {
            Setup = FillAsync(1, s_smallNetwork),
        },
        new("requested IP is the gateway", Cni.Ipam.IpamErrorCode.RequestedAddressUnavailable, s_smallNetwork)
        {
            Setup = FillAsync(1),
            Environment = new Dictionary<string, string?> { ["CNI_ARGS"] = "IP=10.77.0.1" },
        },
        new("the interface already exists in the pod", CniErrorCode.InterfaceExists, s_smallNetwork)
        {
            // The setup's first ADD used the same container id and eth0 in the same pod namespace.
            Setup = sandbox => sandbox.AddAsync(Substitute(s_smallNetwork, sandbox), "corpus-1", "eth0"),
        },
        new("dataDir is under a regular file", CniErrorCode.IOFailure, Network("""{"type":"host-local","dataDir":"{FILE}/ipam","ranges":[[{"subnet":"10.77.0.0/24"}]]}""")),
    }.ToDictionary(c => c.Name, StringComparer.Ordinal);

    public static TheoryData<string> Cases() => [.. s_cases.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Rejected_with_the_exact_code_and_no_side_effects(string name) => BadInputRunner.RunAsync(s_cases[name]);

    [Fact]
    public async Task The_failed_add_did_not_take_the_last_address()
    {
        // After the exhausted ADD fails, releasing one pod makes exactly that address available again.
        using PodnetSandbox sandbox = PodnetSandbox.Create();
        string config = Substitute(s_smallNetwork, sandbox);
        await FillAsync(5)(sandbox);
        HostOutcome exhausted = await sandbox.RunAsync(sandbox.Environment("ADD", "late-1"), config);
        exhausted.AssertError(CniErrorCode.AddressesExhausted);

        HostOutcome del = await sandbox.RunAsync(sandbox.Environment("DEL", "fill-3", "e3"), config);
        Assert.True(del.ExitCode == 0, del.StandardOutput);
        HostOutcome retry = await sandbox.RunAsync(sandbox.Environment("ADD", "late-1"), config);
        Assert.True(retry.ExitCode == 0, retry.StandardOutput);
        string address = retry.Json.GetProperty("ips")[0].GetProperty("address").GetString()!;
        Assert.StartsWith("10.77.0.", address, StringComparison.Ordinal);
        Assert.EndsWith("/29", address, StringComparison.Ordinal);
    }

    private static Func<PodnetSandbox, Task> FillAsync(int pods, string? network = null) => async sandbox =>
    {
        string config = Substitute(network ?? s_smallNetwork, sandbox);
        for (int i = 0; i < pods; i++)
        {
            await sandbox.AddAsync(config, $"fill-{i}", $"e{i}");
        }
    };

    private static string Substitute(string config, PodnetSandbox sandbox) =>
        config.Replace("{DATA}", sandbox.DataDirectory, StringComparison.Ordinal);
}
