using System.Net;
using Podnet.Cni;
using Podnet.Netlink;

namespace Podnet.Bridge.Configuration;

/// <summary>
/// The bridge plugin configuration after validation: every field of the reference bridge plugin, with its
/// defaults applied. Nothing on the host is touched before this has been built successfully.
/// </summary>
internal sealed record BridgeSettings
{
    /// <summary>The reference plugin's default bridge name.</summary>
    public const string DefaultBridgeName = "cni0";

    public required string NetworkName { get; init; }

    public required string CniVersion { get; init; }

    public string BridgeName { get; init; } = DefaultBridgeName;

    /// <summary>Give the bridge the gateway address (also true when <see cref="IsDefaultGateway"/>).</summary>
    public bool IsGateway { get; init; }

    /// <summary>Add a default route via the bridge address in the container.</summary>
    public bool IsDefaultGateway { get; init; }

    /// <summary>Replace a different existing address of the same family on the bridge.</summary>
    public bool ForceAddress { get; init; }

    /// <summary>Masquerade traffic from the pod to destinations outside its subnet.</summary>
    public bool IpMasq { get; init; }

    /// <summary>MTU for the bridge and both veth ends; null leaves the kernel default.</summary>
    public uint? Mtu { get; init; }

    public bool HairpinMode { get; init; }

    /// <summary>Podnet: the agent's subnet.env whose presence makes the node ready (null: always ready).</summary>
    public string? SubnetFile { get; init; }

    public bool PromiscMode { get; init; }

    /// <summary>Access VLAN of the host veth (0 = none). Turns on VLAN filtering on the bridge.</summary>
    public int Vlan { get; init; }

    /// <summary>Trunk VLAN ids of the host veth.</summary>
    public IReadOnlyList<int> VlanTrunk { get; init; } = [];

    /// <summary>Keep the bridge's default VLAN (1) on the host veth when VLANs are configured.</summary>
    public bool PreserveDefaultVlan { get; init; } = true;

    /// <summary>IPv6 duplicate address detection in the container (off by default).</summary>
    public bool EnableDad { get; init; }

    /// <summary>Drop frames from the container whose source MAC is not the container interface's.</summary>
    public bool MacSpoofCheck { get; init; }

    /// <summary>Leave the container interface down.</summary>
    public bool DisableContainerInterface { get; init; }

    /// <summary>Isolate the host veth on the bridge (isolated ports cannot talk to each other).</summary>
    public bool PortIsolation { get; init; }

    /// <summary>IPAM: in-process host-local, a delegated plugin, or none (L2 only).</summary>
    public required IpamSettings Ipam { get; init; }

    /// <summary>DNS settings copied into the result (as written in the configuration; null when absent).</summary>
    public Podnet.Cni.Schema.DnsConfiguration? Dns { get; init; }

    /// <summary>The container MAC requested by <c>CNI_ARGS MAC=</c>, <c>args.cni.mac</c> or <c>runtimeConfig.mac</c>.</summary>
    public MacAddress? ContainerMac { get; init; }

    /// <summary>Specific IPs requested by <c>CNI_ARGS IP=</c>, <c>args.cni.ips</c> or <c>runtimeConfig.ips</c>.</summary>
    public IReadOnlyList<IPAddress> RequestedIps { get; init; } = [];

    /// <summary>GC's <c>cni.dev/valid-attachments</c>: every attachment to keep.</summary>
    public IReadOnlyCollection<Podnet.Cni.Ipam.IpamAttachment> ValidAttachments { get; init; } = [];

    /// <summary>The raw <c>prevResult</c> (CHECK, and DEL when given).</summary>
    public ReadOnlyMemory<byte>? PreviousResult { get; init; }

    /// <summary>Whether any VLAN setting needs VLAN filtering on the bridge.</summary>
    public bool UsesVlans => Vlan != 0 || VlanTrunk.Count > 0;

    /// <summary>
    /// With <see cref="IsGateway"/> and an access <see cref="Vlan"/>: the host interface that carries the gateway
    /// address, <c>&lt;bridge&gt;.&lt;vlan&gt;</c> (as the reference plugin names it); null when the bridge itself does.
    /// </summary>
    public string? VlanGatewayName => IsGateway && Vlan != 0 ? VlanGatewayNameFor(BridgeName, Vlan) : null;

    /// <summary>Whether <paramref name="dns"/> sets nothing (then IPAM's DNS goes into the result).</summary>
    public static bool IsEmpty(Podnet.Cni.Schema.DnsConfiguration? dns) =>
        dns is null || (dns.Nameservers is not { Count: > 0 } && dns.Domain is null && dns.Search is not { Count: > 0 } && dns.Options is not { Count: > 0 });

    /// <summary>The name of the VLAN gateway interface of <paramref name="bridge"/> for <paramref name="vlan"/>.</summary>
    public static string VlanGatewayNameFor(string bridge, int vlan) =>
        bridge + "." + vlan.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
