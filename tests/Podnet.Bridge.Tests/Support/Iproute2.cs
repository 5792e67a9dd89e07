using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Podnet.Bridge.Tests.Support;

/// <summary>The independent checker: iproute2 (<c>ip -j -n NS</c>, <c>bridge -j -n NS</c>) and nftables, run as child processes.</summary>
public static class Iproute2
{
    /// <summary><c>ip -j -d -n NS ARGS</c> parsed as JSON.</summary>
    public static JsonNode Ip(string namespaceName, params string[] arguments) =>
        ParseJson("ip", ["-j", "-d", "-n", namespaceName, .. arguments]);

    /// <summary><c>ip -j -d -n NS link show NAME</c>: the single link object.</summary>
    public static JsonObject IpLink(string namespaceName, string linkName) =>
        Ip(namespaceName, "link", "show", "dev", linkName).AsArray().Single()!.AsObject();

    /// <summary><c>bridge -j -n NS ARGS</c> parsed as JSON.</summary>
    public static JsonNode Bridge(string namespaceName, params string[] arguments) =>
        ParseJson("bridge", ["-j", "-n", namespaceName, .. arguments]);

    /// <summary><c>nft -j list ruleset</c> inside the namespace (nft has no namespace option; <c>ip netns exec</c> provides it).</summary>
    public static JsonNode NftRuleset(string namespaceName) =>
        ParseJson("ip", ["netns", "exec", namespaceName, "nft", "-j", "list", "ruleset"]);

    /// <summary>Runs <c>ip -n NS ARGS</c> to change something inside a test namespace; fails the test on error.</summary>
    public static void IpChange(string namespaceName, params string[] arguments) => Run("ip", ["-n", namespaceName, .. arguments]);

    /// <summary>Runs a tool and returns stdout; fails the test on a non-zero exit.</summary>
    public static string Run(string fileName, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {fileName}");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill();
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not exit");
        }

        process.WaitForExit();
        return process.ExitCode == 0
            ? stdout.GetAwaiter().GetResult()
            : throw new Xunit.Sdk.XunitException($"{fileName} {string.Join(' ', arguments)} exited {process.ExitCode}: {stderr.GetAwaiter().GetResult()}");
    }

    private static JsonNode ParseJson(string fileName, IReadOnlyList<string> arguments)
    {
        string text = Run(fileName, arguments);
        return JsonNode.Parse(string.IsNullOrWhiteSpace(text) ? "[]" : text)
            ?? throw new Xunit.Sdk.XunitException($"{fileName} {string.Join(' ', arguments)} printed null");
    }
}
