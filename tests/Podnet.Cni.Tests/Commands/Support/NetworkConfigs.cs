
namespace Podnet.Cni.Tests.Commands.Support;

/// <summary>Small network configurations for the in-process tests.</summary>
internal static class NetworkConfigs
{
    public const string NetworkName = "pn-test-net";

    public static string Minimal(string cniVersion, string name = NetworkName) =>
        $$"""{"cniVersion":"{{cniVersion}}","name":"{{name}}","type":"recording"}""";
}
