using System.Net;
using System.Text;

namespace Podnet.Cni.Ipam;

/// <summary>
/// The reference's per-address file, <c>&lt;network dir&gt;/&lt;ip&gt;</c>, holding
/// <c>&lt;containerID&gt;\r\n&lt;ifname&gt;</c> (older host-local versions wrote the container ID only).
/// </summary>
internal static class AllocationFile
{
    /// <summary>The largest allocation file the store reads; anything bigger is not the reference's.</summary>
    public const int MaxLength = 4096;

    public static byte[] Content(IpamAttachment attachment) =>
        Encoding.UTF8.GetBytes($"{attachment.ContainerId}\r\n{attachment.InterfaceName}");

    /// <summary>Reads the owner: null if there is no file; an unreadable or unparsable file gives a null container ID.</summary>
    public static IpamStoredAllocation? Read(string path, IPAddress address)
    {
        byte[]? content;
        try
        {
            content = StoreFiles.ReadSmall(path, MaxLength);
        }
        catch (IOException)
        {
            return new IpamStoredAllocation(address, null, null);
        }

        return content is null ? null : Parse(content, address);
    }

    public static IpamStoredAllocation Parse(ReadOnlySpan<byte> content, IPAddress address)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content).Trim();
        }
        catch (DecoderFallbackException)
        {
            return new IpamStoredAllocation(address, null, null);
        }

        int separator = text.IndexOf("\r\n", StringComparison.Ordinal);
        string containerId = separator < 0 ? text : text[..separator];
        string? interfaceName = separator < 0 ? null : text[(separator + 2)..];
        if (containerId.Length == 0 || HasWhiteSpace(containerId) || (interfaceName is not null && (interfaceName.Length == 0 || HasWhiteSpace(interfaceName))))
        {
            return new IpamStoredAllocation(address, null, null);
        }

        return new IpamStoredAllocation(address, containerId, interfaceName);
    }

    private static bool HasWhiteSpace(string text)
    {
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }
}
