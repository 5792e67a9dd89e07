using System.Diagnostics;
using Podnet.Cni;

namespace Podnet.Bridge.Ipam;

/// <summary>
/// Runs another IPAM plugin as the CNI specification's delegation rules say: the binary named by <c>ipam.type</c>
/// from <c>CNI_PATH</c>, the same environment (with <c>CNI_COMMAND</c> set), the full configuration on stdin.
/// </summary>
internal static class DelegatedIpam
{
    public static IpamOutcome Add(CniRequest request, string type) =>
        DelegatedResult.Parse(Run(request, type, "ADD"), type);

    public static void Delete(CniRequest request, string type) => Run(request, type, "DEL");

    public static void Check(CniRequest request, string type) => Run(request, type, "CHECK");

    public static void Status(CniRequest request, string type) => Run(request, type, "STATUS");

    public static void GarbageCollect(CniRequest request, string type) => Run(request, type, "GC");

    private static byte[] Run(CniRequest request, string type, string command)
    {
        string binary = Find(request, type);
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
        using (Stream stdin = process.StandardInput.BaseStream)
        {
            stdin.Write(request.Config.Span);
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
