using System.Text;

namespace Podnet.Netlink.Netfilter;

/// <summary>
/// The comment nft keeps in a rule's <c>NFTA_RULE_USERDATA</c>: a TLV (<c>struct nftnl_udata</c>: type u8, length u8,
/// value) of type <c>NFTNL_UDATA_RULE_COMMENT</c> = 0 holding a NUL-terminated string. Storing owner tags this way
/// makes <c>nft list ruleset</c> show them as <c>comment "…"</c>.
/// </summary>
public static class RuleComment
{
    /// <summary>The longest comment in UTF-8 bytes: the TLV length is one byte and counts the NUL.</summary>
    public const int MaximumLength = 254;

    private const byte CommentType = 0;
    private const int TlvHeaderSize = 2;

    /// <summary>Encodes <paramref name="comment"/> as rule user data.</summary>
    /// <exception cref="ArgumentException">The comment is empty, too long or contains a NUL.</exception>
    public static byte[] Encode(string comment)
    {
        ArgumentException.ThrowIfNullOrEmpty(comment);
        if (comment.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("A rule comment cannot contain NUL.", nameof(comment));
        }

        int length = Encoding.UTF8.GetByteCount(comment);
        if (length > MaximumLength)
        {
            throw new ArgumentException($"A rule comment holds at most {MaximumLength} UTF-8 bytes, got {length}.", nameof(comment));
        }

        byte[] data = new byte[TlvHeaderSize + length + 1];
        data[0] = CommentType;
        data[1] = (byte)(length + 1);
        Encoding.UTF8.GetBytes(comment, data.AsSpan(TlvHeaderSize));
        return data;
    }

    /// <summary>Finds the comment in rule user data; <see langword="null"/> when there is none or the data is malformed.</summary>
    public static string? Decode(ReadOnlySpan<byte> userData)
    {
        while (userData.Length >= TlvHeaderSize)
        {
            byte type = userData[0];
            int length = userData[1];
            if (userData.Length < TlvHeaderSize + length)
            {
                return null;
            }

            if (type == CommentType)
            {
                return NetlinkPayload.ReadString(userData.Slice(TlvHeaderSize, length));
            }

            userData = userData[(TlvHeaderSize + length)..];
        }

        return null;
    }
}
