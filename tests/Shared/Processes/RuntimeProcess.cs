using System.Diagnostics;
using System.Text;
using Podnet.Netlink;

namespace Podnet.Testing.Processes;

/// <summary>
/// Starts a plugin the way a container runtime on a node does: only the environment it is given (nothing inherited),
/// the configuration on stdin, and forked from a thread that has entered the node's network namespace, so the child
/// lives there from its first instruction while the test host's own namespace is never switched.
/// </summary>
internal static class RuntimeProcess
{
    /// <summary>Start parameters for <paramref name="executable"/> with exactly <paramref name="environment"/> and all streams redirected.</summary>
    public static ProcessStartInfo StartInfo(string executable, IEnumerable<KeyValuePair<string, string>> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var info = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        };
        info.Environment.Clear();
        foreach ((string name, string value) in environment)
        {
            info.Environment[name] = value;
        }

        return info;
    }

    /// <summary>Starts <paramref name="info"/>, inside the namespace at <paramref name="netnsPath"/> unless it is <see langword="null"/>.</summary>
    public static Process Start(string? netnsPath, ProcessStartInfo info) =>
        netnsPath is null ? StartOne(info) : StartAll(netnsPath, [info])[0];

    /// <summary>
    /// Starts every process from one thread inside the namespace at <paramref name="netnsPath"/>, so all exist before
    /// the first is awaited; if one cannot start, those already started are killed. <paramref name="clock"/>, when
    /// given, is started the instant before the first process.
    /// </summary>
    public static List<Process> StartAll(string netnsPath, IReadOnlyList<ProcessStartInfo> infos, Stopwatch? clock = null)
    {
        ArgumentNullException.ThrowIfNull(infos);
        return NetworkNamespace.RunInNamespace(netnsPath, () =>
        {
            var started = new List<Process>(infos.Count);
            try
            {
                clock?.Start();
                foreach (ProcessStartInfo info in infos)
                {
                    started.Add(StartOne(info));
                }
            }
            catch
            {
                foreach (Process process in started)
                {
                    process.Kill();
                    process.Dispose();
                }

                throw;
            }

            return started;
        });
    }

    private static Process StartOne(ProcessStartInfo info) =>
        Process.Start(info) ?? throw new InvalidOperationException($"could not start {info.FileName}");
}
