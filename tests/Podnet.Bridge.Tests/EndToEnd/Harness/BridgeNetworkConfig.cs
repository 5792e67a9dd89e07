using System.Text.Json.Nodes;
using Podnet.Bridge.Tests.Faults.Harness;
using Podnet.Testing.Nodes;

namespace Podnet.Bridge.Tests.EndToEnd.Harness;

/// <summary>Builds plugin configurations (a bridge network with host-local IPAM) as mutable JSON.</summary>
public static class BridgeNetworkConfig
{
    /// <summary>The pod subnet used unless a test asks for another one.</summary>
    public const string DefaultSubnet = "10.88.0.0/24";

    /// <summary>
    /// <c>{cniVersion, name, type, bridge, ipam: {type: host-local, dataDir, ranges: [[{subnet}], …]}}</c>; each subnet
    /// is its own range set (two give a dual-stack network).
    /// </summary>
    public static JsonObject Create(string cniVersion, string networkName, string type, string bridgeName, string dataDirectory, params string[] subnets)
    {
        var rangeSets = new JsonArray();
        foreach (string subnet in subnets.Length == 0 ? [DefaultSubnet] : subnets)
        {
            rangeSets.Add(new JsonArray(new JsonObject { ["subnet"] = subnet }));
        }

        return new JsonObject
        {
            ["cniVersion"] = cniVersion,
            ["name"] = networkName,
            ["type"] = type,
            ["bridge"] = bridgeName,
            ["ipam"] = new JsonObject
            {
                ["type"] = "host-local",
                ["dataDir"] = dataDirectory,
                ["ranges"] = rangeSets,
            },
        };
    }

    /// <summary>The node's default configuration: podnet, the node's bridge, host-local in the node's private data directory.</summary>
    public static JsonObject Config(this TestNode node, string cniVersion = "1.0.0", params string[] subnets)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Create(cniVersion, node.NetworkName, "podnet", node.BridgeName, node.DataDirectory, subnets);
    }

    /// <summary>A copy of <paramref name="config"/> with <c>prevResult</c> set to <paramref name="previousResult"/>.</summary>
    public static JsonObject WithPreviousResult(JsonObject config, JsonNode previousResult)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(previousResult);
        var copy = (JsonObject)config.DeepClone();
        copy["prevResult"] = previousResult.DeepClone();
        return copy;
    }

    /// <summary>A copy of <paramref name="config"/> with one key set (or removed when <paramref name="value"/> is null).</summary>
    public static JsonObject With(this JsonObject config, string key, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(config);
        var copy = (JsonObject)config.DeepClone();
        if (value is null)
        {
            copy.Remove(key);
        }
        else
        {
            copy[key] = value.DeepClone();
        }

        return copy;
    }

    /// <summary>A copy of <paramref name="config"/> with one key of its <c>ipam</c> object set.</summary>
    public static JsonObject WithIpam(this JsonObject config, string key, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(config);
        var copy = (JsonObject)config.DeepClone();
        var ipam = (JsonObject)copy["ipam"]!;
        if (value is null)
        {
            ipam.Remove(key);
        }
        else
        {
            ipam[key] = value.DeepClone();
        }

        return copy;
    }

    /// <summary>A copy whose IPAM uses the legacy single-range form (<c>subnet</c>, <c>rangeStart</c>, …) instead of <c>ranges</c>.</summary>
    public static JsonObject WithSingleRange(this JsonObject config, string subnet, string? rangeStart = null, string? rangeEnd = null)
    {
        JsonObject copy = config.WithIpam("ranges", null).WithIpam("subnet", subnet);
        if (rangeStart is not null)
        {
            copy = copy.WithIpam("rangeStart", rangeStart);
        }

        if (rangeEnd is not null)
        {
            copy = copy.WithIpam("rangeEnd", rangeEnd);
        }

        return copy;
    }
}
