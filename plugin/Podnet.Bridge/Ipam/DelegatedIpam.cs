using System.Diagnostics;
using Podnet.Cni;

namespace Podnet.Bridge.Ipam;

/// <summary>
/// Runs another IPAM plugin as the CNI specification's delegation rules say: the binary named by <c>ipam.type</c>
/// from <c>CNI_PATH</c>, the same environment (with <c>CNI_COMMAND</c> set), the full configuration on stdin.
/// </summary>
internal static class DelegatedIpam
{
    /// <summary>
    /// ADD; when it fails (the delegate's error, or a result podnet cannot use) the delegate gets DEL before the
    /// error is returned, as the spec's delegation procedure says, so a reservation it made does not leak.
    /// </summary>
    public static IpamOutcome Add(CniRequest request, string type)
    {
        string binary = Find(request, type);
        try
        {
            return DelegatedResult.Parse(Run(request, binary, type, "ADD"), type);
        }
        catch
        {
            ReleaseAfterFailedAdd(request, binary, type);
            throw;
        }
    }

    public static void Delete(CniRequest request, string type) => Run(request, Find(request, type), type, "DEL");

    public static void Check(CniRequest request, string type) => Run(request, Find(request, type), type, "CHECK");

    public static void Status(CniRequest request, string type) => Run(request, Find(request, type), type, "STATUS");

    public static void GarbageCollect(CniRequest request, string type) => Run(request, Find(request, type), type, "GC");

    private static void ReleaseAfterFailedAdd(CniRequest request, string binary, string type)
    {
        try
        {
            Run(request, binary, type, "DEL");
        }
        catch (Exception e) when (e is CniException or IOException or System.ComponentModel.Win32Exception)
        {
            // The ADD's error is the one to report; the failed DEL is only logged.
            Console.Error.WriteLine($"podnet: DEL of IPAM plugin {type} after its failed ADD failed: {e.Message}");
        }
    }

    private static byte[] Run(CniRequest request, string binary, string type, string command)
    {
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        start.Environment.Clear();
        foreach ((string key, string value) in request.Environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["CNI_COMMAND"] = command;
        using Process process = Process.Start(start) ?? throw new CniException(CniErrorCode.IOFailure, $"could not start IPAM plugin {binary}");
        try
        {
            using Stream stdin = process.StandardInput.BaseStream;
            stdin.Write(request.Config.Span);
        }
        catch (IOException)
        {
            // The delegate exited (or closed stdin) before reading all of it, e.g. on a bad environment: its exit
            // status and error object say why, so go on and read them.
        }

        using var output = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(output);
        process.WaitForExit();
        byte[] bytes = output.ToArray();
        if (process.ExitCode != 0)
        {
            throw DelegatedResult.Error(bytes, type, process.ExitCode);
        }

        return bytes;
    }

    private static string Find(CniRequest request, string type)
    {
        if (type.Contains('/', StringComparison.Ordinal) || type is "." or "..")
        {
            throw new CniException(CniErrorCode.InvalidNetworkConfig, $"invalid IPAM plugin type \"{type}\"");
        }

        foreach (string directory in request.Path)
        {
            string candidate = Path.Combine(directory, type);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new CniException(
            CniErrorCode.InvalidNetworkConfig,
            $"failed to find plugin \"{type}\" in path [{string.Join(' ', request.Path)}]");
    }
}
