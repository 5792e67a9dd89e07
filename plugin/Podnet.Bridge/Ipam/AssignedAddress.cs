using System.Net;
using Podnet.Netlink.Route;

namespace Podnet.Bridge.Ipam;

/// <summary>An address IPAM gave the pod, with the gateway of its range.</summary>
internal sealed record AssignedAddress(InterfaceAddress Address, IPAddress? Gateway);
