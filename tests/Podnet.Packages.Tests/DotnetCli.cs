using System.Diagnostics;

namespace Podnet.Packages.Tests;

/// <summary>Runs the <c>dotnet</c> CLI as a developer would, without MSBuild state inherited from the test host.</summary>
internal static class DotnetCli
{
    /// <summary>Runs <c>dotnet ARGS</c> in <paramref name="directory"/> and returns the exit code and the combined output.</summary>
    public static (int ExitCode, string Output) Run(
        string directory,
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        int timeoutMinutes = 10)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // A test host started by `dotnet test` may carry MSBuild settings of the outer build; a consumer has none.
        foreach (string name in info.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(name);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        using Process process = Process.Start(info) ?? throw new InvalidOperationException("cannot start dotnet");
        Task<string> error = process.StandardError.ReadToEndAsync();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(timeoutMinutes)))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish in {timeoutMinutes} minutes: {output.Result}{error.Result}");
        }

        process.WaitForExit();
        return (process.ExitCode, output.GetAwaiter().GetResult() + error.GetAwaiter().GetResult());
    }

    /// <summary>Build arguments that leave no MSBuild node or compiler server running after the command.</summary>
    public static string[] NoServers => ["--disable-build-servers", "-nologo", "-tl:off"];
}
