using Podnet.Testing.Repository;

namespace Podnet.Bridge.Tests.Interop;

/// <summary>
/// Each row names a plugin type, the binary that implements it, and the configuration list version; the
/// scenario runs the binary through libcni, chained with the reference portmap and host-local.
/// </summary>
[Kernel]
public sealed class LibcniLifecycleTests
{
    /// <summary>The reference bridge plugin, the yardstick every row is measured against.</summary>
    public static TheoryData<string, string, string> ReferencePlugins => new()
    {
        { "bridge", Path.Combine(PluginDirectory.Reference, "bridge"), "0.4.0" },
        { "bridge", Path.Combine(PluginDirectory.Reference, "bridge"), "1.0.0" },
    };

    /// <summary>The podnet plugin (PODNET_BINARY, else artifacts/bin/podnet), in a scratch plugin directory.</summary>
    public static TheoryData<string, string, string> PodnetPlugin => new()
    {
        { "podnet", PodnetBinary.ExpectedPath, "0.4.0" },
        { "podnet", PodnetBinary.ExpectedPath, "1.0.0" },
    };

    [Theory]
    [MemberData(nameof(ReferencePlugins))]
    public Task Reference_plugins_through_libcni_add_check_cached_del(string pluginType, string pluginBinary, string cniVersion) =>
        BridgeLifecycleScenario.RunAsync(pluginType, pluginBinary, cniVersion, TestContext.Current.CancellationToken);

    [Theory]
    [MemberData(nameof(PodnetPlugin))]
    public Task Podnet_through_libcni_add_check_cached_del(string pluginType, string pluginBinary, string cniVersion) =>
        BridgeLifecycleScenario.RunAsync(pluginType, pluginBinary, cniVersion, TestContext.Current.CancellationToken);
}
