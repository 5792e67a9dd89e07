using System.Reflection;

namespace Podnet.Bridge.Cli;

/// <summary>The version printed by <c>podnet version</c> and in the CNI usage text.</summary>
internal static class PodnetVersion
{
    public static string Text { get; } =
        typeof(PodnetVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? "0.0.0";

    public static string About => $"podnet {Text}: CNI bridge plugin with in-process host-local IPAM";
}
