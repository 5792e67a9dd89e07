using System.Text;

namespace Podnet.Cni.Tests.Commands.Support;

/// <summary>Runs <see cref="CniPluginHost"/> in process with an explicit environment and stdin.</summary>
internal static class InProcessHost
{
    public static HostOutcome Run(ICniPlugin plugin, IReadOnlyDictionary<string, string> environment, string? stdin)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(stdin ?? string.Empty));
        using var output = new MemoryStream();
        using var error = new StringWriter();
        int exitCode = CniPluginHost.Run(plugin, environment, input, output, error);
        return new HostOutcome(exitCode, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }
}
