namespace Podnet.Bridge.Cli;

/// <summary>The version printed by <c>podnet version</c> and in the CNI usage text (fixed at build time, no reflection).</summary>
internal static class PodnetVersion
{
    public static string Text => PodnetBuildInfo.Version;

    public static string About => $"podnet {Text}: CNI bridge plugin with in-process host-local IPAM";
}
