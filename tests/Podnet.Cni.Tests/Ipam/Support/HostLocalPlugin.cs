using System.Text.Json;

namespace Podnet.Cni.Tests.Ipam.Support;

/// <summary>Runs the reference /usr/lib/cni/host-local exactly as a runtime does (env + stdin).</summary>
internal static class HostLocalPlugin
{
    public const string Path = "/usr/lib/cni/host-local";

    /// <summary>A network configuration with one single-range range set per subnet.</summary>
    public static string Config(string network, string dataDirectory, params string[][] rangeSets)
    {
        string ranges = string.Join(",", rangeSets.Select(set => "[" + string.Join(",", set.Select(subnet => $"{{\"subnet\":\"{subnet}\"}}")) + "]"));
        return $"{{\"cniVersion\":\"1.0.0\",\"name\":\"{network}\",\"type\":\"bridge\",\"ipam\":{{\"type\":\"host-local\",\"dataDir\":\"{dataDirectory}\",\"ranges\":[{ranges}]}}}}";
    }

    public static Task<ProcessRun> RunAsync(string command, string containerId, string interfaceName, string config) =>
        ProcessRun.StartAsync(Path, [], new Dictionary<string, string>
        {
            ["CNI_COMMAND"] = command,
            ["CNI_CONTAINERID"] = containerId,
            ["CNI_NETNS"] = "/var/run/netns/podnet-ipam-unused",
            ["CNI_IFNAME"] = interfaceName,
            ["CNI_PATH"] = "/usr/lib/cni",
        }, config);

    /// <summary>ADD; returns the addresses of the result (CIDR text) or throws with the error object.</summary>
    public static async Task<IReadOnlyList<string>> AddAsync(string containerId, string interfaceName, string config)
    {
        ProcessRun run = await RunAsync("ADD", containerId, interfaceName, config);
        if (run.ExitCode != 0)
        {
            throw new HostLocalException(run.StandardOutput + run.StandardError);
        }

        using JsonDocument result = JsonDocument.Parse(run.StandardOutput);
        return [.. result.RootElement.GetProperty("ips").EnumerateArray().Select(ip => ip.GetProperty("address").GetString()!)];
    }

    public static async Task DelAsync(string containerId, string interfaceName, string config)
    {
        ProcessRun run = await RunAsync("DEL", containerId, interfaceName, config);
        if (run.ExitCode != 0)
        {
            throw new HostLocalException(run.StandardOutput + run.StandardError);
        }
    }

    /// <summary>The <c>msg</c> of a host-local error object.</summary>
    public static string ErrorMessage(HostLocalException error)
    {
        using JsonDocument document = JsonDocument.Parse(error.Message);
        return document.RootElement.GetProperty("msg").GetString()!;
    }
}
