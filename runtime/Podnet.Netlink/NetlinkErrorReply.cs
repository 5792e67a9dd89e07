using System.Runtime.InteropServices;

namespace Podnet.Netlink;

/// <summary>
/// Reads the body of <c>NLMSG_ERROR</c> (<c>struct nlmsgerr</c>) and of an <c>NLMSG_DONE</c> that carries an error,
/// including the extended-ACK attributes (<c>enum nlmsgerr_attrs</c>).
/// </summary>
internal static class NetlinkErrorReply
{
    private const ushort AttributeMessage = 1;      // NLMSGERR_ATTR_MSG
    private const ushort AttributeOffset = 2;       // NLMSGERR_ATTR_OFFS
    private const ushort AttributeMissingType = 5;  // NLMSGERR_ATTR_MISS_TYPE

    /// <summary>The positive errno in an error or done body (0 for an acknowledgement).</summary>
    public static int ReadErrno(ReadOnlySpan<byte> body, ushort messageType)
    {
        if (body.Length < sizeof(int))
        {
            // A DONE without payload (old kernels, or a protocol that sends none) is a clean end.
            return messageType == NetlinkMessageType.Done
                ? 0
                : throw new NetlinkParseException($"Truncated NLMSG_ERROR: {body.Length} bytes.");
        }

        int error = MemoryMarshal.Read<int>(body);
        return error < 0 ? -error : error;
    }

    /// <summary>Reads the extended-ACK attributes, if <c>NLM_F_ACK_TLVS</c> says there are any.</summary>
    /// <param name="messageType"><c>NLMSG_ERROR</c> or <c>NLMSG_DONE</c>.</param>
    /// <param name="flags">The reply's <c>nlmsg_flags</c>.</param>
    /// <param name="body">The reply after its header.</param>
    /// <param name="request">The request as sent (header included), to name the attribute at the error offset.</param>
    public static NetlinkExtendedAck ReadExtendedAck(ushort messageType, NetlinkMessageFlags flags, ReadOnlySpan<byte> body, ReadOnlySpan<byte> request)
    {
        if ((flags & NetlinkMessageFlags.AckTlvs) == 0)
        {
            return default;
        }

        int attributesStart = sizeof(int);
        if (messageType == NetlinkMessageType.Error)
        {
            attributesStart += NetlinkMessageHeader.Size;
            if ((flags & NetlinkMessageFlags.Capped) == 0 && body.Length >= attributesStart)
            {
                // Not capped: the whole request follows its copied header.
                uint requestLength = MemoryMarshal.Read<uint>(body[sizeof(int)..]);
                attributesStart += NetlinkAttribute.Align((int)Math.Max(requestLength, NetlinkMessageHeader.Size) - NetlinkMessageHeader.Size);
            }
        }

        if (attributesStart > body.Length)
        {
            throw new NetlinkParseException($"Extended ACK attributes start at {attributesStart}, past the {body.Length}-byte reply.");
        }

        string? message = null;
        int? offset = null;
        ushort? missing = null;
        var reader = new NetlinkAttributeReader(body[attributesStart..]);
        while (reader.TryRead(out ushort type, out ReadOnlySpan<byte> payload, out _))
        {
            switch (type)
            {
                case AttributeMessage:
                    message = NetlinkPayload.ReadString(payload);
                    break;
                case AttributeOffset:
                    offset = (int)NetlinkPayload.ReadU32(payload, type);
                    break;
                case AttributeMissingType:
                    missing = (ushort)NetlinkPayload.ReadU32(payload, type);
                    break;
                default:
                    break;
            }
        }

        return new NetlinkExtendedAck(message, offset, offset is int at ? FindAttributeType(request, at) : null, missing);
    }

    /// <summary>The type of the attribute whose header starts at <paramref name="offset"/> in the request.</summary>
    private static ushort? FindAttributeType(ReadOnlySpan<byte> request, int offset)
    {
        if (offset < NetlinkMessageHeader.Size || offset > request.Length - NetlinkAttribute.HeaderSize)
        {
            return null;
        }

        ushort length = MemoryMarshal.Read<ushort>(request[offset..]);
        ushort type = MemoryMarshal.Read<ushort>(request[(offset + 2)..]);
        return length >= NetlinkAttribute.HeaderSize && length <= request.Length - offset
            ? (ushort)(type & NetlinkAttribute.TypeMask)
            : null;
    }
}

/// <summary>The extended-ACK details (<c>enum nlmsgerr_attrs</c>) the kernel attached to an error.</summary>
/// <param name="Message">The kernel's text (<c>NLMSGERR_ATTR_MSG</c>).</param>
/// <param name="Offset">Offset of the offending attribute in the request (<c>NLMSGERR_ATTR_OFFS</c>).</param>
/// <param name="AttributeType">Type of the request attribute found at <paramref name="Offset"/>.</param>
/// <param name="MissingAttributeType">Type of a required attribute that was missing (<c>NLMSGERR_ATTR_MISS_TYPE</c>).</param>
public readonly record struct NetlinkExtendedAck(string? Message, int? Offset, ushort? AttributeType, ushort? MissingAttributeType);
