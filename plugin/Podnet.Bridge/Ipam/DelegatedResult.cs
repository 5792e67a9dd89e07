using Podnet.Bridge.Configuration;
using Podnet.Cni;
using Podnet.Cni.Schema;
using Podnet.Netlink.Route;

namespace Podnet.Bridge.Ipam;

/// <summary>Turns a delegated IPAM plugin's stdout into an <see cref="IpamOutcome"/> or a <see cref="CniException"/>.</summary>
internal static class DelegatedResult
{
    public static IpamOutcome Parse(byte[] stdout, string type)
    {
        SuccessResult result = PreviousResult.Parse(stdout);
        if (result.Ips is not { Count: > 0 } ips)
        {
            throw new CniException(CniErrorCode.InvalidNetworkConfig, $"IPAM plugin {type} returned no IP addresses");
        }

        return new IpamOutcome(
            [.. ips.Select(ip => new AssignedAddress(new InterfaceAddress(ip.Address.Address, ip.Address.PrefixLength), ip.Gateway))],
            result.Routes ?? [],
            result.Dns);
    }

    public static CniException Error(byte[] stdout, string type, int exitCode)
    {
        try
        {
            ErrorResult error = ErrorResult.Parse(stdout);
            return new CniException((int)error.Code, $"IPAM plugin {type}: {error.Message}", error.Details);
        }
        catch (Exception e) when (e is CniDecodeException or System.Text.Json.JsonException)
        {
            return new CniException(CniErrorCode.IOFailure, $"IPAM plugin {type} failed with exit code {exitCode} and no error object", System.Text.Encoding.UTF8.GetString(stdout));
        }
    }
}
