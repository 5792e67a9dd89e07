using System.Diagnostics;
using Podnet.Netlink;

namespace Podnet.Bridge.Tests.Routing;

/// <summary>
/// Runs a program as an operator would on a node: an argument vector, optionally inside a network namespace. The
/// process is started from a thread that has entered the namespace, so the child inherits it (as with
/// <c>ip netns exec</c>) while the test host's own namespace is never switched.
/// </summary>
public static class OperatorCommand
{
    private static readonly TimeSpan s_timeLimit = TimeSpan.FromSeconds(60);

    /// <summary>Starts <paramref name="fileName"/> with output redirected; stdin is closed at once.</summary>
    /// <param name="fileName">The executable.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="netnsPath">The namespace to run in (<c>/run/netns/NAME</c>), or <see langword="null"/> for the test host's.</param>
    /// <param name="environment">Extra environment variables.</param>
    public static Process Start(string fileName, IEnumerable<string> arguments, string? netnsPath = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // The test host may itself run as a CNI plugin test with CNI_* set; an operator's shell has none.
        foreach (string name in startInfo.Environment.Keys.Where(k => k.StartsWith("CNI_", StringComparison.Ordinal)).ToList())
        {
            startInfo.Environment.Remove(name);
        }

        foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        Process process = netnsPath is null
            ? Process.Start(startInfo)!
            : NetworkNamespace.RunInNamespace(netnsPath, () => Process.Start(startInfo)!);
        process.StandardInput.Close();
        return process;
    }

    /// <summary>Runs <paramref name="fileName"/> to completion (killed after a minute) and collects its output.</summary>
    public static async Task<CommandOutcome> RunAsync(string fileName, IEnumerable<string> arguments, string? netnsPath = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var limit = new CancellationTokenSource(s_timeLimit);
        using Process process = Start(fileName, arguments, netnsPath, environment);
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(limit.Token);
        Task<string> stderr = process.StandardError.ReadToEndAsync(limit.Token);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {s_timeLimit}");
        }

        return new CommandOutcome(process.ExitCode, await stdout, await stderr);
    }
}
