using System.Diagnostics;

namespace Podnet.Netlink.Testing;

/// <summary>Runs iproute2's <c>ip</c> as an independent checker of what the runtime did (never for setup).</summary>
public static class IpCommand
{
    /// <summary>Runs <c>ip ARGS</c> and returns its standard output; throws if it exits non-zero.</summary>
    public static string Run(params string[] arguments)
    {
        (int exitCode, string output, string error) = TryRun(arguments);
        return exitCode == 0
            ? output
            : throw new InvalidOperationException($"ip {string.Join(' ', arguments)} exited with {exitCode}: {error}");
    }

    /// <summary>Runs <c>ip ARGS</c> and returns exit code, standard output and standard error.</summary>
    public static (int ExitCode, string Output, string Error) TryRun(params string[] arguments) => Execute("ip", arguments);

    /// <summary>Runs any program and returns exit code, standard output and standard error.</summary>
    public static (int ExitCode, string Output, string Error) Execute(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {program}.");
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.GetAwaiter().GetResult());
    }
}
