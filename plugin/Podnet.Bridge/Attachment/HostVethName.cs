using System.Security.Cryptography;

namespace Podnet.Bridge.Attachment;

/// <summary>Names of host-side veth ends: <c>veth</c> + 8 random hex digits, as the reference plugin names them.</summary>
internal static class HostVethName
{
    public static string Next() => "veth" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
}
