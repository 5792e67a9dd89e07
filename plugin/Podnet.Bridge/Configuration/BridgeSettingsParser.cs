using System.Net;
using System.Text.Json;
using Podnet.Cni;
using Podnet.Cni.Ipam;
using Podnet.Cni.Schema;
using Podnet.Netlink;

namespace Podnet.Bridge.Configuration;

/// <summary>
/// Decodes the plugin configuration with the schema-generated <see cref="BridgeConfiguration"/> and validates the
/// rest of it before anything on the host changes. What one member's schema can state is checked by the generated
/// reader alone (types, enums, the VLAN and MTU ranges, addresses, CIDRs, MACs and paths: specs/cni/*.schema.json);
/// this class keeps the rules that span members or need more than a schema: the bridge and VLAN gateway names,
/// hairpin with promiscuous mode, VLAN trunk ranges, IPAM ranges, the requested MAC and IPs.
/// </summary>
internal static class BridgeSettingsParser
{
    private static readonly string[] KnownArgs = ["MAC", "IP", "K8S_POD_NAME", "K8S_POD_NAMESPACE", "K8S_POD_INFRA_CONTAINER_ID", "K8S_POD_UID"];

    public static BridgeSettings Parse(CniRequest request)
    {
        BridgeConfiguration config = Decode(request.Config.Span, BridgeConfiguration.Parse, "network config");
        request.Args.RejectUnknown(KnownArgs);

        string bridge = config.Bridge ?? BridgeSettings.DefaultBridgeName;
        if (CniNames.InterfaceNameProblem(bridge) is { } problem)
        {
            throw Invalid($"invalid bridge name \"{bridge}\": {problem}");
        }

        if (config.HairpinMode == true && config.PromiscMode == true)
        {
            throw Invalid("cannot set hairpin mode and promiscuous mode at the same time");
        }

        // 0..4094 (bridge.schema.json): the generated reader has checked it.
        int vlan = (int)(config.Vlan ?? 0);

        bool isGateway = config.IsGateway == true || config.IsDefaultGateway == true;
        if (isGateway && vlan != 0 && CniNames.InterfaceNameProblem(BridgeSettings.VlanGatewayNameFor(bridge, vlan)) is { } gatewayProblem)
        {
            string name = BridgeSettings.VlanGatewayNameFor(bridge, vlan);
            throw Invalid($"invalid VLAN gateway interface name \"{name}\" (bridge name + \".\" + vlan, for isGateway with vlan): {gatewayProblem}");
        }

        List<int> trunk = TrunkIds(config.VlanTrunk);
        return new BridgeSettings
        {
            NetworkName = request.NetworkName,
            CniVersion = request.CniVersion,
            BridgeName = bridge,
            IsGateway = isGateway,
            IsDefaultGateway = config.IsDefaultGateway == true,
            ForceAddress = config.ForceAddress == true,
            IpMasq = config.IpMasq == true,
            Mtu = (uint?)config.Mtu, // 68..65535 (bridge.schema.json)
            HairpinMode = config.HairpinMode == true,
            SubnetFile = config.SubnetFile,
            PromiscMode = config.PromiscMode == true,
            Vlan = vlan,
            VlanTrunk = trunk,
            PreserveDefaultVlan = config.PreserveDefaultVlan ?? true,
            EnableDad = config.EnableDad == true,
            MacSpoofCheck = config.MacSpoofCheck == true,
            DisableContainerInterface = config.DisableContainerInterface == true,
            PortIsolation = config.PortIsolation == true,
            Ipam = ParseIpam(config.Ipam),
            Dns = config.Dns,
            ContainerMac = RequestedMac(request, config),
            RequestedIps = RequestedIps(request, config),
            PreviousResult = config.PrevResult,
            ValidAttachments = ValidAttachments(config),
        };
    }

    private static List<IpamAttachment> ValidAttachments(BridgeConfiguration config)
    {
        var valid = new List<IpamAttachment>();
        foreach (GcAttachment attachment in config.ValidAttachments ?? [])
        {
            try
            {
                valid.Add(new IpamAttachment(attachment.ContainerId, attachment.InterfaceName));
            }
            catch (IpamException e)
            {
                throw Invalid($"invalid entry in cni.dev/valid-attachments: {e.Message}");
            }
        }

        return valid;
    }

    /// <summary>
    /// Decodes with a generated reader and maps its failures to CNI errors: a member that is not of its format (an IP
    /// address, CIDR, MAC or path) gives <paramref name="formatErrorCode"/> and <c>invalid CIDR "x" in routes.dst</c>;
    /// another value the schema does not allow gives 7; JSON that is malformed or of the wrong type gives 6. Where the
    /// member's schema states an <c>errorMessage</c> (e.g. the MTU's), that message is the whole text.
    /// </summary>
    public static T Decode<T>(ReadOnlySpan<byte> json, Func<ReadOnlySpan<byte>, T> parse, string what, int formatErrorCode = CniErrorCode.InvalidNetworkConfig)
    {
        ArgumentNullException.ThrowIfNull(parse);
        try
        {
            return parse(json);
        }
        catch (CniDecodeException e) when (e.IsStated)
        {
            throw new CniException(e.Format is null ? CniErrorCode.InvalidNetworkConfig : formatErrorCode, e.Reason);
        }
        catch (CniDecodeException e) when (e.Format is not null)
        {
            throw new CniException(formatErrorCode, $"{e.Reason} in {e.Member}");
        }
        catch (CniDecodeException e) when (e.IsConstraintViolation)
        {
            // Well-formed and well-typed, but a value the schema does not allow (vlan 5000, an unknown enum string).
            throw new CniException(CniErrorCode.InvalidNetworkConfig, $"invalid {what}: {e.Message}");
        }
        catch (CniDecodeException e)
        {
            throw new CniException(CniErrorCode.DecodingFailure, $"error decoding {what}: {e.Message}");
        }
        catch (JsonException e)
        {
            throw new CniException(CniErrorCode.DecodingFailure, $"error decoding {what}: {e.Message}");
        }
    }

    private static IpamSettings ParseIpam(ReadOnlyMemory<byte>? raw)
    {
        if (raw is not { } ipam || IsEmptyObject(ipam.Span))
        {
            return new IpamSettings();
        }

        string? type = ReadType(ipam.Span);
        if (string.IsNullOrEmpty(type))
        {
            throw Invalid("IPAM configuration has no \"type\"");
        }

        if (type != "host-local")
        {
            return new IpamSettings { Type = type };
        }

        HostLocalIpamConfiguration hostLocal = Decode(ipam.Span, HostLocalIpamConfiguration.Parse, "IPAM config");
        var config = new IpamConfig(HostLocalRanges(hostLocal), hostLocal.DataDir, HostLocalRoutes(hostLocal), hostLocal.ResolvConf);

        // Validate ranges now: a bad range must fail before the bridge or a veth exists.
        try
        {
            config.CreateRangeSets();
        }
        catch (IpamException e)
        {
            throw new CniException(e.CniErrorCode, e.Message);
        }

        return new IpamSettings { Type = type, HostLocal = config };
    }

    private static List<IReadOnlyList<IpamRangeSpec>> HostLocalRanges(HostLocalIpamConfiguration config)
    {
        var sets = new List<IReadOnlyList<IpamRangeSpec>>();
        if (config.Subnet is { } subnet)
        {
            // The legacy single-range form becomes the first range set, as host-local does.
            sets.Add([new IpamRangeSpec(subnet, config.RangeStart, config.RangeEnd, config.Gateway)]);
        }

        foreach (List<Podnet.Cni.Schema.IpRange> set in config.Ranges ?? [])
        {
            sets.Add([.. set.Select(r => new IpamRangeSpec(r.Subnet, r.RangeStart, r.RangeEnd, r.Gateway))]);
        }

        return sets.Count > 0 ? sets : throw Invalid("IPAM config has no ranges and no subnet");
    }

    // A route destination may have host bits set; like the reference, the route is to the network.
    private static List<IpamRoute> HostLocalRoutes(HostLocalIpamConfiguration config) =>
        [.. (config.Routes ?? []).Select(r => new IpamRoute(new IpCidr(r.Dst.NetworkAddress, r.Dst.PrefixLength), r.Gw))];

    private static MacAddress? RequestedMac(CniRequest request, BridgeConfiguration config)
    {
        // Precedence as in the reference plugin: runtimeConfig.mac over args.cni.mac over CNI_ARGS MAC. The first two
        // are MACs already (format "mac"); CNI_ARGS is text.
        MacAddress mac;
        if ((config.RuntimeConfig?.Mac ?? config.Args?.Cni?.Mac) is { } configured)
        {
            mac = configured;
        }
        else if (request.Args.Get("MAC") is { } text)
        {
            mac = MacAddress.TryParse(text, out MacAddress parsed) ? parsed : throw Invalid($"invalid MAC address \"{text}\"");
        }
        else
        {
            return null;
        }

        return mac.IsMulticast || mac.IsZero ? throw Invalid($"MAC address {mac} cannot be assigned to an interface (multicast or zero)") : mac;
    }

    private static List<IPAddress> RequestedIps(CniRequest request, BridgeConfiguration config)
    {
        IEnumerable<string> texts = config.RuntimeConfig?.Ips
            ?? config.Args?.Cni?.Ips
            ?? (IEnumerable<string>?)request.Args.Get("IP")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            ?? [];
        var ips = new List<IPAddress>();
        foreach (string text in texts)
        {
            int slash = text.IndexOf('/', StringComparison.Ordinal);
            string address = slash >= 0 ? text[..slash] : text;
            ips.Add(IpAddressText.TryParse(address, out IPAddress? ip) ? ip : throw Invalid($"invalid requested IP \"{text}\""));
        }

        return ips;
    }

    private static List<int> TrunkIds(List<VlanTrunk>? trunks)
    {
        var ids = new SortedSet<int>();
        foreach (VlanTrunk trunk in trunks ?? [])
        {
            // Each id is 1..4094 (bridge.schema.json): the generated reader has checked it.
            if (trunk.Id is { } id)
            {
                ids.Add((int)id);
            }

            if (trunk.MinId is not null || trunk.MaxId is not null)
            {
                int min = (int)(trunk.MinId ?? throw Invalid("vlanTrunk: minID requires maxID"));
                int max = (int)(trunk.MaxId ?? throw Invalid("vlanTrunk: maxID requires minID"));
                if (min > max)
                {
                    throw Invalid($"vlanTrunk: minID {min} is greater than maxID {max}");
                }

                for (int v = min; v <= max; v++)
                {
                    ids.Add(v);
                }
            }
        }

        return [.. ids];
    }

    private static bool IsEmptyObject(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        return reader.Read() && reader.TokenType == JsonTokenType.StartObject && reader.Read() && reader.TokenType == JsonTokenType.EndObject;
    }

    private static string? ReadType(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new CniException(CniErrorCode.DecodingFailure, "error decoding IPAM config: \"ipam\" must be an object");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isType = reader.ValueTextEquals("type"u8);
            reader.Read();
            if (isType)
            {
                return reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new CniException(CniErrorCode.DecodingFailure, "error decoding IPAM config: \"type\" must be a string");
            }

            reader.Skip();
        }

        return null;
    }

    private static CniException Invalid(string message) => new(CniErrorCode.InvalidNetworkConfig, message);
}
