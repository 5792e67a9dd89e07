using System.Text.Json;
namespace Podnet.Netlink.Testing;

/// <summary>iproute2's JSON output (<c>ip -j</c>, <c>bridge -j</c>) inside a test namespace: the independent checker.</summary>
public static class IprouteJson
{
    /// <summary>Runs <c>ip -j -n NS ARGS</c> and returns the array it printed.</summary>
    public static JsonElement Ip(TestNamespace ns, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(ns);
        return Parse(ns.Ip(["-j", .. arguments]));
    }

    /// <summary>Runs <c>bridge -j -n NS ARGS</c> and returns the array it printed.</summary>
    public static JsonElement Bridge(TestNamespace ns, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(ns);
        (int exitCode, string output, string error) = IpCommand.Execute("bridge", ["-j", "-n", ns.Name, .. arguments]);
        return exitCode == 0 ? Parse(output) : throw new InvalidOperationException($"bridge {string.Join(' ', arguments)}: {error}");
    }

    /// <summary>The one link <c>ip -d -j link show dev NAME</c> prints.</summary>
    public static JsonElement Link(TestNamespace ns, string name) => Ip(ns, "-d", "link", "show", "dev", name)[0];

    /// <summary>Whether <c>ip link show dev NAME</c> finds the link.</summary>
    public static bool LinkExists(TestNamespace ns, string name)
    {
        ArgumentNullException.ThrowIfNull(ns);
        return IpCommand.TryRun("-n", ns.Name, "link", "show", "dev", name).ExitCode == 0;
    }

    /// <summary>
    /// Runs a failing <c>ip -n NS ARGS</c> and returns the kernel's extended-ACK text as iproute2 prints it for a failing command ("Error: TEXT."), or
    /// <see langword="null"/> when it printed the bare errno ("RTNETLINK answers: …"), meaning the kernel sent none.
    /// </summary>
    public static string? ExtendedAckOf(TestNamespace ns, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(ns);
        (int exitCode, _, string error) = IpCommand.TryRun(["-n", ns.Name, .. arguments]);
        if (exitCode == 0)
        {
            throw new InvalidOperationException($"ip {string.Join(' ', arguments)} succeeded; expected it to fail.");
        }

        const string prefix = "Error: ";
        return error.StartsWith(prefix, StringComparison.Ordinal) ? error[prefix.Length..].Trim().TrimEnd('.') : null;
    }

    private static JsonElement Parse(string output)
    {
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(output) ? "[]" : output);
        return document.RootElement.Clone();
    }
}
