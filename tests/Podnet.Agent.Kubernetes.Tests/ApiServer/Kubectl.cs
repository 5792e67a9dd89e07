using System.Diagnostics;
using System.Text;
using Podnet.Testing.Nodes;

namespace Podnet.Agent.Kubernetes.Tests.ApiServer;

/// <summary>The machine's <c>/usr/bin/kubectl</c>, run against a kubeconfig.</summary>
internal static class Kubectl
{
    /// <summary>Where the kubectl these machines ship lives.</summary>
    public const string Path = "/usr/bin/kubectl";

    /// <summary>Starts <c>kubectl --kubeconfig F ARGS</c> with output collected into <paramref name="stdout"/> and <paramref name="stderr"/>.</summary>
    public static Process Start(string kubeconfig, IEnumerable<string> arguments, StringBuilder stdout, StringBuilder stderr)
    {
        if (!File.Exists(Path))
        {
            throw new FileNotFoundException($"{Path} is missing: these tests prove the test API server faithful with the kubectl that machines of this kind ship", Path);
        }

        var info = new ProcessStartInfo(Path)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add("--kubeconfig");
        info.ArgumentList.Add(kubeconfig);
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Keep kubectl's discovery cache inside the test's own directory.
        info.Environment["HOME"] = System.IO.Path.GetDirectoryName(kubeconfig)!;
        info.Environment["KUBECACHEDIR"] = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(kubeconfig)!, "cache");
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Runs kubectl to completion; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string kubeconfig, params string[] arguments)
    {
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        using Process process = Start(kubeconfig, arguments, stdout, stderr);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl {string.Join(' ', arguments)} did not exit within 60 s\n{stderr}");
        }

        process.WaitForExit();
        return (process.ExitCode, Read(stdout), Read(stderr));
    }

    /// <summary>The text collected so far.</summary>
    public static string Read(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
