using System.Diagnostics;
using System.Text.Json;

namespace Podnet.Agent.Kubernetes.Tests.Support;

/// <summary>iproute2, the independent view of what the kernel holds.</summary>
internal static class Ip
{
    /// <summary>Runs <c>ip -n NS ARGS</c>; fails the test on a non-zero exit.</summary>
    public static async Task<string> RunAsync(string ns, params string[] arguments)
    {
        var info = new ProcessStartInfo("ip") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-n");
        info.ArgumentList.Add(ns);
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(info)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"ip -n {ns} {string.Join(' ', arguments)}: {await stderr}");
        return await stdout;
    }

    /// <summary>The routes podnetd owns (protocol 98) in the main tables of both families, sorted.</summary>
    public static async Task<List<KernelRoute>> PodnetRoutesAsync(string ns)
    {
        var routes = new List<KernelRoute>();
        foreach (string family in new[] { "-4", "-6" })
        {
            using JsonDocument document = JsonDocument.Parse(await RunAsync(ns, "-j", family, "route", "show", "table", "main", "proto", "98"));
            foreach (JsonElement route in document.RootElement.EnumerateArray())
            {
                routes.Add(new KernelRoute(
                    route.GetProperty("dst").GetString()!,
                    route.TryGetProperty("gateway", out JsonElement gateway) ? gateway.GetString() : null,
                    route.TryGetProperty("dev", out JsonElement dev) ? dev.GetString() : null));
            }
        }

        return [.. routes.OrderBy(r => r.Destination, StringComparer.Ordinal)];
    }
}
