using System.Diagnostics;
using Podnet.Bridge.Tests.Faults.Harness;
using Podnet.Netlink;
using Podnet.Testing;
using Podnet.Testing.Nodes;
using Podnet.Testing.Repository;

namespace Podnet.Bridge.Tests.Support;

/// <summary>
/// Runs a program as an operator would on a node: an argument vector (never a shell line), optionally inside a network
/// namespace. The process is started from a thread that has entered the namespace, so the child inherits it (as with
/// <c>ip netns exec</c>) while the test host's own namespace is never switched.
/// </summary>
public static class OperatorCommand
{
    /// <summary>How long a command may run unless the caller says otherwise.</summary>
    public static TimeSpan DefaultTimeLimit { get; } = TimeSpan.FromSeconds(60);

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
            ? Process.Start(startInfo) ?? throw new InvalidOperationException($"could not start {fileName}")
            : NetworkNamespace.RunInNamespace(netnsPath, () => Process.Start(startInfo) ?? throw new InvalidOperationException($"could not start {fileName}"));

        // Nothing is sent on stdin; closing it keeps the child from reading the test host's.
        process.StandardInput.Close();
        return process;
    }

    /// <summary>
    /// Runs <paramref name="fileName"/> to completion and collects its output. The process is killed when
    /// <paramref name="cancellationToken"/> fires (rethrown) or after <paramref name="timeLimit"/>
    /// (<see cref="DefaultTimeLimit"/> when null; a <see cref="TimeoutException"/>).
    /// </summary>
    public static async Task<ProcessOutcome> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string? netnsPath = null,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeLimit = null,
        CancellationToken cancellationToken = default)
    {
        TimeSpan limit = timeLimit ?? DefaultTimeLimit;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(limit);
        using Process process = Start(fileName, arguments, netnsPath, environment);
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(stop.Token);
        Task<string> stderr = process.StandardError.ReadToEndAsync(stop.Token);
        try
        {
            await process.WaitForExitAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {limit}");
        }

        return new ProcessOutcome(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs the published <c>podnet ARGS</c> (<see cref="PodnetBinary.Path"/>), optionally inside a network namespace.</summary>
    public static Task<ProcessOutcome> RunPodnetAsync(IEnumerable<string> arguments, string? netnsPath = null) =>
        RunAsync(PodnetBinary.Path, arguments, netnsPath);
}
