using System.Globalization;
using System.Net;
using System.Text.Json;
using Podnet.Bridge.Tests.Faults.Harness;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.Interop;

/// <summary>The pod's side of a CNI result: the container interface and the address assigned to it.</summary>
/// <param name="CniVersion">The result's <c>cniVersion</c>.</param>
/// <param name="InterfaceName">The interface in the pod's namespace.</param>
/// <param name="Address">The pod IP.</param>
/// <param name="PrefixLength">The prefix length of the assigned address.</param>
public sealed record PodAttachment(string CniVersion, string InterfaceName, IPAddress Address, int PrefixLength)
{
    /// <summary>
    /// Reads a 0.4.0/1.0.0 result: finds the interface named <paramref name="ifName"/> whose sandbox is
    /// <paramref name="netnsPath"/> and the IP entry pointing at it by index. Throws when either is missing.
    /// </summary>
    public static PodAttachment Parse(string resultJson, string ifName, string netnsPath)
    {
        using JsonDocument document = JsonDocument.Parse(resultJson);
        JsonElement root = document.RootElement;
        string cniVersion = root.GetProperty("cniVersion").GetString() ?? "";

        int interfaceIndex = -1;
        int index = 0;
        foreach (JsonElement candidate in root.GetProperty("interfaces").EnumerateArray())
        {
            if (candidate.GetProperty("name").GetString() == ifName
                && candidate.TryGetProperty("sandbox", out JsonElement sandbox)
                && sandbox.GetString() == netnsPath)
            {
                interfaceIndex = index;
            }

            index++;
        }

        if (interfaceIndex < 0)
        {
            throw new FormatException($"the result lists no interface {ifName} in sandbox {netnsPath}: {resultJson}");
        }

        foreach (JsonElement ip in root.GetProperty("ips").EnumerateArray())
        {
            if (ip.TryGetProperty("interface", out JsonElement pointer) && pointer.GetInt32() == interfaceIndex)
            {
                string cidr = ip.GetProperty("address").GetString() ?? "";
                int slash = cidr.IndexOf('/', StringComparison.Ordinal);
                if (slash < 0)
                {
                    throw new FormatException($"address \"{cidr}\" has no prefix length");
                }

                return new PodAttachment(
                    cniVersion,
                    ifName,
                    IPAddress.Parse(cidr.AsSpan(0, slash)),
                    int.Parse(cidr.AsSpan(slash + 1), CultureInfo.InvariantCulture));
            }
        }

        throw new FormatException($"the result has no IP on interface #{interfaceIndex} ({ifName}): {resultJson}");
    }
}
