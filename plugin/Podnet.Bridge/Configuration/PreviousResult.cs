using System.Net;
using Podnet.Cni;
using Podnet.Cni.Ipam;
using Podnet.Cni.Schema;

namespace Podnet.Bridge.Configuration;

/// <summary>Reads a result (<c>prevResult</c>, or a delegated IPAM plugin's output) with the generated types.</summary>
internal static class PreviousResult
{
    public static CniResult Parse(ReadOnlySpan<byte> json)
    {
        SuccessResult parsed = BridgeSettingsParser.Decode(json, SuccessResult.Parse, "prevResult");
        var result = new CniResult();
        foreach (ResultInterface i in parsed.Interfaces ?? [])
        {
            result.Interfaces.Add(new CniInterface(i.Name, i.Mac, i.Sandbox, i.Mtu is { } mtu ? (int)mtu : null));
        }

        foreach (IpConfiguration ip in parsed.Ips ?? [])
        {
            (IPAddress address, int prefix) = Cidr(ip.Address, "ips.address");
            IPAddress? gateway = ip.Gateway is null ? null : Address(ip.Gateway, "ips.gateway");
            result.Ips.Add(new CniIpConfig(address, prefix, gateway, ip.Interface is { } index ? (int)index : null));
        }

        foreach (Route route in parsed.Routes ?? [])
        {
            (IPAddress destination, int prefix) = Cidr(route.Dst, "routes.dst");
            result.Routes.Add(new CniRoute(destination, prefix, route.Gw is null ? null : Address(route.Gw, "routes.gw"))
            {
                Mtu = (int?)route.Mtu,
                AdvMss = (int?)route.Advmss,
                Priority = (int?)route.Priority,
                Table = (int?)route.Table,
                Scope = (int?)route.Scope,
            });
        }

        if (parsed.Dns is { } dns)
        {
            result.Dns = new CniDns { Nameservers = dns.Nameservers ?? [], Domain = dns.Domain, Search = dns.Search ?? [], Options = dns.Options ?? [] };
        }

        return result;
    }

    private static (IPAddress Address, int Prefix) Cidr(string text, string field) =>
        IpCidr.TryParse(text, out IpCidr cidr)
            ? (cidr.Address, cidr.PrefixLength)
            : throw new CniException(CniErrorCode.DecodingFailure, $"invalid CIDR \"{text}\" in {field}");

    private static IPAddress Address(string text, string field) =>
        IpAddressText.TryParse(text, out IPAddress? address) ? address : throw new CniException(CniErrorCode.DecodingFailure, $"invalid IP address \"{text}\" in {field}");
}
