using System.Diagnostics;
using Podnet.Netlink;

namespace Podnet.Demo;

/// <summary>
/// Runs a binary the way a container runtime runs a CNI plugin: environment variables, configuration on stdin,
/// result on stdout. The process starts inside the node's network namespace (forked from a thread that joined it).
/// </summary>
internal static class CniInvocation
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    public static Outcome Run(string nodeNamespacePath, string binary, IReadOnlyDictionary<string, string> environment, string? stdin, IReadOnlyList<string>? arguments = null)
    {
        return NetworkNamespace.RunInNamespace(nodeNamespacePath, () =>
        {
            var start = new ProcessStartInfo(binary)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in arguments ?? [])
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment.Remove("CNI_COMMAND");
            foreach ((string key, string value) in environment)
            {
                start.Environment[key] = value;
            }

            using Process process = Process.Start(start)!;
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            if (stdin is not null)
            {
                process.StandardInput.Write(stdin);
            }

            process.StandardInput.Close();
            process.WaitForExit();
            return new Outcome(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
        });
    }
}
