using Podnet.Bridge.Tests.Faults.Harness;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.EndToEnd.BadInput;

/// <summary>
/// Configuration text for the corpus cases written as text: a valid podnet network whose parts each case replaces.
/// <c>{DATA}</c> stands for the node's IPAM data directory and <c>{FILE}</c> for a regular file
/// (<see cref="BadInputResidents.AddText"/> substitutes them).
/// </summary>
internal static class BadInputTemplates
{
    public const string NetworkName = "pn-corpus";
    public const string BridgeName = "pnbr0";
    public const string Ranges = """[[{"subnet":"10.77.0.0/24"}]]""";

    /// <summary>A host-local IPAM section with the given <c>ranges</c> (JSON) and extra members.</summary>
    public static string HostLocal(string ranges = Ranges, string extra = "") =>
        $$"""{"type":"host-local","dataDir":"{DATA}","ranges":{{ranges}}{{extra}}}""";

    /// <summary>A full network configuration; <paramref name="extra"/> is spliced in as more top-level members.</summary>
    public static string Network(string? ipam = null, string extra = "", string version = "1.0.0", string name = NetworkName) =>
        $$"""{"cniVersion":"{{version}}","name":"{{name}}","type":"podnet","bridge":"{{BridgeName}}"{{extra}},"ipam":{{ipam ?? HostLocal()}}}""";

    /// <summary>A network with a single range (JSON object text of the range).</summary>
    public static string WithRange(string range) => Network(HostLocal("[[" + range + "]]"));
}
